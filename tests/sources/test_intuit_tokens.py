"""Tokens: rotation kept across a crash, one refresh at a time, invalid_grant, disconnect."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator

import pytest

from tests.fakes.intuit_server import CLIENT_ID, CLIENT_SECRET, REALM, FakeIntuit, MemoryKeyring
from wizard.core.errors import QboReconnectNeeded, QboUnreachable
from wizard.sources import intuit, quickbooks
from wizard.storage import secrets


@pytest.fixture
def fake_intuit(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeIntuit]:
    with FakeIntuit() as fake:
        monkeypatch.setenv(intuit.ENV_CLIENT_ID, CLIENT_ID)
        monkeypatch.setenv(intuit.ENV_CLIENT_SECRET, CLIENT_SECRET)
        monkeypatch.setenv(intuit.ENV_DISCOVERY_URL, fake.discovery_url)
        yield fake


def signed_in_earlier(fake: FakeIntuit, *, expired: bool) -> str:
    """Keyring entries as a sign-in on an earlier day left them; the old refresh token."""
    grant = fake.issue()
    intuit.save_tokens(REALM, grant.refresh, grant.access, 0.0 if expired else 4e9)
    secrets.put(intuit.KEY_REALM, REALM, secret=False)
    return grant.refresh


def test_expired_access_token_is_refreshed_and_the_new_refresh_token_kept(
        fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring) -> None:
    old = signed_in_earlier(fake_intuit, expired=True)
    tokens = intuit.Tokens.from_keyring()
    token = tokens.access_token()
    assert token == fake_intuit.grants[0].access
    assert fake_intuit.calls == ["refresh_token"]
    stored = secrets.get(intuit.key_refresh(REALM))
    assert stored != old
    assert stored == fake_intuit.live_refresh_tokens()[0]
    assert json.loads(secrets.get(intuit.key_access(REALM)) or "{}")["token"] == token
    assert tokens.access_token() == token  # fresh now: no second refresh
    assert tokens.refreshes == 1


def test_rotation_then_crash_loses_no_token(
        fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The process dies right after the refresh: the next start still has a live token."""
    signed_in_earlier(fake_intuit, expired=True)
    real_put = secrets.put

    def crash_after_refresh_token(name: str, value: str, *, secret: bool = True) -> None:
        real_put(name, value, secret=secret)
        if name == intuit.key_refresh(REALM):
            raise SystemExit("simulated crash")  # nothing after this line runs

    monkeypatch.setattr(secrets, "put", crash_after_refresh_token)
    with pytest.raises(SystemExit):
        intuit.Tokens.from_keyring().access_token()
    monkeypatch.setattr(secrets, "put", real_put)
    # "restart": new objects, only the keyring survives; the old refresh token is dead already
    token = intuit.Tokens.from_keyring().access_token()
    assert fake_intuit.access_ok(token, REALM)
    assert fake_intuit.calls == ["refresh_token", "refresh_token"]


def test_one_refresh_at_a_time(fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring) -> None:
    signed_in_earlier(fake_intuit, expired=False)
    tokens = intuit.Tokens.from_keyring()
    rejected = tokens.access_token()
    results: list[str] = []
    errors: list[BaseException] = []

    def refresh() -> None:
        try:
            results.append(tokens.refresh(rejected))
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=refresh) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert fake_intuit.calls == ["refresh_token"]
    assert len(set(results)) == 1
    assert fake_intuit.access_ok(results[0], REALM)


def test_rejected_refresh_token_means_reconnect(
        fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring) -> None:
    signed_in_earlier(fake_intuit, expired=True)
    fake_intuit.grants.clear()  # revoked in QuickBooks, or expired after 100 days
    with pytest.raises(QboReconnectNeeded) as caught:
        intuit.Tokens.from_keyring().access_token()
    assert str(caught.value) == QboReconnectNeeded.EXPIRED


def test_token_endpoint_down_means_unreachable(
        fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring,
        caplog: pytest.LogCaptureFixture) -> None:
    old = signed_in_earlier(fake_intuit, expired=True)
    fake_intuit.fail_token = [502]
    with caplog.at_level("INFO"), pytest.raises(QboUnreachable):
        intuit.Tokens.from_keyring().access_token()
    assert secrets.get(intuit.key_refresh(REALM)) == old  # a failed call changes nothing
    assert "HTTP 502" in caplog.text
    assert "intuit_tid=1-fake-" in caplog.text
    assert old not in caplog.text
    assert CLIENT_SECRET not in caplog.text


def test_environment_tokens_are_never_written(
        fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring,
        monkeypatch: pytest.MonkeyPatch) -> None:
    grant = fake_intuit.issue()
    monkeypatch.setenv(intuit.ENV_REALM, REALM)
    monkeypatch.setenv(intuit.ENV_REFRESH, grant.refresh)
    tokens = intuit.Tokens.from_env()
    assert tokens is not None
    assert not tokens.persist
    assert fake_intuit.access_ok(tokens.access_token(), REALM)
    assert memory_keyring.store == {}


def test_no_sign_in_at_all_means_reconnect(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(QboReconnectNeeded) as caught:
        intuit.Tokens.from_keyring()
    assert str(caught.value) == QboReconnectNeeded.NOT_SIGNED_IN
    assert not quickbooks.has_stored_login()
    assert not quickbooks.connection_state().connected


def test_disconnect_revokes_and_forgets(
        fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring) -> None:
    old = signed_in_earlier(fake_intuit, expired=False)
    secrets.put(intuit.key_company(REALM), "Brightside Studio LLC", secret=False)
    assert quickbooks.connection_state().company_name == "Brightside Studio LLC"
    sentence = quickbooks.disconnect()
    assert sentence.startswith("Disconnected from QuickBooks")
    assert fake_intuit.revoked == [old]
    assert memory_keyring.store == {}
    assert not quickbooks.has_stored_login()
    assert "nothing to disconnect" in quickbooks.disconnect()


def test_disconnect_forgets_even_when_revoking_fails(
        fake_intuit: FakeIntuit, memory_keyring: MemoryKeyring) -> None:
    signed_in_earlier(fake_intuit, expired=False)
    fake_intuit.fail_revoke = True
    sentence = quickbooks.disconnect()
    assert "could not confirm" in sentence
    assert memory_keyring.store == {}
