"""Runs every test: lint (ruff), the layer contracts (import-linter), types (mypy on the core),
then pytest — inside a private D-Bus session with an unlocked gnome-keyring when the machine has
one, so the keyring tests use the real Secret Service.

Called by `python3 dev.py test`; extra arguments go to pytest.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _run(title: str, cmd: list[str], env: dict[str, str] | None = None) -> int:
    print(f"\n=== {title}: {' '.join(cmd)}", flush=True)
    return subprocess.call(cmd, cwd=ROOT, env=env)


def main(pytest_args: list[str]) -> int:
    failures = []
    if not pytest_args:
        if _run("ruff", [str(BIN / "ruff"), "check", "."]):
            failures.append("ruff")
        if _run("import-linter", [str(BIN / "lint-imports")]):
            failures.append("import-linter")
        if _run("mypy (core)", [sys.executable, "-m", "mypy"]):
            failures.append("mypy")
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    pytest = [sys.executable, "-m", "pytest", *pytest_args]
    keyring_home = None
    if shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon"):
        # An empty password creates no login keyring (every write would then need a prompt);
        # a throw-away folder keeps the developer's own keyrings out of it.
        keyring_home = tempfile.mkdtemp(prefix="sync-checkup-keyring-")
        inner = ("printf 'sync-checkup-tests' | XDG_DATA_HOME=\"$KEYRING_HOME\" "
                 "gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null && "
                 "exec \"$@\"")
        env["KEYRING_HOME"] = keyring_home
        # A runtime folder of this run's own: the accessibility bus and the keyring daemon put
        # their sockets there, so two test runs on one machine no longer pull each other's away
        # ("Couldn't connect to accessibility bus" when they shared ~/.cache/at-spi).
        env["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="sync-checkup-runtime-", dir=keyring_home)
        cmd = ["dbus-run-session", "--", "sh", "-c", inner, "sh", *pytest]
        env["SYNC_CHECKUP_REAL_KEYRING"] = "1"
    else:
        print("No gnome-keyring/dbus-run-session here: keyring tests will skip.", flush=True)
        cmd = pytest
    code = _run("pytest", cmd, env)
    if keyring_home:
        shutil.rmtree(keyring_home, ignore_errors=True)
    if code:
        failures.append("pytest")
    if failures:
        print(f"\nFAILED: {', '.join(failures)}", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
