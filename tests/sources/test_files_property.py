"""No export file, however odd, crashes a reader: it is read or it gets one FileProblem sentence;
and every valid export, generated the same way, is read name for name and entry for entry.

Hypothesis writes rows under each reader's header (with title rows, footers, odd values and
separators) as CSV and XLSX, and throws raw bytes at the type detection. The default run keeps
hypothesis' usual example count; `HYPOTHESIS_PROFILE=thorough` runs 10,000 per test.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from tests.sources.test_files_export import DETAILED_HEADER, PROJECTS_HEADER, TEAM_HEADER
from wizard.core.errors import FileProblem
from wizard.core.model import MembershipStatus
from wizard.sources import files
from wizard.sources.request import Manual

HEADERS = {
    "clockify_detailed": DETAILED_HEADER,
    "clockify_projects": PROJECTS_HEADER,
    "clockify_team": TEAM_HEADER,
    "qbo_customers": ["Customer full name", "Phone numbers", "Email", "Full name",
                      "Bill address", "Ship address"],
    "qbo_vendors": ["Vendor", "Phone numbers", "Email", "Full name", "Billing address",
                    "Account #"],
    "qbo_employees": ["Employee", "Phone numbers", "Email", "Full name", "Address"],
    "qbo_customers_page": ["Customer", "Company", "Street Address", "City", "State", "Country",
                           "Zip", "Phone", "Email", "Attachments", "Open Balance", "Notes"],
}
ODD_VALUES = ["", " ", "Yes", "No", "yes", "TRUE", "10/14/2026", "14/10/2026", "14.10.2026",
              "2026-10-14", "13/13/2026", "0/0/0", "10/14/26", "9:05:00 AM", "12:00 PM",
              "13:00 PM", "14:05", "24:00", "99:99", "25:00:00", "1:30", "1.50", "1,50", "-1",
              "1e400", "NaN", "(Without client)", "(Without project)", "Acme:Sub", ":", "::",
              "A:B:C:D:E:F", "x (deleted)", " (deleted)", "Total", "TOTAL", "Total for Acme",
              " Tuesday, October 20, 2026 03:12 PM GMTZ", "Accrual Basis Monday, May 4, 2026",
              "Active", "Inactive", "Archived", "Pending", '"', '""', "a,b", "a;b", "\t",
              "line\nbreak", "\r", "\ufeff", "\u00a0", "Zoë", "💼", "=SUM(A1:A2)", "Duration (h)",
              "Project", "Customer full name", "Start Date"]

text_cell = st.one_of(
    st.sampled_from(ODD_VALUES),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=16),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(
        lambda d: d.strftime("%m/%d/%Y")),
    st.times().map(lambda t: t.strftime("%I:%M %p")),
)


@st.composite
def sheets(draw: st.DrawFn, kind: str, cell: st.SearchStrategy[object]) -> list[list[object]]:
    header = list(HEADERS[kind])
    if draw(st.integers(0, 3)) == 0:  # drop or shuffle columns now and then
        header = draw(st.permutations(header))
        header = header[: draw(st.integers(1, len(header)))]
    titles = draw(st.lists(st.lists(cell, max_size=3), max_size=4))
    body = draw(st.lists(st.lists(cell, max_size=len(header) + 2), max_size=8))
    footer = draw(st.lists(st.lists(cell, max_size=2), max_size=4))
    return [*titles, header, *body, *footer]


def to_csv(rows: list[list[object]], delimiter: str, bom: bool) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8")


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


_counter = itertools.count()


def read_everything(folder: Path, data: bytes, suffix: str) -> None:
    """identify and both sides: each either works or says one sentence naming the file."""
    path = folder / f"export_{next(_counter)}{suffix}"
    path.write_bytes(data)
    info = files.identify(path)
    event("read" if info.problem is None else "FileProblem")
    if info.problem is not None:
        assert path.name in info.problem
        assert "\n" not in info.problem
        assert info.kind is None
    else:
        assert info.kind in HEADERS
        assert info.description
    for read in (lambda: files.clockify_side([path]),
                 lambda: files.quickbooks_side([path], Manual())):
        try:
            side = read()
        except FileProblem as exc:
            assert path.name in str(exc)  # noqa: PT017 — either outcome is fine
        else:
            assert side.source == "file"
            assert side.data is not None
    path.unlink()


# small by default so the normal run stays fast; the thorough profile sets 10,000
_SMALL = {} if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else {"max_examples": 30}
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                          HealthCheck.data_too_large], **_SMALL)


@pytest.mark.parametrize("kind", sorted(HEADERS))
@SETTINGS
@given(data=st.data())
def test_generated_csv_rows_never_crash_a_reader(folder: Path, kind: str,
                                                 data: st.DataObject) -> None:
    rows = data.draw(sheets(kind, text_cell))
    delimiter = data.draw(st.sampled_from([",", ",", ";", "\t"]))
    raw = to_csv(rows, delimiter, data.draw(st.booleans()))
    if data.draw(st.booleans()):  # cut off anywhere
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    read_everything(folder, raw, ".csv")


xlsx_cell = st.one_of(
    text_cell.filter(lambda s: not any(ord(c) < 32 and c not in "\t\n\r" for c in s)),
    st.none(), st.booleans(), st.integers(-10**6, 10**6),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2100, 1, 1)),
    st.times(), st.timedeltas(dt.timedelta(0), dt.timedelta(days=3)),
)


@pytest.mark.parametrize("kind", ["clockify_detailed", "clockify_team", "qbo_customers"])
@SETTINGS
@given(data=st.data())
def test_generated_xlsx_rows_never_crash_a_reader(folder: Path, kind: str,
                                                  data: st.DataObject) -> None:
    rows = data.draw(sheets(kind, xlsx_cell))
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    book.save(buf)
    raw = buf.getvalue()
    if data.draw(st.integers(0, 4)) == 0:  # cut off; by share, as the zip's size varies
        raw = raw[: len(raw) * data.draw(st.integers(0, 999)) // 1000]
    read_everything(folder, raw, ".xlsx")


PREFIXES = [b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xef\xbb\xbf",
            b"\xff\xfe", b"\xfe\xff", b"%PDF", ",".join(DETAILED_HEADER).encode() + b"\n",
            b"Customer full name,Email\n"]


@SETTINGS
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=600))
def test_byte_level_garbage_never_crashes(folder: Path, prefix: bytes, body: bytes) -> None:
    read_everything(folder, prefix + body, ".csv")


DATE_FORMATS = ["%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d"]
TIME_FORMATS = ["%I:%M:%S %p", "%I:%M %p", "%H:%M:%S", "%H:%M"]


@st.composite
def detailed_reports(draw: st.DrawFn) -> list[list[object]]:
    """Mostly well-formed Detailed reports in one user's settings, with the odd bad cell."""
    date_fmt, time_fmt = draw(st.sampled_from(DATE_FORMATS)), draw(st.sampled_from(TIME_FORMATS))
    rows: list[list[object]] = [list(DETAILED_HEADER)]
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2030, 1, 1)))
        seconds = draw(st.integers(0, 3 * 86400))
        end = start + dt.timedelta(seconds=seconds)
        minutes = -(-seconds // 60)  # Compact rounds up to the minute
        duration = draw(st.sampled_from([
            f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}",
            f"{minutes // 60}:{minutes % 60:02d}", f"{seconds / 3600:.2f}", ""]))
        row: list[object] = [
            draw(text_cell), draw(text_cell), draw(text_cell), "", draw(text_cell), "", "", "",
            draw(st.sampled_from(["Yes", "No"])), start.strftime(date_fmt),
            start.strftime(time_fmt), end.strftime(date_fmt), end.strftime(time_fmt), duration,
            f"{seconds / 3600:.2f}", "85.00", "1.00"]
        if draw(st.integers(0, 9)) == 0:
            row[draw(st.integers(0, len(row) - 1))] = draw(text_cell)
        rows.append(row)
    return rows


