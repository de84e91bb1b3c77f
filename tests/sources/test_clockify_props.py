"""Property tests for what reads Clockify's answers: durations, instants, every list parser on
arbitrary JSON (only `MalformedData` may escape), and the report's period pieces."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tests.fakes.clockify_server import iso_duration
from wizard.core.errors import MalformedData
from wizard.core.model import TimeEntry
from wizard.sources import clockify_json as cj
from wizard.sources.clockify import REPORT_PAGE_SIZE, report_body, split_period

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                 max_size=5),
    max_leaves=20)
entry_like = st.fixed_dictionaries({
    "_id": st.text(max_size=5) | st.none(),
    "billable": st.booleans() | st.none(),
    "timeInterval": st.fixed_dictionaries({
        "start": st.text(max_size=30) | st.datetimes(timezones=st.timezones()).map(
            lambda d: d.isoformat()),
        "end": st.none() | st.text(max_size=30),
        "duration": st.none() | st.integers() | st.text(max_size=10)}),
})


@given(st.integers(min_value=0, max_value=10**7))
def test_iso_duration_round_trips(seconds: int) -> None:
    assert cj.parse_iso_duration(iso_duration(seconds)) == seconds


@given(st.text(max_size=20))
def test_iso_duration_is_a_number_or_malformed(text: str) -> None:
    try:
        value = cj.parse_iso_duration(text)
    except MalformedData:
        return
    assert isinstance(value, int)
    assert value >= 0


@given(st.datetimes(timezones=st.timezones()))
def test_instants_keep_their_moment(moment: dt.datetime) -> None:
    parsed = cj.parse_instant(moment.isoformat())
    assert parsed.astimezone(dt.UTC) == moment.astimezone(dt.UTC)  # same instant, DST folds too
    assert parsed.tzinfo is not None


@given(json_values | st.lists(entry_like, max_size=3).map(lambda rows: {"timeentries": rows}))
def test_parsers_raise_only_malformed_data(value: Any) -> None:
    parsers = [cj.parse_user, cj.parse_workspaces, cj.parse_clients, cj.parse_projects,
               cj.report_total_count, lambda v: cj.parse_members(v, "w1"),
               lambda v: cj.decode_report_page(json.dumps(v).encode())]
    for parser in parsers:
        with contextlib.suppress(MalformedData):
            parser(value)


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)),
       st.integers(min_value=0, max_value=800))
def test_report_pieces_cover_the_period_exactly(start: dt.date, length: int) -> None:
    end = start + dt.timedelta(days=length)
    pieces = list(split_period((start, end)))
    days = [a + dt.timedelta(days=i) for a, b in pieces for i in range((b - a).days + 1)]
    assert days == [start + dt.timedelta(days=i) for i in range(length + 1)]
    assert all((b - a).days <= 30 for a, b in pieces)
    body = report_body(pieces[0], None, 1, REPORT_PAGE_SIZE)
    assert body["dateRangeStart"] == f"{start.isoformat()}T00:00:00.000"
    assert body["timeZone"] == "UTC"
    assert body["detailedFilter"]["pageSize"] <= 1000


@given(st.binary(max_size=64) | st.text(max_size=64).map(str.encode))
def test_report_page_bytes_are_records_or_malformed(raw: bytes) -> None:
    with contextlib.suppress(MalformedData):
        cj.decode_report_page(raw)


def _by_hand(row: dict[str, Any]) -> TimeEntry:
    """The report rules written out plainly, one field at a time, as the reference states them:
    `_id`, names as given ("" is none), the start's own offset, durations in seconds."""
    interval = row["timeInterval"]
    start = dt.datetime.fromisoformat(interval["start"])
    end = dt.datetime.fromisoformat(interval["end"]) if interval["end"] else None
    return TimeEntry(row["_id"], row["userId"] or None, row["userName"] or None,
                     row["projectId"] or None, row["projectName"] or None,
                     row["clientId"] or None, row["clientName"] or None, row["billable"],
                     start, end, interval["duration"] if end else None)


names = st.none() | st.just("") | st.text(min_size=1, max_size=12)
zones = st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=-6)),
                         dt.timezone(dt.timedelta(hours=5, minutes=30))])
report_row = st.builds(
    lambda i, user, project, client, billable, start, zone, seconds, running: {
        "_id": f"{i:024x}", "userId": user, "userName": user, "projectId": project,
        "projectName": project, "clientId": client, "clientName": client,
        "billable": billable, "tags": [], "customFields": [], "amount": 12.5, "rate": 9500,
        "timeInterval": {
            "start": start.replace(tzinfo=zone).isoformat(),
            "end": None if running else (start + dt.timedelta(seconds=seconds)).replace(
                tzinfo=zone).isoformat(),
            "duration": None if running else seconds}},
    st.integers(min_value=1, max_value=2**64), names, names, names, st.booleans(),
    st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    zones, st.integers(min_value=0, max_value=10**6), st.booleans())


@given(st.lists(report_row, max_size=6), st.none() | st.integers(min_value=0, max_value=10**6),
       st.sampled_from(["timeentries", "timeEntries"]))
def test_typed_decoding_reads_a_report_page_as_the_plain_rules_do(
        rows: list[dict[str, Any]], total: int | None, key: str) -> None:
    body: dict[str, Any] = {key: rows, "totals": [] if total is None else [
        {"_id": "", "entriesCount": total, "totalTime": 0}]}
    page = cj.decode_report_page(json.dumps(body).encode())
    assert page.entries == [_by_hand(r) for r in rows]
    assert page.rows == len(rows)
    assert page.total == total
