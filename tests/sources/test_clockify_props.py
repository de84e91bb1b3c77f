"""Property tests for what reads Clockify's answers: durations, instants, every list parser on
arbitrary JSON (anything read is the parser's own type; else only `MalformedData` with its one
sentence escapes), valid answers read field for field, and the report's period pieces."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fakes.clockify_server import iso_duration
from wizard.core.errors import MalformedData
from wizard.core.model import Client, Member, MembershipStatus, Project, TimeEntry
from wizard.sources import clockify_json as cj
from wizard.sources.clockify_report import (
    REPORT_PAGE_SIZE,
    entries_of,
    report_body,
    split_period,
)

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


UNREADABLE = "Clockify sent an answer this app can't read."


def _all_of(kind: type) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, list) and all(isinstance(v, kind) for v in value)


def _report_page(value: Any) -> bool:
    return (isinstance(value, cj.ReportPage) and _all_of(TimeEntry)(value.entries)
            and value.rows == len(value.entries)
            and all(isinstance(e.id, str) and e.id and e.start.tzinfo is not None
                    for e in value.entries)
            and (value.total is None or value.total >= 0))


# each parser, and what it gives back when it does not raise MalformedData
PARSERS: list[tuple[Callable[[Any], Any], Callable[[Any], bool]]] = [
    (cj.parse_user, lambda v: isinstance(v, cj.KeyOwner) and isinstance(v.id, str) and v.id != ""),
    (cj.parse_workspaces, _all_of(cj.Workspace)),
    (cj.parse_clients, _all_of(Client)),
    (cj.parse_projects, _all_of(Project)),
    (cj.report_total_count, lambda v: v is None or (isinstance(v, int) and v >= 0)),
    (lambda v: cj.parse_members(v, "w1"), _all_of(Member)),
    (lambda v: cj.decode_report_page(json.dumps(v).encode()), _report_page),
]


def _read_or_unreadable(parse: Callable[[Any], Any], value: Any) -> Any:
    """What `parse` read, or None after checking that its refusal is the one clear sentence."""
    try:
        return parse(value)
    except MalformedData as exc:
        refusal = exc
    assert (refusal.what, str(refusal)) == ("Clockify", UNREADABLE)
    return None


@given(json_values | st.lists(entry_like, max_size=3).map(lambda rows: {"timeentries": rows}))
def test_parsers_read_their_own_type_or_say_unreadable(value: Any) -> None:
    for parse, gives in PARSERS:
        parsed = _read_or_unreadable(parse, value)
        assert parsed is None or gives(parsed), (parse, parsed)


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
def test_report_page_bytes_are_records_or_unreadable(raw: bytes) -> None:
    page = _read_or_unreadable(cj.decode_report_page, raw)
    assert page is None or _report_page(page), page


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
    # the entries check reads an entry's end only when it has no duration (TimeEntry)
    assert all(e.end is not None for e in page.entries if e.duration_s is not None)


def _in_minutes(row: dict[str, Any]) -> dict[str, Any]:
    """The row with its times written without seconds ("2026-11-02T08:00-06:00"): ISO 8601, which
    `datetime.fromisoformat` reads, but not RFC 3339, which msgspec's typed reader refuses."""
    interval = row["timeInterval"]

    def minutes(text: str | None) -> str | None:
        return text and dt.datetime.fromisoformat(text).isoformat(timespec="minutes")

    return {**row, "timeInterval": {**interval, "start": minutes(interval["start"]),
                                    "end": minutes(interval["end"])}}


@given(st.lists(report_row, min_size=1, max_size=6), st.data())
def test_a_page_with_times_msgspec_refuses_is_read_as_the_plain_rules_do(
        rows: list[dict[str, Any]], data: st.DataObject) -> None:
    rewritten = [_in_minutes(r) if data.draw(st.booleans()) else r for r in rows]
    rewritten[0] = _in_minutes(rewritten[0])  # at least one: the typed reader refuses the page
    page = cj.decode_report_page(json.dumps({"timeentries": rewritten}).encode())
    assert page.entries == [_by_hand(r) for r in rewritten]


