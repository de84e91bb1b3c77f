"""The release build's resources/intuit_app.json, as build/intuit_app_json.py writes it in the
release workflow: the relay page is the redirect, and the app reads it back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.fakes.intuit_server import MemoryKeyring
from wizard.core.errors import IntuitKeysMissing
from wizard.sources import intuit

ROOT = Path(__file__).resolve().parents[2]
RELAY = "https://sync-checkup.example.invalid/sync-checkup/"


def write(tmp_path: Path, relay: str, **keys: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "INTUIT_CLIENT_ID": keys.get("client_id", ""),
           "INTUIT_CLIENT_SECRET": keys.get("client_secret", "")}
    return subprocess.run([sys.executable, str(ROOT / "build" / "intuit_app_json.py"),
                           "--relay-page", relay, "--out", str(tmp_path / "intuit_app.json")],
                          capture_output=True, text=True, env=env, timeout=60, check=False)


@pytest.fixture
def app_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(intuit.app_keys, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    return tmp_path / "intuit_app.json"


def test_release_keys_sign_in_through_the_relay_page(
        app_file: Path, tmp_path: Path, memory_keyring: MemoryKeyring,
        monkeypatch: pytest.MonkeyPatch) -> None:
    done = write(tmp_path, RELAY, client_id="release-id", client_secret="release-secret-0042")
    assert done.returncode == 0, done.stderr
    assert "release-secret" not in done.stdout + done.stderr
    keys = intuit.load_app_keys()
    assert (keys.client_id, keys.environment, keys.redirect_uri, keys.origin) == (
        "release-id", "production", RELAY, "file")
    assert intuit.relay_page_address() == RELAY
    assert not intuit.is_loopback_redirect(keys.redirect_uri)
    # development and support runs can still point the redirect elsewhere
    monkeypatch.setenv(intuit.ENV_REDIRECT_URI, "http://localhost:8765/callback")
    assert intuit.load_app_keys().redirect_uri == "http://localhost:8765/callback"


def test_a_build_without_keys_still_knows_its_relay_page(
        app_file: Path, tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    assert write(tmp_path, RELAY).returncode == 0
    with pytest.raises(IntuitKeysMissing):
        intuit.load_app_keys()
    assert intuit.relay_page_address() == RELAY


def test_the_relay_page_must_be_https(app_file: Path, tmp_path: Path) -> None:
    done = write(tmp_path, "http://localhost:8765/callback", client_id="a", client_secret="b")
    assert done.returncode != 0
    assert "https://" in done.stderr
    assert not app_file.exists()
    assert intuit.relay_page_address() is None
