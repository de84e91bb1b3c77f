"""The rows of the name tables (Clockify names beside QuickBooks names) with their notes, built
from a RunResult without Qt. The wizard's Names page and the support report both build from
here, so a screenshot and a printed report list the same rows with the same notes.

The wizard shows the rows as a tree, problems first (`user_rows`, `customer_rows`); the report
keeps the checks' order and lists the QuickBooks-only records last (`name_row`,
`client_groups`, `unused_records`, `qbo_only_row`). Built on the worker thread, so the GUI
thread only swaps finished rows into its models.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from wizard.core.labels import Tag, tag_for
from wizard.core.names import NearKind
from wizard.core.result import Finding, RunResult, Status
from wizard.text import _

QboRecord = tuple[str, bool]  # (QuickBooks name, active), as in RunResult.tables


@dataclass(frozen=True)
class NameRow:
    """One line of a name table: a Clockify name, the QuickBooks name it meets, and its status."""

    tag: Tag
    status: Status
    clockify: str
    quickbooks: str
    kind: str  # user, client, project, employee, customer
    finding: Finding | None = None
    note: str = ""
    children: tuple[NameRow, ...] = field(default=())
    qbo_active: bool = True  # a QuickBooks-only record: whether it is active there

    @property
    def is_problem(self) -> bool:
        return self.status.is_problem

    @property
    def near(self) -> bool:
        return self.tag is Tag.NEAR and self.finding is not None and bool(self.finding.match)


def near_kind(f: Finding) -> NearKind | None:
    """How the finding's two names differ, when they nearly match; None when they don't, or
    when a run saved by another version names a kind this one doesn't know."""
    if not f.near_kind:
        return None
    try:
        return NearKind(f.near_kind)
    except ValueError:
        return None


def name_row(f: Finding, children: tuple[NameRow, ...] = ()) -> NameRow:
    """A Clockify name's row; its note says what Clockify says of it (deactivated, archived)."""
    notes = []
    if f.deactivated:
        notes.append(_("Deactivated in Clockify."))
    if f.archived:
        notes.append(_("Archived in Clockify."))
    return NameRow(tag=tag_for(f), status=f.status, clockify=f.subject,
                   quickbooks=f.match or "", kind=f.subject_kind, finding=f,
                   note=" ".join(notes), children=children)


def qbo_only_row(name: str, active: bool, kind: str) -> NameRow:
    """A QuickBooks record no Clockify name uses (`kind` is employee or customer)."""
    return NameRow(tag=Tag.QBO_ONLY, status=Status.INFO, clockify="", quickbooks=name, kind=kind,
                   note="" if active else _("Inactive in QuickBooks."), qbo_active=active)


def unused_records(records: Iterable[QboRecord],
                   findings: Iterable[Finding]) -> list[QboRecord]:
    """The QuickBooks records, in their order, that no Clockify name uses: none is a finding's
    match, and no user or client spells it exactly (a client a top-level customer)."""
    used: set[str] = set()
    for f in findings:
        if f.match:
            used.add(f.match)
        if f.subject_kind == "user" or (f.subject_kind == "client" and ":" not in f.subject):
            used.add(f.subject)
    return [(name, active) for name, active in records if name not in used]


def client_groups(findings: Sequence[Finding]) -> tuple[list[tuple[Finding, list[Finding]]],
                                                        list[Finding]]:
    """The clients in order, each with its projects (in order); then the projects whose client
    is not among the clients (or who have none). A project goes under the first client of its
    client's name."""
    clients = [f for f in findings if f.subject_kind == "client"]
    groups: list[tuple[Finding, list[Finding]]] = [(c, []) for c in clients]
    by_name: dict[str, list[Finding]] = {}
    for c, projects in groups:
        by_name.setdefault(c.subject, projects)
    loose: list[Finding] = []
    for p in findings:
        if p.subject_kind != "project":
            continue
        home = by_name.get(p.client) if p.client else None
        if home is not None:
            home.append(p)
        else:
            loose.append(p)
    return groups, loose


def _has_problem(row: NameRow) -> bool:
    return row.is_problem or any(child.is_problem for child in row.children)


def problems_first(rows: Sequence[NameRow]) -> list[NameRow]:
    """The rows with a problem (in themselves or a child) first, each part in its own order."""
    return [r for r in rows if _has_problem(r)] + [r for r in rows if not _has_problem(r)]


def user_rows(result: RunResult) -> tuple[NameRow, ...]:
    """Clockify users beside QuickBooks employees (problems first), then employees no user
    refers to."""
    findings = result.findings_for("users")
    rows = problems_first([name_row(f) for f in findings])
    rows += [qbo_only_row(name, active, "employee")
             for name, active in unused_records(result.tables.employees, findings)]
    return tuple(rows)


def customer_rows(result: RunResult) -> tuple[NameRow, ...]:
    """Clients with their projects under them, projects without a client, then QuickBooks
    customers nobody refers to (a sub-customer under the client row of its parent)."""
    findings = result.findings_for("customers")
    groups, loose = client_groups(findings)
    children: dict[str, list[NameRow]] = {}
    for c, projects in groups:
        children.setdefault(c.subject, []).extend(name_row(p) for p in projects)
    # QuickBooks-only customers: sub-customers go under the client row whose match is their parent
    client_match = {c.match: c.subject for c, _projects in groups if c.match}
    client_match.update({c.subject: c.subject for c, _projects in groups})
    top_qbo: list[NameRow] = []
    for fqn, active in unused_records(result.tables.customers, findings):
        parent, sep, _leaf = fqn.rpartition(":")
        owner = client_match.get(parent) if sep else None
        row = qbo_only_row(fqn, active, "customer")
        if owner is not None:
            children.setdefault(owner, []).append(row)
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
    top_qbo = [dataclasses.replace(r, children=tuple(qbo_children.get(r.quickbooks, ())))
               for r in top_qbo if id(r) not in nested]
    rows = [name_row(c, tuple(children.get(c.subject, ()))) for c, _projects in groups]
    rows += [name_row(p) for p in loose]
    return tuple(problems_first(rows) + top_qbo)
