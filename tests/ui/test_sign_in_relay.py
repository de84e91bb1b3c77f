"""The Welcome page's "Sign in with Intuit" with release-style keys: the redirect is the relay
page (served over https on the loopback), a real headless Chromium follows the address the app
opens, and the page notices the sign-in by itself; or the user pastes the forwarded address.
Tokens go to the real keyring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import keyring.backend
import pytest
import requests
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from tests import chromium
from tests.fakes.intuit_server import CLIENT_ID, CLIENT_SECRET, REALM, FakeIntuit
from tests.fakes.relay_page import RelayPage
from tests.ui.conftest import make_window
from wizard.flow import Page
from wizard.sources import intuit
from wizard.storage import secrets

pytestmark = [pytest.mark.gui, pytest.mark.browser, pytest.mark.keyring]


class _Browser(QObject):
    """Stands in for the system browser: keeps the addresses the app asks it to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


@pytest.fixture
def browser() -> Iterator[_Browser]:
    catcher = _Browser()
    QDesktopServices.setUrlHandler("http", catcher, "open")
    QDesktopServices.setUrlHandler("https", catcher, "open")
    yield catcher
    QDesktopServices.unsetUrlHandler("http")
    QDesktopServices.unsetUrlHandler("https")


@pytest.fixture
def relay(tmp_path: Path,
          monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[RelayPage, FakeIntuit]]:
    with RelayPage(tls_folder=tmp_path) as page, \
            FakeIntuit(redirect_uris=(page.address,)) as fake:
        monkeypatch.setenv(intuit.ENV_CLIENT_ID, CLIENT_ID)
        monkeypatch.setenv(intuit.ENV_CLIENT_SECRET, CLIENT_SECRET)
        monkeypatch.setenv(intuit.ENV_DISCOVERY_URL, fake.discovery_url)
        monkeypatch.setenv(intuit.ENV_REDIRECT_URI, page.address)
        yield page, fake


def _start(qtbot, browser: _Browser):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample=False)
    welcome = window.pages[Page.WELCOME]
    welcome.quickbooks.group.button(0).click()
    qtbot.mouseClick(welcome.quickbooks.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(browser.opened), timeout=20_000)
    qtbot.waitUntil(lambda: welcome.quickbooks.signing_in is not None, timeout=20_000)
    return window, welcome


def test_the_welcome_page_notices_the_sign_in_through_the_relay_page(  # type: ignore[no-untyped-def]
        qtbot, browser: _Browser, relay: tuple[RelayPage, FakeIntuit],
        real_keyring: keyring.backend.KeyringBackend, tmp_path: Path) -> None:
    page, fake = relay
    window, welcome = _start(qtbot, browser)
    assert welcome.quickbooks.signing_in.listening
    seen = chromium.visit(browser.opened[0], tmp_path / "browser", *page.chromium_flags)
    qtbot.waitUntil(lambda: window.session.flow.choices.qbo_signed_in, timeout=30_000)
    assert welcome.quickbooks.message.text.text() == "Signed in to QuickBooks."
    assert len(seen.from_page(page.url)) == 1
    assert secrets.get(intuit.key_refresh(REALM)) == fake.live_refresh_tokens()[0]


def test_the_paste_box_takes_the_forwarded_address(  # type: ignore[no-untyped-def]
        qtbot, browser: _Browser, relay: tuple[RelayPage, FakeIntuit],
        real_keyring: keyring.backend.KeyringBackend) -> None:
    """The app didn't catch the answer (say the browser runs elsewhere): the address bar holds
    http://127.0.0.1:<port>/callback?…, and pasting it finishes the sign-in; the waiting
    listener ends with it (no worker is left running)."""
    _page, fake = relay
    window, welcome = _start(qtbot, browser)
    port = welcome.quickbooks.signing_in.listener_port
    landed = requests.get(browser.opened[0], allow_redirects=False, timeout=10)
    query = urlsplit(landed.headers["Location"]).query
    qtbot.keyClicks(welcome.quickbooks.paste_edit, f"http://127.0.0.1:{port}/callback?{query}")
    qtbot.mouseClick(welcome.quickbooks.paste_use, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.flow.choices.qbo_signed_in, timeout=30_000)
    assert welcome.quickbooks.message.text.text() == "Signed in to QuickBooks."
    assert secrets.get(intuit.key_refresh(REALM)) == fake.live_refresh_tokens()[0]
    qtbot.waitUntil(lambda: not window.session.busy, timeout=10_000)
