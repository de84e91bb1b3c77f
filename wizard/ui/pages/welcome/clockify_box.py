"""The Welcome page's Clockify box: the API key (checked, then kept in the keyring) or exported
files."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.status import Status
from wizard.text import _
from wizard.ui.pages.welcome.sides import SideBox, show_source
from wizard.ui.session import Session
from wizard.ui.widgets import InlineMessage, WrappedLabel


class ClockifyBox(SideBox):
    """The Clockify side (signals: see SideBox)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session, "clockify", _("Clockify"), _("Clockify"), _("Connect with my API key"),
            _("Needs the API key of a workspace owner or admin."),
            _("Needs the Detailed report, and the Projects and Team exports, from Clockify "
              "(CSV or Excel)."), parent)
        self.key_edit = QLineEdit(self)
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(_("Paste your Clockify API key"))
        self.key_edit.setAccessibleName(_("Clockify API key"))
        self.key_edit.returnPressed.connect(self.on_key_save_clicked)
        self.key_save = QPushButton(_("Save key"), self)
        self.key_save.setAutoDefault(False)
        self.key_save.setAccessibleName(_("Check the API key and keep it in this computer's "
                                          "password store"))
        self.key_save.clicked.connect(self.on_key_save_clicked)
        self.key_where = QPushButton(_("Where do I find my API key?"), self)
        self.key_where.setCheckable(True)
        self.key_where.setAutoDefault(False)
        self.key_where.setAccessibleName(_("Where do I find my API key?"))
        # filled when first shown (on_key_where_toggled)
        self.key_where_text = WrappedLabel(parent=self)
        self.key_where_text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_where_text.hide()
        self.key_where.toggled.connect(self.on_key_where_toggled)
        self.key_message = InlineMessage(self)
        self.files_button = QPushButton(_("Open Clockify exports…"), self)
        self.files_button.setAutoDefault(False)
        self.files_button.setAccessibleName(_("Open exported files from Clockify"))
        self.files_button.clicked.connect(self.files_wanted)
        layout = QVBoxLayout(self)
        layout.addWidget(self.live_choice)
        layout.addWidget(self.live_needs)
        row = QHBoxLayout()
        row.addWidget(self.key_edit, 1)
        row.addWidget(self.key_save)
        layout.addLayout(row)
        layout.addWidget(self.key_where, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.key_where_text)
        layout.addWidget(self.key_message)
        layout.addWidget(self.files_choice)
        layout.addWidget(self.files_needs)
        layout.addWidget(self.files_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def show_choices(self) -> None:
        choices = self.session.flow.choices
        show_source(self.group, choices.clockify)
        live = choices.clockify == "api"
        self.key_edit.setEnabled(live)
        self.key_save.setEnabled(live)
        if live and choices.clockify_key_stored:
            self.key_edit.setPlaceholderText(_("A key is saved — paste a new one to replace it"))

    # --- slots ----------------------------------------------------------------------------------

    def on_key_where_toggled(self, shown: bool) -> None:
        if shown and not self.key_where_text.text():
            # the findings' sentences load when first asked for, not before the first paint
            from wizard.text.findings import api_key_where
            self.key_where_text.setText(api_key_where())
        self.key_where_text.setVisible(shown)

    def on_key_save_clicked(self) -> None:
        key = self.key_edit.text().strip()
        if not key:
            self.key_message.show_message(Status.WARN,
                                          _("Paste the API key into the field first."))
            return
        self.key_edit.clear()  # the key lives only in the job and then in the keyring
        self.key_save.setEnabled(False)
        self.key_message.show_message(Status.NOT_CHECKED, _("Checking the key with Clockify…"))
        from wizard import accounts  # loaded on first use, not before the first paint

        self.session.run_job(partial(accounts.keep_clockify_key, key), "clockify key",
                             self.on_key_checked, self.on_key_failed)

    def on_key_checked(self, problem: str | None) -> None:
        self.key_save.setEnabled(True)
        if problem:
            self.key_message.show_message(Status.FAIL, problem)
            return
        self.session.flow.choices.clockify_key_stored = True
        self.key_message.show_message(Status.PASS, _("Clockify accepted the key; it is kept in "
                                                     "this computer's password store."))
        self.changed.emit()

    def on_key_failed(self, message: str, details: str) -> None:
        self.key_save.setEnabled(True)
        self.key_message.show_message(Status.FAIL, message, details)
