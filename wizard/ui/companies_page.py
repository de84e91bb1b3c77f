"""The All companies page (SPEC §9): one row per saved company with when it was last checked,
each check's status (icon and word), the number of problems and what changed since its previous
run; Check all (two at a time, progress per company, Cancel), Open, Add company and Remove.

The wizard opens on this page once two or more companies are saved. Every check runs on a
worker; rows learn of progress and results only through signals on the GUI thread.

Signals:
    open_requested(object): the Company whose seven pages to open.
    add_requested(): the user wants to add a company (the Welcome page's choices).
"""

from __future__ import annotations

import logging
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QStyleOptionHeader,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard.core.result import CHECK_IDS, Status
from wizard.sources.progress import CancelToken
from wizard.storage import companies
from wizard.storage.companies import Company
from wizard.text import _
from wizard.text.checks import check_title
from wizard.text.companies import message
from wizard.text.status import status_word
from wizard.ui import theme
from wizard.ui.workers import Worker

log = logging.getLogger(__name__)


class Column(IntEnum):
    NAME = 0
    LAST_CHECKED = 1
    PLAN = 2
    USERS = 3
    CUSTOMERS = 4
    ENTRIES = 5
    CONNECTION = 6
    PROBLEMS = 7
    CHANGES = 8


_CHECK_COLUMN = {check: Column(Column.PLAN + i) for i, check in enumerate(CHECK_IDS)}


class WrappingHeader(QHeaderView):
    """Column titles that wrap onto more lines instead of widening the table: the check titles
    are long, and longer still in other languages. A column is never narrower than the title's
    longest word."""

    MARGIN = 6

    def _label(self, section: int) -> str:
        value = self.model().headerData(section, self.orientation(),
                                        Qt.ItemDataRole.DisplayRole) if self.model() else None
        return str(value) if value is not None else ""

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        text = self._label(logicalIndex)
        metrics = self.fontMetrics()
        word = max((metrics.horizontalAdvance(w) for w in text.split()), default=0)
        width = max(self.sectionSize(logicalIndex), word + 2 * self.MARGIN)
        lines = metrics.boundingRect(QRect(0, 0, width - 2 * self.MARGIN, 10_000),
                                     int(Qt.AlignmentFlag.AlignCenter
                                         | Qt.TextFlag.TextWordWrap), text)
        return QSize(word + 2 * self.MARGIN, lines.height() + 2 * self.MARGIN)

    def paintSection(self, painter: QPainter, rect: QRect,
                     logicalIndex: int) -> None:
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logicalIndex
        option.text = ""
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.save()
        painter.drawText(rect.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN),
                         int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                         self._label(logicalIndex))
        painter.restore()


class _Bridge(QObject):
    """Carries the check threads' news to the GUI thread (queued signals).

    Signals:
        company_progress(str, str): company id, what it is doing.
        company_done(str, object): company id, its CompanyRun or None (cancelled, stopped).
    """

    company_progress = Signal(str, str)
    company_done = Signal(str, object)


