"""No export file, however odd, crashes a reader: it is read or it gets one FileProblem sentence.

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
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.sources.test_files_export import DETAILED_HEADER, PROJECTS_HEADER, TEAM_HEADER
from wizard.core.errors import FileProblem
from wizard.sources import files
from wizard.sources.gather import Manual

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
