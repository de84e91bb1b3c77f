"""Page 3: Clockify names beside QuickBooks names, each row marked by colour, icon and word."""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelection, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from wizard.core.names import NearKind, describe_difference
from wizard.flow import Page
from wizard.ui import theme
from wizard.ui.jobs import Loaded
from wizard.ui.models import NameColumn, NamesFilter, NamesModel, Role
from wizard.ui.pages.base import StepPage
from wizard.ui.rows import TAG_MEANING, NameRow, diff_html
from wizard.ui.session import Session
from wizard.ui.widgets import DiffDelegate, Legend

PLACEHOLDER = ("<p>Select a row to see what is wrong and exactly how to fix it.</p>"
               "<p>Rows are coloured by status, with an icon and a word. Hover over a row for "
               "its fix.</p>")


class NamesTable(QGroupBox):
    """One side-by-side table: a tree view over a filter proxy over a NamesModel."""

    def __init__(self, title: str, clockify: str, qbo: str, tree: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.model = NamesModel(clockify, qbo, self)
        self.proxy = NamesFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTreeView(self)
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(title)
        self.view.setRootIsDecorated(tree)
        self.view.setUniformRowHeights(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the natural order first
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAllColumnsShowFocus(True)
        self.view.setItemDelegate(DiffDelegate(self.view))
        header = self.view.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)

    def set_rows(self, rows: tuple[NameRow, ...]) -> None:
        self.model.set_rows(rows)
        self.view.expandAll()
        for col in (NameColumn.STATUS, NameColumn.CLOCKIFY, NameColumn.QUICKBOOKS):
            self.view.resizeColumnToContents(col)

    def find(self, clockify_name: str) -> QModelIndex:
        """The proxy index of the first row with this Clockify name (tests and screenshots)."""
        hits = self.proxy.match(self.proxy.index(0, NameColumn.CLOCKIFY),
                                Qt.ItemDataRole.DisplayRole, clockify_name, 1,
                                Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        return hits[0] if hits else QModelIndex()


class NamesPage(StepPage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, Page.NAMES, parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search names…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search both tables by name")
        self.problems_only = QCheckBox("Show &problems only", self)
        self.problems_only.setAccessibleName("Show problems only")
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.problems_only)
        self.body.addLayout(bar)
        self.body.addWidget(Legend(self))

        self.users = NamesTable("Clockify users ↔ QuickBooks employees", "Clockify user",
                                "QuickBooks employee", tree=False, parent=self)
        self.customers = NamesTable(
            "Clockify clients and projects ↔ QuickBooks customers and sub-customers",
            "Clockify client / project", "QuickBooks customer", tree=True, parent=self)
        self.detail = QTextBrowser(self)
        self.detail.setAccessibleName("Details and fix for the selected row")
        self.detail.setOpenLinks(False)
        self.detail.setHtml(PLACEHOLDER)
        tables = QSplitter(Qt.Orientation.Vertical, self)
        tables.addWidget(self.users)
        tables.addWidget(self.customers)
        tables.setStretchFactor(0, 2)
        tables.setStretchFactor(1, 3)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(tables)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([700, 260])
        self.body.addWidget(split, 1)

        self.search.textChanged.connect(self.on_search_text_changed)
        self.problems_only.toggled.connect(self.on_problems_only_toggled)
        for table in (self.users, self.customers):
            table.view.selectionModel().selectionChanged.connect(self.on_view_selection_changed)
        self.setTabOrder(self.search, self.problems_only)
        self.setTabOrder(self.problems_only, self.users.view)
        self.setTabOrder(self.users.view, self.customers.view)
        self.setTabOrder(self.customers.view, self.detail)

    def show_loaded(self, loaded: Loaded) -> None:
        self.users.set_rows(loaded.users)
        self.customers.set_rows(loaded.customers)
        self.detail.setHtml(PLACEHOLDER)

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
            table.proxy.set_search(text)
            table.view.expandAll()

    def on_problems_only_toggled(self, on: bool) -> None:
        for table in (self.users, self.customers):
            table.proxy.set_problems_only(on)
            table.view.expandAll()

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


def detail_html(row: NameRow, dark: bool) -> str:
    """The detail pane: status, both spellings (differences highlighted), what and the fix."""
    icon = theme.status_icon_path(row.status)
    word = html.escape(str(row.tag).capitalize())
    parts = [f'<h3><img src="{html.escape(icon)}" width="20" height="20"> {word}</h3>']
    parts.append(f"<p><i>{html.escape(TAG_MEANING.get(row.tag, ''))}</i></p>")
    f = row.finding
    if row.near and f is not None and f.match:
        leaf = f.match.rpartition(":")[2]
        ours, theirs = diff_html(row.clockify, leaf, mark=theme.DIFF_MARK[dark])
        why = ""
        if f.near_kind:
            try:
                why = describe_difference(NearKind(f.near_kind))
            except ValueError:
                why = ""
        parts.append(
            '<table cellpadding="3">'
            f'<tr><td>Clockify:</td><td style="font-size:large"><b>{ours}</b></td></tr>'
            f'<tr><td>QuickBooks:</td><td style="font-size:large"><b>{theirs}</b></td></tr>'
            "</table>")
        if why:
            parts.append(f"<p>Difference: {html.escape(why)}.</p>")
        if f.suggestion:
            parts.append(f"<p>Use exactly: <b>{html.escape(f.suggestion)}</b></p>")
    else:
        parts.append(f"<p>Clockify: <b>{html.escape(row.clockify or '—')}</b><br>"
                     f"QuickBooks: <b>{html.escape(row.quickbooks or '—')}</b></p>")
    if row.note:
        parts.append(f"<p>{html.escape(row.note.capitalize())}.</p>")
    if f is not None:
        parts.append(f"<p>{html.escape(f.message)}</p>")
        parts.append(f"<p><b>Fix:</b> {html.escape(f.fix)}</p>")
    else:
        parts.append("<p>No Clockify name uses this QuickBooks record. That is fine unless "
                     "someone's time should go to it.</p>")
    return "".join(parts)
