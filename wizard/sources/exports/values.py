"""Cell values of export files: text, dates, times, durations and yes/no.

A CSV cell is always text; an XLSX cell may also be a number, a real date or time, or a
duration. Every parser takes either and raises ValueError for what it can't read (the caller
turns that into a sentence naming the file and row).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from enum import Enum

Cell = str | int | float | bool | dt.datetime | dt.date | dt.time | dt.timedelta | None

_EXCEL_EPOCH = dt.datetime(1899, 12, 30)
_DATE = re.compile(r"^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})$")
_NAME_DATE = re.compile(r"(?<!\d)(\d{1,2})[_.-](\d{1,2})[_.-](\d{4})(?!\d)")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp])\.?\s*[Mm]\.?$"
                   r"|^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$")
_CLOCK = re.compile(r"^(\d{1,6}):(\d{1,2})(?::(\d{1,2}))?$")
_DECIMAL = re.compile(r"^\d{1,6}(?:[.,]\d{1,6})?$")
_PLACEHOLDERS = {"(without client)", "(without project)", "(without task)", "(without tags)",
                 "(without group)"}
_YES = {"yes", "y", "true", "1", "ja", "oui", "sí", "si", "sim"}
_NO = {"no", "n", "false", "0", "nein", "non", "não", "nao", ""}


class DateOrder(Enum):
    MDY = "month-first"
    DMY = "day-first"
    YMD = "year-first"


def text(cell: Cell) -> str:
    """A cell as the text the user sees: numbers without a stray `.0`, dates as ISO."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float):
        if cell.is_integer() and abs(cell) < 1e15:
            return str(int(cell))
        return repr(cell)
    if isinstance(cell, dt.datetime) and cell.time() == dt.time(0):
        return cell.date().isoformat()
    if isinstance(cell, dt.date | dt.time):
        return cell.isoformat()
    return str(cell)


def name(cell: Cell) -> str:
    """A name cell, verbatim except Clockify's old `(Without client)` placeholders."""
    value = text(cell)
    return "" if value.strip().casefold() in _PLACEHOLDERS else value


def is_blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def yes_no(cell: Cell) -> bool:
    if isinstance(cell, bool):
        return cell
    value = text(cell).strip().casefold()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise ValueError(value)


def _parts(value: str) -> tuple[int, int, int, str] | None:
    m = _DATE.match(value.strip())
    if not m:
        return None
    return int(m.group(1)), int(m.group(3)), int(m.group(4)), m.group(2)


def decide_order(samples: Iterable[Cell], hint: str = "") -> tuple[DateOrder, str | None]:
    """One date order for a whole file, from all its text dates (reference §9.10).

    Returns the order and, when every date was ambiguous, an example to show the user.
    Raises ValueError when some dates say month-first and others day-first.
    """
    mdy = dmy = False
    example: str | None = None
    for cell in samples:
        if not isinstance(cell, str) or not cell.strip():
            continue
        parts = _parts(cell)
        if parts is None:
            continue
        a, b, _, sep = parts
        if len(cell.strip().split(sep)[0]) == 4:
            return DateOrder.YMD, None
        if sep == "." or a > 12 >= b:
            dmy = True
        elif b > 12 >= a:
            mdy = True
        elif example is None and a <= 12 and b <= 12:
            example = cell.strip()
    if mdy and dmy:
        raise ValueError("mixed")
    if dmy:
        return DateOrder.DMY, None
    if mdy:
        return DateOrder.MDY, None
    from_name = _order_from_name(hint)
    if from_name is not None:
        return from_name, None
    return DateOrder.MDY, example


def _order_from_name(file_name: str) -> DateOrder | None:
    """Clockify names files `…_10_01_2026-10_31_2026`: a part above 12 tells the order."""
    for m in _NAME_DATE.finditer(file_name):
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 >= b:
            return DateOrder.DMY
        if b > 12 >= a:
            return DateOrder.MDY
    return None


