"""End to end: a real headless Chromium follows the authorise URL to the fake Intuit, is sent to
the app's loopback listener, and the app completes the token exchange."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import chromium
from tests.fakes.intuit_server import CLIENT_ID, CLIENT_SECRET, REALM, FakeIntuit, MemoryKeyring
from wizard.core.errors import SignInFailed
from wizard.sources import intuit
from wizard.storage import secrets

pytestmark = pytest.mark.browser

@pytest.fixture
def fake_intuit(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeIntuit]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    uri = f"http://localhost:{port}/callback"
    with FakeIntuit(redirect_uris=(uri,)) as fake:
        monkeypatch.setenv(intuit.ENV_CLIENT_ID, CLIENT_ID)
        monkeypatch.setenv(intuit.ENV_CLIENT_SECRET, CLIENT_SECRET)
        monkeypatch.setenv(intuit.ENV_DISCOVERY_URL, fake.discovery_url)
        monkeypatch.setenv(intuit.ENV_REDIRECT_URI, uri)
        yield fake


def browse(url: str, workdir: Path) -> str:
    """Open `url` in headless Chromium and return the DOM of the page it ends on."""
    return chromium.visit(url, workdir).dom


def test_browser_sign_in_lands_on_the_listener(
        fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    sign_in = intuit.SignIn()
    try:
        url = sign_in.start()
        assert sign_in.listening
        page = browse(url, tmp_path / "profile")
        realm = sign_in.wait(30)
    finally:
        sign_in.close()
    assert "You can close this tab" in page
    assert realm == REALM
    assert fake_intuit.calls == ["authorization_code"]
    assert secrets.get(intuit.key_refresh(REALM)) == fake_intuit.live_refresh_tokens()[0]


def test_browser_cancel_gives_the_calm_sentence(
        fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    fake_intuit.deny = True
    sign_in = intuit.SignIn()
    try:
        browse(sign_in.start(), tmp_path / "profile")
        with pytest.raises(SignInFailed) as caught:
            sign_in.wait(30)
    finally:
        sign_in.close()
    assert str(caught.value) == SignInFailed.CANCELLED
    assert memory_keyring.store == {}
