"""The checked period and the calendar day of each entry in it, in the key owner's time zone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from wizard.core.model import AT_START, TimeEntry

_EPOCH = dt.date(1970, 1, 1)


def default_period(today: dt.date, days: int = 30) -> tuple[dt.date, dt.date]:
    """The last `days` days, today included."""
    return today - dt.timedelta(days=days - 1), today


def zone_named(name: str | None) -> dt.tzinfo:
    """The IANA zone of that name; UTC for none or one this machine doesn't know."""
    if not name:
        return dt.UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return dt.UTC


class _LocalDays:
    """Calendar day of an instant in one zone, fast for hundreds of thousands of entries.

    Offsets are looked up per quarter hour (every zone changes its offset on a quarter-hour
    boundary) and cached, so each entry costs a timestamp and two dictionary reads.
    """

    _SLOT = 900

    def __init__(self, zone: dt.tzinfo) -> None:
        self._zone = zone
        self._offsets: dict[int, int] = {}
        self._days: dict[int, dt.date] = {}

    def day_number(self, instant: dt.datetime) -> int:
        ts = int(instant.timestamp())
        slot = ts // self._SLOT
        offset = self._offsets.get(slot)
        if offset is None:
            local = dt.datetime.fromtimestamp(slot * self._SLOT, self._zone)
            delta = local.utcoffset()
            offset = int(delta.total_seconds()) if delta is not None else 0
            self._offsets[slot] = offset
        return (ts + offset) // 86400

    def date(self, number: int) -> dt.date:
        day = self._days.get(number)
        if day is None:
            day = self._days[number] = _EPOCH + dt.timedelta(days=number)
        return day


class InPeriod(NamedTuple):
    """The entries whose local start day is in the period, and each one's day, as two lists
    side by side: no pair per entry, and one date object per day shared by all its entries
    (a large company has 250,000 entries in a month; this halves what the period costs)."""

    entries: list[TimeEntry]
    days: list[dt.date]


def entries_in_period(entries: Iterable[TimeEntry], zone: dt.tzinfo,
                      period: tuple[dt.date, dt.date],
                      already_local: bool = False) -> InPeriod:
    """The entries whose local start day is in the period, with that day.

    `already_local`: the source gave every start with the key owner's own offset (the
    Detailed report does), so each start's own date is already the local one.
    """
    kept: list[TimeEntry] = []
    days: list[dt.date] = []
    keep, add_day = kept.append, days.append
    if already_local:
        first, last = (d.toordinal() for d in period)
        day_of: dict[int, dt.date] = {}
        for e in entries:
            n = e[AT_START].toordinal()
            if first <= n <= last:
                keep(e)
                day = day_of.get(n)
                if day is None:
                    day = day_of[n] = dt.date.fromordinal(n)
                add_day(day)
        return InPeriod(kept, days)
    local = _LocalDays(zone)
    first, last = ((d - _EPOCH).days for d in period)
    day_number, date = local.day_number, local.date
    for e in entries:
        n = day_number(e[AT_START])
        if first <= n <= last:
            keep(e)
            add_day(date(n))
    return InPeriod(kept, days)
