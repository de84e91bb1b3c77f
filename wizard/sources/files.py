"""Offline mode: the user's own exports from Clockify and QuickBooks → both sides' data.

Files may come in any order and under any name: each one is recognised by its column names
(reference exports.md §9), wherever its header row sits. What the files can't tell (plan,
payroll, closing date) comes from the user's answers (`Manual`) or is recorded in
`QuickBooksData.unknown` so the checks say `not_checked`. A file that can't be used raises
`FileProblem` with one sentence naming it and the export to use instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from wizard.core.errors import FileProblem
from wizard.core.model import (
    Client,
    ClockifyData,
    ClockifySide,
    CompanyInfo,
    Customer,
    Member,
    MembershipStatus,
    NameRecord,
    Preferences,
    Project,
    QuickBooksData,
    QuickBooksSide,
    TimeEntry,
)
from wizard.sources.exports import languages
from wizard.sources.exports import values as v
from wizard.sources.exports.table import Table, read_table
from wizard.sources.exports.values import Cell
from wizard.sources.progress import Progress, no_progress
from wizard.sources.request import Manual
from wizard.text import N_
from wizard.text import files as messages

log = logging.getLogger(__name__)

CLOCKIFY_KINDS = ("clockify_detailed", "clockify_projects", "clockify_team")
QBO_KINDS = ("qbo_customers", "qbo_vendors", "qbo_employees", "qbo_customers_page")
_HEADER_SCAN = 20
_DELETED = " (deleted)"
_FOOTER = re.compile(r"^\s*(Accrual Basis |Cash Basis )?[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, "
                     r"\d{4}")
_TOTAL = re.compile(r"^\s*(total for .*|total)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FileInfo:
    """What one file turned out to be, in words for the user.

    `kind` and `side` are None when the file can't be used; `problem` then says why, in one
    sentence naming the file and the export to use instead. `notes` are true but not blocking.
    """

    path: Path
    kind: str | None
    side: str | None  # "clockify" or "quickbooks"
    description: str
    problem: str | None = None
    notes: tuple[str, ...] = ()
    rows: int = 0  # entries, projects, members or names read from it


# --- recognising a file by its header -----------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Spec:
    kind: str
    known: frozenset[str]
    prefixes: tuple[str, ...]
    must: Callable[[set[str]], bool]


def _has(names: set[str], *wanted: str) -> bool:
    return all(w in names for w in wanted)


def _any(names: set[str], *wanted: str) -> bool:
    return any(w in names for w in wanted)


_SPECS = (
    _Spec("clockify_detailed", frozenset({
        "project", "client", "description", "task", "user", "group", "email", "tags", "type",
        "billable", "invoiced", "invoice id", "start date", "start time", "end date", "end time",
        "duration (h)", "duration (decimal)", "date of creation", "approval", "approved by"}),
        ("billable rate (", "billable amount (", "cost rate (", "cost amount ("),
        lambda n: _has(n, "project", "user", "start date") and (
            _any(n, "duration (h)", "duration (decimal)") or _has(n, "end date", "end time"))),
    _Spec("clockify_summary", frozenset({
        "project", "client", "description", "task", "user", "group", "tags", "time (h)",
        "time (decimal)"}),
        ("amount (",),
        lambda n: _any(n, "time (h)", "time (decimal)") and "start date" not in n),
    _Spec("clockify_projects", frozenset({
        "project", "client", "status", "visibility", "billability", "task", "tasks",
        "activities", "tracked (h)", "estimated (h)", "remaining (h)", "overage (h)",
        "progress(%)", "progress (%)", "billable (h)", "non-billable (h)", "project members",
        "project manager", "note", "recurring estimate", "additional fields"}),
        ("billable rate (", "amount (", "tracked (", "estimated (", "remaining (", "overage (",
         "cost rate (", "expenses (", "billable expenses (", "non-billable expenses ("),
        lambda n: _has(n, "project", "status")
        and _any(n, "visibility", "billability", "tracked (h)")),
    _Spec("clockify_team", frozenset({
        "name", "email", "role", "group", "status", "week start", "working days",
        "daily work capacity", "pin", "projects", "team members"}),
        ("billable rate", "cost rate"),
        lambda n: _has(n, "name", "status")
        and _any(n, "email", "week start", "working days", "role")),
    _Spec("qbo_customers", frozenset({
        "customer full name", "customer", "phone numbers", "email", "full name", "bill address",
        "ship address", "company", "company name", "first name", "last name", "website",
        "terms", "created on", "created by", "note", "notes"}),
        (),
        lambda n: "customer full name" in n or _has(n, "customer", "bill address")),
    _Spec("qbo_vendors", frozenset({
        "vendor", "phone numbers", "email", "full name", "billing address", "account #",
        "company", "tax id", "track 1099"}),
        (),
        lambda n: "vendor" in n and _any(n, "phone numbers", "billing address", "account #")),
    _Spec("qbo_employees", frozenset({
        "employee", "employee full name", "employee name", "phone numbers", "email",
        "full name", "address", "billing address", "hire date", "status"}),
        (),
        lambda n: _any(n, "employee", "employee full name", "employee name")),
    _Spec("qbo_customers_page", frozenset({
        "customer", "company", "company name", "street address", "city", "state",
        "province/state", "country", "zip", "postcode", "postal code/zip", "phone", "email",
        "attachments", "open balance", "notes"}),
        (),
        lambda n: "customer" in n and _any(n, "open balance", "attachments", "street address")),
)
_SPEC_BY_KIND = {s.kind: s for s in _SPECS}
_SIDE = {**dict.fromkeys(CLOCKIFY_KINDS, "clockify"), **dict.fromkeys(QBO_KINDS, "quickbooks")}


def _norm(cell: Cell) -> str:
    return " ".join(v.text(cell).split()).casefold()


def _header_names(row: Sequence[Cell]) -> set[str]:
    """A row's cells as English column names (translated ones known from real files mapped)."""
    return {languages.english(_norm(c)) for c in row} - {""}