@SETTINGS
@given(rows=detailed_reports(), bom=st.booleans())
def test_generated_detailed_reports_are_read_or_explained(folder: Path, rows: list[list[object]],
                                                          bom: bool) -> None:
    read_everything(folder, to_csv(rows, ",", bom), ".csv")


# --- valid exports: each must be read, name for name (companions of the tests above) -----------

# words from real names, with accents and the punctuation real names carry; joined, they never
# make a header word, a total row, a placeholder or a date
NAME_WORDS = ["Anna", "Lee", "O'Brien", "Zoë", "Acme", "&", "Co.", "Søren", "Studio", "Müller",
              "Jean-Luc", "Garcia", "Maple", "Pine", "Nguyen", "42", "Ltd", "Renée", "Bay"]
valid_names = st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=3).map(" ".join)
TEAM_STATUS = {"Active": MembershipStatus.ACTIVE, "Inactive": MembershipStatus.INACTIVE,
               "Pending": MembershipStatus.PENDING, "Declined": MembershipStatus.DECLINED}
QBO_TITLES = {"qbo_customers": "Customer Contact List", "qbo_vendors": "Vendor Contact List",
              "qbo_employees": "Employee Contact List", "qbo_customers_page": "Customers"}
FOOTER = " Tuesday, November 24, 2026 03:12 PM GMTZ"