class CompaniesPage(QWidget):
    open_requested = Signal(object)
    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("All companies"))
        self.bridge = _Bridge(self)
        self.bridge.company_progress.connect(self.on_bridge_company_progress)
        self.bridge.company_done.connect(self.on_bridge_company_done)
        self.worker: Worker | None = None
        self.companies: list[Company] = []

        title = QLabel(_("All companies"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        self.lead = QLabel(_("Each saved company: when it was last checked, each check's "
                             "status, its problems and what changed since its previous run."))
        self.lead.setWordWrap(True)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(_("Progress"))

        self.table = QTableWidget(0, len(Column), self)
        self.table.setAccessibleName(_("Saved companies"))
        self.table.setHorizontalHeader(WrappingHeader(Qt.Orientation.Horizontal, self.table))
        self.table.setHorizontalHeaderLabels(
            [_("Company"), _("Last checked"), *(check_title(c) for c in CHECK_IDS),
             _("Problems"), _("Since the previous run")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.CHANGES, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self.on_header_section_resized)
        self.table.itemSelectionChanged.connect(self.on_table_selection_changed)
        self.table.doubleClicked.connect(self.on_open_clicked)

        self.check_all_button = QPushButton(_("Check all"))
        self.cancel_button = QPushButton(_("Cancel"))
        self.open_button = QPushButton(_("Open"))
        self.add_button = QPushButton(_("Add company…"))
        self.remove_button = QPushButton(_("Remove…"))
        self.check_all_button.clicked.connect(self.on_check_all_clicked)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        self.open_button.clicked.connect(self.on_open_clicked)
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button.clicked.connect(self.on_remove_clicked)
        buttons = QHBoxLayout()
        for button in (self.check_all_button, self.cancel_button, self.open_button,
                       self.add_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.lead)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.reload()

    # --- rows -----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the saved companies and their last runs (small files: no worker needed)."""
        from wizard.company_checks import overview_row

        try:
            self.companies = companies.load()
        except companies.CompanyProblem as exc:
            self.companies = []
            self.status.setText(str(exc))
        self.table.setRowCount(len(self.companies))
        for row, company in enumerate(self.companies):
            self._fill(row, overview_row(company))
        self.table.resizeRowsToContents()
        self._update_buttons()

    def _set(self, row: int, column: Column, text: str, status: Status | None = None) -> None:
        item = QTableWidgetItem(text)
        if status is not None:
            item.setIcon(theme.status_icon(status))
        item.setToolTip(text)
        self.table.setItem(row, column, item)

    def _fill(self, row: int, summary: Any) -> None:
        self._set(row, Column.NAME, summary.name)
        self._set(row, Column.LAST_CHECKED, summary.last_checked_text)
        for check, column in _CHECK_COLUMN.items():
            status = summary.statuses.get(check)
            if status is None:
                self._set(row, column, "")
            else:
                self._set(row, column, status_word(status), status)
        self._set(row, Column.PROBLEMS, summary.problems_text)
        self._set(row, Column.CHANGES, summary.changes_text)

    def row_of(self, company_id: str) -> int:
        return next(i for i, c in enumerate(self.companies) if c.id == company_id)

    def selected(self) -> Company | None:
        rows = self.table.selectionModel().selectedRows()
        return self.companies[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        busy = self.worker is not None
        chosen = self.selected() is not None
        self.check_all_button.setEnabled(not busy and bool(self.companies))
        self.cancel_button.setEnabled(busy)
        self.open_button.setEnabled(not busy and chosen)
        self.remove_button.setEnabled(not busy and chosen)
        self.add_button.setEnabled(not busy)

    def on_header_section_resized(self, *_args: int) -> None:
        """A column's width changed (the window, or a longer text in another row): the wrapped
        texts need their rows' heights again, or they end in "…"."""
        self.table.resizeRowsToContents()

    def on_table_selection_changed(self) -> None:
        self._update_buttons()

    # --- Check all ------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.worker is not None

    def on_check_all_clicked(self) -> None:
        if self.worker is not None or not self.companies:
            return
        from wizard.company_checks import check_all

        chosen = list(self.companies)
        bridge = self.bridge
        for company in chosen:
            self._set(self.row_of(company.id), Column.LAST_CHECKED, _("Waiting…"))

        def job(progress: Any, cancel: CancelToken) -> int:
            del progress
            runs = check_all(
                chosen, cancel=cancel,
                on_progress=lambda c, text, done, total: bridge.company_progress.emit(c.id, text),
                on_done=lambda c, run: bridge.company_done.emit(c.id, run))
            return len(runs)

        worker = Worker(job, name="check-all")
        worker.signals.done.connect(self.on_worker_done)
        self.worker = worker
        self.status.setText(_("Checking every company, two at a time…"))
        self._update_buttons()
        worker.start()

    def on_cancel_clicked(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.status.setText(_("Stopping after the requests under way…"))

    def on_bridge_company_progress(self, company_id: str, text: str) -> None:
        try:
            row = self.row_of(company_id)
        except StopIteration:
            return
        self._set(row, Column.LAST_CHECKED, text)

    def on_bridge_company_done(self, company_id: str, run: Any) -> None:
        from wizard.company_checks import overview_row

        try:
            row = self.row_of(company_id)
        except StopIteration:
            return
        company = self.companies[row]
        self._fill(row, overview_row(company))
        if run is None:
            self._set(row, Column.LAST_CHECKED, _("Not checked this time (cancelled)."))
        self.table.resizeRowToContents(row)

    def on_worker_done(self) -> None:
        cancelled = self.worker is not None and self.worker.cancelled
        self.worker = None
        self.status.setText(_("Cancelled: the companies not reached yet were not checked.")
                            if cancelled else _("Every company was checked."))
        self._update_buttons()

    def shutdown(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    # --- Open, Remove ---------------------------------------------------------------------------

    def on_open_clicked(self) -> None:
        company = self.selected()
        if company is not None and self.worker is None:
            self.open_requested.emit(company)

    def on_remove_clicked(self) -> None:
        company = self.selected()
        if company is None or self.worker is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, _("Remove company"),
                          message("remove_question", name=company.name),
                          QMessageBox.StandardButton.Cancel, self)
        remove = box.addButton(_("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm_box = box
        box.finished.connect(lambda _result: self._on_remove_answer(box, remove, company))
        box.open()

    def _on_remove_answer(self, box: QMessageBox, remove: Any, company: Company) -> None:
        if box.clickedButton() is not remove:
            return
        companies.remove(company.name)
        self.status.setText(message("removed", name=company.name))
        self.reload()
