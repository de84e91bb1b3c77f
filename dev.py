#!/usr/bin/env python3
"""Developer entry point: sets up .venv on first use, then runs the app or the tests.

    python3 dev.py demo        the wizard on the sample company (check --demo without a screen)
    python3 dev.py test        every test
    python3 dev.py mutate [FILE...]  mutation testing of wizard/core modules (tests/mutate.py)
    python3 dev.py build       the one-folder PyInstaller bundle in build/dist/
    python3 dev.py run ARGS    sync-checkup with ARGS, e.g. `run check --demo --json`

Only the standard library is used here, so it runs on a fresh Python 3.11.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".sync-checkup-installed"


def _wanted_stamp() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_venv() -> None:
    """Create the virtual environment and install the project with test and dev extras."""
    if not PYTHON.exists():
        print("Creating .venv (first run only)...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if STAMP.exists() and STAMP.read_text() == _wanted_stamp():
        return
    print("Installing dependencies into .venv...", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{ROOT}[test,dev]"], check=True)
    STAMP.write_text(_wanted_stamp())


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "demo"
    rest = argv[1:]
    ensure_venv()
    if command == "demo":
        if has_display():
            args = ["-m", "wizard", "--demo", *rest]
        else:
            print("No screen found: running the checks on the sample company in the terminal.\n")
            args = ["-m", "wizard", "check", "--demo", *rest]
            code = subprocess.call([str(PYTHON), *args], cwd=ROOT)
            if code == 1:  # "at least one check fails": the sample company is built to show them
                print("\nThe sample company has problems to fix on purpose; the run succeeded.")
                return 0
            return code
        return subprocess.call([str(PYTHON), *args], cwd=ROOT)
    if command == "test":
        return subprocess.call([str(PYTHON), str(ROOT / "tests" / "run_all.py"), *rest], cwd=ROOT)
    if command == "mutate":
        return subprocess.call([str(PYTHON), str(ROOT / "tests" / "mutate.py"), *rest], cwd=ROOT)
    if command == "build":
        return subprocess.call([str(PYTHON), "-m", "PyInstaller", "--noconfirm",
                                "--workpath", str(ROOT / "build" / "work"),
                                "--distpath", str(ROOT / "build" / "dist"),
                                str(ROOT / "build" / "pyinstaller.spec"), *rest], cwd=ROOT)
    if command == "run":
        return subprocess.call([str(PYTHON), "-m", "wizard", *rest], cwd=ROOT)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