def _padded(header: list[str], first: list[object]) -> list[object]:
    return first + [""] * (len(header) - len(first))


@st.composite
def valid_lists(draw: st.DrawFn, kind: str) -> tuple[list[list[object]], list[object]]:
    """A list export of `kind` as its app writes it, and what reading it must give."""
    header = HEADERS[kind]
    names = draw(st.lists(valid_names, min_size=1, max_size=8, unique=True))
    if kind == "clockify_team":
        statuses = [draw(st.sampled_from(sorted(TEAM_STATUS))) for _ in names]
        rows = [_padded(header, [n, "", "85.00", "", "", s, "Monday", "Monday, Friday",
                                 "8:00"]) for n, s in zip(names, statuses, strict=True)]
        return [header, *rows], [(n, TEAM_STATUS[s]) for n, s in zip(names, statuses,
                                                                       strict=True)]
    if kind == "clockify_projects":
        clients = [draw(valid_names | st.just("")) for _ in names]
        archived = [draw(st.booleans()) for _ in names]
        rows = [_padded(header, [n, c, "Archived" if a else "Active", "Public", "Yes"])
                for n, c, a in zip(names, clients, archived, strict=True)]
        return [header, *rows], [(n, c or None, a)
                                 for n, c, a in zip(names, clients, archived, strict=True)]
    if kind == "clockify_detailed":
        raise ValueError("detailed reports have their own strategy below")
    # QuickBooks lists: a title block (company, list name), the header, a footer; now and then
    # a deleted record, and for customers a sub-customer under the one before
    deleted = [draw(st.integers(0, 4)) == 0 for _ in names]
    if kind.startswith("qbo_customers"):  # a sub-customer under a live one before it
        names = [f"{names[i - 1]}:{n}" if i and not deleted[i - 1] and draw(st.booleans())
                 else n for i, n in enumerate(names)]
    cells = [f"{n} (deleted)" if d else n for n, d in zip(names, deleted, strict=True)]
    rows = [_padded(header, ["Maple & Pine Bookkeeping"]), _padded(header, [QBO_TITLES[kind]]),
            _padded(header, []), header, *(_padded(header, [c]) for c in cells),
            _padded(header, []), _padded(header, [FOOTER])]
    return rows, [(n, not d) for n, d in zip(names, deleted, strict=True)]


def read_valid(folder: Path, data: bytes, suffix: str, kind: str, wanted: list[object]) -> None:
    """The file is identified as `kind` and read into exactly `wanted`."""
    path = folder / f"valid_{next(_counter)}{suffix}"
    path.write_bytes(data)
    info = files.identify(path)
    assert (info.kind, info.problem) == (kind, None)
    if kind in ("clockify_team", "clockify_projects"):
        others = [] if kind == "clockify_team" else [_team_file(folder)]
        cdata = files.clockify_side([path, *others]).data
        assert cdata is not None
        if kind == "clockify_team":
            assert [(m.name, m.membership_status) for m in cdata.members] == wanted
        else:
            assert [(p.name, p.client_name, p.archived) for p in cdata.projects] == wanted
    else:
        qdata = files.quickbooks_side([path], Manual()).data
        assert qdata is not None
        if kind.startswith("qbo_customers"):
            customers = {c.fully_qualified_name: c.active for c in qdata.customers or ()}
            assert {n: customers.get(n) for n, _ in wanted} == dict(wanted)  # type: ignore[misc]
            parents = {n.rsplit(":", 1)[0] for n, _ in wanted if ":" in n}  # type: ignore[misc]
            assert set(customers) == {n for n, _ in wanted} | parents  # type: ignore[misc]
        else:
            records = qdata.employees if kind == "qbo_employees" else qdata.vendors
            assert [(r.display_name, r.active) for r in records or ()] == wanted
    path.unlink()


def _team_file(folder: Path) -> Path:
    """The people a projects export needs beside it to be a Clockify side."""
    path = folder / "team_for_projects.csv"
    if not path.exists():
        path.write_bytes(to_csv([TEAM_HEADER, _padded(TEAM_HEADER, ["Anna Lee", "", "", "", "",
                                                                     "Active"])], ",", False))
    return path


LIST_KINDS = sorted(k for k in HEADERS if k != "clockify_detailed")


@pytest.mark.parametrize("kind", LIST_KINDS)
@SETTINGS
@given(data=st.data())
def test_generated_valid_csv_lists_are_read_row_for_row(folder: Path, kind: str,
                                                        data: st.DataObject) -> None:
    rows, wanted = data.draw(valid_lists(kind))
    delimiter = data.draw(st.sampled_from([",", ";", "\t"]))
    read_valid(folder, to_csv(rows, delimiter, data.draw(st.booleans())), ".csv", kind, wanted)


