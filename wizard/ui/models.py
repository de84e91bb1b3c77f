"""Table models: thin adapters over rows the worker already built from core objects.

Colour, icon, word and tooltip all follow from a row's status tag. Filtering and sorting are
computed on a worker (rows.names_order, rows.entries_order) and handed to the model as a finished
order. A QSortFilterProxyModel would be the usual tool, but it calls back into Python for every
row on the GUI thread: with the large company (38,000 names, 250,000 entries) that froze the
window for over a second (benchmarks/gui_heartbeat.py), against a 50 ms budget.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from wizard.core.result import EntryItem
from wizard.text import N_, _
from wizard.text.entries import reason_short, reason_words
from wizard.text.status import status_word, tag_word
from wizard.ui import theme
from wizard.ui.rows import (
    EntryColumn,
    FlatNames,
    NameColumn,
    NameRow,
    diff_html,
    reasons_text,
)

Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole
USER_ROLE = int(_ROLE.UserRole)
_ROOT = QModelIndex()  # the invisible root, as a default argument


class Role(IntEnum):
    ROW = USER_ROLE + 1  # the NameRow / EntryItem / CheckResult behind the row
    SORT = USER_ROLE + 2
    PROBLEM = USER_ROLE + 3  # bool: shown by "problems only"
    DIFF = USER_ROLE + 4  # rich text with the differing characters highlighted, or None
    STATUS = USER_ROLE + 5  # the Status value
    DEPTH = USER_ROLE + 6  # 1 for a project under its client


_NAME_ROLES = frozenset(int(r) for r in (
    _ROLE.DisplayRole, _ROLE.DecorationRole, _ROLE.BackgroundRole, _ROLE.ForegroundRole,
    _ROLE.ToolTipRole, _ROLE.AccessibleTextRole, *Role))
_ENTRY_ROLES = frozenset(int(r) for r in (
    _ROLE.DisplayRole, _ROLE.TextAlignmentRole, _ROLE.ToolTipRole, Role.ROW))


# --- Names ---------------------------------------------------------------------------------------

class _TableModel(QAbstractTableModel):
    """The shape every table here shares: fixed columns with header words, and a row count."""

    headers: tuple[str, ...] = ()

    def _length(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self._length()

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = _ROLE.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == _ROLE.DisplayRole \
                and 0 <= section < len(self.headers):
            return _(self.headers[section])
        return None


class _OrderedModel(_TableModel):
    """Rows shown in an order computed on a worker (see module doc): `order` lists indexes into
    the rows, None shows them as given (the small tables, which are never filtered)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[Any] = ()
        self._order: Sequence[int] | None = None

    def _reset(self, rows: Sequence[Any], order: Sequence[int] | None) -> None:
        self.beginResetModel()
        self._rows = rows
        self._order = order
        self.endResetModel()

    def set_order(self, order: Sequence[int] | None) -> None:
        self._reset(self._rows, order)

    def _at(self, row: int) -> int:
        """The index into the rows of the row shown at `row`."""
        return self._order[row] if self._order is not None else row

    def _shown(self, index: Index) -> Any:
        """The row behind `index`, or None for an index outside the table. Views ask this for
        every role of every painted cell: written out, without further calls."""
        if not index.isValid():
            return None
        row = index.row()
        order = self._order
        if order is None:
            return self._rows[row] if 0 <= row < len(self._rows) else None
        return self._rows[order[row]] if 0 <= row < len(order) else None

    def _length(self) -> int:
        return len(self._order) if self._order is not None else len(self._rows)