def test_the_pages_of_one_read_share_one_string_per_name() -> None:
    def page(first: int) -> bytes:
        return json.dumps({"timeentries": [
            {"_id": f"{i:024x}", "userId": "u1", "userName": "Jon Smith", "projectId": "p1",
             "projectName": "Website", "clientId": "c1", "clientName": "Acme", "billable": True,
             "timeInterval": {"start": "2026-11-02T08:00:00-06:00",
                              "end": "2026-11-02T09:00:00-06:00", "duration": 3600}}
            for i in range(first, first + 2)]}).encode()

    names = cj.ReadNames()
    entries = cj.decode_report_page(page(0), names).entries \
        + cj.decode_report_page(page(2), names).entries
    first = entries[0]
    for entry in entries[1:]:
        for field in ("user_id", "user_name", "project_id", "project_name", "client_id",
                      "client_name"):
            assert getattr(entry, field) is getattr(first, field), field
    assert [e.id for e in entries] == [f"{i:024x}" for i in range(4)]
    assert entries[0].start.tzinfo is entries[3].end.tzinfo  # one zone object, too


pooled = st.sampled_from([None, "", "u1", "u2", "Jon Smith", "Ann Lee"])


@given(st.lists(st.lists(st.tuples(pooled, pooled, pooled, pooled, pooled, pooled,
                                   st.sampled_from([None, 900, 3600, 5400])), max_size=5),
                max_size=3))
def test_the_pages_of_one_read_are_read_as_the_plain_rules_do_whatever_names_ids_come_with(
        pages: list[list[tuple[Any, ...]]]) -> None:
    # a user id or project id that comes back with other names (renamed during the read) or
    # an id of "" or none: each entry holds its own row's values, and equal values are one
    # object (strings, and durations, given or worked out from the times)
    def row(i: int, fields: tuple[Any, ...]) -> dict[str, Any]:
        user_id, user_name, project_id, project_name, client_id, client_name, seconds = fields
        return {"_id": f"{i:024x}", "userId": user_id, "userName": user_name,
                "projectId": project_id, "projectName": project_name, "clientId": client_id,
                "clientName": client_name, "billable": True,
                "timeInterval": {"start": "2026-11-02T08:00:00-06:00",
                                 "end": "2026-11-02T09:00:00-06:00", "duration": seconds}}

    names = cj.ReadNames()
    rows = [[row(n * 10 + i, fields) for i, fields in enumerate(page)]
            for n, page in enumerate(pages)]
    entries = [e for page in rows
               for e in cj.decode_report_page(json.dumps({"timeentries": page}).encode(),
                                              names).entries]
    assert entries == [_plainly(r) for page in rows for r in page]
    held = [value for e in entries for value in e[1:7] if value is not None]
    assert len({id(value) for value in held}) == len(set(held))
    durations = [e.duration_s for e in entries]
    assert len({id(value) for value in durations}) == len(set(durations))


def _plainly(row: dict[str, Any]) -> TimeEntry:
    """`_by_hand`, with a duration worked out from the times where the row gives none."""
    entry = _by_hand(row)
    if entry.duration_s is None and entry.end is not None:
        return entry._replace(duration_s=int((entry.end - entry.start).total_seconds()))
    return entry


# --- valid answers, as Clockify sends them (reference §4.1–4.5): each must be read in full ------

# generated data, not timing, is under test: a busy machine must not fail these
VALID = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
object_ids = st.integers(min_value=1, max_value=2**96 - 1).map(lambda i: f"{i:024x}")
given_names = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=16)
zone_names = st.sampled_from(["America/New_York", "Europe/London", "Asia/Kolkata", "UTC"])


@VALID
@given(user_id=object_ids, name=st.none() | given_names, workspace=st.none() | object_ids,
       zone=st.none() | zone_names)
def test_a_valid_user_is_read(user_id: str, name: str | None, workspace: str | None,
                              zone: str | None) -> None:
    body = {"id": user_id, "email": "someone@example.com", "name": name, "status": "ACTIVE",
            "activeWorkspace": workspace, "defaultWorkspace": workspace,
            "settings": None if zone is None else {"timeZone": zone, "dateFormat": "MM/DD/YYYY"}}
    assert cj.parse_user(body) == cj.KeyOwner(user_id, name, workspace, zone)


@VALID
@given(st.lists(st.tuples(object_ids, given_names,
                          st.lists(st.sampled_from(["TIME_TRACKING", "QUICKBOOKS_INTEGRATION",
                                                    "APPROVAL", "INVOICING"]), unique=True),
                          st.booleans(), given_names), max_size=4))
def test_valid_workspaces_are_read(rows: list[tuple[str, str, list[str], bool, str]]) -> None:
    body = [{"id": ws_id, "name": name, "imageUrl": "", "features": features,
             "featureSubscriptionType": "STANDARD_2021",
             "subdomain": {"enabled": enabled, "name": sub if enabled else None}}
            for ws_id, name, features, enabled, sub in rows]
    assert cj.parse_workspaces(body) == [
        cj.Workspace(ws_id, name, frozenset(features), sub if enabled else None)
        for ws_id, name, features, enabled, sub in rows]


