""""Use my own Intuit app keys": a small dialog for the QuickBooks side of the Welcome page.

The client ID, secret, kind of keys and redirect address go to the OS keyring (through
wizard.sources.intuit, on a worker); the secret is never shown again, only replaced or forgotten.
The redirect address starts as the sign-in relay page this build was published with.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from wizard import accounts
from wizard.core.result import Status
from wizard.text import _
from wizard.text import signin as texts
from wizard.ui.widgets import InlineMessage

if TYPE_CHECKING:
    from wizard.ui.workers import Worker

RunJob = Callable[..., "Worker"]  # Session.run_job


class IntuitKeysDialog(QDialog):
    """Enter, replace or forget the user's own Intuit app keys.

    Signals:
        keys_changed(bool): the keys were saved (True) or forgotten (False).
    """

    keys_changed = Signal(bool)

    def __init__(self, run_job: RunJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._run_job = run_job
        self._has_secret = False
        self._stored = False
        self._default_redirect = ""
        self.setWindowTitle(_(texts.KEYS_TITLE))
        self.setMinimumWidth(560)
        intro = QLabel(_(texts.KEYS_INTRO), self)
        intro.setWordWrap(True)

        self.client_id = QLineEdit(self)
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(_(texts.KEYS_SECRET_PLACEHOLDER))
        self.production = QRadioButton(_(texts.KEYS_PRODUCTION), self)
        self.sandbox = QRadioButton(_(texts.KEYS_SANDBOX), self)
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.production, 0)
        self.kind.addButton(self.sandbox, 1)
        self.production.setChecked(True)
        self.redirect = QLineEdit(self)
        self.redirect_help = QLabel(self)
        self.redirect_help.setWordWrap(True)
        self.message = InlineMessage(self)

        form = QFormLayout()
        id_label = QLabel(_(texts.KEYS_CLIENT_ID), self)
        id_label.setBuddy(self.client_id)
        secret_label = QLabel(_(texts.KEYS_CLIENT_SECRET), self)
        secret_label.setBuddy(self.secret)
        redirect_label = QLabel(_(texts.KEYS_REDIRECT), self)
        redirect_label.setBuddy(self.redirect)
        kinds = QVBoxLayout()
        kinds.addWidget(self.production)
        kinds.addWidget(self.sandbox)
        form.addRow(id_label, self.client_id)
        form.addRow(secret_label, self.secret)
        form.addRow(QLabel(_(texts.KEYS_KIND), self), kinds)
        form.addRow(redirect_label, self.redirect)
        form.addRow("", self.redirect_help)

        self.save = QPushButton(_(texts.KEYS_SAVE), self)
        self.save.setDefault(True)
        self.save.clicked.connect(self.on_save_clicked)
        self.forget = QPushButton(_(texts.KEYS_FORGET), self)
        self.forget.setEnabled(False)
        self.forget.clicked.connect(self.on_forget_clicked)
        self.close_button = QPushButton(_(texts.KEYS_CLOSE), self)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.forget)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._set_busy(True)
        self.message.show_message(Status.NOT_CHECKED, _(texts.KEYS_LOADING))
        self._run_job(accounts.look_up_own_app_keys, "intuit keys lookup", self.on_keys_loaded,
                      self.on_job_failed)

    # --- state -----------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.client_id, self.secret, self.production, self.sandbox,
                       self.redirect, self.save):
            widget.setEnabled(not busy)
        self.forget.setEnabled(not busy and self._stored)

    def _show_stored(self, stored: Any) -> None:
        self._stored = stored is not None
        self._has_secret = bool(stored and stored.has_secret)
        self.client_id.setText(stored.client_id if stored else "")
        self.secret.clear()
        self.secret.setPlaceholderText(_(texts.KEYS_SECRET_KEPT_PLACEHOLDER if self._has_secret
                                         else texts.KEYS_SECRET_PLACEHOLDER))
        sandbox = bool(stored) and stored.environment == "sandbox"
        (self.sandbox if sandbox else self.production).setChecked(True)
        self.redirect.setText(stored.redirect_uri if stored else self._default_redirect)

    # --- slots -----------------------------------------------------------------------------

    def on_keys_loaded(self, found: accounts.OwnAppKeys) -> None:
        stored = found.stored
        self._default_redirect = found.default_redirect
        self.redirect_help.setText(
            _(texts.KEYS_REDIRECT_HELP) if found.has_relay_page
            else _(texts.KEYS_REDIRECT_HELP_NO_PAGE).format(address=self._default_redirect))
        self._show_stored(stored)
        self._set_busy(False)
        self.message.show_message(Status.INFO, _(texts.KEYS_SAVED_ALREADY if stored
                                                 else texts.KEYS_NONE_SAVED))

    def on_save_clicked(self) -> None:
        client_id = self.client_id.text().strip()
        secret: str | None = self.secret.text().strip()
        if not secret and self._has_secret:
            secret = None  # keep the one already stored
        environment = "sandbox" if self.sandbox.isChecked() else "production"
        redirect = self.redirect.text().strip()
        self.secret.clear()  # from here the secret lives only in the worker, then the keyring

        self._set_busy(True)
        self.message.show_message(Status.NOT_CHECKED, _(texts.KEYS_SAVING))
        self._run_job(partial(accounts.keep_own_app_keys, client_id, secret, environment,
                              redirect), "intuit keys save", self.on_keys_saved,
                      self.on_job_failed)

    def on_keys_saved(self, stored: Any) -> None:
        self._show_stored(stored)
        self._set_busy(False)
        self.message.show_message(Status.PASS, _(texts.KEYS_SAVED))
        self.keys_changed.emit(True)

    def on_forget_clicked(self) -> None:
        self._set_busy(True)
        self._run_job(accounts.forget_own_app_keys, "intuit keys forget", self.on_keys_forgotten,
                      self.on_job_failed)

    def on_keys_forgotten(self, _result: None) -> None:
        self._show_stored(None)
        self._set_busy(False)
        self.message.show_message(Status.PASS, _(texts.KEYS_FORGOTTEN))
        self.keys_changed.emit(False)

    def on_job_failed(self, message: str, details: str) -> None:
        self._set_busy(False)
        self.message.show_message(Status.FAIL, message, details)