class NamesModel(_OrderedModel):
    """Clockify names beside QuickBooks names; a client's projects follow it, indented.

    Flat on purpose: a tree model with a filter proxy calls into Python for every row on each
    reset, filter and expand, which measured over a second for a 30,000-customer company.
    """

    def __init__(self, clockify_header: str, qbo_header: str, parent: Any = None) -> None:
        super().__init__(parent)
        # NameColumn order; marked with N_, translated by headerData
        self.headers = (N_("Status"), clockify_header, qbo_header, N_("Note"))
        self._flat = FlatNames()
        self._dark = False
        # each near match's marked-up spellings, made once per row: every paint of a cell asks
        # for them (difflib takes a tenth of a millisecond a name, and a page switch paints ~50)
        self._diffs: dict[tuple[int, int], str] = {}

    def set_rows(self, flat: FlatNames, order: Sequence[int] | None = None) -> None:
        self._flat = flat
        self._dark = theme.is_dark()
        self._diffs = {}
        self._reset(flat.rows, order)

    @property
    def flat(self) -> FlatNames:
        return self._flat

    def row_at(self, index: Index) -> NameRow | None:
        row: NameRow | None = self._shown(index)
        return row

    def find(self, clockify_name: str) -> QModelIndex:
        """The index of the first shown row with this Clockify name."""
        for row in range(self.rowCount()):
            if self._flat.rows[self._at(row)].clockify == clockify_name:
                return self.index(row, NameColumn.CLOCKIFY)
        return QModelIndex()

    def data(self, index: Index, role: int = _ROLE.DisplayRole) -> Any:
        if role not in _NAME_ROLES:
            return None  # fast: views ask for many roles per painted cell
        row: NameRow | None = self._shown(index)
        if row is None:
            return None
        col = index.column()
        if role == _ROLE.DisplayRole:
            if col == NameColumn.STATUS:
                return tag_word(row.tag)
            if col == NameColumn.CLOCKIFY:
                indent = _INDENT if self._flat.depth[self._at(index.row())] else ""
                return indent + (row.clockify or "—")
            if col == NameColumn.QUICKBOOKS:
                return row.quickbooks or "—"
            return row.note
        if role == Role.DEPTH:
            return self._flat.depth[self._at(index.row())]
        if role == _ROLE.DecorationRole and col == NameColumn.STATUS:
            return theme.tag_icon(row.tag, row.status)
        if role == _ROLE.BackgroundRole:
            return theme.tag_background(row.tag, self._dark)
        if role == _ROLE.ForegroundRole:
            return theme.tag_foreground(self._dark)
        if role == _ROLE.ToolTipRole:
            return _tooltip(row)
        if role == _ROLE.AccessibleTextRole:
            return _("{word}: {clockify} — {quickbooks}").format(
                word=tag_word(row.tag), clockify=row.clockify or _("nothing in Clockify"),
                quickbooks=row.quickbooks or _("nothing in QuickBooks"))
        if role == Role.ROW:
            return row
        if role == Role.STATUS:
            return row.status.value
        if role == Role.PROBLEM:
            return row.is_problem
        if role == Role.DIFF and row.near and col in (NameColumn.CLOCKIFY, NameColumn.QUICKBOOKS):
            at = self._at(index.row())
            cached = self._diffs.get((at, col))
            if cached is None:
                ours, theirs = self._diff(row, at)
                self._diffs[(at, NameColumn.CLOCKIFY)] = ours
                self._diffs[(at, NameColumn.QUICKBOOKS)] = theirs
                cached = ours if col == NameColumn.CLOCKIFY else theirs
            return cached
        return None

    def _diff(self, row: NameRow, at: int) -> tuple[str, str]:
        """Both cells of a near match as rich text: (Clockify's, QuickBooks')."""
        assert row.finding is not None
        assert row.finding.match is not None
        ours, theirs = diff_html(row.clockify, _leaf(row.finding.match),
                                 mark=theme.DIFF_MARK[self._dark], ink="#000000")
        indent = _INDENT if self._flat.depth[at] else ""
        return (html.escape(indent).replace(" ", "&nbsp;") + ours,
                _with_parent(row.finding.match, theirs))


_INDENT = "    ↳ "  # a project under its client


def _leaf(fqn: str) -> str:
    return fqn.rpartition(":")[2]


def _with_parent(fqn: str, leaf_html: str) -> str:
    head, sep, _leaf_name = fqn.rpartition(":")
    return (html.escape(head) + sep + leaf_html) if sep else leaf_html


def _tooltip(row: NameRow) -> str:
    if row.finding is None:
        text = _("{name} is in QuickBooks, and no Clockify name uses it.").format(
            name=row.quickbooks)
        if row.note:
            text += " " + row.note
        return html.escape(text)
    f = row.finding
    return ("<p>" + _("<b>{word}</b> — {message}").format(
        word=html.escape(tag_word(row.tag)), message=html.escape(f.message)) + "</p><p>"
        + _("<b>Fix:</b> {fix}").format(fix=html.escape(f.fix)) + "</p>")


