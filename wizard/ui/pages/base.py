"""What every page has: a header with its status and verdict, an explanation, an inline message
area, and the load bar with progress, Cancel and Re-check."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizardPage

from wizard.core.status import Status
from wizard.flow import PAGE_TITLES, Load, Page
from wizard.text import _
from wizard.ui.session import Session
from wizard.ui.widgets import (
    InlineMessage,
    LoadBar,
    PageHeader,
    WrappedLabel,
    html_escaped,
    html_unescaped,
)

if TYPE_CHECKING:
    from wizard.core.result import Finding
    from wizard.ui.jobs import Loaded


_TAG = re.compile(r"<[^>]+>")


def explanation(text: str, parent: QWidget | None = None) -> QLabel:
    label = WrappedLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.LinksAccessibleByMouse)
    label.setAccessibleName(html_unescaped(_TAG.sub("", text))[:200])  # what is read, no tags
    return label


def findings_html(findings: list[Finding], problems_only: bool = True) -> str:
    """Each finding as its sentence and its fix, problems first."""
    rows = [f for f in findings if not problems_only or f.status.is_problem]
    if not rows:
        return ""
    parts = []
    for f in rows:
        parts.append("<p>" + _("<b>{subject}</b> — {message}<br><b>Fix:</b> {fix}").format(
            subject=html_escaped(f.subject), message=html_escaped(f.message),
            fix=html_escaped(f.fix)) + "</p>")
    return "".join(parts)


class StepPage(QWizardPage):
    """Base for the seven pages; subclasses fill `self.body` and override `show_loaded`."""

    LAY_OUT_AHEAD_MS = 100  # after the pages are filled (one per pass), each in a pass of its own

    def __init__(self, session: Session, page: Page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.page_id = page
        self.setObjectName(f"page-{page.name.lower()}")
        self.header = PageHeader(page + 1, len(Page), _(PAGE_TITLES[page]), self)
        self.load_message = InlineMessage(self)
        self.loadbar = LoadBar(self)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.load_message)
        layout.addWidget(self.loadbar)
        self.loadbar.cancel_clicked.connect(self.on_loadbar_cancel_clicked)
        self.loadbar.recheck_clicked.connect(self.on_loadbar_recheck_clicked)
        session.changed.connect(self.on_session_changed)
        session.progress.connect(self.loadbar.set_progress)
        session.add_view(self.on_session_loaded)
        self._shown: Loaded | None = None
        self._stale = False

    # --- QWizardPage ---

    def isComplete(self) -> bool:
        return self.session.flow.can_leave(self.page_id)

    def initializePage(self) -> None:
        self.refresh()
        if self.session.loaded_data is not None and self._shown is not self.session.loaded_data:
            self.on_session_loaded(self.session.loaded_data)

    # --- slots ---

    def on_loadbar_cancel_clicked(self) -> None:
        self.session.cancel()

    def on_loadbar_recheck_clicked(self) -> None:
        self.session.recheck()

    def on_session_changed(self) -> None:
        # only the page on screen refreshes at once: seven refreshes per change cost the GUI
        # thread tens of milliseconds just as a check starts; a hidden page catches up when shown
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def on_session_loaded(self, loaded: Loaded) -> None:
        self._shown = loaded
        self.show_loaded(loaded)
        if not self.isVisible():
            QTimer.singleShot(self.LAY_OUT_AHEAD_MS, self, self.lay_out_ahead)

    def lay_out_ahead(self) -> None:
        """Lay this hidden page out at the size it will have, the shown page's: its word-wrapped
        labels are then measured and laid out in a pass of their own, not in the page switch
        (3-4 ms of the switch to Reconnect or Entries). A page laid out at another size is
        laid out again when shown, as it always was."""
        wizard = self.wizard()
        current = wizard.currentPage() if wizard is not None else None
        layout = self.layout()
        if current is None or current is self or self.isVisible() or not current.isVisible() \
                or layout is None:
            return
        self.setGeometry(current.geometry())
        layout.activate()
        # a hidden widget gets its resize event only when shown, so the layouts of the boxes
        # inside (parents come first in this list) are laid out here too
        for child in self.findChildren(QWidget):
            inner = child.layout()
            if inner is not None and child.isVisibleTo(self):
                inner.activate()

    # --- for subclasses ---

    def show_loaded(self, loaded: Loaded) -> None:
        """Fill the page from a finished check (GUI thread: keep it cheap)."""

    def refresh(self) -> None:
        self._stale = False
        flow = self.session.flow
        self.header.set_state(flow.page_status(self.page_id), flow.verdict(self.page_id))
        busy = flow.load is Load.BUSY
        self.loadbar.set_busy(busy, can_recheck=flow.choices.missing() is None)
        # nothing to check again before a first check
        self.loadbar.recheck.setVisible(flow.load is not Load.IDLE)
        if flow.load is Load.ERROR and flow.error:
            self.load_message.show_message(Status.FAIL, flow.error, self.session.error_details)
        elif flow.load is Load.CANCELLED:
            self.load_message.show_message(Status.NOT_CHECKED,
                                      _("The check was cancelled. Click Re-check to run it again."))
        elif (problem := flow.connection_problem()) is not None:
            self.load_message.show_message(Status.FAIL, problem)
        else:
            self.load_message.clear()
        self.completeChanged.emit()
