"""Which export a file is, recognised by its column names wherever its header row sits
(reference exports.md §9), and the rows under that header.

A header that is almost a known one — renamed or missing columns, another language — ends in
`FileProblem` with the sentence that names the export to use instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from wizard.core.errors import FileProblem
from wizard.sources.exports import languages
from wizard.sources.exports import values as v
from wizard.sources.exports.table import Table
from wizard.sources.exports.values import Cell
from wizard.text import files as messages

CLOCKIFY_KINDS = ("clockify_detailed", "clockify_projects", "clockify_team")
QBO_KINDS = ("qbo_customers", "qbo_vendors", "qbo_employees", "qbo_customers_page")
SIDE = {**dict.fromkeys(CLOCKIFY_KINDS, "clockify"), **dict.fromkeys(QBO_KINDS, "quickbooks")}
_HEADER_SCAN = 20
_FOOTER = re.compile(r"^\s*(Accrual Basis |Cash Basis )?[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, "
                     r"\d{4}")
_TOTAL = re.compile(r"^\s*(total for .*|total)\s*$", re.IGNORECASE)


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


def norm(cell: Cell) -> str:
    return " ".join(v.text(cell).split()).casefold()


def _header_names(row: Sequence[Cell]) -> set[str]:
    """A row's cells as English column names (translated ones known from real files mapped)."""
    return {languages.english(norm(c)) for c in row} - {""}


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


def score(row: Sequence[Cell]) -> int:
    names = _header_names(row)
    return max(_best_kind(row)[1], max(_known_count(s, names) for s in _SPECS))


@dataclass(frozen=True, slots=True)
class Header:
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


def find_header(name: str, table: Table) -> tuple[str, Header]:
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
        columns.setdefault(languages.english(norm(cell)), i)
    columns.pop("", None)
    language = languages.language_of(norm(c) for c in row)
    return best_kind, Header(best_at, columns, len(row), tuple(v.text(c) for c in row),
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
        written = {norm(c) for c in row} - {""}
        language = languages.language_of(written)
        if language is not None:
            raise FileProblem(messages.other_language(name, language))
        if languages.has_foreign_word(written) or languages.looks_like_clockify_report(written):
            raise FileProblem(messages.other_language(name, None))


# --- the rows under the header ----------------------------------------------------------------

def _is_footer(row: Sequence[Cell]) -> bool:
    """QuickBooks' run-time line; unquoted in some CSVs, so its commas split it into cells."""
    filled = [v.text(c) for c in row if not v.is_blank(c)]
    if not filled or len(filled) > 3:
        return False
    if len(filled) == 1 and _TOTAL.match(filled[0]):
        return True
    return bool(_FOOTER.match(",".join(filled)))


def data_rows(name: str, kind: str, table: Table,
               header: Header) -> list[tuple[int, list[Cell]]]:
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


def cell_at(row: list[Cell], index: int | None) -> Cell:
    return row[index] if index is not None and index < len(row) else None