# --- Entries ------------------------------------------------------------------------------------

_ENTRY_HEADERS = {EntryColumn.DATE: N_("Date"), EntryColumn.USER: N_("User"),
                  EntryColumn.CLIENT: N_("Client"), EntryColumn.PROJECT: N_("Project"),
                  EntryColumn.BILLABLE: N_("Billable"), EntryColumn.HOURS: N_("Hours"),
                  EntryColumn.REASONS: N_("Why it won't sync")}
assert list(_ENTRY_HEADERS) == list(EntryColumn)


class EntriesModel(_OrderedModel):
    """The entries that won't sync, shown in an order computed elsewhere (see module doc)."""

    headers = tuple(_ENTRY_HEADERS.values())

    def set_items(self, items: Sequence[EntryItem], order: Sequence[int] | None = None) -> None:
        self._reset(items, order)

    @property
    def items(self) -> Sequence[EntryItem]:
        items: Sequence[EntryItem] = self._rows
        return items

    def item_at(self, row: int) -> EntryItem:
        item: EntryItem = self._rows[self._at(row)]
        return item

    def data(self, index: Index, role: int = _ROLE.DisplayRole) -> Any:
        if role not in _ENTRY_ROLES:
            return None
        item: EntryItem | None = self._shown(index)
        if item is None:
            return None
        col = index.column()
        if role == _ROLE.DisplayRole:
            if col == EntryColumn.DATE:
                return item.date.isoformat()
            if col == EntryColumn.USER:
                return item.user or "—"
            if col == EntryColumn.CLIENT:
                return item.client or "—"
            if col == EntryColumn.PROJECT:
                return item.project or _("(no project)")
            if col == EntryColumn.BILLABLE:
                return _("Yes") if item.billable else _("No")
            if col == EntryColumn.HOURS:
                return _("Running") if item.hours is None else f"{item.hours:.2f}"
            return reasons_text(item)
        if role == _ROLE.TextAlignmentRole and col == EntryColumn.HOURS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == _ROLE.ToolTipRole and col == EntryColumn.REASONS:
            return "\n".join(reason_words(r) for r in item.reasons)
        if role == Role.ROW:
            return item
        return None


# --- Summary and counts -------------------------------------------------------------------------

class CheckColumn(IntEnum):
    STATUS = 0
    CHECK = 1
    SUMMARY = 2


class ChecksModel(_OrderedModel):
    """Every check with its status icon and word (summary page)."""

    headers = (N_("Status"), N_("Check"), N_("Result"))  # CheckColumn order

    def set_checks(self, checks: Sequence[Any]) -> None:
        self._reset(list(checks), None)

    def data(self, index: Index, role: int = _ROLE.DisplayRole) -> Any:
        check = self._shown(index)
        if check is None:
            return None
        col = index.column()
        if role == _ROLE.DisplayRole:
            return (status_word(check.status), check.title, check.summary)[col]
        if role == _ROLE.DecorationRole and col == CheckColumn.STATUS:
            return theme.status_icon(check.status)
        if role == _ROLE.ToolTipRole:
            return check.summary
        if role == Role.STATUS:
            return check.status.value
        if role == Role.ROW:
            return check
        return None


class CountColumn(IntEnum):
    COUNT = 0
    MEANING = 1


class ReasonsModel(_OrderedModel):
    """Entries that won't sync, counted per reason, each reason in words."""

    headers = (N_("Entries"), N_("Reason"))  # CountColumn order

    def set_counts(self, by_reason: dict[str, int]) -> None:
        self._reset(sorted(by_reason.items(), key=lambda kv: (-kv[1], kv[0])), None)

    def reason_at(self, row: int) -> str:
        return self._rows[row][0]

    def data(self, index: Index, role: int = _ROLE.DisplayRole) -> Any:
        row = self._shown(index)
        if row is None:
            return None
        code, count = row
        col = index.column()
        if role == _ROLE.DisplayRole:
            return f"{count:,}" if col == CountColumn.COUNT else reason_words(code)
        if role == _ROLE.TextAlignmentRole and col == CountColumn.COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == _ROLE.ToolTipRole:
            return reason_short(code)
        if role == Role.ROW:
            return code
        return None
