"""Page 1: where each side's data comes from — live accounts, exported files, or the sample.

Every network, keyring and file step runs on a worker; the key itself goes straight to the
keyring (through wizard.sources.clockify) and is never kept in settings or logs.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from wizard.core.plans import plan_from_choice
from wizard.core.result import Status
from wizard.flow import Page
from wizard.text import N_, _, signin
from wizard.ui.first_paint import after_first_paint
from wizard.ui.pages.base import StepPage, explanation
from wizard.ui.session import Session, file_list, open_settings
from wizard.ui.widgets import InlineMessage

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from wizard.sources.gather import CancelToken, Progress

log = logging.getLogger(__name__)

_SOURCES = ("api", "file", "demo")
# the plan picker: (what `plan_from_choice` takes, the product's name); code never reads labels
_PLANS: tuple[tuple[str | None, str], ...] = (
    (None, N_("I'm not sure")), ("simple start", "Simple Start"), ("easystart", "EasyStart"),
    ("essentials", "Essentials"), ("plus", "Plus"), ("advanced", "Advanced"))


def _lookup_logins(progress: Progress, cancel: CancelToken) -> tuple[bool, bool]:
    """Whether a Clockify key and an Intuit sign-in are in the keyring (keyring may be slow)."""
    del progress, cancel
    key = login = False
    try:
        from wizard.sources import clockify
        key = clockify.has_stored_key()
    except Exception:  # a missing or locked keyring means "not stored"
        log.info("no stored Clockify key could be read", exc_info=True)
    try:
        from wizard.sources import quickbooks
        login = quickbooks.has_stored_login()
    except Exception:
        log.info("no stored QuickBooks sign-in could be read", exc_info=True)
    return key, login


class WelcomePage(StepPage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, Page.WELCOME, parent)
        self.setAcceptDrops(True)
        self._sign_in: Any = None
        self.body.addWidget(explanation(_(
            "This checkup finds out why time tracked in Clockify doesn't arrive in QuickBooks "
            "Online, following Clockify's own troubleshooting steps. It changes nothing unless "
            "you ask, and shows you exactly what first. Choose where each side's data comes "
            "from, then click <b>Next</b>."), self))
        self.body.addWidget(self._needs_box())

        sides = QHBoxLayout()
        sides.addWidget(self._clockify_box(), 1)
        sides.addWidget(self._quickbooks_box(), 1)
        self.body.addLayout(sides)
        self.files_label = QLabel(self)
        self.files_label.setWordWrap(True)
        self.files_label.setTextFormat(Qt.TextFormat.RichText)
        self.files_label.setAccessibleName(_("Opened files"))
        self.body.addWidget(self.files_label)
        self.body.addWidget(self._steps_box(), 1)
        self._restore()

    # --- building -----------------------------------------------------------------------------

    def _needs_box(self) -> QGroupBox:
        """What the person needs before starting, and the one offer of the sample company."""
        box = QGroupBox(_("What you will need"), self)
        needs = QLabel(_(
            "<ul style=\"margin-left: -20px\">"
            "<li>A Clockify workspace <b>owner or admin</b>: their API key reads the "
            "workspace.</li>"
            "<li>A QuickBooks Online <b>admin</b>: they sign in with Intuit in the browser.</li>"
            "<li><b>About five minutes.</b> Exported files work too, when signing in "
            "isn't possible.</li></ul>"), box)
        needs.setWordWrap(True)
        needs.setTextFormat(Qt.TextFormat.RichText)
        self.sample = QPushButton(_("Try the sample company"), box)
        self.sample.setAccessibleName(_("Try the sample company: built-in example data, no "
                                        "accounts needed"))
        self.sample.setDefault(False)
        self.sample.setAutoDefault(False)
        self.sample.clicked.connect(self.on_sample_clicked)
        sample_note = QLabel(_("No accounts at hand? The sample company shows every kind of "
                               "problem, with no sign-in."), box)
        sample_note.setWordWrap(True)
        self.sample_chosen = QLabel(box)
        self.sample_chosen.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(sample_note)
        side.addWidget(self.sample, 0, Qt.AlignmentFlag.AlignLeft)
        side.addWidget(self.sample_chosen)
        side.addStretch(1)
        layout = QHBoxLayout(box)
        layout.addWidget(needs, 3)
        layout.addLayout(side, 2)
        return box

    def _steps_box(self) -> QGroupBox:
        """What comes next, so the page says where this is going (and uses its room)."""
        box = QGroupBox(_("What the checkup looks at, page by page"), self)
        steps = QLabel(_(
            "<ol style=\"margin-left: -20px\">"
            "<li><b>QuickBooks plan</b>: Essentials or Plus, payroll off, time tracking on.</li>"
            "<li><b>Names</b>: each Clockify user, client and project beside the QuickBooks "
            "employee or customer it must match exactly.</li>"
            "<li><b>Resync</b>: asking Clockify to look at QuickBooks again after a fix.</li>"
            "<li><b>Reconnect</b>: the integration's own connection.</li>"
            "<li><b>Billable entries</b>: every time entry that won't sync, with its reasons."
            "</li>"
            "<li><b>Summary and report</b>: everything on one page, and a report for "
            "support.</li></ol>"), box)
        steps.setWordWrap(True)
        steps.setTextFormat(Qt.TextFormat.RichText)
        steps.setAlignment(Qt.AlignmentFlag.AlignTop)
        drop = QLabel(_("You can also drop export files onto this window."), box)
        # in a small window this overview gives up its room first: the choices above matter
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        layout = QVBoxLayout(box)
        layout.addWidget(steps)
        layout.addWidget(drop)
        layout.addStretch(1)
        return box

    def _choice(self, box: QGroupBox, group: QButtonGroup, button_id: int, text: str,
                side: str, needs: str) -> tuple[QRadioButton, QLabel]:
        radio = QRadioButton(text, box)
        radio.setAccessibleName(_("{side}: {choice}").format(side=side, choice=text))
        group.addButton(radio, button_id)
        note = QLabel(needs, box)
        note.setWordWrap(True)
        note.setIndent(22)
        note.setEnabled(True)
        font = note.font()
        font.setPointSizeF(font.pointSizeF() * 0.95)
        note.setFont(font)
        return radio, note

    def _clockify_box(self) -> QGroupBox:
        box = QGroupBox(_("Clockify"), self)
        self.clockify_group = QButtonGroup(box)
        live, live_needs = self._choice(
            box, self.clockify_group, 0, _("Connect with my API key"), _("Clockify"),
            _("Needs the API key of a workspace owner or admin."))
        files, files_needs = self._choice(
            box, self.clockify_group, 1, _("Use exported files"), _("Clockify"),
            _("Needs the Detailed report, and the Projects and Team exports, from Clockify "
              "(CSV or Excel)."))
        self.clockify_group.idClicked.connect(self.on_clockify_group_id_clicked)
        self.key_edit = QLineEdit(box)
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(_("Paste your Clockify API key"))
        self.key_edit.setAccessibleName(_("Clockify API key"))
        self.key_edit.returnPressed.connect(self.on_key_save_clicked)
        self.key_save = QPushButton(_("Save key"), box)
        self.key_save.setAutoDefault(False)
        self.key_save.setAccessibleName(_("Check the API key and keep it in this computer's "
                                          "password store"))
        self.key_save.clicked.connect(self.on_key_save_clicked)
        self.key_where = QPushButton(_("Where do I find my API key?"), box)
        self.key_where.setCheckable(True)
        self.key_where.setAutoDefault(False)
        self.key_where.setAccessibleName(_("Where do I find my API key?"))
        self.key_where_text = QLabel(box)  # filled when first shown (on_key_where_toggled)
        self.key_where_text.setWordWrap(True)
        self.key_where_text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_where_text.hide()
        self.key_where.toggled.connect(self.on_key_where_toggled)
        self.key_message = InlineMessage(box)
        self.clockify_files = QPushButton(_("Open Clockify exports…"), box)
        self.clockify_files.setAutoDefault(False)
        self.clockify_files.setAccessibleName(_("Open exported files from Clockify"))
        self.clockify_files.clicked.connect(self.on_files_button_clicked)
        layout = QVBoxLayout(box)
        layout.addWidget(live)
        layout.addWidget(live_needs)
        row = QHBoxLayout()
        row.addWidget(self.key_edit, 1)
        row.addWidget(self.key_save)
        layout.addLayout(row)
        layout.addWidget(self.key_where, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.key_where_text)
        layout.addWidget(self.key_message)
        layout.addWidget(files)
        layout.addWidget(files_needs)
        layout.addWidget(self.clockify_files, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return box

    def _quickbooks_box(self) -> QGroupBox:
        box = QGroupBox(_("QuickBooks Online"), self)
        self.qbo_group = QButtonGroup(box)
        live, live_needs = self._choice(
            box, self.qbo_group, 0, _("Sign in with Intuit"), _("QuickBooks"),
            _("Needs a QuickBooks Online admin to sign in; your browser opens for it."))
        files, files_needs = self._choice(
            box, self.qbo_group, 1, _("Use exported files"), _("QuickBooks"),
            _("Needs the Customer, Vendor and Employee contact lists from QuickBooks (CSV or "
              "Excel), and your answers about the plan and payroll."))
        self.qbo_group.idClicked.connect(self.on_qbo_group_id_clicked)
        self.sign_in = QPushButton(_("Sign in with Intuit"), box)
        self.sign_in.setAutoDefault(False)
        self.sign_in.setAccessibleName(_("Sign in with Intuit: opens your browser"))
        self.sign_in.clicked.connect(self.on_sign_in_clicked)
        self.own_keys = QPushButton(_(signin.OWN_KEYS_BUTTON), box)
        self.own_keys.setAutoDefault(False)
        self.own_keys.setAccessibleName(_(signin.OWN_KEYS_BUTTON_ACCESSIBLE))
        self.own_keys.clicked.connect(self.on_own_keys_clicked)
        self.keys_dialog: Any = None
        self.paste_edit = QLineEdit(box)
        self.paste_edit.setPlaceholderText(_("…or paste the address the browser ended on"))
        self.paste_edit.setAccessibleName(_("Address the browser ended on after signing in"))
        self.paste_use = QPushButton(_("Use this address"), box)
        self.paste_use.setAutoDefault(False)
        self.paste_use.setAccessibleName(_("Finish signing in with the pasted address"))
        self.paste_use.clicked.connect(self.on_paste_use_clicked)
        self.files_button = QPushButton(_("Open QuickBooks exports…"), box)
        self.files_button.setAutoDefault(False)
        self.files_button.setAccessibleName(_("Open exported files from QuickBooks"))
        self.files_button.clicked.connect(self.on_files_button_clicked)
        self.plan_combo = QComboBox(box)
        for code, label in _PLANS:
            self.plan_combo.addItem(_(label) if code is None else label, code)
        self.plan_combo.setAccessibleName(_("QuickBooks plan (for exported files)"))
        self.payroll_combo = QComboBox(box)
        self.payroll_combo.addItems((_("I'm not sure"), _("No"), _("Yes")))
        self.payroll_combo.setAccessibleName(_("Is QuickBooks payroll turned on? (for exported "
                                               "files)"))
        self.plan_combo.currentIndexChanged.connect(self.on_manual_changed)
        self.payroll_combo.currentIndexChanged.connect(self.on_manual_changed)
        self.qbo_message = InlineMessage(box)
        layout = QVBoxLayout(box)
        layout.addWidget(live)
        layout.addWidget(live_needs)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_in)
        buttons.addWidget(self.own_keys)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        row = QHBoxLayout()
        row.addWidget(self.paste_edit, 1)
        row.addWidget(self.paste_use)
        layout.addLayout(row)
        layout.addWidget(files)
        layout.addWidget(files_needs)
        layout.addWidget(self.files_button, 0, Qt.AlignmentFlag.AlignLeft)
        grid = QGridLayout()
        plan_label = QLabel(_("&Plan (for files):"), box)
        plan_label.setBuddy(self.plan_combo)
        payroll_label = QLabel(_("P&ayroll on:"), box)
        payroll_label.setBuddy(self.payroll_combo)
        grid.addWidget(plan_label, 0, 0)
        grid.addWidget(self.plan_combo, 0, 1)
        grid.addWidget(payroll_label, 1, 0)
        grid.addWidget(self.payroll_combo, 1, 1)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        layout.addWidget(self.qbo_message)
        layout.addStretch(1)
        return box

    # --- state ----------------------------------------------------------------------------------

    def _restore(self) -> None:
        settings = open_settings()
        choices = self.session.flow.choices
        c = settings.value("sources/clockify")
        q = settings.value("sources/quickbooks")
        choices.clockify = c if c in _SOURCES else choices.clockify  # type: ignore[assignment]
        choices.quickbooks = q if q in _SOURCES else choices.quickbooks  # type: ignore[assignment]
        choices.clockify_files = file_list(settings.value("files/clockify"))
        choices.qbo_files = file_list(settings.value("files/quickbooks"))
        self.plan_combo.setCurrentIndex(int(settings.value("manual/plan", 0) or 0) % len(_PLANS))
        self.payroll_combo.setCurrentIndex(int(settings.value("manual/payroll", 0) or 0) % 3)
        # the keyring (and the HTTP and crypto libraries behind it) loads after the window shows
        after_first_paint(self, self.look_up_logins)
        self.show_choices()

    def look_up_logins(self) -> None:
        """Ask the keyring, on a worker, whether a key and a sign-in are stored."""
        if self.session.closed:  # the window closed before its first paint was followed up
            return
        self.session.run_job(_lookup_logins, "keyring lookup", self.on_logins_found,
                             lambda _m, _d: None)

    def save(self) -> None:
        settings = open_settings()
        choices = self.session.flow.choices
        settings.setValue("sources/clockify", choices.clockify or "")
        settings.setValue("sources/quickbooks", choices.quickbooks or "")
        settings.setValue("files/clockify", [str(p) for p in choices.clockify_files])
        settings.setValue("files/quickbooks", [str(p) for p in choices.qbo_files])
        settings.setValue("manual/plan", self.plan_combo.currentIndex())
        settings.setValue("manual/payroll", self.payroll_combo.currentIndex())
        settings.sync()

    def show_choices(self) -> None:
        choices = self.session.flow.choices
        for group, kind in ((self.clockify_group, choices.clockify),
                            (self.qbo_group, choices.quickbooks)):
            button = group.button(_SOURCES.index(kind)) if kind in ("api", "file") else None
            if button is not None:
                button.setChecked(True)
            elif group.checkedButton() is not None:  # the sample, or nothing: no side chosen
                group.setExclusive(False)
                group.checkedButton().setChecked(False)
                group.setExclusive(True)
        sample = choices.clockify == "demo" and choices.quickbooks == "demo"
        self.sample_chosen.setText(_(
            "<b>The sample company is chosen.</b> Click Next to see it, or choose your own "
            "data below.") if sample else "")
        self.sample_chosen.setVisible(sample)
        live_c = choices.clockify == "api"
        self.key_edit.setEnabled(live_c)
        self.key_save.setEnabled(live_c)
        live_q = choices.quickbooks == "api"
        for w in (self.sign_in, self.own_keys, self.paste_edit, self.paste_use):
            w.setEnabled(live_q)
        files_q = choices.quickbooks == "file"
        self.plan_combo.setEnabled(files_q)
        self.payroll_combo.setEnabled(files_q)
        if live_c and choices.clockify_key_stored:
            self.key_edit.setPlaceholderText(_("A key is saved — paste a new one to replace it"))
        lines = []
        if choices.clockify == "file":
            lines += [_("Clockify file: {name}").format(name=html.escape(p.name))
                      for p in choices.clockify_files]
        if choices.quickbooks == "file":
            lines += [_("QuickBooks file: {name}").format(name=html.escape(p.name))
                      for p in choices.qbo_files]
        self.files_label.setText("<br>".join(lines))
        self.files_label.setVisible(bool(lines))
        self.refresh()

    def validatePage(self) -> bool:
        self.save()
        if self.session.needs_check() and not self.session.busy:
            self.session.recheck()
        return True

    # --- slots ----------------------------------------------------------------------------------

    def on_logins_found(self, found: tuple[bool, bool]) -> None:
        choices = self.session.flow.choices
        choices.clockify_key_stored, choices.qbo_signed_in = found
        self.show_choices()

    def on_key_where_toggled(self, shown: bool) -> None:
        if shown and not self.key_where_text.text():
            # the engine's texts (and the name matcher they import) load after the first paint
            from wizard.text.findings import api_key_where
            self.key_where_text.setText(api_key_where())
        self.key_where_text.setVisible(shown)

    def on_sample_clicked(self) -> None:
        self.session.flow.choices.use_sample()
        self.show_choices()
        self.wizard().next()

    def on_clockify_group_id_clicked(self, button_id: int) -> None:
        self.session.flow.choices.clockify = _SOURCES[button_id]  # type: ignore[assignment]
        if button_id == 1 and not self.session.flow.choices.clockify_files:
            self.on_files_button_clicked()
        self.show_choices()

    def on_qbo_group_id_clicked(self, button_id: int) -> None:
        self.session.flow.choices.quickbooks = _SOURCES[button_id]  # type: ignore[assignment]
        if button_id == 1 and not self.session.flow.choices.qbo_files:
            self.on_files_button_clicked()
        self.show_choices()

    def on_manual_changed(self, _index: int = 0) -> None:
        from wizard.sources.gather import Manual  # loads the data model: not before the paint

        plan_index = self.plan_combo.currentIndex()
        code = _PLANS[plan_index][0] if 0 <= plan_index < len(_PLANS) else None
        plan = plan_from_choice(code) if code else None
        payroll = {0: None, 1: False, 2: True}[self.payroll_combo.currentIndex()]
        self.session.flow.choices.manual = Manual(plan=plan, payroll=payroll)

    def on_key_save_clicked(self) -> None:
        key = self.key_edit.text().strip()
        if not key:
            self.key_message.show_message(Status.WARN,
                                          _("Paste the API key into the field first."))
            return
        self.key_edit.clear()  # the key lives only in the worker and then in the keyring
        self.key_save.setEnabled(False)
        self.key_message.show_message(Status.NOT_CHECKED, _("Checking the key with Clockify…"))

        def job(progress: Progress, cancel: CancelToken) -> str | None:
            del progress, cancel
            from wizard.sources import clockify
            problem = clockify.check_key(key)
            if problem is None:
                clockify.store_key(key)
            return problem

        self.session.run_job(job, "clockify key", self.on_key_checked, self.on_key_failed)

    def on_key_checked(self, problem: str | None) -> None:
        self.key_save.setEnabled(True)
        choices = self.session.flow.choices
        if problem:
            self.key_message.show_message(Status.FAIL, problem)
            return
        choices.clockify_key_stored = True
        self.key_message.show_message(Status.PASS, _("Clockify accepted the key; it is kept in "
                                                     "this computer's password store."))
        self.show_choices()

    def on_key_failed(self, message: str, details: str) -> None:
        self.key_save.setEnabled(True)
        self.key_message.show_message(Status.FAIL, message, details)

    def on_sign_in_clicked(self) -> None:
        self.qbo_message.show_message(Status.NOT_CHECKED, _("Opening the Intuit sign-in page…"))

        def start(progress: Progress, cancel: CancelToken) -> tuple[Any, str]:
            del progress, cancel
            from wizard.sources.intuit import SignIn
            sign_in = SignIn()
            return sign_in, sign_in.start()

        self.session.run_job(start, "intuit sign-in start", self.on_sign_in_started,
                             self.on_sign_in_failed)

    def on_sign_in_started(self, started: tuple[Any, str]) -> None:
        self._close_sign_in()
        self._sign_in, url = started
        from PySide6.QtCore import QUrl  # Qt classes the first picture doesn't use load on use
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl(url))
        if getattr(self._sign_in, "listening", False):
            self.qbo_message.show_message(
                Status.NOT_CHECKED, _(
                    "Your browser opened the Intuit sign-in page. Sign in and choose the "
                    "company; this page notices when you're done. If the browser ends on a page "
                    "that doesn't load, copy its address into the field below."))
            sign_in = self._sign_in

            def wait(progress: Progress, cancel: CancelToken) -> str:
                del progress
                return str(sign_in.wait(300, cancel))

            self.session.run_job(wait, "intuit sign-in wait", self.on_signed_in,
                                 self.on_sign_in_failed, lambda: None)
        else:
            self.qbo_message.show_message(
                Status.NOT_CHECKED, _("Your browser opened the Intuit sign-in page. After signing "
                  "in, copy the address the browser ends on and paste it below."))

    def on_own_keys_clicked(self) -> None:
        from wizard.ui.intuit_keys import IntuitKeysDialog

        if self.keys_dialog is not None:
            self.keys_dialog.deleteLater()
        self.keys_dialog = IntuitKeysDialog(self.session.run_job, self)
        self.keys_dialog.keys_changed.connect(self.on_own_keys_changed)
        self.keys_dialog.open()

    def on_own_keys_changed(self, saved: bool) -> None:
        self.qbo_message.show_message(Status.INFO, _(signin.KEYS_SAVED if saved
                                                     else signin.KEYS_FORGOTTEN))

    def on_paste_use_clicked(self) -> None:
        text = self.paste_edit.text().strip()
        sign_in = self._sign_in
        if sign_in is None:
            self.qbo_message.show_message(Status.WARN, _("Click “Sign in with Intuit” first."))
            return
        if not text:
            self.qbo_message.show_message(Status.WARN, _("Paste the address first."))
            return
        self.paste_edit.clear()

        def complete(progress: Progress, cancel: CancelToken) -> str:
            del progress, cancel
            return str(sign_in.complete_from_pasted(text))

        self.session.run_job(complete, "intuit sign-in paste", self.on_signed_in,
                             self.on_sign_in_failed)

    def on_signed_in(self, realm: str) -> None:
        del realm
        self._close_sign_in()
        self.session.flow.choices.qbo_signed_in = True
        self.qbo_message.show_message(Status.PASS, _("Signed in to QuickBooks."))
        self.show_choices()

    def on_sign_in_failed(self, message: str, details: str) -> None:
        self.qbo_message.show_message(Status.FAIL, message, details)

    def _close_sign_in(self) -> None:
        if self._sign_in is not None:
            try:
                self._sign_in.close()
            except Exception:
                log.info("closing the sign-in failed", exc_info=True)
            self._sign_in = None

    # --- files ------------------------------------------------------------------------------

    def on_files_button_clicked(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        names, _filter = QFileDialog.getOpenFileNames(
            self, _("Open exported files"), str(Path.home()),
            _("Exports (*.csv *.xlsx *.xls);;All files (*)"))
        if names:
            self.add_files([Path(n) for n in names])

    def add_files(self, files: list[Path]) -> None:
        """Identify the files on a worker and give each to its side."""
        def job(progress: Progress, cancel: CancelToken) -> list[Any]:
            from wizard.sources import files as exports
            infos = []
            for i, path in enumerate(files):
                cancel.raise_if_cancelled()
                progress(_("Reading {name}").format(name=path.name), i, len(files))
                infos.append(exports.identify(path))
            return infos

        self.qbo_message.clear()
        self.session.run_job(job, "identify files", self.on_files_identified,
                             self.on_files_failed)

    def on_files_identified(self, infos: list[Any]) -> None:
        choices = self.session.flow.choices
        clockify = list(choices.clockify_files)
        qbo = list(choices.qbo_files)
        problems = []
        for info in infos:
            if info.problem or info.side is None:
                problems.append(info.problem or _("{name} wasn't recognised.").format(
                    name=info.path.name))
                continue
            target = clockify if info.side == "clockify" else qbo
            if info.path not in target:
                target.append(info.path)
        choices.clockify_files, choices.qbo_files = tuple(clockify), tuple(qbo)
        if clockify and choices.clockify != "api":
            choices.clockify = "file"
        if qbo and choices.quickbooks != "api":
            choices.quickbooks = "file"
        if problems:
            self.qbo_message.show_message(Status.FAIL, " ".join(problems))
        else:
            described = "; ".join(_("{name}: {description}").format(
                name=i.path.name, description=i.description) for i in infos)
            self.qbo_message.show_message(Status.PASS, _("Opened {files}.").format(
                files=described))
        self.show_choices()

    def on_files_failed(self, message: str, details: str) -> None:
        self.qbo_message.show_message(Status.FAIL, message, details)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.add_files(files)
