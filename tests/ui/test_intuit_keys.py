""""Use my own Intuit app keys" on the Welcome page: the dialog keeps the keys in the real OS
keyring (gnome-keyring under the test runner's D-Bus session), the next sign-in uses them, and
"Forget these keys" removes them again."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import keyring
import keyring.backend
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

from tests.fakes.intuit_server import FakeIntuit
from tests.ui.conftest import make_window
from wizard.core.errors import IntuitKeysMissing
from wizard.flow import Page
from wizard.sources import intuit
from wizard.storage import secrets
from wizard.text import _
from wizard.text import signin as texts

pytestmark = [pytest.mark.gui, pytest.mark.keyring]

RELAY = "https://sync-checkup.example.invalid/sync-checkup/"
SECRET = "own-secret-7f3a9c2e"


@pytest.fixture
def build_with_relay_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A release build without keys: its intuit_app.json names only the relay page."""
    (tmp_path / "intuit_app.json").write_text(json.dumps(
        {"relay_page": RELAY, "redirect_uri": RELAY, "environment": "production"}))
    monkeypatch.setattr(intuit.app_keys, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    return RELAY


def _stored(name: str) -> str | None:
    return keyring.get_password(secrets.SERVICE, name)


def _open_dialog(qtbot, window):  # type: ignore[no-untyped-def]
    welcome = window.pages[Page.WELCOME]
    welcome.quickbooks.group.button(0).click()  # Sign in with Intuit
    assert welcome.quickbooks.own_keys.isEnabled()
    qtbot.mouseClick(welcome.quickbooks.own_keys, Qt.MouseButton.LeftButton)
    dialog = welcome.quickbooks.keys_dialog
    qtbot.waitUntil(lambda: dialog.save.isEnabled(), timeout=20_000)
    return dialog


def _save(qtbot, dialog, expect: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.save.isEnabled(), timeout=20_000)
    assert dialog.message.text.text() == expect


def _spoken_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return (iface.text(QAccessible.Text.Name) if iface is not None else "") or ""


def test_own_keys_are_kept_in_the_keyring_used_and_forgotten(  # type: ignore[no-untyped-def]
        qtbot, real_keyring: keyring.backend.KeyringBackend, build_with_relay_page: str,
        tmp_path: Path) -> None:
    window = make_window(qtbot, sample=False)
    with pytest.raises(IntuitKeysMissing):  # the build carries no keys
        intuit.load_app_keys()
    dialog = _open_dialog(qtbot, window)
    assert dialog.message.text.text() == _(texts.KEYS_NONE_SAVED)
    assert dialog.redirect.text() == RELAY  # the relay page's address by default
    assert dialog.production.isChecked()
    assert not dialog.forget.isEnabled()
    for widget in (dialog.client_id, dialog.secret, dialog.production, dialog.sandbox,
                   dialog.redirect, dialog.save, dialog.forget, dialog.close_button):
        assert _spoken_name(widget), widget
    shot = tmp_path / "intuit-own-keys.png"
    assert dialog.grab().save(str(shot))
    assert shot.stat().st_size > 0

    qtbot.keyClicks(dialog.client_id, " own-client-id ")
    qtbot.keyClicks(dialog.secret, SECRET)
    _save(qtbot, dialog, _(texts.KEYS_SAVED))
    assert dialog.secret.text() == ""  # the secret left the field for the keyring
    assert dialog.secret.placeholderText() == _(texts.KEYS_SECRET_KEPT_PLACEHOLDER)
    assert (_stored(intuit.KEY_CLIENT_ID), _stored(intuit.KEY_CLIENT_SECRET),
            _stored(intuit.KEY_ENVIRONMENT), _stored(intuit.KEY_REDIRECT_URI)) == (
        "own-client-id", SECRET, "production", RELAY)
    keys = intuit.load_app_keys()
    assert (keys.client_id, keys.client_secret, keys.environment, keys.redirect_uri,
            keys.origin) == ("own-client-id", SECRET, "production", RELAY, "keyring")
    welcome = window.pages[Page.WELCOME]
    assert welcome.quickbooks.message.text.text() == _(texts.KEYS_SAVED)

    # Opened again: the keys are shown (not the secret); switch to sandbox, keep the secret.
    dialog.reject()
    dialog = _open_dialog(qtbot, window)
    assert dialog.message.text.text() == _(texts.KEYS_SAVED_ALREADY)
    assert dialog.client_id.text() == "own-client-id"
    assert dialog.secret.text() == ""
    assert dialog.forget.isEnabled()
    dialog.sandbox.click()
    dialog.redirect.setText("http://localhost:8765/callback")
    _save(qtbot, dialog, _(texts.KEYS_SAVED))
    assert (_stored(intuit.KEY_CLIENT_SECRET), _stored(intuit.KEY_ENVIRONMENT),
            _stored(intuit.KEY_REDIRECT_URI)) == (SECRET, "sandbox",
                                                  "http://localhost:8765/callback")

    qtbot.mouseClick(dialog.forget, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text.text() == _(texts.KEYS_FORGOTTEN),
                    timeout=20_000)
    for name in (intuit.KEY_CLIENT_ID, intuit.KEY_CLIENT_SECRET, intuit.KEY_ENVIRONMENT,
                 intuit.KEY_REDIRECT_URI):
        assert _stored(name) is None, name
    assert dialog.client_id.text() == ""
    assert dialog.redirect.text() == RELAY
    assert not dialog.forget.isEnabled()
    assert welcome.quickbooks.message.text.text() == _(texts.KEYS_FORGOTTEN)
    with pytest.raises(IntuitKeysMissing):
        intuit.load_app_keys()
    dialog.reject()


def test_production_keys_with_a_localhost_address_are_refused(  # type: ignore[no-untyped-def]
        qtbot, real_keyring: keyring.backend.KeyringBackend, build_with_relay_page: str) -> None:
    window = make_window(qtbot, sample=False)
    dialog = _open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.client_id, "own-client-id")
    _save(qtbot, dialog, _(texts.KEYS_NEED_SECRET))
    qtbot.keyClicks(dialog.secret, SECRET)
    dialog.redirect.setText("http://localhost:8765/callback")
    _save(qtbot, dialog, _(texts.KEYS_PRODUCTION_NEEDS_HTTPS).format(
        address="http://localhost:8765/callback"))
    assert SECRET not in dialog.message.text.text()
    assert _stored(intuit.KEY_CLIENT_ID) is None
    assert _stored(intuit.KEY_CLIENT_SECRET) is None
    dialog.reject()


def test_the_next_sign_in_uses_the_saved_keys_and_the_relay_page(  # type: ignore[no-untyped-def]
        qtbot, real_keyring: keyring.backend.KeyringBackend, build_with_relay_page: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, sample=False)
    dialog = _open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.client_id, "own-client-id")
    qtbot.keyClicks(dialog.secret, SECRET)
    _save(qtbot, dialog, _(texts.KEYS_SAVED))
    dialog.reject()
    with FakeIntuit(redirect_uris=(RELAY,)) as fake:
        monkeypatch.setenv(intuit.ENV_DISCOVERY_URL, fake.discovery_url)
        sign_in = intuit.SignIn()
        try:
            query = parse_qs(urlsplit(sign_in.start()).query)
            port = sign_in.listener_port
        finally:
            sign_in.close()
    assert query["client_id"] == ["own-client-id"]
    assert query["redirect_uri"] == [RELAY]
    assert query["state"][0].startswith(f"{port}.")