def _known_count(spec: _Spec, names: set[str]) -> int:
    return sum(1 for n in names if n in spec.known or n.startswith(spec.prefixes or ("\0",)))


def _best_kind(row: Sequence[Cell]) -> tuple[str | None, int]:
    """The kind whose header this row is, and how well it fits (0: none)."""
    names = _header_names(row)
    best: tuple[str | None, int] = (None, 0)
    for spec in _SPECS:
        if spec.must(names):
            found = 100 + _known_count(spec, names)
            if found > best[1]:
                best = (spec.kind, found)
    return best


def _score(row: Sequence[Cell]) -> int:
    names = _header_names(row)
    return max(_best_kind(row)[1], max(_known_count(s, names) for s in _SPECS))


@dataclass(frozen=True, slots=True)
class _Header:
    row_index: int
    columns: dict[str, int]
    width: int
    raw: tuple[str, ...]  # the header cells as written, for currency labels
    language: str | None = None  # the code of a translated header read as English

    def col(self, *names: str) -> int | None:
        for n in names:
            if n in self.columns:
                return self.columns[n]
        return None

    def prefixed(self, prefix: str) -> list[tuple[str, int]]:
        return [(n, i) for n, i in self.columns.items() if n.startswith(prefix)]


def _find_header(name: str, table: Table) -> tuple[str, _Header]:
    best_kind, best_score, best_at = None, 0, -1
    for index, row in enumerate(table.rows[:_HEADER_SCAN]):
        kind, found = _best_kind(row)
        if found > best_score:
            best_kind, best_score, best_at = kind, found, index
    if best_kind is None:
        _near_miss(name, table)
        raise FileProblem(messages.unrecognised(name))
    if best_kind == "clockify_summary":
        raise FileProblem(messages.summary_report(name))
    row = table.rows[best_at]
    columns: dict[str, int] = {}
    for i, cell in enumerate(row):
        columns.setdefault(languages.english(_norm(cell)), i)
    columns.pop("", None)
    language = languages.language_of(_norm(c) for c in row)
    return best_kind, _Header(best_at, columns, len(row), tuple(v.text(c) for c in row),
                              language)


