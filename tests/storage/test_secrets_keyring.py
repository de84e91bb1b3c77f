"""The real Secret Service (gnome-keyring in a private D-Bus session, set up by tests/run_all.py):
secrets round-trip, and a QuickBooks sign-in survives into a separate later process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import keyring
import keyring.backend
import pytest
import requests

from tests.fakes.intuit_server import CLIENT_ID, CLIENT_SECRET, REALM, FakeIntuit
from tests.fakes.quickbooks_server import FakeQuickBooks
from wizard.sources import intuit, quickbooks
from wizard.storage import secrets

pytestmark = pytest.mark.keyring
ROOT = Path(__file__).resolve().parents[2]


def test_secret_round_trip(real_keyring: keyring.backend.KeyringBackend) -> None:
    assert secrets.available()
    secrets.put("test-entry", "s3cret-value-for-the-keyring")
    assert keyring.get_password(secrets.SERVICE, "test-entry") == "s3cret-value-for-the-keyring"
    assert secrets.get("test-entry") == "s3cret-value-for-the-keyring"
    secrets.delete("test-entry")
    assert secrets.get("test-entry") is None
    secrets.delete("test-entry")  # deleting twice is not an error


def test_sign_in_then_a_later_process_needs_no_new_sign_in(
        real_keyring: keyring.backend.KeyringBackend, monkeypatch: pytest.MonkeyPatch) -> None:
    uri = "http://localhost:8765/callback"
    with FakeIntuit(redirect_uris=(uri,)) as fake_intuit, \
            FakeQuickBooks(fake_intuit) as fake_qbo:
        env = {intuit.ENV_CLIENT_ID: CLIENT_ID, intuit.ENV_CLIENT_SECRET: CLIENT_SECRET,
               intuit.ENV_DISCOVERY_URL: fake_intuit.discovery_url,
               intuit.ENV_REDIRECT_URI: uri, quickbooks.ENV_API_URL: fake_qbo.url}
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        sign_in = intuit.SignIn(listen=False)
        landed = requests.get(sign_in.start(), allow_redirects=False,
                              timeout=10).headers["Location"]
        assert sign_in.complete_from_pasted(landed) == REALM
        sign_in.close()
        fake_intuit.expire_access_tokens()  # the next run, an hour later, must refresh
        done = subprocess.run([sys.executable, "-m", "wizard", "check", "--json"], cwd=ROOT,
                              env=dict(os.environ), capture_output=True, text=True, timeout=120,
                              check=False)
        assert done.returncode in (0, 1), done.stderr
        result = json.loads(done.stdout)
        assert result["sources"]["quickbooks"] == "api"
        assert "QBO_CONNECTED" in {f["code"] for f in result["findings"]}
        assert fake_intuit.calls == ["authorization_code", "refresh_token"]
        # the child rotated the refresh token and left the new one in the keyring
        live = fake_intuit.live_refresh_tokens()[0]
        assert secrets.get(intuit.key_refresh(REALM)) == live
        assert quickbooks.connection_state().company_name == "Brightside Studio LLC"
        home = Path(os.environ["SYNC_CHECKUP_HOME"])
        written = "".join(p.read_text(errors="replace") for p in home.rglob("*") if p.is_file())
        for secret in (live, fake_intuit.grants[0].access, CLIENT_SECRET):
            assert secret not in written
            assert secret not in done.stdout + done.stderr
        assert quickbooks.disconnect().startswith("Disconnected")
    assert not quickbooks.has_stored_login()
    assert keyring.get_password(secrets.SERVICE, intuit.key_refresh(REALM)) is None
