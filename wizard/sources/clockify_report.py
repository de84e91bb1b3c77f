"""Clockify's Detailed report: every time entry of a period, 1000 rows a page (reference §4.7).

Once the first page tells how many entries there are (the report's totals), the other pages are
read a few at a time through the connection's gate (`wizard.sources.paging.in_order`) and put
back in page order. The whole period is asked for at once; only when Clockify refuses a range
longer than 31 days (the Free plan's limit) is it asked again in 31-day pieces.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from operator import attrgetter, lt
from typing import Any

from wizard.core.model import TimeEntry
from wizard.sources import clockify_json as cj
from wizard.sources.clockify_http import MAX_PAGES, ClockifyConnection, error_code, unreachable
from wizard.sources.paging import PageTally, in_order

log = logging.getLogger(__name__)

REPORT_PAGE_SIZE = 1000  # the documented maximum of the Detailed report
FREE_PLAN_DAYS = 31  # the Detailed report's range limit on the Free plan


class _RangeRefused(Exception):
    """The report's first page was refused with a 400 (e.g. a range too long for the plan)."""


def detailed_entries(connection: ClockifyConnection, workspace_id: str,
                     period: tuple[dt.date, dt.date], time_zone: str | None,
                     only_user: str | None, pages: PageTally) -> list[TimeEntry]:
    """Every entry of the period from the Detailed report, in the owner's zone."""
    start, end = period
    try:
        return _read(connection, workspace_id, [period], time_zone, only_user, pages)
    except _RangeRefused:
        if (end - start).days < FREE_PLAN_DAYS:
            raise unreachable("garbage") from None
        log.info("Clockify: report range refused; reading %s-day pieces", FREE_PLAN_DAYS)
    try:
        return _read(connection, workspace_id, list(split_period(period)), time_zone, only_user,
                     pages)
    except _RangeRefused:
        raise unreachable("garbage") from None


def _read(connection: ClockifyConnection, workspace_id: str,
          chunks: Sequence[tuple[dt.date, dt.date]], time_zone: str | None,
          only_user: str | None, pages: PageTally) -> list[TimeEntry]:
    """The first page of each piece tells how many entries there are; the other pages of that
    piece are then read a few at a time and put back in page order."""
    if connection.reports_url is None:
        connection.detect_region()
    url = f"{connection.reports_url}/workspaces/{workspace_id}/reports/detailed"
    names = cj.ReadNames()  # one string per distinct name

    def decode(raw: bytes) -> cj.ReportPage:
        return cj.decode_report_page(raw, names)

    def read_page(chunk: tuple[dt.date, dt.date], page: int) -> cj.ReportPage:
        body = report_body(chunk, time_zone, page, REPORT_PAGE_SIZE, only_user)
        response = connection.send("POST", url, body=body)
        if response.status_code == 400 and page == 1:
            log.warning("Clockify: report refused (code %s)", error_code(response))
            raise _RangeRefused
        decoded: cj.ReportPage = connection.decode(response, decode)
        pages.done()
        return decoded

    def page_call(chunk: tuple[dt.date, dt.date], page: int) -> Callable[[], cj.ReportPage]:
        return lambda: read_page(chunk, page)

    read: list[cj.ReportPage] = []
    for chunk in chunks:
        pages.expect(1)
        first = read_page(chunk, 1)
        found = [first]
        if first.total is not None:
            last = min(math.ceil(first.total / REPORT_PAGE_SIZE), MAX_PAGES)
            if first.rows >= REPORT_PAGE_SIZE and last > 1:
                pages.expect(last - 1)
                found += in_order([page_call(chunk, n) for n in range(2, last + 1)],
                                  connection.workers, connection.cancel, connection.sessions)
        else:  # no totals to go by: one page after another until a short one
            page, latest = 1, first
            while latest.rows >= REPORT_PAGE_SIZE and page < MAX_PAGES:
                page += 1
                pages.expect(1)
                latest = read_page(chunk, page)
                found.append(latest)
        read.extend(found)
    return entries_of(read)


def entries_of(pages: Iterable[cj.ReportPage]) -> list[TimeEntry]:
    """Every entry of the pages once (pages can overlap when entries change during the read), by
    id: the order the pages were asked in, so in the usual case they already are and nothing is
    sorted.

    Not by start time. The checks list a day's entries in this order, and nothing else depends on
    it. Putting a quarter of a million entries in time order cost 195 ms, and it scattered them
    against the order they were built in memory. Every later pass over them then paid for that
    in cache misses: the checks of the large benchmark company took 0.89 s instead of 0.68 s.
    """
    read: list[TimeEntry] = []
    ordered, last = True, None
    for page in pages:
        if not page.entries:
            continue
        if ordered:
            # page by page, not over the whole read: each C call holds the interpreter lock,
            # and over 250,000 entries at once it held the wizard's window still for ~30 ms
            ids = list(map(_ID, page.entries))
            ordered = (last is None or last < ids[0]) and all(map(lt, ids, islice(ids, 1, None)))
            last = ids[-1]
        read += page.entries
    if ordered:
        return read  # the usual case: no page overlapped, every id once and in order
    entries: dict[str, TimeEntry] = {}
    for entry in read:
        entries[entry.id] = entry
    return sorted(entries.values(), key=_ID)


_ID = attrgetter("id")


def report_body(period: tuple[dt.date, dt.date], time_zone: str | None, page: int,
                page_size: int, only_user: str | None = None) -> dict[str, Any]:
    """The Detailed report request: whole days as wall-clock time in the owner's zone, sorted by
    id so that pages can't shift under each other."""
    start, end = period
    users: dict[str, Any] = {"ids": [only_user] if only_user else [], "contains": "CONTAINS",
                             "status": "ALL"}
    return {"dateRangeStart": f"{start.isoformat()}T00:00:00.000",
            "dateRangeEnd": f"{end.isoformat()}T23:59:59.999",
            "timeZone": time_zone or "UTC", "exportType": "JSON", "users": users,
            "detailedFilter": {"page": page, "pageSize": page_size, "sortColumn": "ID",
                               "options": {"totals": "CALCULATE"}}}


def split_period(period: tuple[dt.date, dt.date], days: int = FREE_PLAN_DAYS
                 ) -> Iterator[tuple[dt.date, dt.date]]:
    """Consecutive pieces of at most `days` days covering the period exactly."""
    start, end = period
    while start <= end:
        piece_end = min(end, start + dt.timedelta(days=days - 1))
        yield start, piece_end
        start = piece_end + dt.timedelta(days=1)