def _near_miss(name: str, table: Table) -> None:
    """A file that is almost a known kind: renamed or translated labels (reference §9.7)."""
    for row in table.rows[:_HEADER_SCAN]:
        names = _header_names(row)
        durations = _any(names, "duration (h)", "duration (decimal)") or _has(
            names, "end date", "end time")
        if "start date" in names and durations:
            if "project" in names and "user" not in names:
                raise FileProblem(messages.missing_columns(name, "clockify_detailed", ["User"]))
            raise FileProblem(messages.renamed(name, "clockify_detailed"))
        if _has(names, "project", "user", "start date"):
            raise FileProblem(messages.missing_columns(
                name, "clockify_detailed", ["Duration (h)", "Duration (decimal)"]))
        if "status" in names and _any(names, "visibility", "billability"):
            raise FileProblem(messages.renamed(name, "clockify_projects"))
    for row in table.rows[:_HEADER_SCAN]:
        written = {_norm(c) for c in row} - {""}
        language = languages.language_of(written)
        if language is not None:
            raise FileProblem(messages.other_language(name, language))
        if languages.has_foreign_word(written) or languages.looks_like_clockify_report(written):
            raise FileProblem(messages.other_language(name, None))


# --- rows -----------------------------------------------------------------------------------

def _is_footer(row: Sequence[Cell]) -> bool:
    """QuickBooks' run-time line; unquoted in some CSVs, so its commas split it into cells."""
    filled = [v.text(c) for c in row if not v.is_blank(c)]
    if not filled or len(filled) > 3:
        return False
    if len(filled) == 1 and _TOTAL.match(filled[0]):
        return True
    return bool(_FOOTER.match(",".join(filled)))


def _data_rows(name: str, kind: str, table: Table,
               header: _Header) -> list[tuple[int, list[Cell]]]:
    """Rows under the header, without blank, total and footer rows; padded to the header."""
    out: list[tuple[int, list[Cell]]] = []
    start = header.row_index + 1
    for number, row in zip(table.numbers[start:], table.rows[start:], strict=True):
        if all(v.is_blank(c) for c in row) or _is_footer(row):
            continue
        if row and isinstance(row[0], str) and _TOTAL.match(row[0]) and kind in QBO_KINDS:
            continue
        out.append((number, list(row)))
    if not out:
        raise FileProblem(messages.header_only(name, kind))
    last = out[-1][1]
    if not table.xlsx and len(last) < header.width and not table.ends_with_newline:
        raise FileProblem(messages.truncated(name, kind))
    for _, row in out:
        if len(row) < header.width:
            row.extend([None] * (header.width - len(row)))
    return out


def _cell(row: list[Cell], index: int | None) -> Cell:
    return row[index] if index is not None and index < len(row) else None


# --- what each kind yields ----------------------------------------------------------------------

@dataclass
class _Parsed:
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
        return _SIDE[self.kind]

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


def _strip_deleted(value: str) -> tuple[str, bool]:
    if value.endswith(_DELETED):
        return value[: -len(_DELETED)], True
    return value, False


def _marked_inactive(raw: str, kind: str) -> bool:
    """Whether QuickBooks marked the record inactive: a customer's full name may carry the
    marker on any level (`Parent (deleted):Job`), other names at their end."""
    if kind in ("qbo_customers", "qbo_customers_page"):
        return any(s.endswith(_DELETED) for s in raw.split(":"))
    return raw.endswith(_DELETED)


def _read_detailed(path: Path, table: Table, header: _Header, parsed: _Parsed) -> None:
    name = path.name
    rows = _data_rows(name, parsed.kind, table, header)
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
    samples = [_cell(r, c) for _, r in rows for c in (c_sdate, c_edate) if c is not None]
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
        user, project = v.name(_cell(row, c_user)), v.name(_cell(row, c_project))
        raw_start = _cell(row, c_sdate)
        if v.is_blank(raw_start):
            if not user.strip():
                continue  # a totals row of a spreadsheet
            raise FileProblem(messages.bad_value(name, number, N_("start date"), ""))
        start_date = read(number, N_("start date"), lambda c: v.parse_date(c, order),
                          raw_start)
        start_time = read(number, N_("start time"), v.parse_time, _cell(row, c_stime))
        end_date = read(number, N_("end date"), lambda c: v.parse_date(c, order),
                        _cell(row, c_edate))
        end_time = read(number, N_("end time"), v.parse_time, _cell(row, c_etime))
        duration = _duration(name, number, row, c_dur, c_dec, table.xlsx)
        billable = True if c_billable is None else read(
            number, N_("Billable value"), v.yes_no, _cell(row, c_billable))
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
        client = v.name(_cell(row, c_client))
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
    raw, dec = _cell(row, c_dur), _cell(row, c_dec)
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


