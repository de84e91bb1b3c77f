"""Page 3: Clockify names beside QuickBooks names, each row marked by colour, icon and word."""

from __future__ import annotations

import html
import time

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wizard.core.fixes import Plan
from wizard.core.labels import Tag
from wizard.core.names import describe_difference
from wizard.core.result import RunResult
from wizard.core.rows import NameRow, near_kind
from wizard.flow import Page
from wizard.sources.progress import CancelToken, Progress
from wizard.text import N_, _, _n
from wizard.text.status import tag_meaning, tag_word
from wizard.ui import theme
from wizard.ui.action_bar import ActionBar, fixability
from wizard.ui.jobs import Loaded
from wizard.ui.models import NamesModel, Role
from wizard.ui.pages.base import StepPage
from wizard.ui.rows import FlatNames, NameColumn, diff_html, names_order
from wizard.ui.session import Session
from wizard.ui.tables import (
    DiffDelegate,
    Legend,
    fit_columns,
    next_sort,
    read_only_table,
    show_sort,
    sortable_by_header,
)
from wizard.ui.workers import Worker

SYNC_ORDER_ROWS = 5_000  # up to this many rows the first order is computed at once
MANY_PROBLEMS = 40  # more than this many name problems: the page opens on the problems alone
PREPARED_ROWS = 40  # rows whose marked-up spellings a hidden table lays out ahead (a screenful)
PREPARE_MS = 6  # GUI-thread time one event-loop pass may spend on them

PLACEHOLDER = (N_("Select a row to see what is wrong and exactly how to fix it."),
               N_("Rows are coloured by status, with an icon and a word. Hover over a row for "
                  "its fix."))


