"""Page 1: where each side's data comes from — live accounts, exported files, or the sample.

The page lays out its parts and keeps them in step with the session's choices; what each
account step does is `wizard.accounts`, run as jobs by the boxes. Every network, keyring and
file step runs on a worker; the key itself goes straight to the keyring and is never kept in
settings or logs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from wizard.flow import Page
from wizard.text import _
from wizard.ui.first_paint import after_first_paint
from wizard.ui.pages.base import StepPage, explanation
from wizard.ui.pages.welcome import saved
from wizard.ui.pages.welcome.clockify_box import ClockifyBox
from wizard.ui.pages.welcome.files import OpenedFiles, ask_for_files
from wizard.ui.pages.welcome.quickbooks_box import QuickBooksBox
from wizard.ui.session import Session
from wizard.ui.widgets import WrappedLabel

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from wizard.accounts import StoredLogins


class WelcomePage(StepPage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, Page.WELCOME, parent)
        self.setAcceptDrops(True)
        self.body.addWidget(explanation(_(
            "This checkup finds out why time tracked in Clockify doesn't arrive in QuickBooks "
            "Online, following Clockify's own troubleshooting steps. It changes nothing unless "
            "you ask, and shows you exactly what first. Choose where each side's data comes "
            "from, then click <b>Next</b>."), self))
        self.body.addWidget(self._needs_box())
        self.clockify = ClockifyBox(session, self)
        self.quickbooks = QuickBooksBox(session, self)
        sides = QHBoxLayout()
        sides.addWidget(self.clockify, 1)
        sides.addWidget(self.quickbooks, 1)
        self.body.addLayout(sides)
        self.files = OpenedFiles(session, self.quickbooks.message, self)
        self.body.addWidget(self.files)
        self.steps = self._steps_box()
        self.body.addWidget(self.steps, 1)
        for part in (self.clockify, self.quickbooks, self.files):
            part.changed.connect(self.show_choices)
        for box in (self.clockify, self.quickbooks):
            box.files_wanted.connect(self.on_files_wanted)
        self._restore()

    # --- building -----------------------------------------------------------------------------

    def _needs_box(self) -> QGroupBox:
        """What the person needs before starting, and the one offer of the sample company."""
        box = QGroupBox(_("What you will need"), self)
        needs = WrappedLabel(_(
            "<ul style=\"margin-left: -20px\">"
            "<li>A Clockify workspace <b>owner or admin</b>: their API key reads the "
            "workspace.</li>"
            "<li>A QuickBooks Online <b>admin</b>: they sign in with Intuit in the browser.</li>"
            "<li><b>About five minutes.</b> Exported files work too, when signing in "
            "isn't possible.</li></ul>"), box)
        needs.setTextFormat(Qt.TextFormat.RichText)
        self.sample = QPushButton(_("Try the sample company"), box)
        self.sample.setAccessibleName(_("Try the sample company: built-in example data, no "
                                        "accounts needed"))
        self.sample.setDefault(False)
        self.sample.setAutoDefault(False)
        self.sample.clicked.connect(self.on_sample_clicked)
        sample_note = WrappedLabel(_("No accounts at hand? The sample company shows every kind "
                                     "of problem, with no sign-in."), box)
        self.sample_chosen = WrappedLabel(parent=box)
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
        # In a small window (or a longer language) this overview gives up its room first: the
        # choices above matter. A vertical box layout gives every item that has a height for
        # its width exactly that height as its minimum, whatever its size policy says; word-
        # wrapped labels have one, so laid out directly they claimed their full height and the
        # side boxes above were squeezed instead. In a scroll area they claim nothing (the
        # overview scrolls when it is short of room) and the `Ignored` policy holds.
        scroll = QScrollArea(box)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidgetResizable(True)
        # the box's own background shows through, as before: a viewport of our own, which
        # doesn't fill its background (asking the scroll area for its own viewport would make
        # PySide look up the Python class of a widget it never saw, which builds the classes of
        # every Qt widget before the first paint)
        scroll.setViewport(QWidget())
        # the content goes in while still empty: the scroll area sizes what it is given, and
        # the rich text would otherwise be laid out here and once more when the window shows
        content = QWidget()
        scroll.setWidget(content)
        content.setAutoFillBackground(False)
        steps = WrappedLabel(_(
            "<ol style=\"margin-left: -20px\">"
            "<li><b>QuickBooks plan</b>: Essentials or Plus, payroll off, time tracking on.</li>"
            "<li><b>Names</b>: each Clockify user, client and project beside the QuickBooks "
            "employee or customer it must match exactly.</li>"
            "<li><b>Resync</b>: asking Clockify to look at QuickBooks again after a fix.</li>"
            "<li><b>Reconnect</b>: the integration's own connection.</li>"
            "<li><b>Billable entries</b>: every time entry that won't sync, with its reasons."
            "</li>"
            "<li><b>Summary and report</b>: everything on one page, and a report for "
            "support.</li></ol>"), content)
        steps.setTextFormat(Qt.TextFormat.RichText)
        steps.setAlignment(Qt.AlignmentFlag.AlignTop)
        drop = QLabel(_("You can also drop export files onto this window."), content)
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(steps)
        inner.addWidget(drop)
        inner.addStretch(1)
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        layout = QVBoxLayout(box)
        layout.addWidget(scroll)
        return box

    # --- state ----------------------------------------------------------------------------------

    def _restore(self) -> None:
        self.quickbooks.show_answers(saved.restore(self.session.flow.choices))
        # the keyring (and the HTTP and crypto libraries behind it) loads after the window shows
        after_first_paint(self, self.look_up_logins)
        self.show_choices()

    def look_up_logins(self) -> None:
        """Ask the keyring, on a worker, whether a key and a sign-in are stored."""
        if self.session.closed:  # the window closed before its first paint was followed up
            return
        from wizard import accounts  # loaded on first use, not before the first paint

        self.session.run_job(accounts.look_up_logins, "keyring lookup", self.on_logins_found,
                             lambda _m, _d: None)

    def save(self) -> None:
        saved.save(self.session.flow.choices, self.quickbooks.answers())

    def show_choices(self) -> None:
        choices = self.session.flow.choices
        self.clockify.show_choices()
        self.quickbooks.show_choices()
        sample = choices.clockify == "demo" and choices.quickbooks == "demo"
        self.sample_chosen.setText(_(
            "<b>The sample company is chosen.</b> Click Next to see it, or choose your own "
            "data below.") if sample else "")
        self.sample_chosen.setVisible(sample)
        self.files.show_choices()
        self.refresh()

    def validatePage(self) -> bool:
        self.save()
        if self.session.needs_check() and not self.session.busy:
            self.session.recheck()
        return True

    def sign_in_again(self) -> None:
        """Start "Sign in with Intuit" (the window brings the page here first)."""
        self.quickbooks.start_sign_in()

    # --- slots ----------------------------------------------------------------------------------

    def on_logins_found(self, found: StoredLogins) -> None:
        choices = self.session.flow.choices
        choices.clockify_key_stored = found.clockify_key
        choices.qbo_signed_in = found.quickbooks_sign_in
        self.show_choices()

    def on_sample_clicked(self) -> None:
        self.session.flow.choices.use_sample()
        self.show_choices()
        self.wizard().next()

    def on_files_wanted(self) -> None:
        paths = ask_for_files(self)
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[Path]) -> None:
        """Identify the files on a worker and give each to its side."""
        self.files.add(paths)

    # --- drag and drop ------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.add_files(files)
