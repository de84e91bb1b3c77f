"""Page 6: the period, counts per reason, and every billable entry that won't sync.

The table can hold hundreds of thousands of rows: filtering and sorting run on a worker and the
model only receives the finished order, so typing in the search box never stalls the window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from wizard.core.links import for_entries
from wizard.core.result import EntryItem, RunResult, Status
from wizard.flow import Page
from wizard.sources.progress import CancelToken, Progress
from wizard.text import _, _n
from wizard.text.entries import reason_short
from wizard.ui.action_bar import open_web_page, side_why
from wizard.ui.jobs import Loaded
from wizard.ui.models import CountColumn, EntriesModel, ReasonsModel
from wizard.ui.pages.base import StepPage, explanation
from wizard.ui.rows import EntryColumn, entries_order
from wizard.ui.session import Session
from wizard.ui.tables import next_sort, read_only_table, show_sort, sortable_by_header
from wizard.ui.widgets import InlineMessage
from wizard.ui.workers import Worker

_WIDTHS = {EntryColumn.DATE: 95, EntryColumn.USER: 140, EntryColumn.CLIENT: 140,
           EntryColumn.PROJECT: 160, EntryColumn.BILLABLE: 65, EntryColumn.HOURS: 60}


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class EntriesPage(StepPage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, Page.ENTRIES, parent)
        self.body.addWidget(explanation(
            _("Clockify sends an entry only when it is <b>billable</b>, has a <b>project</b>, its "
              "user and project <b>match</b> QuickBooks, the timer has <b>stopped</b>, it is "
              "<b>at most 23 h 55 min</b> long, and its date isn't in a period <b>closed</b> in "
              "QuickBooks."), self))
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit, name in ((self.date_from, _("First day of the period")),
                           (self.date_to, _("Last day of the period"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        self.apply = QPushButton(_("Check this period"), self)
        self.apply.setAccessibleName(_("Check the entries of this period"))
        self.apply.clicked.connect(self.on_apply_clicked)
        period = QHBoxLayout()
        from_label = QLabel(_("&From:"), self)
        from_label.setBuddy(self.date_from)
        to_label = QLabel(_("&To:"), self)
        to_label.setBuddy(self.date_to)
        for w in (from_label, self.date_from, to_label, self.date_to, self.apply):
            period.addWidget(w)
        period.addStretch(1)
        self.body.addLayout(period)
        self.period_message = InlineMessage(self)
        self.body.addWidget(self.period_message)
        self.totals = QLabel(self)
        self.totals.setAccessibleName(_("Totals"))
        self.body.addWidget(self.totals)

        self.reasons = ReasonsModel(self)
        self.reasons_view = read_only_table(
            self.reasons, _("Entries that won't sync, counted per reason"), self,
            stretch=CountColumn.MEANING, height_in_rows=8)
        self.reasons_view.activated.connect(self.on_reasons_view_activated)
        self.reasons_view.clicked.connect(self.on_reasons_view_activated)
        self.body.addWidget(self.reasons_view)

        self.reason_filter = QComboBox(self)
        self.reason_filter.setAccessibleName(_("Show entries with this reason"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search user, client or project…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Search entries by user, client or project"))
        self.shown = QLabel(self)
        self.open_report = QPushButton(_("Open in Clockify"), self)
        self.open_report.setAutoDefault(False)
        self.open_report.setAccessibleName(_("Open the Detailed report of this period in "
                                             "Clockify"))
        self.open_report.clicked.connect(self.on_open_report_clicked)
        self._report_url: str | None = None
        filters = QHBoxLayout()
        filters.addWidget(QLabel(_("Show:"), self))
        filters.addWidget(self.reason_filter)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.shown)
        filters.addWidget(self.open_report)
        self.body.addLayout(filters)

        self.model = EntriesModel(self)
        self.table = read_only_table(self.model, _("Entries that won't sync"), self)
        sortable_by_header(self.table)
        self.table.horizontalHeader().sectionClicked.connect(self.on_header_section_clicked)
        metrics = self.table.fontMetrics()
        scale = metrics.averageCharWidth() / 7
        for col, width in _WIDTHS.items():  # never narrower than the (translated) header
            title = str(self.table.model().headerData(col, Qt.Orientation.Horizontal) or "")
            needed = metrics.horizontalAdvance(title) + metrics.averageCharWidth() * 4
            self.table.setColumnWidth(col, max(int(width * max(1.0, scale)), needed))
        self.body.addWidget(self.table, 1)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(200)
        self._filter_timer.timeout.connect(self.on_filter_timer_timeout)
        self.reason_filter.currentIndexChanged.connect(self.on_filter_changed)
        self.search.textChanged.connect(self.on_filter_changed)
        self._sort: tuple[EntryColumn, bool] | None = None
        self._order_job: Worker | None = None
        self._generation = 0
        self._set_period_edits()

    def _set_period_edits(self) -> None:
        start, end = self.session.flow.period
        self.date_from.setDate(_qdate(start))
        self.date_to.setDate(_qdate(end))

    def initializePage(self) -> None:
        self._set_period_edits()
        super().initializePage()

    def _show_report_link(self, result: RunResult) -> None:
        """The entries' own web page: Clockify's Detailed report over the period."""
        self._report_url = for_entries(result.places, result.period).clockify
        self.open_report.setEnabled(self._report_url is not None)
        self.open_report.setToolTip(
            _("Opens Clockify's Detailed report of this period in your browser.")
            if self._report_url else side_why("clockify", result.sources.get("clockify"), False))

    def on_open_report_clicked(self) -> None:
        if self._report_url:
            open_web_page(self._report_url)

    def show_loaded(self, loaded: Loaded) -> None:
        summary = loaded.result.entries
        self._set_period_edits()
        self._show_report_link(loaded.result)
        self.reason_filter.blockSignals(True)
        self.reason_filter.clear()
        self.reason_filter.addItem(_("All reasons"), None)
        if summary is None:
            self.totals.setText(loaded.result.check("entries").summary)
            self.reasons.set_counts({})
            self.model.set_items(())
        else:
            self.totals.setText(_n(
                "<b>{total:,}</b> entry in the period: <b>{will:,}</b> will sync, "
                "<b>{wont:,}</b> won't.",
                "<b>{total:,}</b> entries in the period: <b>{will:,}</b> will sync, "
                "<b>{wont:,}</b> won't.", summary.total).format(
                total=summary.total, will=summary.will_sync, wont=summary.wont_sync)
                if summary.sync_known
                else loaded.result.check("entries").summary)  # never "will sync" unchecked
            self.reasons.set_counts(summary.by_reason)
            for code, count in sorted(summary.by_reason.items(), key=lambda kv: -kv[1]):
                self.reason_filter.addItem(_("{reason} ({count:,})").format(
                    reason=reason_short(code), count=count), code)
            self.model.set_items(summary.items)
        self.reason_filter.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._sort = None
        show_sort(self.table, None)
        self._show_count()

    def _show_count(self) -> None:
        total = len(self.model.items)
        self.shown.setText(_("Showing {shown:,} of {total:,}").format(
            shown=self.model.rowCount(), total=total))

    # --- filtering and sorting on a worker -------------------------------------------------------

    def on_filter_changed(self, *_args: object) -> None:
        self._filter_timer.start()

    def on_header_section_clicked(self, section: int) -> None:
        self._sort = next_sort(self._sort, EntryColumn(section))
        show_sort(self.table, self._sort)
        self.start_order_job()

    def on_filter_timer_timeout(self) -> None:
        self.start_order_job()

    def start_order_job(self) -> None:
        if self._order_job is not None:
            self._order_job.cancel()
        items: Sequence[EntryItem] = self.model.items
        reason = self.reason_filter.currentData()
        text = self.search.text()
        column, descending = self._sort if self._sort else (None, False)
        self._generation += 1

        def job(progress: Progress, cancel: CancelToken) -> list[int] | None:
            del progress, cancel
            if not reason and not text.strip() and column is None:
                return None
            return entries_order(items, reason, text, column, descending)

        self.shown.setText(_("Filtering…"))
        self._order_job = self.session.run_job(
            job, "entries filter", partial(self.on_order_ready, self._generation, items),
            lambda _m, _d: self._show_count())

    def on_order_ready(self, generation: int, items: Sequence[EntryItem],
                       order: list[int] | None) -> None:
        if generation != self._generation or items is not self.model.items:
            return  # a newer filter or a newer check replaced this one
        self._order_job = None
        self.model.set_order(order)
        self._show_count()

    def on_reasons_view_activated(self, index: QModelIndex) -> None:
        code = self.reasons.reason_at(index.row())
        found = self.reason_filter.findData(code)
        if found >= 0:
            self.reason_filter.setCurrentIndex(found)

    def on_apply_clicked(self) -> None:
        problem = self.session.flow.set_period(_date(self.date_from.date()),
                                               _date(self.date_to.date()))
        if problem:
            self.period_message.show_message(Status.WARN, problem)
            return
        self.period_message.clear()
        self.session.recheck()