class NamesTable(QGroupBox):
    """One side-by-side table; its order (filter + sort) is computed on a worker.

    Signals:
        reordered(): a new order is on show (`hidden` counts what it leaves out).
    """

    reordered = Signal()

    def __init__(self, session: Session, title: str, clockify: str, qbo: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.session = session
        self.model = NamesModel(clockify, qbo, self)
        self.view = read_only_table(self.model, title, self, row_padding=6)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setShowGrid(False)
        self.delegate = DiffDelegate(self.view)  # only where a difference can be highlighted
        self.view.setItemDelegateForColumn(NameColumn.CLOCKIFY, self.delegate)
        self.view.setItemDelegateForColumn(NameColumn.QUICKBOOKS, self.delegate)
        # while the page is hidden, the first rows' highlighted spellings are laid out a few at
        # a time, so the first paint of the page has them ready (26 documents on a large
        # company: 8 ms of the page switch)
        self._prepared = 0
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.setInterval(0)
        self._prepare_timer.timeout.connect(self.on_prepare_timer_timeout)
        sortable_by_header(self.view)
        self.view.horizontalHeader().sectionClicked.connect(self.on_header_section_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
        self.problems_only = False
        self.qbo_only = False  # QuickBooks records no Clockify name uses: shown when asked
        self.text = ""
        self.sort: tuple[NameColumn, bool] | None = None
        self._generation = 0
        self._job: Worker | None = None
        self.hidden: tuple[int, int] = (0, 0)  # (names with no problem, QuickBooks-only rows)

    def set_rows(self, flat: FlatNames) -> None:
        self._generation += 1
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self.model.set_rows(flat)
        self.sort = None
        show_sort(self.view, None)
        if len(flat.rows) <= SYNC_ORDER_ROWS:
            # a firm's few thousand rows filter in a millisecond or two: show the filtered
            # table at once rather than every row first
            order = names_order(flat, self.problems_only, self.text, None, False, self.qbo_only)
            self.model.set_order(order)
            self.hidden = hidden_counts(flat, order)
            self._prepare()
            self.reordered.emit()
        else:
            self.reorder()
        fit_columns(self.view, (NameColumn.STATUS, NameColumn.CLOCKIFY, NameColumn.QUICKBOOKS),
                    icon_columns=(NameColumn.STATUS,))

    def find(self, clockify_name: str) -> QModelIndex:
        return self.model.find(clockify_name)

    @property
    def busy(self) -> bool:
        return self._job is not None

    def reorder(self) -> None:
        """Filter and sort on a worker; the model gets the finished order."""
        if self._job is not None:
            self._job.cancel()
        self._generation += 1
        generation = self._generation
        flat = self.model.flat
        problems_only, text, qbo_only = self.problems_only, self.text, self.qbo_only
        column, descending = self.sort if self.sort else (None, False)

        def job(progress: Progress, cancel: CancelToken) -> list[int] | None:
            del progress, cancel
            return names_order(flat, problems_only, text, column, descending, qbo_only)

        def done(order: list[int] | None) -> None:
            if generation == self._generation and flat is self.model.flat:
                self._job = None
                self.model.set_order(order)
                self.hidden = hidden_counts(flat, order)
                self._prepare()
                self.reordered.emit()

        def failed(_message: str, _details: str) -> None:
            if generation == self._generation:
                self._job = None

        self._job = self.session.run_job(job, "names filter", done, failed)

    def _prepare(self) -> None:
        self._prepared = 0
        if self.view.isVisible():  # its paint makes them anyway
            self._prepare_timer.stop()
        else:
            self._prepare_timer.start()

    def on_prepare_timer_timeout(self) -> None:
        if self.view.isVisible():
            return
        start = time.perf_counter()
        font = self.view.font()
        last = min(PREPARED_ROWS, self.model.rowCount())
        while self._prepared < last:
            row = self._prepared
            self._prepared += 1
            for col in (NameColumn.CLOCKIFY, NameColumn.QUICKBOOKS):
                self.delegate.prepare(self.model.index(row, col), font)
            if (time.perf_counter() - start) * 1000 >= PREPARE_MS:
                break
        if self._prepared < last:
            self._prepare_timer.start()

    def on_header_section_clicked(self, section: int) -> None:
        self.sort = next_sort(self.sort, NameColumn(section))
        show_sort(self.view, self.sort)
        self.reorder()


class NamesPage(StepPage):
    """Signals:
        fix_requested(object): "Fix for me…" on the selected problem (the Finding).
    """

    fix_requested = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, Page.NAMES, parent)
        self._result: RunResult | None = None
        self._plan: Plan | None = None
        self._opened = False
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search names…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Search both tables by name"))
        self.problems_only = QCheckBox(_("Show &problems only"), self)
        self.problems_only.setAccessibleName(_("Show problems only"))
        self.qbo_only = QCheckBox(_("Show QuickBooks records &no Clockify name uses"), self)
        self.qbo_only.setAccessibleName(_("Show QuickBooks records no Clockify name uses"))
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.problems_only)
        bar.addWidget(self.qbo_only)
        self.body.addLayout(bar)
        self.hidden_label = QLabel(self)
        self.hidden_label.setWordWrap(True)
        self.body.addWidget(self.hidden_label)
        self.body.addWidget(Legend(self))

        self.users = NamesTable(session, _("Clockify users ↔ QuickBooks employees"),
                                N_("Clockify user"), N_("QuickBooks employee"), self)
        self.customers = NamesTable(
            session, _("Clockify clients and projects ↔ QuickBooks customers and sub-customers"),
            N_("Clockify client / project"), N_("QuickBooks customer"), self)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)
        self._filter_timer.timeout.connect(self.on_filter_timer_timeout)
        self.detail = QTextBrowser(self)
        self.detail.setTabChangesFocus(True)
        self.detail.setAccessibleName(_("Details and fix for the selected row"))
        self.detail.setOpenLinks(False)
        self.detail.setHtml(_placeholder())
        self.actions = ActionBar(self)
        self.actions.fix_requested.connect(self.fix_requested)
        pane = QWidget(self)
        pane_layout = QVBoxLayout(pane)
        pane_layout.setContentsMargins(0, 0, 0, 0)
        pane_layout.addWidget(self.detail, 1)
        pane_layout.addWidget(self.actions)
        tables = QSplitter(Qt.Orientation.Vertical, self)
        tables.addWidget(self.users)
        tables.addWidget(self.customers)
        tables.setStretchFactor(0, 2)
        tables.setStretchFactor(1, 3)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(tables)
        split.addWidget(pane)
        # the tables get the room: the detail pane needs only a column of wrapped text
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([820, 300])
        self.body.addWidget(split, 1)

        self.search.textChanged.connect(self.on_search_text_changed)
        self.problems_only.toggled.connect(self.on_problems_only_toggled)
        self.qbo_only.toggled.connect(self.on_qbo_only_toggled)
        for table in (self.users, self.customers):
            table.reordered.connect(self.on_table_reordered)
        for table in (self.users, self.customers):
            table.view.selectionModel().selectionChanged.connect(self.on_view_selection_changed)
        self.setTabOrder(self.search, self.problems_only)
        self.setTabOrder(self.problems_only, self.qbo_only)
        self.setTabOrder(self.qbo_only, self.users.view)
        self.setTabOrder(self.users.view, self.customers.view)
        self.setTabOrder(self.customers.view, self.detail)
        previous: QWidget = self.detail
        for button in self.actions.buttons:
            self.setTabOrder(previous, button)
            previous = button

    def show_loaded(self, loaded: Loaded) -> None:
        # many problems: open on the problems alone (the count of what is hidden says the rest)
        many = sum(1 for flat in (loaded.users, loaded.customers) for r in flat.rows
                   if r.is_problem) > MANY_PROBLEMS
        if many and not self._opened:
            self.problems_only.blockSignals(True)
            self.problems_only.setChecked(True)
            self.problems_only.blockSignals(False)
            for table in (self.users, self.customers):
                table.problems_only = True
        self._opened = True
        self.users.set_rows(loaded.users)
        self.customers.set_rows(loaded.customers)
        self.detail.setHtml(_placeholder())
        self._result = loaded.result
        self._plan = loaded.plan
        self.actions.show_for(None, result=self._result)

    def select(self, clockify_name: str) -> bool:
        """Select the first row with this Clockify name in either table."""
        for table in (self.users, self.customers):
            index = table.find(clockify_name)
            if index.isValid():
                table.view.setCurrentIndex(index)
                table.view.scrollTo(index)
                return True
        return False

    # --- slots ---

    def on_search_text_changed(self, text: str) -> None:
        for table in (self.users, self.customers):
            table.text = text
        self._filter_timer.start()

    def on_problems_only_toggled(self, on: bool) -> None:
        for table in (self.users, self.customers):
            table.problems_only = on
        self._filter_timer.start()

    def on_qbo_only_toggled(self, on: bool) -> None:
        for table in (self.users, self.customers):
            table.qbo_only = on
        self._filter_timer.start()

    def on_table_reordered(self) -> None:
        matched = self.users.hidden[0] + self.customers.hidden[0]
        qbo = self.users.hidden[1] + self.customers.hidden[1]
        parts = []
        if matched:
            parts.append(_n("{count} name without a problem is hidden (Show problems only).",
                            "{count} names without a problem are hidden (Show problems only).",
                            matched).format(count=f"{matched:,}"))
        if qbo:
            parts.append(_n(
                "{count} QuickBooks record that no Clockify name uses is hidden.",
                "{count} QuickBooks records that no Clockify name uses are hidden.",
                qbo).format(count=f"{qbo:,}"))
        self.hidden_label.setText(" ".join(parts))
        self.hidden_label.setVisible(bool(parts))

    def on_filter_timer_timeout(self) -> None:
        for table in (self.users, self.customers):
            table.reorder()

    @property
    def filtering(self) -> bool:
        return self._filter_timer.isActive() or self.users.busy or self.customers.busy

    def on_view_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        row = indexes[0].data(Role.ROW)
        if row is None:
            return
        # one selection at a time across both tables
        source = self.sender()
        for table in (self.users, self.customers):
            if table.view.selectionModel() is not source:
                table.view.selectionModel().blockSignals(True)
                table.view.clearSelection()
                table.view.selectionModel().blockSignals(False)
        self.detail.setHtml(detail_html(row, theme.is_dark()))
        fixable, why = fixability(self._plan, row.finding)
        self.actions.show_for(row.finding, fixable, why, result=self._result)


