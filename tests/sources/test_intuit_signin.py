"""Sign in with Intuit against the loopback fake, through the real intuit-oauth and requests."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import keyring
import keyring.backends.fail
import pytest
import requests

from tests.fakes.intuit_server import CLIENT_ID, CLIENT_SECRET, REALM, FakeIntuit, MemoryKeyring
from wizard.core.errors import Cancelled, IntuitKeysMissing, NoKeyring, QboUnreachable, SignInFailed
from wizard.sources import intuit, quickbooks
from wizard.sources.progress import CancelToken
from wizard.storage import secrets


@pytest.fixture
def fake_intuit() -> Iterator[FakeIntuit]:
    with FakeIntuit() as fake:
        yield fake


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def redirect_uri(fake_intuit: FakeIntuit, monkeypatch: pytest.MonkeyPatch) -> str:
    uri = f"http://localhost:{free_port()}/callback"
    fake_intuit.redirect_uris.add(uri)
    monkeypatch.setenv(intuit.ENV_CLIENT_ID, CLIENT_ID)
    monkeypatch.setenv(intuit.ENV_CLIENT_SECRET, CLIENT_SECRET)
    monkeypatch.setenv(intuit.ENV_DISCOVERY_URL, fake_intuit.discovery_url)
    monkeypatch.setenv(intuit.ENV_REDIRECT_URI, uri)
    return uri


def landed_address(auth_url: str) -> str:
    """Where the browser would land after signing in (without following it)."""
    answer = requests.get(auth_url, allow_redirects=False, timeout=10)
    assert answer.status_code == 302
    return answer.headers["Location"]


def test_sign_in_through_the_loopback_listener_stores_tokens(
        redirect_uri: str, fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring) -> None:
    sign_in = intuit.SignIn()
    try:
        url = sign_in.start()
        assert sign_in.listening
        query = parse_qs(urlsplit(url).query)
        assert query["scope"] == ["com.intuit.quickbooks.accounting"]
        assert query["redirect_uri"] == [redirect_uri]
        assert len(query["state"][0]) >= 40  # token_urlsafe(32), not intuit-oauth's 30 chars
        page = requests.get(url, timeout=10)  # follows the redirect to the listener
        assert page.status_code == 200
        assert "close this tab" in page.text
        assert sign_in.wait(10) == REALM
    finally:
        sign_in.close()
    live = fake_intuit.live_refresh_tokens()
    assert secrets.get(intuit.key_refresh(REALM)) == live[0]
    stored = json.loads(secrets.get(intuit.key_access(REALM)) or "{}")
    assert stored["token"] == fake_intuit.grants[0].access
    assert stored["expires_at"] > 0
    assert intuit.current_realm() == REALM
    assert quickbooks.has_stored_login()
    state = quickbooks.connection_state()
    assert state.connected
    assert state.realm_id == REALM


def test_listener_is_single_use_and_loopback_only(
        redirect_uri: str, fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring) -> None:
    sign_in = intuit.SignIn()
    try:
        url = sign_in.start()
        hosts = {s.server_address[0] for s in sign_in._servers}
        assert hosts <= {"127.0.0.1", "::1"}
        assert "127.0.0.1" in hosts
        requests.get(url, timeout=10)
        sign_in.wait(10)
        port = urlsplit(redirect_uri).port
        with pytest.raises(requests.ConnectionError):
            requests.get(f"http://127.0.0.1:{port}/callback?code=x&state=y&realmId=1", timeout=3)
    finally:
        sign_in.close()


def test_forged_state_is_refused_and_nothing_is_stored(
        redirect_uri: str, fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring) -> None:
    sign_in = intuit.SignIn()
    try:
        url = sign_in.start()
        landed = landed_address(url)
        query = {k: v[0] for k, v in parse_qs(urlsplit(landed).query).items()}
        query["state"] = "forged-" + query["state"][7:]
        requests.get(f"{redirect_uri}?{urlencode(query)}", timeout=10)
        with pytest.raises(SignInFailed) as caught:
            sign_in.wait(10)
    finally:
        sign_in.close()
    assert str(caught.value) == SignInFailed.FORGED
    assert memory_keyring.store == {}
    assert "authorization_code" not in fake_intuit.calls


def test_cancel_at_intuit_gives_a_calm_sentence(
        redirect_uri: str, fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring) -> None:
    fake_intuit.deny = True
    sign_in = intuit.SignIn()
    try:
        requests.get(sign_in.start(), timeout=10)
        with pytest.raises(SignInFailed) as caught:
            sign_in.wait(10)
    finally:
        sign_in.close()
    assert "cancelled" in str(caught.value)
    assert memory_keyring.store == {}


def test_paste_fallback_accepts_a_messy_address(
        redirect_uri: str, fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring) -> None:
    sign_in = intuit.SignIn(listen=False)
    try:
        landed = landed_address(sign_in.start())
        assert not sign_in.listening
        assert sign_in.complete_from_pasted(f"  <{landed}>\n") == REALM
        with pytest.raises(SignInFailed):  # the same answer can't be used twice
            sign_in.complete_from_pasted(landed)
    finally:
        sign_in.close()
    assert secrets.get(intuit.key_refresh(REALM)) == fake_intuit.live_refresh_tokens()[0]


def test_busy_port_falls_back_to_paste(
        redirect_uri: str, fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring) -> None:
    port = urlsplit(redirect_uri).port
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", port))
        blocker.listen()
        sign_in = intuit.SignIn()
        try:
            landed = landed_address(sign_in.start())
            assert not sign_in.listening
            assert sign_in.complete_from_pasted(landed.split("?", 1)[1]) == REALM
        finally:
            sign_in.close()


def test_wait_times_out_and_can_be_cancelled(
        redirect_uri: str, fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring) -> None:
    sign_in = intuit.SignIn()
    sign_in.start()
    with pytest.raises(SignInFailed) as caught:
        sign_in.wait(0.5)
    assert str(caught.value) == SignInFailed.TIMED_OUT
    assert not sign_in.listening
    other = intuit.SignIn()
    other.start()
    cancel = CancelToken()
    threading.Timer(0.3, cancel.cancel).start()
    with pytest.raises(Cancelled):
        other.wait(10, cancel)
    other.close()


def test_without_a_keyring_nothing_is_kept_anywhere(
        redirect_uri: str, fake_intuit: FakeIntuit, tmp_path: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        sign_in = intuit.SignIn(listen=False)
        landed = landed_address(sign_in.start())
        with pytest.raises(NoKeyring) as caught:
            sign_in.complete_from_pasted(landed)
        sign_in.close()
    finally:
        keyring.set_keyring(previous)
    assert "nothing was saved" in str(caught.value)
    assert fake_intuit.grants == []  # the unkeepable sign-in was revoked at Intuit
    assert fake_intuit.revoked


def test_rejected_code_and_unreachable_token_endpoint(
        redirect_uri: str, fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring) -> None:
    sign_in = intuit.SignIn(listen=False)
    landed = landed_address(sign_in.start())
    fake_intuit.codes.clear()  # the code expired at Intuit
    with pytest.raises(SignInFailed) as caught:
        sign_in.complete_from_pasted(landed)
    assert str(caught.value) == SignInFailed.REJECTED
    sign_in.close()
    second = intuit.SignIn(listen=False)
    landed = landed_address(second.start())
    fake_intuit.fail_token = [503]
    with pytest.raises(QboUnreachable):
        second.complete_from_pasted(landed)
    second.close()
    assert memory_keyring.store == {}


def test_wrong_client_secret_is_a_keys_problem(
        redirect_uri: str, fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv(intuit.ENV_CLIENT_SECRET, "not-the-right-secret-value")
    sign_in = intuit.SignIn(listen=False)
    landed = landed_address(sign_in.start())
    with caplog.at_level("INFO"), pytest.raises(SignInFailed) as caught:
        sign_in.complete_from_pasted(landed)
    sign_in.close()
    assert str(caught.value) == SignInFailed.BAD_KEYS
    assert "intuit_tid=1-fake-" in caplog.text
    assert "not-the-right-secret-value" not in caplog.text
    assert "code=" not in caplog.text.replace("error=", "")


def test_discovery_unreachable_is_unreachable(monkeypatch: pytest.MonkeyPatch,
                                              memory_keyring: MemoryKeyring) -> None:
    monkeypatch.setenv(intuit.ENV_CLIENT_ID, CLIENT_ID)
    monkeypatch.setenv(intuit.ENV_CLIENT_SECRET, CLIENT_SECRET)
    monkeypatch.setenv(intuit.ENV_DISCOVERY_URL, f"http://127.0.0.1:{free_port()}/discovery")
    with pytest.raises(QboUnreachable):
        intuit.SignIn().start()


# --- the Intuit app keys ----------------------------------------------------------------------

def test_app_keys_from_the_keyring_then_env_overrides(
        memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(intuit.app_keys, "APP_FILE", "no-such-intuit-app.json")
    with pytest.raises(IntuitKeysMissing):
        intuit.load_app_keys()
    intuit.store_app_keys(" my-id ", "my-secret-123456", "sandbox")
    keys = intuit.load_app_keys()
    assert (keys.client_id, keys.client_secret, keys.environment, keys.origin) == (
        "my-id", "my-secret-123456", "sandbox", "keyring")
    assert "my-secret" not in repr(keys)
    monkeypatch.setenv(intuit.ENV_CLIENT_ID, "env-id")
    monkeypatch.setenv(intuit.ENV_CLIENT_SECRET, "env-secret-123456")
    monkeypatch.setenv(intuit.ENV_DISCOVERY_URL, "http://127.0.0.1:1/discovery")
    keys = intuit.load_app_keys()
    assert (keys.client_id, keys.origin, keys.environment) == (
        "env-id", "env", "http://127.0.0.1:1/discovery")
    intuit.clear_app_keys()
    assert memory_keyring.store == {}


def test_the_committed_example_file_has_placeholders_only(
        memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(intuit.app_keys, "APP_FILE", "intuit_app.example.json")
    example = json.loads(intuit.app_keys.resource_path("intuit_app.example.json").read_text())
    assert set(example) >= {"client_id", "client_secret", "environment", "redirect_uri"}
    with pytest.raises(IntuitKeysMissing):
        intuit.load_app_keys()


def test_closing_the_sign_in_ends_a_running_wait(
        redirect_uri: str, fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring) -> None:
    """A pasted address (or a second click) closes the sign-in: its wait must not time out later
    and overwrite the result on the page."""
    sign_in = intuit.SignIn()
    sign_in.start()
    outcome: list[BaseException] = []

    def waiting() -> None:
        try:
            sign_in.wait(60)
        except (Cancelled, SignInFailed) as exc:
            outcome.append(exc)

    thread = threading.Thread(target=waiting)
    thread.start()
    sign_in.close()
    thread.join(10)
    assert not thread.is_alive()
    assert [type(e) for e in outcome] == [Cancelled]


def test_a_relay_redirect_listens_on_a_free_port_named_in_the_state(
        fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring,
        monkeypatch: pytest.MonkeyPatch) -> None:
    relay = "https://relay.example.invalid/sync-checkup/"
    fake_intuit.redirect_uris.add(relay)
    monkeypatch.setenv(intuit.ENV_CLIENT_ID, CLIENT_ID)
    monkeypatch.setenv(intuit.ENV_CLIENT_SECRET, CLIENT_SECRET)
    monkeypatch.setenv(intuit.ENV_DISCOVERY_URL, fake_intuit.discovery_url)
    monkeypatch.setenv(intuit.ENV_REDIRECT_URI, relay)
    assert not intuit.is_loopback_redirect(relay)
    assert intuit.is_loopback_redirect("http://localhost:8765/callback")
    first, second = intuit.SignIn(), intuit.SignIn()
    try:
        states = [parse_qs(urlsplit(s.start()).query)["state"][0] for s in (first, second)]
        ports = [s.listener_port for s in (first, second)]
        assert None not in ports
        assert ports[0] != ports[1]  # each sign-in has its own free port
        assert [st.split(".")[0] for st in states] == [str(p) for p in ports]
        assert {srv.server_address[0] for srv in first._servers} == {"127.0.0.1"}
        answer = requests.get(f"http://127.0.0.1:{ports[0]}/callback?code=c&state=wrong"
                              "&realmId=1", timeout=10)
        assert answer.status_code == 400  # refused in the browser, and in the app
        with pytest.raises(SignInFailed) as caught:
            first.wait(10)
        assert str(caught.value) == SignInFailed.FORGED
        assert second.listening  # the other sign-in is untouched
    finally:
        first.close()
        second.close()
