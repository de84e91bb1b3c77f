"""What each kind of export yields: the readers of the Detailed report, the Projects and Team
lists of Clockify, and QuickBooks' name lists, each giving its records and a one-line
description for the user.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from wizard.core.errors import FileProblem
from wizard.core.model import Member, MembershipStatus, Project, TimeEntry
from wizard.sources.exports import values as v
from wizard.sources.exports.recognise import (
    SIDE,
    Header,
    cell_at,
    data_rows,
    find_header,
    norm,
    score,
)
from wizard.sources.exports.table import Table, read_table
from wizard.sources.exports.values import Cell
from wizard.text import N_
from wizard.text import files as messages

_DELETED = " (deleted)"


@dataclass
class Parsed:
    path: Path
    kind: str
    description: str
    notes: list[str] = field(default_factory=list)
    entries: list[TimeEntry] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    records: list[tuple[str, bool]] = field(default_factory=list)  # QBO: (name, active)
    marks_inactive: bool = False
    company: str | None = None
    period: tuple[dt.date, dt.date] | None = None

    @property
    def side(self) -> str:
        return SIDE[self.kind]

    @property
    def rows(self) -> int:
        return (len(self.entries) + len(self.members) + len(self.projects)
                + len(self.records))


def _day(d: dt.date, year: bool) -> str:
    return f"{d.day} {d:%b}" + (f" {d.year}" if year else "")


def _range_text(period: tuple[dt.date, dt.date]) -> str:
    a, b = period
    if a == b:
        return _day(a, True)
    return f"{_day(a, a.year != b.year)} – {_day(b, True)}"


def strip_deleted(value: str) -> tuple[str, bool]:
    if value.endswith(_DELETED):
        return value[: -len(_DELETED)], True
    return value, False


def marked_inactive(raw: str, kind: str) -> bool:
    """Whether QuickBooks marked the record inactive: a customer's full name may carry the
    marker on any level (`Parent (deleted):Job`), other names at their end."""
    if kind in ("qbo_customers", "qbo_customers_page"):
        return any(s.endswith(_DELETED) for s in raw.split(":"))
    return raw.endswith(_DELETED)


def _read_detailed(path: Path, table: Table, header: Header, parsed: Parsed) -> None:
    name = path.name
    rows = data_rows(name, parsed.kind, table, header)
    c_project, c_client, c_user = header.col("project"), header.col("client"), header.col("user")
    c_billable = header.col("billable")
    c_sdate, c_stime = header.col("start date"), header.col("start time")
    c_edate, c_etime = header.col("end date"), header.col("end time")
    c_dur, c_dec = header.col("duration (h)"), header.col("duration (decimal)")
    if c_billable is None:
        parsed.notes.append(messages.note_no_billable(name))
    currencies = {header.raw[i].split("(", 1)[1].strip().rstrip(")").strip() for _, i in
                  header.prefixed("billable rate (") + header.prefixed("billable amount (")}
    if len(currencies) > 1:
        parsed.notes.append(messages.note_several_currencies(name))
    samples = [cell_at(r, c) for _, r in rows for c in (c_sdate, c_edate) if c is not None]
    try:
        order, example = v.decide_order(samples, name)
    except ValueError:
        raise FileProblem(messages.mixed_dates(name)) from None
    if example is not None:
        parsed.notes.append(messages.note_date_order_assumed(name, example))
    elif order is v.DateOrder.DMY:
        parsed.notes.append(messages.note_day_first(name))

    def read(number: int, what: str, parse: Callable[[Cell], object], cell: Cell) -> object:
        try:
            return parse(cell)
        except (ValueError, OverflowError):
            raise FileProblem(messages.bad_value(name, number, what, v.text(cell))) from None

    users: set[str] = set()
    for number, row in rows:
        user, project = v.name(cell_at(row, c_user)), v.name(cell_at(row, c_project))
        raw_start = cell_at(row, c_sdate)
        if v.is_blank(raw_start):
            if not user.strip():
                continue  # a totals row of a spreadsheet
            raise FileProblem(messages.bad_value(name, number, N_("start date"), ""))
        start_date = read(number, N_("start date"), lambda c: v.parse_date(c, order),
                          raw_start)
        start_time = read(number, N_("start time"), v.parse_time, cell_at(row, c_stime))
        end_date = read(number, N_("end date"), lambda c: v.parse_date(c, order),
                        cell_at(row, c_edate))
        end_time = read(number, N_("end time"), v.parse_time, cell_at(row, c_etime))
        duration = _duration(name, number, row, c_dur, c_dec, table.xlsx)
        billable = True if c_billable is None else read(
            number, N_("Billable value"), v.yes_no, cell_at(row, c_billable))
        assert isinstance(start_date, dt.date)
        start = dt.datetime.combine(start_date, start_time or dt.time(0),  # type: ignore[arg-type]
                                    tzinfo=dt.UTC)
        end: dt.datetime | None = None
        running = (c_etime is not None and end_time is None) or (
            (c_dur is not None or c_dec is not None) and duration is None)
        if not running:
            if end_time is not None:
                day = end_date if isinstance(end_date, dt.date) else start_date
                end = dt.datetime.combine(day, end_time, tzinfo=dt.UTC)  # type: ignore[arg-type]
                if end < start and end_date is None:
                    end += dt.timedelta(days=1)
            if duration is None and end is not None:
                duration = max(0, int((end - start).total_seconds()))
            if end is None and duration is not None:
                end = start + dt.timedelta(seconds=duration)
        client = v.name(cell_at(row, c_client))
        if user.strip():
            users.add(user)
        parsed.entries.append(TimeEntry(
            id=f"{name}:{number}", user_id=None, user_name=user or None, project_id=None,
            project_name=project or None, client_id=None, client_name=client or None,
            billable=bool(billable), start=start, end=end,
            duration_s=None if running else duration))
    days = [e.start.date() for e in parsed.entries]
    if not days:
        raise FileProblem(messages.header_only(name, parsed.kind))
    period = (min(days), max(days))
    from_name = v.range_from_name(name, order)
    if from_name and from_name[0] <= period[0] and period[1] <= from_name[1]:
        period = from_name
    parsed.period = period
    parsed.description = messages.describe_detailed(
        _range_text(period), len(parsed.entries), len(users),
        next(iter(currencies)) if len(currencies) == 1 else None)


def _duration(name: str, number: int, row: list[Cell], c_dur: int | None, c_dec: int | None,
              xlsx: bool) -> int | None:
    """`Duration (h)` first (it carries the rounding QuickBooks gets), then the decimal."""
    raw, dec = cell_at(row, c_dur), cell_at(row, c_dec)
    try:
        decimal = v.parse_duration(dec) if c_dec is not None else None
        if c_dur is None or v.is_blank(raw):
            return decimal
        as_hours = True
        if xlsx and isinstance(raw, int | float) and decimal and raw > 0:
            # a bare number: hours, or a day fraction whose time format was lost
            as_hours = abs(raw * 3600 - decimal) <= abs(raw * 86400 - decimal)
        return v.parse_duration(raw, decimal_hours=as_hours)
    except (ValueError, OverflowError):
        bad = raw if c_dur is not None and not v.is_blank(raw) else dec
        raise FileProblem(messages.bad_value(name, number, N_("duration"), v.text(bad))) from None


def _read_projects(path: Path, table: Table, header: Header, parsed: Parsed) -> None:
    rows = data_rows(path.name, parsed.kind, table, header)
    c_project, c_client, c_status = header.col("project"), header.col("client"), \
        header.col("status")
    seen: set[tuple[str, str]] = set()
    for _, row in rows:
        project = v.name(cell_at(row, c_project))
        if not project:
            continue
        client = v.name(cell_at(row, c_client))
        if (client, project) in seen:
            continue
        seen.add((client, project))
        status = norm(cell_at(row, c_status))
        parsed.projects.append(Project(id=None, name=project, client_name=client or None,
                                       archived=status in ("archived", "inactive")))
    archived = sum(1 for p in parsed.projects if p.archived)
    clients = {p.client_name for p in parsed.projects if p.client_name}
    parsed.description = messages.describe_projects(len(parsed.projects), archived, len(clients))


_STATUS = {"active": MembershipStatus.ACTIVE, "inactive": MembershipStatus.INACTIVE,
           "deactivated": MembershipStatus.INACTIVE, "disabled": MembershipStatus.INACTIVE,
           "pending": MembershipStatus.PENDING, "invited": MembershipStatus.PENDING,
           "declined": MembershipStatus.DECLINED}


def _read_team(path: Path, table: Table, header: Header, parsed: Parsed) -> None:
    rows = data_rows(path.name, parsed.kind, table, header)
    c_name, c_status = header.col("name"), header.col("status")
    for _, row in rows:
        member_name = v.text(cell_at(row, c_name))
        status = _STATUS.get(norm(cell_at(row, c_status)), MembershipStatus.UNKNOWN)
        parsed.members.append(Member(
            id=None, name=member_name or None, membership_status=status,
            account_status=None if member_name else "NOT_REGISTERED"))
    invited = sum(1 for m in parsed.members if m.is_pending)
    inactive = sum(1 for m in parsed.members if m.is_deactivated)
    parsed.description = messages.describe_team(len(parsed.members), inactive, invited)


_QBO_NAME_COLUMN = {
    "qbo_customers": ("customer full name", "customer"),
    "qbo_customers_page": ("customer",),
    "qbo_vendors": ("vendor",),
    "qbo_employees": ("employee", "employee full name", "employee name"),
}


def _read_qbo_list(path: Path, table: Table, header: Header, parsed: Parsed) -> None:
    rows = data_rows(path.name, parsed.kind, table, header)
    column = header.col(*_QBO_NAME_COLUMN[parsed.kind])
    for _, row in rows:
        raw = v.text(cell_at(row, column))
        if not raw.strip():
            continue
        parsed.records.append((raw, not marked_inactive(raw, parsed.kind)))
    if not parsed.records:
        raise FileProblem(messages.header_only(path.name, parsed.kind))
    parsed.marks_inactive = any(not active for _, active in parsed.records)
    if not parsed.marks_inactive:
        parsed.notes.append(messages.note_inactive_unmarked(path.name))
    for row in table.rows[:header.row_index]:
        title = " ".join(v.text(c) for c in row if not v.is_blank(c)).strip()
        low = title.casefold()
        if title and not any(w in low for w in ("contact list", "report", "customers",
                                                  "employees", "vendors")):
            parsed.company = title
            break
    inactive = sum(1 for _, active in parsed.records if not active)
    subs: int | None = None
    if parsed.kind in ("qbo_customers", "qbo_customers_page"):
        subs = sum(1 for n, _ in parsed.records if ":" in n)
        if not subs and parsed.kind == "qbo_customers_page":
            parsed.notes.append(messages.note_no_subcustomers(path.name))
    parsed.description = messages.describe_qbo(parsed.kind, len(parsed.records), subs, inactive)


_READERS = {
    "clockify_detailed": _read_detailed,
    "clockify_projects": _read_projects,
    "clockify_team": _read_team,
    "qbo_customers": _read_qbo_list,
    "qbo_customers_page": _read_qbo_list,
    "qbo_vendors": _read_qbo_list,
    "qbo_employees": _read_qbo_list,
}


def read_bytes(name: str, data: bytes) -> Parsed:
    """One file's content → what it holds; FileProblem when it can't be used."""
    path = Path(name)
    table = read_table(name, data, score)
    kind, header = find_header(name, table)
    parsed = Parsed(path=path, kind=kind, description="", notes=list(table.notes))
    if header.language is not None:
        parsed.notes.append(messages.note_language(name, header.language))
    _READERS[kind](path, table, header, parsed)
    return parsed
