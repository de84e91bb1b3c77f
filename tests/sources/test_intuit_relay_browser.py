"""Sign in with Intuit through the relay page (SPEC §10), in a real headless Chromium.

The fake Intuit sends the browser to relay/index.html served over https on the loopback (a
throw-away certificate that Chromium is told to trust, and the address marked as public for
Chromium's Local Network Access rules, as the published page's would be); the page sends it on
to the app's listener on a free IPv4 loopback port. Chromium's net log records every request the
browser starts, so the tests can say the page asked for nothing but that."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import keyring.backend
import pytest
import requests
from PySide6.QtGui import QColor, QImage

from tests import chromium
from tests.fakes.intuit_server import CLIENT_ID, CLIENT_SECRET, REALM, FakeIntuit, MemoryKeyring
from tests.fakes.relay_page import PAGE, RelayPage
from wizard.core.errors import SignInFailed
from wizard.sources import intuit
from wizard.storage import secrets
from wizard.text import signin as texts

pytestmark = pytest.mark.browser


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[RelayPage]:
    """The relay page on https, as published (a throw-away certificate for 127.0.0.1)."""
    with RelayPage(tls_folder=tmp_path) as page:
        yield page


@pytest.fixture
def fake_intuit(relay: RelayPage, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeIntuit]:
    """Intuit with the relay page registered as the app's one redirect, as for release keys."""
    with FakeIntuit(redirect_uris=(relay.address,)) as fake:
        monkeypatch.setenv(intuit.ENV_CLIENT_ID, CLIENT_ID)
        monkeypatch.setenv(intuit.ENV_CLIENT_SECRET, CLIENT_SECRET)
        monkeypatch.setenv(intuit.ENV_DISCOVERY_URL, fake.discovery_url)
        monkeypatch.setenv(intuit.ENV_REDIRECT_URI, relay.address)
        yield fake


def landed(auth_url: str) -> str:
    """Where Intuit sends the browser after signing in (not followed)."""
    answer = requests.get(auth_url, allow_redirects=False, timeout=10)
    assert answer.status_code == 302
    return answer.headers["Location"]


def shown(dom: str, block: str) -> bool:
    """Whether the relay page's block with this id is visible in the dumped DOM."""
    found = re.search(rf'<div id="{block}"( hidden(="")?)?>', dom)
    assert found, f"no block {block} in the page"
    return found.group(1) is None


def test_relay_page_forwards_to_the_listener_and_the_tokens_land_in_the_keyring(
        relay: RelayPage, fake_intuit: FakeIntuit,
        real_keyring: keyring.backend.KeyringBackend, tmp_path: Path) -> None:
    sign_in = intuit.SignIn()
    try:
        url = sign_in.start()
        assert sign_in.listening
        port = sign_in.listener_port
        assert port is not None
        assert {s.server_address[0] for s in sign_in._servers} == {"127.0.0.1"}
        state = parse_qs(urlsplit(url).query)["state"][0]
        assert state.startswith(f"{port}.")
        assert len(state) >= len(f"{port}.") + 40
        assert parse_qs(urlsplit(url).query)["redirect_uri"] == [relay.address]
        seen = chromium.visit(url, tmp_path, *relay.chromium_flags)
        realm = sign_in.wait(30)
    finally:
        sign_in.close()
    assert texts.CALLBACK_TITLE_DONE in seen.dom
    assert realm == REALM
    assert fake_intuit.calls == ["authorization_code"]
    assert secrets.get(intuit.key_refresh(REALM)) == fake_intuit.live_refresh_tokens()[0]
    assert intuit.current_realm() == REALM

    # Every request the browser made: the relay page asked for nothing but the forward.
    relay_origin = relay.url
    forwards = seen.from_page(relay_origin)
    assert len(forwards) == 1, forwards
    forward = urlsplit(forwards[0].url)
    assert (forward.scheme, forward.hostname, forward.port, forward.path) == (
        "http", "127.0.0.1", port, "/callback")
    assert set(parse_qs(forward.query)) == {"code", "state", "realmId"}
    assert parse_qs(forward.query)["state"] == [state]
    assert len(relay.requests) == 1  # the page itself: no script, style, font or icon fetched
    local = [(urlsplit(r.url).port, urlsplit(r.url).path) for r in seen.requests if r.loopback]
    assert local == [(fake_intuit.server.server_address[1], "/connect/oauth2"),
                     (relay.server.server_address[1], "/sync-checkup/"), (port, "/callback")]
    assert all(r.initiator == "not an origin" for r in seen.requests if not r.loopback)
    # From a public page to the loopback: Chromium's Local Network Access let the navigation by.
    # (Chromium 156 logs these checks; a Chromium that logs none still had to forward, above.)
    if seen.network_checks:
        checks = [c for c in seen.network_checks if c.get("client_address_space") == "public"]
        assert [(c["resource_address_space"], c["result"]) for c in checks] == [
            ("loopback", "allowed-by-policy-allow")]


