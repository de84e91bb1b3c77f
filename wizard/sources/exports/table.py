"""An export file's bytes → rows of cells, whatever its type (reference exports.md §9.1–§9.2).

The type comes from the content, not the extension: `PK` is XLSX (read with openpyxl, cached
formula values only), an OLE2 header is an old `.xls` or a password-protected workbook, and
anything else is text read with the csv module (quoted cells may hold line breaks).
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from wizard.core.errors import FileProblem
from wizard.sources.exports.values import Cell
from wizard.text import files as messages

log = logging.getLogger(__name__)

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DELIMITERS = (",", ";", "\t")
_SNIFF_ROWS = 20
_MAX_FIELD = 1 << 20


@dataclass
class Table:
    """All rows of the sheet, title rows and footer included; `numbers` are 1-based rows."""

    rows: list[list[Cell]]
    numbers: list[int]
    xlsx: bool
    notes: list[str] = field(default_factory=list)
    ends_with_newline: bool = True  # False for a CSV whose last line was cut


Score = Callable[[Sequence[Cell]], int]


def read_table(name: str, data: bytes, score: Score) -> Table:
    """Rows of the file; `score` rates a row as a header, to pick a delimiter or a sheet."""
    if not data.strip():
        raise FileProblem(messages.empty(name))
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(name, data, score)
    if data.startswith(OLE2):
        raise FileProblem(messages.legacy_or_locked(name))
    if data.startswith(b"%PDF"):
        raise FileProblem(messages.pdf(name))
    if data.startswith(b"PK"):
        raise FileProblem(messages.damaged_xlsx(name))
    return _read_csv(name, data, score)


# --- text -------------------------------------------------------------------------------------

def decode(name: str, data: bytes) -> tuple[str, list[str]]:
    """Text without a BOM: UTF-8 (or UTF-16 with its BOM), else Windows-1252 with a note."""
    notes: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise FileProblem(messages.not_a_table(name)) from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            notes.append(messages.note_cp1252(name))
    text = text.removeprefix("\ufeff")
    head = text[:8192]
    controls = sum(1 for ch in head if ord(ch) < 32 and ch not in "\t\r\n")
    if "\x00" in head or controls > max(8, len(head) // 50) \
            or head.count("\ufffd") > len(head) // 20:
        raise FileProblem(messages.not_a_table(name))
    return text, notes


def _rows(text: str, delimiter: str) -> Iterator[list[str]]:
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)


def _read_csv(name: str, data: bytes, score: Score) -> Table:
    text, notes = decode(name, data)
    if not text.strip():
        raise FileProblem(messages.empty(name))
    old_limit = csv.field_size_limit()
    csv.field_size_limit(_MAX_FIELD)
    try:
        best, best_score = ",", -1
        sample = text[:65536]
        for delimiter in _DELIMITERS:
            rows = []
            for row in _rows(sample, delimiter):
                rows.append(row)
                if len(rows) >= _SNIFF_ROWS:
                    break
            found = max((score(r) for r in rows), default=0)
            if found > best_score:
                best, best_score = delimiter, found
        rows = list(_rows(text, best))
    except csv.Error:
        raise FileProblem(messages.unreadable_csv(name)) from None
    finally:
        csv.field_size_limit(old_limit)
    cells: list[list[Cell]] = [list(r) for r in rows]
    return Table(rows=cells, numbers=list(range(1, len(rows) + 1)), xlsx=False, notes=notes,
                 ends_with_newline=text.endswith(("\n", "\r")))


# --- XLSX -------------------------------------------------------------------------------------

def _read_xlsx(name: str, data: bytes, score: Score) -> Table:
    # only when a spreadsheet is read: openpyxl takes about half a second to import (0.5–0.8 s
    # here), and the window never needs it before the first paint (tests/ui/test_startup.py)
    import openpyxl  # type: ignore[import-untyped]

    # openpyxl raises many kinds of errors on damaged or foreign zip files; all mean the same.
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        log.info("XLSX %s could not be opened", name, exc_info=True)
        raise FileProblem(messages.damaged_xlsx(name)) from None
    try:
        sheet = _pick_sheet(book, score)
        rows: list[list[Cell]] = []
        numbers: list[int] = []
        sheet.reset_dimensions()
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            rows.append(list(row))
            numbers.append(number)
        notes: list[str] = []
        missing = _uncalculated(data, sheet, rows)
        if missing:
            notes.append(messages.note_uncalculated(name, missing))
    except FileProblem:
        raise
    except Exception:
        log.info("XLSX %s could not be read", name, exc_info=True)
        raise FileProblem(messages.damaged_xlsx(name)) from None
    finally:
        book.close()
    return Table(rows=rows, numbers=numbers, xlsx=True, notes=notes)


def _pick_sheet(book: Any, score: Score) -> Any:
    """The sheet whose first rows look most like a header; `Sheet1`, then the first, on ties."""
    sheets = list(book.worksheets)
    if not sheets:
        raise ValueError("no sheets")
    sheets.sort(key=lambda s: 0 if s.title == "Sheet1" else 1)
    best, best_score = sheets[0], -1
    for sheet in sheets:
        if not hasattr(sheet, "iter_rows"):
            continue
        found = max((score(list(r)) for r in sheet.iter_rows(max_row=_SNIFF_ROWS,
                                                                values_only=True)), default=0)
        if found > best_score:
            best, best_score = sheet, found
    return best


def _uncalculated(data: bytes, sheet: Any, rows: list[list[Cell]]) -> int:
    """How many formula cells have no cached value (those read as empty)."""
    path = getattr(sheet, "_worksheet_path", None)
    if not path:
        return 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read(path)
    if b"<f" not in xml and b":f>" not in xml and b":f " not in xml:
        return 0
    import openpyxl  # only for a spreadsheet with formulas: see _read_xlsx

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        formulas = book[sheet.title]
        formulas.reset_dimensions()
        count = 0
        for values, raw in zip(rows, formulas.iter_rows(values_only=True), strict=False):
            for value, formula in zip(values, raw, strict=False):
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    count += 1
        return count
    finally:
        book.close()