def _read_projects(path: Path, table: Table, header: _Header, parsed: _Parsed) -> None:
    rows = _data_rows(path.name, parsed.kind, table, header)
    c_project, c_client, c_status = header.col("project"), header.col("client"), \
        header.col("status")
    seen: set[tuple[str, str]] = set()
    for _, row in rows:
        project = v.name(_cell(row, c_project))
        if not project:
            continue
        client = v.name(_cell(row, c_client))
        if (client, project) in seen:
            continue
        seen.add((client, project))
        status = _norm(_cell(row, c_status))
        parsed.projects.append(Project(id=None, name=project, client_name=client or None,
                                       archived=status in ("archived", "inactive")))
    archived = sum(1 for p in parsed.projects if p.archived)
    clients = {p.client_name for p in parsed.projects if p.client_name}
    parsed.description = messages.describe_projects(len(parsed.projects), archived, len(clients))


_STATUS = {"active": MembershipStatus.ACTIVE, "inactive": MembershipStatus.INACTIVE,
           "deactivated": MembershipStatus.INACTIVE, "disabled": MembershipStatus.INACTIVE,
           "pending": MembershipStatus.PENDING, "invited": MembershipStatus.PENDING,
           "declined": MembershipStatus.DECLINED}


def _read_team(path: Path, table: Table, header: _Header, parsed: _Parsed) -> None:
    rows = _data_rows(path.name, parsed.kind, table, header)
    c_name, c_status = header.col("name"), header.col("status")
    for _, row in rows:
        member_name = v.text(_cell(row, c_name))
        status = _STATUS.get(_norm(_cell(row, c_status)), MembershipStatus.UNKNOWN)
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


def _read_qbo_list(path: Path, table: Table, header: _Header, parsed: _Parsed) -> None:
    rows = _data_rows(path.name, parsed.kind, table, header)
    column = header.col(*_QBO_NAME_COLUMN[parsed.kind])
    for _, row in rows:
        raw = v.text(_cell(row, column))
        if not raw.strip():
            continue
        parsed.records.append((raw, not _marked_inactive(raw, parsed.kind)))
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


def read_bytes(name: str, data: bytes) -> _Parsed:
    """One file's content → what it holds; FileProblem when it can't be used."""
    path = Path(name)
    table = read_table(name, data, _score)
    kind, header = _find_header(name, table)
    parsed = _Parsed(path=path, kind=kind, description="", notes=list(table.notes))
    if header.language is not None:
        parsed.notes.append(messages.note_language(name, header.language))
    _READERS[kind](path, table, header, parsed)
    return parsed


_cache: dict[tuple[str, str], _Parsed] = {}
_cache_lock = threading.Lock()


def _load(path: Path) -> _Parsed:
    """One file, parsed once even when both sides ask for it (keyed by its content)."""
    try:
        data = path.read_bytes()
    except OSError:
        raise FileProblem(messages.cannot_open(path.name)) from None
    key = (str(path), hashlib.blake2b(data, digest_size=16).hexdigest())
    with _cache_lock:
        if key in _cache:
            return _cache[key]
    parsed = read_bytes(path.name, data)
    parsed.path = path
    with _cache_lock:
        if len(_cache) > 32:
            _cache.clear()
        _cache[key] = parsed
    return parsed


# --- the module's API -------------------------------------------------------------------------

def identify(path: Path) -> FileInfo:
    """What the file is, in one line, or the one sentence that says why it can't be used."""
    try:
        parsed = _load(path)
    except FileProblem as exc:
        return FileInfo(path=path, kind=None, side=None, description="", problem=str(exc))
    return FileInfo(path=path, kind=parsed.kind, side=parsed.side,
                    description=parsed.description, notes=tuple(parsed.notes), rows=parsed.rows)


