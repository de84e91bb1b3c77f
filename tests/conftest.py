"""Hygiene for every test: its own home for settings, logs and history; no keyring of the user's;
no secrets or Sync Checkup variables leaking in from the environment."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import keyring
import keyring.backend
import pytest
from hypothesis import HealthCheck, settings

from tests.fakes.intuit_server import MemoryKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests: hypothesis' usual 100 examples by default; HYPOTHESIS_PROFILE=thorough for the
# separate long run (at least 10,000 examples per parser). No per-example deadline in either: a
# busy machine makes one example slow without anything being wrong, and speed is measured by the
# benchmarks, not by tests.
settings.register_profile("usual", deadline=None)
settings.register_profile("thorough", max_examples=10_000, deadline=None)
# `dev.py mutate` runs the same examples slower (mutmut's trampolines on a shared machine): its
# clean run must not fail on generation speed either.
settings.register_profile("mutation", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "usual"))

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REFERENCE = SHARED / "reference"


def skip_unless_required(reason: str) -> NoReturn:
    """Skip the test, or fail it where every test must run (SYNC_CHECKUP_REQUIRE_ALL=1, CI)."""
    if os.environ.get("SYNC_CHECKUP_REQUIRE_ALL"):
        pytest.fail(reason)
    pytest.skip(reason)


def require_tool(name: str) -> str:
    """The path of a command the test needs; skip (or fail in CI) when it is missing."""
    path = shutil.which(name)
    if path is None:
        skip_unless_required(f"{name} is not installed (Debian package; .ci/run installs it)")
    return path


def reference_file(name: str) -> Path:
    """A file from ../shared/reference, which lives beside the repo and is never copied in;
    skip (or fail in CI, which has it beside its clone) when it is absent."""
    path = REFERENCE / name
    if not path.is_file():
        skip_unless_required(
            f"{path} is absent: the shared reference folder is not beside this checkout")
    return path


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SYNC_CHECKUP_HOME", str(home))
    for name in list(os.environ):
        if name.startswith("SYNC_CHECKUP_") and name not in (
                "SYNC_CHECKUP_HOME", "SYNC_CHECKUP_REQUIRE_ALL", "SYNC_CHECKUP_REAL_KEYRING"):
            monkeypatch.delenv(name)
    return home


@pytest.fixture
def real_keyring() -> Iterator[keyring.backend.KeyringBackend]:
    """The real Secret Service (gnome-keyring in the private D-Bus session of tests/run_all.py).

    Afterwards every entry the app may have written under its service name is deleted.
    """
    if os.environ.get("SYNC_CHECKUP_REAL_KEYRING") != "1":
        skip_unless_required("needs the real Secret Service: run through tests/run_all.py "
                             "(dbus-run-session with gnome-keyring; .ci/run installs both)")
    from keyring.backends import SecretService

    previous = keyring.get_keyring()
    backend = SecretService.Keyring()
    keyring.set_keyring(backend)
    yield backend
    collection = backend.get_preferred_collection()
    with contextlib.closing(collection.connection):
        for item in collection.search_items({"service": "SyncCheckup"}):
            item.delete()
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An in-memory keyring backend for tests about what is stored, not about the OS store
    (tests/storage/test_secrets_keyring.py covers the real Secret Service)."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
