"""The report's two name tables, Clockify users beside QuickBooks employees and Clockify clients
and projects beside QuickBooks customers, built from the Names page's rows (`wizard.core.rows`)
so the printed tables and the screen say the same. Every QuickBooks record is listed, the ones
no Clockify name uses last; a long table is cut in the PDF, and what is cut is counted."""

from __future__ import annotations

from collections.abc import Sequence

from wizard.core.labels import Tag, Tone
from wizard.core.result import Finding, RunResult
from wizard.core.rows import (
    QboRecord,
    client_groups,
    name_row,
    near_kind,
    qbo_only_row,
    unused_records,
)
from wizard.report.blocks import FULL_LIST, Cell, Limits, Paragraph, Section, Table
from wizard.report.phrases import row_status, tag_of
from wizard.text import _, _n
from wizard.text.report import near_note


def _near_note(f: Finding) -> str:
    kind = near_kind(f)
    return near_note(kind) if kind is not None else ""


def users_section(result: RunResult, limits: Limits) -> Section:
    users = [f for f in result.findings if f.subject_kind == "user"]
    sec, has_table = _opening(result, "users", _("Clockify users ↔ QuickBooks employees"),
                              users, result.tables.employees, _(
        "Clockify sends time only for members whose name is identical to an active QuickBooks "
        "employee's display name. Every QuickBooks employee is listed, including those with no "
        "Clockify user."))
    if not has_table:
        return sec
    rows, tones = [], []
    for f in users:
        row = name_row(f)
        word, tone = row_status(f)
        notes = [n for n in (_near_note(f), row.note) if n]
        qbo = row.quickbooks
        if f.code == "USER_IS_VENDOR":
            qbo = _("{name} (vendor)").format(name=f.match)
        rows.append([Cell(row.clockify), Cell(word, tone, strong=True), Cell(qbo),
                     Cell(" ".join(notes))])
        tones.append(tone)
    rows, tones, cut = _cap(rows, tones, limits.rows)
    only = unused_records(result.tables.employees, users)
    cut_qbo = _add_qbo_only(rows, tones, only, limits.qbo_only, "employee", blank_cells=0)
    parts = [_n("{count:,} more Clockify user (matched ones first) is not shown.",
                "{count:,} more Clockify users (matched ones first) are not shown.",
                cut).format(count=cut) if cut else "",
             _n("{count:,} more QuickBooks employee with no Clockify user is not shown.",
                "{count:,} more QuickBooks employees with no Clockify user are not shown.",
                cut_qbo).format(count=cut_qbo) if cut_qbo else ""]
    sec.blocks.append(Table([_("Clockify user"), _("Status"), _("QuickBooks employee"),
                             _("Notes")], rows, tones, widths=[27, 21, 27, 25],
                            note=_cut_note(parts)))
    return sec


def customers_section(result: RunResult, limits: Limits) -> Section:
    items = [f for f in result.findings if f.subject_kind in ("client", "project")]
    sec, has_table = _opening(
        result, "customers", _("Clockify clients and projects ↔ QuickBooks customers"), items,
        result.tables.customers, _(
            "A client must match a QuickBooks customer; a project with a client must match a "
            "sub-customer directly under it (shown as Parent:Child); a project without a client "
            "must match a top-level customer. Every QuickBooks customer is listed."))
    if not has_table:
        return sec
    rows, tones = [], []

    def add(f: Finding, client_cell: str, project_cell: str) -> None:
        row = name_row(f)
        word, tone = row_status(f)
        notes = [n for n in (_near_note(f), row.note) if n]
        if f.code == "PROJECT_IS_SUBCUSTOMER" and f.suggestion:
            notes.insert(0, _("Give it the client “{client}”.").format(client=f.suggestion))
        elif f.suggestion:
            notes.insert(0, _("Use “{name}”.").format(name=f.suggestion))
        if f.code == "PROJECT_WRONG_PARENT" and f.match and ":" in f.match:
            notes.insert(0, _("It is under “{parent}”, not “{client}”.").format(
                parent=f.match.rpartition(":")[0], client=f.client))
        rows.append([Cell(client_cell, strong=not project_cell), Cell(project_cell),
                     Cell(word, tone, strong=True), Cell(row.quickbooks),
                     Cell(" ".join(notes))])
        tones.append(tone)

    groups, loose = client_groups(items)
    for client, projects in groups:
        add(client, client.subject, "")
        for p in projects:
            add(p, "", p.subject)
    for p in loose:
        add(p, p.client or _("(no client)"), p.subject)
    rows, tones, cut = _cap(rows, tones, limits.rows)
    only = unused_records(result.tables.customers, items)
    cut_qbo = _add_qbo_only(rows, tones, only, limits.qbo_only, "customer", blank_cells=1)
    parts = [_n("{count:,} more Clockify client or project (matched ones first) is not shown.",
                "{count:,} more Clockify clients and projects (matched ones first) are not "
                "shown.", cut).format(count=cut) if cut else "",
             _n("{count:,} more QuickBooks customer with no Clockify client or project is not "
                "shown.",
                "{count:,} more QuickBooks customers with no Clockify client or project are not "
                "shown.", cut_qbo).format(count=cut_qbo) if cut_qbo else ""]
    sec.blocks.append(Table(
        [_("Clockify client"), _("Clockify project"), _("Status"), _("QuickBooks customer"),
         _("Notes")],
        rows, tones, widths=[17, 18, 15, 26, 24], note=_cut_note(parts)))
    return sec


def _opening(result: RunResult, key: str, title: str, findings: Sequence[Finding],
             records: Sequence[QboRecord], intro: str) -> tuple[Section, bool]:
    """The section and its first paragraph: what the table holds, or, when neither side has a
    name (and so there is no table: False), the check's own summary."""
    sec = Section(key, title, new_page=True)
    if not findings and not records:
        sec.blocks.append(Paragraph(result.check(key).summary, "muted"))
        return sec, False
    sec.blocks.append(Paragraph(intro, "muted"))
    return sec, True


def _add_qbo_only(rows: list[list[Cell]], tones: list[Tone | None], only: list[QboRecord],
                  limit: int, kind: str, blank_cells: int) -> int:
    """The QuickBooks records no Clockify name uses, up to `limit`, as rows with the name
    under the QuickBooks column; how many were left out. The printed word says "inactive" too,
    for a reader of a narrow table."""
    for name, active in only[:limit]:
        row = qbo_only_row(name, active, kind)
        word, tone = tag_of(Tag.QBO_ONLY if row.qbo_active else Tag.QBO_ONLY_INACTIVE)
        rows.append([Cell("—"), *(Cell("") for _blank in range(blank_cells)),
                     Cell(word, tone, strong=True), Cell(row.quickbooks), Cell(row.note)])
        tones.append(tone)
    return len(only) - min(len(only), limit)


def _cap(rows: list[list[Cell]], tones: list[Tone | None],
         limit: int) -> tuple[list[list[Cell]], list[Tone | None], int]:
    """The first `limit` rows, problems before matches; and how many were cut."""
    if len(rows) <= limit:
        return rows, tones, 0
    order = sorted(range(len(rows)), key=lambda i: tones[i] == "good")
    keep = sorted(order[:limit])
    return [rows[i] for i in keep], [tones[i] for i in keep], len(rows) - limit


def _cut_note(parts: list[str]) -> str | None:
    """The sentences about what was cut, then where the full list is; None when nothing was."""
    said = [p for p in parts if p]
    return " ".join([*said, _(FULL_LIST)]) if said else None
