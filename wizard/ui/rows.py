"""Rows for the Names tables and the entries view, built from a RunResult without Qt.

Built on the worker thread, so the GUI thread only swaps the finished rows into its models
(a model reset stays cheap even for a large company).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import IntEnum

from wizard.core.labels import Tag, tag_for
from wizard.core.result import EntryItem, Finding, RunResult, Status
from wizard.text import _


@dataclass(frozen=True)
class NameRow:
    """One line of a Names table: a Clockify name, the QuickBooks name it meets, and its status."""

    tag: Tag
    status: Status
    clockify: str
    quickbooks: str
    kind: str  # user, client, project, employee, customer
    finding: Finding | None = None
    note: str = ""
    children: tuple[NameRow, ...] = field(default=())

    @property
    def is_problem(self) -> bool:
        return self.status.is_problem

    @property
    def near(self) -> bool:
        return self.tag is Tag.NEAR and self.finding is not None and bool(self.finding.match)


def _row(f: Finding, children: tuple[NameRow, ...] = ()) -> NameRow:
    notes = []
    if f.deactivated:
        notes.append(_("Deactivated in Clockify."))
    if f.archived:
        notes.append(_("Archived in Clockify."))
    return NameRow(tag=tag_for(f), status=f.status, clockify=f.subject,
                   quickbooks=f.match or "", kind=f.subject_kind, finding=f,
                   note=" ".join(notes), children=children)


def _qbo_only(name: str, active: bool, kind: str) -> NameRow:
    return NameRow(tag=Tag.QBO_ONLY, status=Status.INFO, clockify="", quickbooks=name, kind=kind,
                   note="" if active else _("Inactive in QuickBooks."))


def _has_problem(row: NameRow) -> bool:
    return row.is_problem or any(child.is_problem for child in row.children)


def problems_first(rows: Sequence[NameRow]) -> list[NameRow]:
    """The rows with a problem (in themselves or a child) first, each part in its own order."""
    return [r for r in rows if _has_problem(r)] + [r for r in rows if not _has_problem(r)]


def user_rows(result: RunResult) -> tuple[NameRow, ...]:
    """Clockify users beside QuickBooks employees (problems first), then employees no user
    refers to."""
    findings = result.findings_for("users")
    used = {f.match for f in findings if f.match} | {f.subject for f in findings}
    rows = problems_first([_row(f) for f in findings])
    rows += [_qbo_only(name, active, "employee") for name, active in result.tables.employees
             if name not in used]
    return tuple(rows)


def customer_rows(result: RunResult) -> tuple[NameRow, ...]:
    """Clients with their projects under them, projects without a client, then QuickBooks
    customers nobody refers to (a sub-customer under the client row of its parent)."""
    findings = result.findings_for("customers")
    clients = [f for f in findings if f.subject_kind == "client"]
    projects = [f for f in findings if f.subject_kind == "project"]
    used = {f.match for f in findings if f.match}
    client_names = {f.subject for f in clients}
    by_client: dict[str, list[NameRow]] = {}
    top_projects: list[NameRow] = []
    for p in projects:
        if p.client and p.client in client_names:
            by_client.setdefault(p.client, []).append(_row(p))
        else:
            top_projects.append(_row(p))
    # QuickBooks-only customers: sub-customers go under the client row whose match is their parent
    client_match = {f.match: f.subject for f in clients if f.match}
    client_match.update({f.subject: f.subject for f in clients})
    top_qbo: list[NameRow] = []
    for fqn, active in result.tables.customers:
        if fqn in used:
            continue
        parent, sep, _ = fqn.rpartition(":")
        if fqn in client_names and not sep:
            continue  # an exact top-level name that a client finding already shows
        owner = client_match.get(parent) if sep else None
        row = _qbo_only(fqn, active, "customer")
        if owner is not None:
            by_client.setdefault(owner, []).append(row)
        else:
            top_qbo.append(row)
    # a QuickBooks-only sub-customer whose parent is QuickBooks-only too goes under that parent
    qbo_children: dict[str, list[NameRow]] = {}
    top_names = {r.quickbooks for r in top_qbo}
    for r in top_qbo:
        parent = r.quickbooks.rpartition(":")[0]
        if parent in top_names:
            qbo_children.setdefault(parent, []).append(r)
    nested = {id(r) for kids in qbo_children.values() for r in kids}
    top_qbo = [NameRow(r.tag, r.status, r.clockify, r.quickbooks, r.kind, r.finding, r.note,
                       tuple(qbo_children.get(r.quickbooks, ())))
               for r in top_qbo if id(r) not in nested]
    rows = [_row(c, tuple(by_client.get(c.subject, ()))) for c in clients]
    return tuple(problems_first(rows + top_projects) + top_qbo)


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
