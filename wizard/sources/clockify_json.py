"""Clockify API responses → core records. Used for live answers and the sample company alike.

Shapes and their quirks are in the Clockify reference (§4, §9): bare arrays, `_id` on report
rows, `timeentries` or `timeEntries`, null names for invitees, "" or null for "no client",
ISO 8601 durations in the core API and integer seconds in reports.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import msgspec

from wizard.core.errors import MalformedData
from wizard.core.model import Client, Member, MembershipStatus, Project, TimeEntry

WHAT = "Clockify"

_ISO_DURATION = re.compile(
    r"^P(?:(?P<d>\d+(?:\.\d+)?)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<s>\d+(?:\.\d+)?)S)?)?$")


@dataclass(frozen=True, slots=True)
class KeyOwner:
    id: str
    name: str | None
    active_workspace: str | None
    time_zone: str | None


@dataclass(frozen=True, slots=True)
class Workspace:
    id: str
    name: str
    features: frozenset[str]
    subdomain: str | None = None  # an Enterprise workspace's own web address: <name>.clockify.me


def _obj(value: Any, what: str = WHAT) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise MalformedData(what)
    return value


def _list(value: Any, what: str = WHAT) -> list[Any]:
    if not isinstance(value, list):
        raise MalformedData(what)
    return value


def _str(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise MalformedData(WHAT)


def _name(value: Any) -> str:
    if not isinstance(value, str):
        raise MalformedData(WHAT)
    return value


def parse_iso_duration(text: str | None) -> int | None:
    """`PT4H30M` → 16200 seconds; None for null; MalformedData for anything else."""
    if text is None:
        return None
    if isinstance(text, int | float) and not isinstance(text, bool):
        return int(text)
    if not isinstance(text, str):
        raise MalformedData(WHAT)
    m = _ISO_DURATION.match(text.strip())
    if not m or text.strip() in ("P", "PT"):
        raise MalformedData(WHAT)
    parts = {k: float(v) if v else 0.0 for k, v in m.groupdict().items()}
    return round(parts["d"] * 86400 + parts["h"] * 3600 + parts["m"] * 60 + parts["s"])


def parse_instant(text: Any) -> dt.datetime:
    """An ISO 8601 timestamp with `Z` or an offset → aware datetime."""
    if not isinstance(text, str):
        raise MalformedData(WHAT)
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise MalformedData(WHAT) from exc
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value


def parse_user(body: Any) -> KeyOwner:
    obj = _obj(body)
    settings = obj.get("settings") or {}
    tz = settings.get("timeZone") if isinstance(settings, Mapping) else None
    user_id = _str(obj.get("id"))
    if not user_id:
        raise MalformedData(WHAT)
    return KeyOwner(id=user_id, name=_str(obj.get("name")),
                    active_workspace=_str(obj.get("activeWorkspace")),
                    time_zone=tz if isinstance(tz, str) and tz else None)


def parse_workspaces(body: Any) -> list[Workspace]:
    out = []
    for item in _list(body):
        obj = _obj(item)
        features = obj.get("features") or []
        if isinstance(features, Mapping):  # the spec's shape; the wire has a list
            features = list(features)
        ws_id = _str(obj.get("id"))
        if not ws_id:
            raise MalformedData(WHAT)
        sub = obj.get("subdomain")
        sub_name = _str(sub.get("name")) if isinstance(sub, Mapping) and sub.get("enabled") \
            else None
        out.append(Workspace(id=ws_id, name=_str(obj.get("name")) or ws_id,
                             features=frozenset(f for f in _list(features) if isinstance(f, str)),
                             subdomain=sub_name or None))
    return out


def _membership_status(obj: Mapping[str, Any], workspace_id: str | None) -> MembershipStatus:
    for m in obj.get("memberships") or ():
        if not isinstance(m, Mapping) or m.get("membershipType") != "WORKSPACE":
            continue
        if workspace_id and m.get("targetId") not in (workspace_id, None):
            continue
        try:
            return MembershipStatus(str(m.get("membershipStatus") or "UNKNOWN").upper())
        except ValueError:
            return MembershipStatus.UNKNOWN
    return MembershipStatus.UNKNOWN


def parse_members(body: Any, workspace_id: str | None) -> list[Member]:
    out = []
    for item in _list(body):
        obj = _obj(item)
        name = obj.get("name")
        out.append(Member(id=_str(obj.get("id")),
                          name=name if isinstance(name, str) and name else None,
                          membership_status=_membership_status(obj, workspace_id),
                          account_status=_str(obj.get("status"))))
    return out


def parse_clients(body: Any) -> list[Client]:
    return [Client(id=_str(o.get("id")), name=_name(o.get("name")),
                   archived=bool(o.get("archived")))
            for o in (_obj(item) for item in _list(body))]


def parse_projects(body: Any, clients: Iterable[Client] = ()) -> list[Project]:
    client_names = {c.id: c.name for c in clients if c.id}
    out = []
    new = tuple.__new__  # Project(…) goes through a Python-level __new__
    for item in _list(body):
        o = _obj(item)
        client_id = _str(o.get("clientId"))
        client_name = client_names.get(client_id) if client_id else None
        if client_name is None:
            raw = o.get("clientName")
            client_name = raw if isinstance(raw, str) and raw else None
        out.append(new(Project, (_str(o.get("id")), _name(o.get("name")), client_id,
                                 client_name, bool(o.get("archived")))))
    return out


def report_total_count(body: Any) -> int | None:
    totals = _obj(body).get("totals")
    if isinstance(totals, list) and totals and isinstance(totals[0], Mapping):
        count = totals[0].get("entriesCount")
        if isinstance(count, int) and count >= 0:
            return count
    return None


# --- the Detailed report, decoded straight into typed rows ---------------------------------------
#
# A large workspace sends hundreds of thousands of rows with some twenty fields each; the checks
# need eleven. msgspec decodes the page's bytes straight into these structs, in C, skipping every
# other field without building it, and parses the RFC 3339 times there too (benchmarks/decoding.py
# has the figures against orjson and the standard library's json). Types the wire may vary on stay
# loose (`Any`) and are judged below. A page whose times msgspec's strict RFC 3339 reader refuses
# is decoded again with the times as text, read by `datetime.fromisoformat` as before.
# The structs are not tracked by the cyclic GC (`gc=False`): decoded JSON holds no cycles.

class _Interval(msgspec.Struct, gc=False):
    start: dt.datetime
    end: dt.datetime | None = None
    duration: Any = None


class _ReportRow(msgspec.Struct, gc=False, rename={
        "row_id": "_id", "user_id": "userId", "user_name": "userName",
        "project_id": "projectId", "project_name": "projectName", "client_id": "clientId",
        "client_name": "clientName", "interval": "timeInterval"}):
    interval: _Interval
    row_id: Any = None
    id: Any = None
    get_id: Any = None
    user_id: str | None = None
    user_name: str | None = None
    project_id: str | None = None
    project_name: str | None = None
    client_id: str | None = None
    client_name: str | None = None
    billable: Any = False


class _ReportPage(msgspec.Struct, gc=False):
    timeentries: list[_ReportRow] | None = None
    timeEntries: list[_ReportRow] | None = None  # the wire may spell it either way
    totals: Any = None


class _TextInterval(_Interval, gc=False):
    start: str  # type: ignore[assignment]
    end: str | None = None  # type: ignore[assignment]


class _TextRow(_ReportRow, gc=False):
    interval: _TextInterval  # type: ignore[assignment]


class _TextPage(_ReportPage, gc=False):
    timeentries: list[_TextRow] | None = None  # type: ignore[assignment]
    timeEntries: list[_TextRow] | None = None  # type: ignore[assignment]


_REPORT_DECODER = msgspec.json.Decoder(_ReportPage)
_TEXT_DECODER = msgspec.json.Decoder(_TextPage)


@dataclass(frozen=True, slots=True)
class ReportPage:
    """One Detailed report page: the entry count its totals give (None if absent), how many rows
    it had, and those rows as entries."""

    total: int | None
    rows: int
    entries: list[TimeEntry]


@dataclass(slots=True)
class ReadNames:
    """One per read of the report: the strings its pages' entries share, so that they hold one
    string per distinct id and name rather than a copy each (a large company's 250,000 entries
    name a few thousand users, projects and clients).

    Names come in groups: a user id names one user, and a project id one project, with its
    client. Each group is kept as first seen, and a row naming it again takes its strings after
    a comparison or three, rather than a look-up for each of the row's six strings. A row that
    differs from its group in any of them (a rename during the read) goes through `strings`,
    and its group is kept as it is now.

    Pages decoded on several threads may share one: each look-up and each store is one step,
    and a group is only used once compared with the row.
    """

    strings: dict[str | None, str | None] = field(
        default_factory=lambda: {"": None})  # "" is Clockify's "none"
    # durations repeat too (15 minutes, an hour…): the entries check reads every one, and one
    # object per value spares it a trip to memory per entry
    durations: dict[int, int] = field(default_factory=dict)
    users: dict[str | None, tuple[str | None, str | None]] = field(default_factory=dict)
    projects: dict[str | None, tuple[str | None, str | None, str | None, str | None]] = field(
        default_factory=dict)


def decode_report_page(raw: bytes, names: ReadNames | None = None) -> ReportPage:
    """A Detailed report page's bytes → entries; MalformedData for anything unreadable.

    `names`: one for every page of a read (see `ReadNames`).
    """
    try:
        try:
            page: _ReportPage = _REPORT_DECODER.decode(raw)
        except msgspec.ValidationError:  # e.g. a time msgspec's RFC 3339 reader refuses
            page = _TEXT_DECODER.decode(raw)
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise MalformedData(WHAT) from exc
    rows = page.timeentries if page.timeentries is not None else page.timeEntries or []
    return ReportPage(report_total_count({"totals": page.totals}), len(rows),
                      _entries(rows, ReadNames() if names is None else names))


def _entries(rows: list[_ReportRow], names: ReadNames) -> list[TimeEntry]:
    """Times carry the request zone's offset. The hot loop of a large workspace: keep it lean."""
    out = []
    append = out.append
    fromiso = dt.datetime.fromisoformat
    utc = dt.UTC
    one = names.strings.setdefault  # also turns "" (Clockify's "none") into None
    users, projects = names.users, names.projects
    user_of, project_of = users.get, projects.get
    same_duration = names.durations.setdefault
    # tuple.__new__ builds the NamedTuple in C; TimeEntry(…) goes through a Python-level __new__
    new_entry = tuple.__new__
    try:
        for row in rows:
            interval = row.interval
            start, end = interval.start, interval.end
            if start.__class__ is str:  # the text page: see the comment above _Interval
                start = fromiso(start)  # type: ignore[arg-type]
                end = fromiso(end) if end else None  # type: ignore[arg-type]
            if end is not None:
                duration = interval.duration
                if duration.__class__ is not int:
                    duration = parse_iso_duration(duration) if isinstance(duration, str) \
                        else int((end - start).total_seconds())
                duration = same_duration(duration, duration)
            else:
                duration = None
            if start.tzinfo is None:
                start = start.replace(tzinfo=utc)
                end = end.replace(tzinfo=utc) if end else None
            entry_id = row.row_id or row.id or row.get_id
            if entry_id.__class__ is not str or not entry_id:
                raise MalformedData(WHAT)
            user_id, user_name = row.user_id, row.user_name
            user = user_of(user_id)
            if user is None or user[1] != user_name:
                user = users[user_id] = (one(user_id, user_id), one(user_name, user_name))
            project_id, project_name = row.project_id, row.project_name
            client_id, client_name = row.client_id, row.client_name
            project = project_of(project_id)
            if project is None or project[1] != project_name or project[2] != client_id \
                    or project[3] != client_name:
                project = projects[project_id] = (
                    one(project_id, project_id), one(project_name, project_name),
                    one(client_id, client_id), one(client_name, client_name))
            append(new_entry(TimeEntry, (
                entry_id, user[0], user[1], project[0], project[1], project[2], project[3],
                bool(row.billable), start, end, duration)))
    except (TypeError, ValueError, AttributeError) as exc:
        raise MalformedData(WHAT) from exc
    return out


def parse_time_entries(body: Any, user: Member, projects: Mapping[str, Project]) -> list[TimeEntry]:
    """`GET …/user/{id}/time-entries` → entries (UTC times, ISO durations)."""
    out = []
    try:
        for item in _list(body):
            interval = item["timeInterval"]
            start = parse_instant(interval["start"])
            end = parse_instant(interval["end"]) if interval.get("end") else None
            duration = parse_iso_duration(interval.get("duration")) if end else None
            project = projects.get(item.get("projectId") or "")
            out.append(TimeEntry(
                id=_name(item["id"]), user_id=user.id, user_name=user.name,
                project_id=item.get("projectId") or None,
                project_name=project.name if project else None,
                client_id=project.client_id if project else None,
                client_name=project.client_name if project else None,
                billable=bool(item.get("billable")), start=start, end=end, duration_s=duration))
    except (KeyError, TypeError, AttributeError) as exc:
        raise MalformedData(WHAT) from exc
    return out