def test_cancel_at_intuit_arrives_calmly_through_the_relay(
        relay: RelayPage, fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring,
        tmp_path: Path) -> None:
    fake_intuit.deny = True
    sign_in = intuit.SignIn()
    try:
        seen = chromium.visit(sign_in.start(), tmp_path, *relay.chromium_flags)
        with pytest.raises(SignInFailed) as caught:
            sign_in.wait(30)
    finally:
        sign_in.close()
    assert str(caught.value) == SignInFailed.CANCELLED
    assert texts.CALLBACK_TITLE_DONE in seen.dom  # the browser says "go back", nothing alarming
    forward = seen.from_page(relay.url)
    assert [parse_qs(urlsplit(r.url).query)["error"] for r in forward] == [["access_denied"]]
    assert memory_keyring.store == {}
    assert fake_intuit.calls == []


def test_a_wrong_state_is_refused_by_the_app(
        relay: RelayPage, fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring,
        tmp_path: Path) -> None:
    sign_in = intuit.SignIn()
    try:
        address = landed(sign_in.start())
        query = {k: v[0] for k, v in parse_qs(urlsplit(address).query).items()}
        port, _, rest = query["state"].partition(".")
        query["state"] = f"{port}.{rest[::-1]}"  # the right port, someone else's sign-in
        seen = chromium.visit(f"{relay.address}?{urlencode(query)}", tmp_path,
                              *relay.chromium_flags)
        with pytest.raises(SignInFailed) as caught:
            sign_in.wait(30)
    finally:
        sign_in.close()
    assert str(caught.value) == SignInFailed.FORGED
    assert html.escape(texts.CALLBACK_TITLE_REFUSED) in seen.dom
    assert "authorization_code" not in fake_intuit.calls
    assert memory_keyring.store == {}


def test_without_a_port_the_page_shows_the_address_to_copy(
        relay: RelayPage, fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring,
        tmp_path: Path) -> None:
    sign_in = intuit.SignIn(listen=False)  # e.g. no free loopback port: no port in the state
    try:
        address = landed(sign_in.start())
        assert not sign_in.listening
        assert "." not in parse_qs(urlsplit(address).query)["state"][0]
        seen = chromium.visit(address, tmp_path / "dom", *relay.chromium_flags)
        png = chromium.screenshot(address, tmp_path / "shot" / "relay.png", chromium.PHONE,
                                  *relay.chromium_flags)
        assert shown(seen.dom, "paste")
        assert shown(seen.dom, "copy")
        assert not shown(seen.dom, "forwarding")
        assert not shown(seen.dom, "manual")
        assert 'id="copy-button"' in seen.dom
        box = re.search(r'<textarea id="address"[^>]*>(.*?)</textarea>', seen.dom, re.DOTALL)
        assert box is not None
        copied = html.unescape(box.group(1))
        assert copied == address
        assert seen.from_page(relay.url) == []  # nowhere to forward: no request at all
        assert len(relay.requests) == 2  # the page, once per visit
        assert sign_in.complete_from_pasted(copied) == REALM
    finally:
        sign_in.close()
    assert secrets.get(intuit.key_refresh(REALM)) == fake_intuit.live_refresh_tokens()[0]
    # The picture: the page's own styles applied (allowed by their hash), the app's blue bar.
    image = QImage(str(png))
    assert (image.width(), image.height()) == chromium.PHONE
    header = QColor(image.pixel(image.width() // 2, 20))
    assert header.red() < 90, header.name()
    assert header.blue() > 180, header.name()
    body = QColor(image.pixel(image.width() // 2, image.height() - 5))
    assert body.lightness() > 200


def test_when_the_app_is_not_listening_the_forwarded_address_can_be_pasted(
        relay: RelayPage, fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring,
        tmp_path: Path) -> None:
    sign_in = intuit.SignIn()
    try:
        url = sign_in.start()
        port = sign_in.listener_port
        sign_in._stop_listener()  # the app closed meanwhile, or the browser is elsewhere
        seen = chromium.visit(url, tmp_path, *relay.chromium_flags)
        forwarded = seen.last_address  # what the address bar holds on the error page
        assert forwarded.startswith(f"http://127.0.0.1:{port}/callback?")
        assert texts.CALLBACK_TITLE_DONE not in seen.dom
        assert sign_in.complete_from_pasted(f" {forwarded} ") == REALM
    finally:
        sign_in.close()
    assert secrets.get(intuit.key_refresh(REALM)) == fake_intuit.live_refresh_tokens()[0]


def test_with_scripts_blocked_the_page_says_to_copy_the_address_bar(tmp_path: Path) -> None:
    """Scripts blocked (here by a stricter policy from the server, as a browser setting or an
    extension might): the page still says what to do."""
    with RelayPage(headers={"Content-Security-Policy": "script-src 'none'"}) as relay:
        address = f"{relay.address}?code=abc&state=4242.xyz&realmId={REALM}"
        seen = chromium.visit(address, tmp_path)
    assert shown(seen.dom, "manual")
    assert "address bar" in seen.dom
    assert not shown(seen.dom, "copy")
    assert seen.from_page(relay.url) == []


def test_a_script_that_does_not_match_its_hash_never_runs(tmp_path: Path) -> None:
    """The policy is in force in the browser: an edited script without a new hash is blocked."""
    page = PAGE.read_text(encoding="utf-8")
    edited = page.replace('"use strict";', '"use strict"; // edited', 1)
    assert edited != page
    with RelayPage(edited) as relay:
        seen = chromium.visit(f"{relay.address}?code=abc&state=4242.xyz&realmId=1", tmp_path)
    assert shown(seen.dom, "manual")
    assert not shown(seen.dom, "forwarding")
    assert seen.from_page(relay.url) == []