def missing_for_checks(infos: list[FileInfo]) -> list[str]:
    """Plain sentences: which export is still needed for which check."""
    kinds = {i.kind for i in infos if i.kind and not i.problem}
    out: list[str] = []
    if not kinds & set(CLOCKIFY_KINDS):
        out.append(messages.MISSING_CLOCKIFY)
    else:
        if "clockify_detailed" not in kinds:
            out.append(messages.MISSING_DETAILED)
        if "clockify_team" not in kinds:
            out.append(messages.MISSING_TEAM)
        if "clockify_projects" not in kinds:
            out.append(messages.MISSING_PROJECTS)
    if "qbo_customers" not in kinds:
        out.append(messages.MISSING_CUSTOMERS_LIST if "qbo_customers_page" in kinds
                   else messages.MISSING_CUSTOMERS)
    if "qbo_employees" not in kinds:
        out.append(messages.MISSING_EMPLOYEES)
    if "qbo_vendors" not in kinds:
        out.append(messages.MISSING_VENDORS)
    out.append(messages.MISSING_MANUAL)
    return [messages.missing(sentence) for sentence in out]


def _load_all(paths: Sequence[Path], progress: Progress) -> list[_Parsed]:
    out = []
    for done, path in enumerate(paths):
        progress(messages.reading(path.name), done, len(paths))
        out.append(_load(Path(path)))
        log.info("read %s as %s", path.name, out[-1].kind)
    progress(messages.files_read(), len(paths), len(paths))
    return out


def clockify_side(paths: Sequence[Path], progress: Progress = no_progress) -> ClockifySide:
    """The Clockify side from whichever of the files are Clockify exports."""
    parsed = _load_all(paths, progress)
    mine = [p for p in parsed if p.side == "clockify"]
    if not mine:
        raise FileProblem(messages.no_side_file([Path(p).name for p in paths], "clockify"))
    detailed = [p for p in mine if p.kind == "clockify_detailed"]
    team = [p for p in mine if p.kind == "clockify_team"]
    listed = [p for p in mine if p.kind == "clockify_projects"]
    if not detailed and not team:
        raise FileProblem(messages.no_people([p.path.name for p in mine]))
    entries = [e for p in detailed for e in p.entries] if detailed else None

    members: list[Member] = [m for p in team for m in p.members]
    known_members = {m.name for m in members if m.name}
    for e in entries or ():
        if e.user_name and e.user_name not in known_members:
            known_members.add(e.user_name)
            members.append(Member(id=None, name=e.user_name))

    projects: dict[tuple[str, str], Project] = {}
    for p in listed:
        for project in p.projects:
            projects.setdefault((project.client_name or "", project.name), project)
    for e in entries or ():
        if e.project_name:
            projects.setdefault((e.client_name or "", e.project_name),
                                Project(id=None, name=e.project_name, client_name=e.client_name))
    client_names: dict[str, None] = {}
    for project in projects.values():
        if project.client_name:
            client_names.setdefault(project.client_name)
    for e in entries or ():
        if e.client_name:
            client_names.setdefault(e.client_name)

    period = None
    periods = [p.period for p in detailed if p.period]
    if periods:
        period = (min(a for a, _ in periods), max(b for _, b in periods))
    data = ClockifyData(
        workspace_id=None, workspace_name=None, time_zone=None, members=tuple(members),
        clients=tuple(Client(id=None, name=n) for n in client_names),
        projects=tuple(projects.values()),
        entries=tuple(entries) if entries is not None else None, period=period)
    return ClockifySide(source="file", data=data)


