"""The Welcome page's QuickBooks box: "Sign in with Intuit" (the browser, then the listener or a
pasted address), or exported files with the answers files can't give (plan, payroll)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.status import Status
from wizard.text import N_, _, signin
from wizard.ui.pages.welcome.saved import Answers
from wizard.ui.pages.welcome.sides import SideBox, show_source
from wizard.ui.session import Session
from wizard.ui.widgets import InlineMessage

if TYPE_CHECKING:
    from wizard.accounts import StartedSignIn
    from wizard.sources.intuit import SignIn

# the plan picker: (what `plan_from_choice` takes, the product's name); code never reads labels,
# and the answer is saved as the code, so this list may be reordered or extended freely
PLANS: tuple[tuple[str | None, str], ...] = (
    (None, N_("I'm not sure")), ("simple start", "Simple Start"), ("easystart", "EasyStart"),
    ("essentials", "Essentials"), ("plus", "Plus"), ("advanced", "Advanced"))
PAYROLL: tuple[tuple[bool | None, str], ...] = (
    (None, N_("I'm not sure")), (False, N_("No")), (True, N_("Yes")))


class QuickBooksBox(SideBox):
    """The QuickBooks side (signals: see SideBox)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session, "quickbooks", _("QuickBooks Online"), _("QuickBooks"),
            _("Sign in with Intuit"),
            _("Needs a QuickBooks Online admin to sign in; your browser opens for it."),
            _("Needs the Customer, Vendor and Employee contact lists from QuickBooks (CSV or "
              "Excel), and your answers about the plan and payroll."), parent)
        self.signing_in: SignIn | None = None  # a started sign-in, until it ends
        self.keys_dialog: Any = None
        self.sign_in = QPushButton(_("Sign in with Intuit"), self)
        self.sign_in.setAutoDefault(False)
        self.sign_in.setAccessibleName(_("Sign in with Intuit: opens your browser"))
        self.sign_in.clicked.connect(self.start_sign_in)
        self.own_keys = QPushButton(_(signin.OWN_KEYS_BUTTON), self)
        self.own_keys.setAutoDefault(False)
        self.own_keys.setAccessibleName(_(signin.OWN_KEYS_BUTTON_ACCESSIBLE))
        self.own_keys.clicked.connect(self.on_own_keys_clicked)
        self.paste_edit = QLineEdit(self)
        self.paste_edit.setPlaceholderText(_("…or paste the address the browser ended on"))
        self.paste_edit.setAccessibleName(_("Address the browser ended on after signing in"))
        self.paste_use = QPushButton(_("Use this address"), self)
        self.paste_use.setAutoDefault(False)
        self.paste_use.setAccessibleName(_("Finish signing in with the pasted address"))
        self.paste_use.clicked.connect(self.on_paste_use_clicked)
        self.files_button = QPushButton(_("Open QuickBooks exports…"), self)
        self.files_button.setAutoDefault(False)
        self.files_button.setAccessibleName(_("Open exported files from QuickBooks"))
        self.files_button.clicked.connect(self.files_wanted)
        self.plan_combo = QComboBox(self)
        for code, label in PLANS:
            self.plan_combo.addItem(_(label) if code is None else label, code)
        self.plan_combo.setAccessibleName(_("QuickBooks plan (for exported files)"))
        self.payroll_combo = QComboBox(self)
        for answer, label in PAYROLL:
            self.payroll_combo.addItem(_(label), answer)
        self.payroll_combo.setAccessibleName(_("Is QuickBooks payroll turned on? (for exported "
                                               "files)"))
        self.plan_combo.currentIndexChanged.connect(self.on_answer_changed)
        self.payroll_combo.currentIndexChanged.connect(self.on_answer_changed)
        self.message = InlineMessage(self)
        self._lay_out()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.live_choice)
        layout.addWidget(self.live_needs)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_in)
        buttons.addWidget(self.own_keys)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        row = QHBoxLayout()
        row.addWidget(self.paste_edit, 1)
        row.addWidget(self.paste_use)
        layout.addLayout(row)
        layout.addWidget(self.files_choice)
        layout.addWidget(self.files_needs)
        layout.addWidget(self.files_button, 0, Qt.AlignmentFlag.AlignLeft)
        grid = QGridLayout()
        plan_label = QLabel(_("&Plan (for files):"), self)
        plan_label.setBuddy(self.plan_combo)
        payroll_label = QLabel(_("P&ayroll on:"), self)
        payroll_label.setBuddy(self.payroll_combo)
        grid.addWidget(plan_label, 0, 0)
        grid.addWidget(self.plan_combo, 0, 1)
        grid.addWidget(payroll_label, 1, 0)
        grid.addWidget(self.payroll_combo, 1, 1)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addStretch(1)

    # --- the answers files can't give --------------------------------------------------------

    def answers(self) -> Answers:
        return Answers(self.plan_combo.currentData(), self.payroll_combo.currentData())

    def show_answers(self, answers: Answers) -> None:
        """Pick the saved answers (one no longer offered reads as "I'm not sure")."""
        for combo, value in ((self.plan_combo, answers.plan),
                             (self.payroll_combo, answers.payroll)):
            combo.setCurrentIndex(max(0, combo.findData(value)) if value is not None else 0)

    def on_answer_changed(self, _index: int = 0) -> None:
        from wizard.core.plans import plan_from_choice
        from wizard.sources.request import Manual  # loads the data model: not before the paint

        answers = self.answers()
        plan = plan_from_choice(answers.plan) if answers.plan else None
        self.session.flow.choices.manual = Manual(plan=plan, payroll=answers.payroll)

    def show_choices(self) -> None:
        choices = self.session.flow.choices
        show_source(self.group, choices.quickbooks)
        live = choices.quickbooks == "api"
        for w in (self.sign_in, self.own_keys, self.paste_edit, self.paste_use):
            w.setEnabled(live)
        files = choices.quickbooks == "file"
        self.plan_combo.setEnabled(files)
        self.payroll_combo.setEnabled(files)

    # --- signing in ---------------------------------------------------------------------------

    def start_sign_in(self) -> None:
        """"Sign in with Intuit" (also what "Reconnect" on page 5 leads to)."""
        self.message.show_message(Status.NOT_CHECKED, _("Opening the Intuit sign-in page…"))
        from wizard import accounts  # loaded on first use, not before the first paint

        self.session.run_job(accounts.start_sign_in, "intuit sign-in start",
                             self.on_sign_in_started, self.on_sign_in_failed)

    def on_sign_in_started(self, started: StartedSignIn) -> None:
        self._close_sign_in()
        self.signing_in = started.sign_in
        from PySide6.QtCore import QUrl  # Qt classes the first picture doesn't use load on use
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl(started.address))
        if not started.listening:
            self.message.show_message(
                Status.NOT_CHECKED, _("Your browser opened the Intuit sign-in page. After signing "
                  "in, copy the address the browser ends on and paste it below."))
            return
        self.message.show_message(
            Status.NOT_CHECKED, _(
                "Your browser opened the Intuit sign-in page. Sign in and choose the "
                "company; this page notices when you're done. If the browser ends on a page "
                "that doesn't load, copy its address into the field below."))
        from wizard import accounts

        self.session.run_job(partial(accounts.wait_for_sign_in, started.sign_in),
                             "intuit sign-in wait", self.on_signed_in, self.on_sign_in_failed,
                             lambda: None)

    def on_paste_use_clicked(self) -> None:
        text = self.paste_edit.text().strip()
        sign_in = self.signing_in
        if sign_in is None:
            self.message.show_message(Status.WARN, _("Click “Sign in with Intuit” first."))
            return
        if not text:
            self.message.show_message(Status.WARN, _("Paste the address first."))
            return
        self.paste_edit.clear()
        from wizard import accounts

        self.session.run_job(partial(accounts.finish_sign_in, sign_in, text),
                             "intuit sign-in paste", self.on_signed_in, self.on_sign_in_failed)

    def on_signed_in(self, realm: str) -> None:
        del realm
        self._close_sign_in()
        self.session.flow.choices.qbo_signed_in = True
        self.message.show_message(Status.PASS, _("Signed in to QuickBooks."))
        self.changed.emit()

    def on_sign_in_failed(self, message: str, details: str) -> None:
        self.message.show_message(Status.FAIL, message, details)

    def _close_sign_in(self) -> None:
        if self.signing_in is not None:
            from wizard import accounts

            accounts.close_sign_in(self.signing_in)
            self.signing_in = None

    def on_own_keys_clicked(self) -> None:
        from wizard.ui.intuit_keys import IntuitKeysDialog

        if self.keys_dialog is not None:
            self.keys_dialog.deleteLater()
        self.keys_dialog = IntuitKeysDialog(self.session.run_job, self)
        self.keys_dialog.keys_changed.connect(self.on_own_keys_changed)
        self.keys_dialog.open()

    def on_own_keys_changed(self, saved: bool) -> None:
        self.message.show_message(Status.INFO, _(signin.KEYS_SAVED if saved
                                                 else signin.KEYS_FORGOTTEN))