@VALID
@given(st.lists(st.tuples(object_ids, st.just("") | given_names, st.booleans()), max_size=6))
def test_valid_clients_are_read(rows: list[tuple[str, str, bool]]) -> None:
    body = [{"id": client_id, "name": name, "workspaceId": "w1", "archived": archived,
             "address": None, "note": "", "currencyCode": "USD"}
            for client_id, name, archived in rows]
    assert cj.parse_clients(body) == [Client(i, n, a) for i, n, a in rows]


# how a project names its client: a known client's id, an id the client list lacks (the
# project's own clientName then counts), or no client ("" / null / missing)
project_clients = (st.tuples(st.just("known"), st.integers(0, 2))
                   | st.tuples(st.just("unknown"), given_names)
                   | st.tuples(st.just("none"), st.sampled_from(["", None, "missing"])))


@VALID
@given(st.lists(st.tuples(object_ids, given_names, project_clients, st.booleans()), max_size=6))
def test_valid_projects_are_read_with_their_clients(
        rows: list[tuple[str, str, tuple[str, Any], bool]]) -> None:
    clients = [Client(f"c{i}", f"Client {i}") for i in range(3)]
    body: list[dict[str, Any]] = []
    expected = []
    for project_id, name, (how, which), archived in rows:
        row: dict[str, Any] = {"id": project_id, "name": name, "workspaceId": "w1",
                               "archived": archived, "billable": True, "duration": "PT6H"}
        if how == "known":
            # the client list's name wins over a stale clientName on the project
            row |= {"clientId": clients[which].id, "clientName": "an older name"}
            expected.append(Project(project_id, name, clients[which].id, clients[which].name,
                                    archived))
        elif how == "unknown":
            row |= {"clientId": "gone" + project_id, "clientName": which}
            expected.append(Project(project_id, name, "gone" + project_id, which, archived))
        else:
            if which != "missing":
                row |= {"clientId": which, "clientName": which}
            expected.append(Project(project_id, name, None, None, archived))
        body.append(row)
    assert cj.parse_projects(body, clients) == expected


@VALID
@given(st.lists(st.tuples(
    object_ids, st.none() | given_names,
    st.sampled_from(["ACTIVE", "PENDING", "DECLINED", "INACTIVE"]),
    st.sampled_from(["ACTIVE", "NOT_REGISTERED", "PENDING_EMAIL_VERIFICATION", "LIMITED"]),
    st.booleans()), max_size=6))
def test_valid_members_are_read_with_this_workspace_s_status(
        rows: list[tuple[str, str | None, str, str, bool]]) -> None:
    body = []
    for user_id, name, status, account, others_first in rows:
        here = {"userId": user_id, "targetId": "w1", "membershipType": "WORKSPACE",
                "membershipStatus": status, "hourlyRate": None}
        # another workspace's membership, or a project's, ahead of this one must not count
        others = [{"userId": user_id, "targetId": "w2", "membershipType": "WORKSPACE",
                   "membershipStatus": "DECLINED"},
                  {"userId": user_id, "targetId": "p1", "membershipType": "PROJECT",
                   "membershipStatus": "INACTIVE"}] if others_first else []
        body.append({"id": user_id, "email": "x@example.com", "name": name, "status": account,
                     "settings": None, "memberships": [*others, here]})
    assert cj.parse_members(body, "w1") == [
        Member(user_id, name, MembershipStatus(status), account)
        for user_id, name, status, account, _ in rows]


@given(st.lists(st.lists(st.integers(min_value=0, max_value=30), max_size=8), max_size=5))
def test_the_entries_of_overlapping_pages_come_once_each_by_id(pages: list[list[int]]) -> None:
    """Pages can overlap when entries change during the read: each id once, the last page's
    copy of it, in id order."""
    moment = dt.datetime(2026, 11, 2, 8, tzinfo=dt.UTC)

    def entry(number: int, page: int) -> TimeEntry:
        return TimeEntry(f"{number:024x}", None, f"page {page}", None, None, None, None, True,
                         moment, None, None)

    read = [cj.ReportPage(None, len(numbers), [entry(n, i) for n in numbers])
            for i, numbers in enumerate(pages)]
    last_page = {n: i for i, numbers in enumerate(pages) for n in numbers}
    assert entries_of(read) == [entry(n, last_page[n]) for n in sorted(last_page)]