def _customers(raw_names: list[str]) -> list[Customer]:
    """`Parent:Child` full names → customers, each parent present once (added when missing).

    A ` (deleted)` marker on any level makes that record and everything under it inactive
    (QuickBooks refuses time for a customer whose parent is inactive). Names lose the marker,
    except where an inactive record shares its name, less the marker, with an active one: its
    full name then keeps the marker, so the two stay separate records findings tell apart.
    """
    # the full names of unmarked rows and their parents: a real file writes a record under an
    # inactive parent with the parent's marker (`Parent (deleted):Job`), so these are active
    active_paths = {":".join(raw.split(":")[:depth]) for raw in raw_names
                    if not _marked_inactive(raw, "qbo_customers")
                    for depth in range(1, raw.count(":") + 2)}
    found: dict[str, Customer] = {}
    real: set[str] = set()
    for raw in raw_names:
        names: list[str] = []  # display names
        path: list[str] = []  # the full name's segments, a marker kept where it tells apart
        inactive = False
        for depth, segment in enumerate(raw.split(":")):
            display, marked = _strip_deleted(segment)
            inactive = inactive or marked
            kept = segment if marked and ":".join([*path, display]) in active_paths else display
            names.append(display)
            path.append(kept)
            fqn = ":".join(path)
            last = depth == raw.count(":")
            if last and fqn in real:
                break
            if last:
                real.add(fqn)
            if last or fqn not in found:
                found[fqn] = Customer(id=None, display_name=display, fully_qualified_name=fqn,
                                      level=depth, active=not inactive)
    for fqn, customer in sorted(found.items(), key=lambda kv: kv[1].level):
        parent = found.get(customer.parent_path or "")
        if customer.active and parent is not None and not parent.active:
            found[fqn] = dataclasses.replace(customer, active=False)  # under an inactive parent
    return list(found.values())


def _name_records(records: list[tuple[str, bool]]) -> tuple[NameRecord, ...]:
    out = []
    for raw, _ in records:
        display, deleted = _strip_deleted(raw)
        out.append(NameRecord(id=None, display_name=display, active=not deleted))
    return tuple(out)


def quickbooks_side(paths: Sequence[Path], manual: Manual,
                    progress: Progress = no_progress) -> QuickBooksSide:
    """The QuickBooks side from whichever of the files are QuickBooks exports, plus what the
    user answered for plan, payroll and closing date; the rest goes to `unknown`."""
    parsed = _load_all(paths, progress)
    mine = [p for p in parsed if p.side == "quickbooks"]
    if not mine:
        raise FileProblem(messages.no_side_file([Path(p).name for p in paths], "quickbooks"))

    def records(kind: str) -> list[tuple[str, bool]] | None:
        files = [p for p in mine if p.kind == kind]
        return [r for p in files for r in p.records] if files else None

    contact, page = records("qbo_customers"), records("qbo_customers_page")
    customer_rows = contact if contact is not None else page
    customers = tuple(_customers([n for n, _ in customer_rows])) \
        if customer_rows is not None else None
    employees_raw, vendors_raw = records("qbo_employees"), records("qbo_vendors")
    employees = _name_records(employees_raw) if employees_raw is not None else None
    vendors = _name_records(vendors_raw) if vendors_raw is not None else None

    plan, payroll, closing = manual.plan, manual.payroll, manual.closing_date
    closing_given = manual.closing_date_given or closing is not None
    unknown: dict[str, str] = {}
    if plan is None:
        unknown["plan"] = messages.unknown(messages.UNKNOWN_PLAN)
    if payroll is None:
        unknown["payroll"] = messages.unknown(messages.UNKNOWN_PAYROLL)
    if not closing_given:
        unknown["closing_date"] = messages.unknown(messages.UNKNOWN_CLOSING)
    unknown["time_tracking"] = messages.unknown(messages.UNKNOWN_TIME_TRACKING)
    # a list that marks no one inactive may have left inactive records out (exports.md §10)
    customer_kind = "qbo_customers" if contact is not None else "qbo_customers_page"
    for key, kind, how in (("inactive_customers", customer_kind, messages.INACTIVE_CUSTOMERS_HOW),
                           ("inactive_employees", "qbo_employees", messages.INACTIVE_EMPLOYEES_HOW),
                           ("inactive_vendors", "qbo_vendors", messages.INACTIVE_VENDORS_HOW)):
        used = [p for p in mine if p.kind == kind]
        if used and not any(p.marks_inactive for p in used):
            unknown[key] = messages.unknown(how)
    company = next((p.company for p in mine if p.company), None)
    data = QuickBooksData(
        company=CompanyInfo(company_name=company, offering_sku=plan, payroll=payroll),
        preferences=Preferences(time_tracking_enabled=None,
                                book_close_date=closing),
        employees=employees, vendors=vendors, customers=customers, unknown=unknown)
    return QuickBooksSide(source="file", data=data)


__all__ = ["FileInfo", "clockify_side", "identify", "missing_for_checks", "quickbooks_side"]
