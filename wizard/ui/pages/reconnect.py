"""Page 5: reconnecting Clockify's integration, and this app's own QuickBooks connection."""

from __future__ import annotations

import html
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from wizard import accounts
from wizard.core.result import Status
from wizard.flow import Page
from wizard.text import _, connection, paths
from wizard.ui.jobs import Loaded
from wizard.ui.pages.base import StepPage, explanation, findings_html
from wizard.ui.session import Session
from wizard.ui.widgets import InlineMessage

if TYPE_CHECKING:
    from wizard.sources.quickbooks import ConnectionState

log = logging.getLogger(__name__)


class ReconnectPage(StepPage):
    """Signals:
        sign_in_requested(): "Reconnect": sign in with Intuit again (the window takes the
            wizard back to the Welcome page and starts it there).
    """

    sign_in_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, Page.RECONNECT, parent)
        steps = [html.escape(s) for s in paths.steps(paths.CLOCKIFY_RECONNECT)]
        self.body.addWidget(explanation(
            _("If names match and time still doesn't arrive, Clockify's connection to QuickBooks "
              "may be stale. Disconnect and connect it again in Clockify:")
            + "<ol>" + "".join(f"<li>{s}</li>" for s in steps) + "</ol>", self))
        self.problems = explanation("", self)
        self.body.addWidget(self.problems)
        box = QGroupBox(_("This app's own QuickBooks connection"), self)
        self.state = QLabel("—", box)
        self.state.setWordWrap(True)
        self.state.setAccessibleName(_("This app's QuickBooks connection"))
        self.reconnect = QPushButton(_("Reconnect"), box)
        self.reconnect.setAccessibleName(_("Reconnect this app to QuickBooks (sign in again)"))
        self.reconnect.clicked.connect(self.on_reconnect_clicked)
        self.disconnect = QPushButton(_("Disconnect"), box)
        self.disconnect.setAccessibleName(_("Disconnect this app from QuickBooks and forget the "
                                            "sign-in"))
        self.disconnect.clicked.connect(self.on_disconnect_clicked)
        self.conn_message = InlineMessage(box)
        row = QHBoxLayout()
        row.addWidget(self.reconnect)
        row.addWidget(self.disconnect)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(explanation(
            _("This only concerns this app's own sign-in, not Clockify's integration. "
              "Disconnect revokes it at Intuit and removes it from this computer."), box))
        layout.addWidget(self.state)
        layout.addLayout(row)
        layout.addWidget(self.conn_message)
        self.body.addWidget(box)
        from wizard.ui.fix_history import FixHistory
        self.fix_history = FixHistory(session, self)
        self.body.addWidget(self.fix_history)
        self.body.addStretch(1)

    def initializePage(self) -> None:
        super().initializePage()
        self.load_state()
        self.fix_history.refresh()

    def load_state(self) -> None:
        source = self.session.flow.choices.quickbooks
        live = source == "api"
        self.reconnect.setEnabled(live)
        if source == "demo":
            self.state.setText(_(connection.RECONNECT_SAMPLE))
            self.disconnect.setEnabled(False)
            return
        self.state.setText(_("Looking up the connection…"))
        self.session.run_job(accounts.quickbooks_connection, "qbo connection state",
                             self.on_state_loaded, self.on_state_failed)

    def show_loaded(self, loaded: Loaded) -> None:
        findings = loaded.result.findings_for("connection")
        # problems with their fixes; else how each side was read ("read from exported files",
        # "the sample company", "connected"): only a live answer is called connected
        text = findings_html(findings) or "".join(
            f"<p>{html.escape(f.message)}</p>" for f in findings)
        self.problems.setText(text)

    def on_state_loaded(self, state: ConnectionState) -> None:
        sentence = state.sentence
        if self.session.flow.choices.quickbooks == "file":
            # the check read files: a stored sign-in is only a sign-in, not what was checked
            sentence = connection.reconnect_files(sentence)
        self.state.setText(sentence)
        self.disconnect.setEnabled(state.connected)

    def on_state_failed(self, message: str, details: str) -> None:
        self.state.setText(message)
        self.disconnect.setEnabled(False)

    def on_reconnect_clicked(self) -> None:
        self.sign_in_requested.emit()

    def on_disconnect_clicked(self) -> None:
        self.disconnect.setEnabled(False)
        self.session.run_job(accounts.disconnect_quickbooks, "qbo disconnect",
                             self.on_disconnected, self.on_state_failed)

    def on_disconnected(self, sentence: str) -> None:
        self.session.flow.choices.qbo_signed_in = False
        self.conn_message.show_message(Status.INFO, sentence)
        self.load_state()