def range_from_name(file_name: str, order: DateOrder) -> tuple[dt.date, dt.date] | None:
    """The report's range from a Clockify file name, when it carries two dates."""
    found = []
    for m in _NAME_DATE.finditer(file_name):
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        month, day = (b, a) if order is DateOrder.DMY else (a, b)
        try:
            found.append(dt.date(y, month, day))
        except ValueError:
            return None
    if len(found) == 2 and found[0] <= found[1]:
        return found[0], found[1]
    return None


def parse_date(cell: Cell, order: DateOrder) -> dt.date | None:
    """None for an empty cell; ValueError for anything that is not a date."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if 1 <= cell < 2958466:  # an Excel serial day without a date format
            return (_EXCEL_EPOCH + dt.timedelta(days=int(cell))).date()
        raise ValueError(cell)
    if is_blank(cell):
        return None
    parts = _parts(text(cell))
    if parts is None:
        raise ValueError(cell)
    a, b, c, sep = parts
    if len(text(cell).strip().split(sep)[0]) == 4:
        year, month, day = a, b, c
    else:
        year = c + 2000 if c < 100 else c
        month, day = (a, b) if order is DateOrder.MDY and sep != "." else (b, a)
    return dt.date(year, month, day)


def parse_time(cell: Cell) -> dt.time | None:
    """`2:05:09 PM`, `2:05 PM`, `14:05:09`, `14:05`, or an Excel time; None when empty."""
    if isinstance(cell, dt.datetime):
        return cell.time().replace(microsecond=0)
    if isinstance(cell, dt.time):
        return cell.replace(microsecond=0, tzinfo=None)
    if isinstance(cell, dt.timedelta):
        seconds = round(cell.total_seconds())
        if not 0 <= seconds < 86400:
            raise ValueError(cell)
        return dt.time(seconds // 3600, seconds % 3600 // 60, seconds % 60)
    if isinstance(cell, float | int) and not isinstance(cell, bool):
        if not 0 <= cell < 1:
            raise ValueError(cell)
        seconds = min(round(cell * 86400), 86399)
        return dt.time(seconds // 3600, seconds % 3600 // 60, seconds % 60)
    if is_blank(cell):
        return None
    m = _TIME.match(text(cell).strip())
    if not m:
        raise ValueError(cell)
    if m.group(1) is not None:
        hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        if not 1 <= hour <= 12:
            raise ValueError(cell)
        hour = hour % 12 + (12 if m.group(4).lower() == "p" else 0)
    else:
        hour, minute, second = int(m.group(5)), int(m.group(6)), int(m.group(7) or 0)
    return dt.time(hour, minute, second)


def parse_duration(cell: Cell, *, decimal_hours: bool = True) -> int | None:
    """Seconds from `01:30:00`, `1:30`, `25:00:00`, `1.50` hours, or an Excel duration.

    A bare XLSX number counts as hours when `decimal_hours`, else as a fraction of a day.
    """
    if isinstance(cell, dt.timedelta):
        seconds = cell.total_seconds()
    elif isinstance(cell, dt.datetime):  # Excel shows 25:00:00 as a day past its epoch
        seconds = (cell - _EXCEL_EPOCH).total_seconds()
    elif isinstance(cell, dt.time):
        seconds = cell.hour * 3600 + cell.minute * 60 + cell.second
    elif isinstance(cell, int | float) and not isinstance(cell, bool):
        seconds = cell * 3600 if decimal_hours else cell * 86400
    elif is_blank(cell):
        return None
    else:
        value = text(cell).strip()
        m = _CLOCK.match(value)
        if m:
            h, mi, s = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
            if mi > 59 or s > 59:
                raise ValueError(cell)
            seconds = h * 3600 + mi * 60 + s
        elif _DECIMAL.match(value):
            seconds = float(value.replace(",", ".")) * 3600
        else:
            raise ValueError(cell)
    if not 0 <= seconds < 1e9:
        raise ValueError(cell)
    return round(seconds)