def hidden_counts(flat: FlatNames, order: list[int] | None) -> tuple[int, int]:
    """What an order leaves out: (names of either side without a problem, QuickBooks-only)."""
    if order is None:
        return 0, 0
    shown = set(order)
    left_out = [r for i, r in enumerate(flat.rows) if i not in shown]
    qbo = sum(1 for r in left_out if r.tag is Tag.QBO_ONLY)
    return len(left_out) - qbo, qbo


def _placeholder() -> str:
    return "".join(f"<p>{html.escape(_(paragraph))}</p>" for paragraph in PLACEHOLDER)


def detail_html(row: NameRow, dark: bool) -> str:
    """The detail pane: status, both spellings (differences highlighted), what and the fix."""
    icon = theme.status_icon_path(row.status)
    word = html.escape(tag_word(row.tag))
    parts = [f'<h3><img src="{html.escape(icon)}" width="20" height="20"> {word}</h3>']
    parts.append(f"<p><i>{html.escape(tag_meaning(row.tag))}</i></p>")
    f = row.finding
    if row.near and f is not None and f.match:
        leaf = f.match.rpartition(":")[2]
        ours, theirs = diff_html(row.clockify, leaf, mark=theme.DIFF_MARK[dark])
        kind = near_kind(f)
        why = describe_difference(kind) if kind is not None else ""
        parts.append(
            '<table cellpadding="3">'
            '<tr><td>' + html.escape(_("Clockify:")) + '</td>'
            f'<td style="font-size:large"><b>{ours}</b></td></tr>'
            '<tr><td>' + html.escape(_("QuickBooks:")) + '</td>'
            f'<td style="font-size:large"><b>{theirs}</b></td></tr>'
            "</table>")
        if why:
            parts.append("<p>" + html.escape(_("Difference: {difference}.").format(
                difference=why)) + "</p>")
        if f.suggestion:
            parts.append("<p>" + _("Use exactly: <b>{name}</b>").format(
                name=html.escape(f.suggestion)) + "</p>")
    else:
        parts.append("<p>" + _("Clockify: <b>{clockify}</b><br>QuickBooks: <b>{quickbooks}</b>")
                     .format(clockify=html.escape(row.clockify or "—"),
                             quickbooks=html.escape(row.quickbooks or "—")) + "</p>")
    if row.note:
        parts.append(f"<p>{html.escape(row.note)}</p>")
    if f is not None:
        parts.append(f"<p>{html.escape(f.message)}</p>")
        parts.append("<p>" + _("<b>Fix:</b> {fix}").format(fix=html.escape(f.fix)) + "</p>")
    else:
        parts.append("<p>" + html.escape(_("No Clockify name uses this QuickBooks record. That is "
                                           "fine unless someone's time should go to it."))
                     + "</p>")
    return "".join(parts)
