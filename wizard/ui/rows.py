"""What the Names and Entries tables show, and in which order, computed without Qt.

The name rows themselves come from `wizard.core.rows` (the report builds from it too); here
they are flattened into display order, filtered and sorted on the worker thread, so the GUI
thread only swaps the finished order into its models (a model reset stays cheap even for a
large company).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from wizard.core.labels import Tag
from wizard.core.result import EntryItem, Status
from wizard.core.rows import NameRow
from wizard.text import _

# --- near matches: both spellings with the differing characters marked ----------------------

def _visible(text: str) -> str:
    """Make invisible differences visible: spaces as a middle dot, other oddities by name."""
    return (text.replace(" ", "·").replace("\u00a0", "·").replace("\t", "→")
            .replace("\u200b", _("[zero-width space]")))


def diff_html(a: str, b: str, mark: str = "#ffd54f", ink: str = "#000000") -> tuple[str, str]:
    """Both names as rich text with the characters that differ highlighted and underlined."""
    import difflib  # here, not at the top: the window's first paint doesn't need it

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    left: list[str] = []
    right: list[str] = []
    style = f'style="background-color:{mark}; color:{ink}; text-decoration:underline"'
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        sa, sb = a[i1:i2], b[j1:j2]
        if op == "equal":
            left.append(html.escape(sa))
            right.append(html.escape(sb))
            continue
        if sa:
            left.append(f"<span {style}>{html.escape(_visible(sa))}</span>")
        if sb:
            right.append(f"<span {style}>{html.escape(_visible(sb))}</span>")
    return "".join(left), "".join(right)


# --- entries: filtering and sorting off the GUI thread -----------------------------------------

class EntryColumn(IntEnum):
    DATE = 0
    USER = 1
    CLIENT = 2
    PROJECT = 3
    BILLABLE = 4
    HOURS = 5
    REASONS = 6


def reasons_text(item: EntryItem) -> str:
    # the engine's texts are imported on first use, not when the window opens
    from wizard.text.entries import reason_short

    return ", ".join(reason_short(r) for r in item.reasons)


def _sort_key(column: EntryColumn):  # type: ignore[no-untyped-def]
    if column is EntryColumn.DATE:
        return lambda i: i.date
    if column is EntryColumn.USER:
        return lambda i: (i.user or "").casefold()
    if column is EntryColumn.CLIENT:
        return lambda i: (i.client or "").casefold()
    if column is EntryColumn.PROJECT:
        return lambda i: (i.project or "").casefold()
    if column is EntryColumn.BILLABLE:
        return lambda i: i.billable
    if column is EntryColumn.HOURS:
        return lambda i: -1.0 if i.hours is None else i.hours
    return lambda i: i.reasons


def entries_order(items: Sequence[EntryItem], reason: str | None = None, text: str = "",
                  column: EntryColumn | None = None, descending: bool = False) -> list[int]:
    """The rows to show, in order: a reason filter, a search over user/client/project, a sort."""
    needle = text.strip().casefold()
    rows = range(len(items))
    if reason:
        rows = [i for i in rows if reason in items[i].reasons]  # type: ignore[assignment]
    if needle:
        def hit(i: int) -> bool:
            it = items[i]
            return any(needle in (s or "").casefold() for s in (it.user, it.client, it.project))
        rows = [i for i in rows if hit(i)]  # type: ignore[assignment]
    if column is not None:
        key = _sort_key(column)
        return sorted(rows, key=lambda i: key(items[i]), reverse=descending)
    return list(rows)


# --- names: a flat list with groups (client + its projects), ordered off the GUI thread -------

@dataclass(frozen=True)
class FlatNames:
    """Name rows in display order; `groups` pairs each top-level row with its children."""

    rows: tuple[NameRow, ...] = ()
    depth: tuple[int, ...] = ()
    groups: tuple[tuple[int, tuple[int, ...]], ...] = ()


def flatten(top: Sequence[NameRow]) -> FlatNames:
    rows: list[NameRow] = []
    depth: list[int] = []
    groups: list[tuple[int, tuple[int, ...]]] = []
    for head in top:
        head_at = len(rows)
        rows.append(head)
        depth.append(0)
        kids = []
        for child in head.children:
            kids.append(len(rows))
            rows.append(child)
            depth.append(1)
        groups.append((head_at, tuple(kids)))
    return FlatNames(tuple(rows), tuple(depth), tuple(groups))


class NameColumn(IntEnum):
    STATUS = 0
    CLOCKIFY = 1
    QUICKBOOKS = 2
    NOTE = 3


_SEVERITY = {Status.FAIL: 0, Status.WARN: 1, Status.NOT_CHECKED: 2, Status.INFO: 3,
             Status.PASS: 4}


def name_sort_key(row: NameRow, column: NameColumn) -> tuple[object, ...]:
    if column is NameColumn.STATUS:
        return (_SEVERITY[row.status], str(row.tag))
    if column is NameColumn.CLOCKIFY:
        return (row.clockify == "", row.clockify.casefold())
    if column is NameColumn.QUICKBOOKS:
        return (row.quickbooks == "", row.quickbooks.casefold())
    return (row.note == "", row.note)


def names_order(flat: FlatNames, problems_only: bool = False, text: str = "",
                column: NameColumn | None = None, descending: bool = False,
                qbo_only: bool = True) -> list[int] | None:
    """Rows to show, in order; None = all, as built. A group (client and its projects) stays
    together: it shows when its head or any child passes, sorted by its head's key.
    `qbo_only` False leaves out the QuickBooks records no Clockify name uses."""
    needle = text.strip().casefold()
    if not problems_only and not needle and column is None and qbo_only:
        return None
    rows = flat.rows

    def passes(i: int) -> bool:
        row = rows[i]
        if problems_only and not row.is_problem:
            return False
        if not qbo_only and row.tag is Tag.QBO_ONLY:
            return False
        return not needle or needle in row.clockify.casefold() or \
            needle in row.quickbooks.casefold()

    kept: list[tuple[int, list[int]]] = []
    for head, kids in flat.groups:
        shown = [k for k in kids if passes(k)]
        if shown or passes(head):
            kept.append((head, shown))
    if column is not None:
        def key(i: int) -> tuple[object, ...]:
            return name_sort_key(rows[i], column)
        kept.sort(key=lambda g: key(g[0]), reverse=descending)
        for _, shown in kept:
            shown.sort(key=key, reverse=descending)
    order: list[int] = []
    for head, shown in kept:
        order.append(head)
        order.extend(shown)
    return order