@pytest.mark.parametrize("kind", LIST_KINDS)
@SETTINGS
@given(data=st.data())
def test_generated_valid_xlsx_lists_are_read_row_for_row(folder: Path, kind: str,
                                                         data: st.DataObject) -> None:
    rows, wanted = data.draw(valid_lists(kind))
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    book.save(buf)
    read_valid(folder, buf.getvalue(), ".xlsx", kind, wanted)


# every encoding the reader promises: UTF-8 with or without its BOM, UTF-16 with its BOM, and
# Windows-1252 (with a note), all with the accents of NAME_WORDS
ENCODINGS = [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
             ("utf-16-be", b"\xfe\xff"), ("cp1252", b"")]


@SETTINGS
@given(data=st.data(), kind=st.sampled_from(LIST_KINDS), encoding=st.sampled_from(ENCODINGS))
def test_valid_lists_are_read_in_every_encoding(folder: Path, kind: str,
                                                encoding: tuple[str, bytes],
                                                data: st.DataObject) -> None:
    rows, wanted = data.draw(valid_lists(kind))
    text = to_csv(rows, ",", False).decode("utf-8")
    codec, bom = encoding
    read_valid(folder, bom + text.encode(codec), ".csv", kind, wanted)


@st.composite
def valid_detailed_reports(draw: st.DrawFn) -> tuple[list[list[object]], list[tuple[object, ...]]]:
    """Well-formed Detailed reports in one user's settings, and the entries they hold."""
    date_fmt, time_fmt = draw(st.sampled_from(DATE_FORMATS)), draw(st.sampled_from(TIME_FORMATS))
    rows: list[list[object]] = [list(DETAILED_HEADER)]
    wanted: list[tuple[object, ...]] = []
    for _ in range(draw(st.integers(1, 6))):
        # whole minutes when the clock has no seconds, so start and end say it all
        start = draw(st.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2030, 1, 1))).replace(
            microsecond=0, **({} if "%S" in time_fmt else {"second": 0}))
        seconds = draw(st.integers(0, 3 * 86400))
        if "%S" not in time_fmt:
            seconds -= seconds % 60
        end = start + dt.timedelta(seconds=seconds)
        user, project = draw(valid_names), draw(valid_names)
        client = draw(valid_names | st.just(""))
        billable = draw(st.booleans())
        rows.append([project, client, "Work", "", user, "", "", "", "Yes" if billable else "No",
                     start.strftime(date_fmt), start.strftime(time_fmt), end.strftime(date_fmt),
                     end.strftime(time_fmt),
                     f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}",
                     f"{seconds / 3600:.2f}", "85.00", f"{seconds / 3600 * 85:.2f}"])
        wanted.append((user, project, client or None, billable, start.replace(tzinfo=dt.UTC),
                       end.replace(tzinfo=dt.UTC), seconds))
    if date_fmt == "%d/%m/%Y":
        # A file whose every date reads both ways is read month-first, as documented (and said
        # in a note); a valid day-first file for this test shows a day after the 12th somewhere.
        assume(any(e[4].day > 12 or e[5].day > 12 for e in wanted))
    return rows, wanted


@SETTINGS
@given(report=valid_detailed_reports(), bom=st.booleans(), xlsx=st.booleans())
def test_generated_valid_detailed_reports_are_read_entry_for_entry(
        folder: Path, report: tuple[list[list[object]], list[tuple[object, ...]]], bom: bool,
        xlsx: bool) -> None:
    rows, wanted = report
    if xlsx:
        book = openpyxl.Workbook()
        ws = book.active
        assert ws is not None
        for row in rows:
            ws.append(row)
        buf = io.BytesIO()
        book.save(buf)
        raw, suffix = buf.getvalue(), ".xlsx"
    else:
        raw, suffix = to_csv(rows, ",", bom), ".csv"
    path = folder / f"valid_{next(_counter)}{suffix}"
    path.write_bytes(raw)
    info = files.identify(path)
    assert (info.kind, info.problem) == ("clockify_detailed", None)
    cdata = files.clockify_side([path]).data
    assert cdata is not None
    assert [(e.user_name, e.project_name, e.client_name, e.billable, e.start, e.end,
             e.duration_s) for e in cdata.entries or ()] == wanted
    # the entries check reads an entry's end only when it has no duration (TimeEntry)
    assert all(e.end is not None for e in cdata.entries or () if e.duration_s is not None)
    path.unlink()
