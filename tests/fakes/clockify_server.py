"""A loopback fake of Clockify's core and reports APIs, faithful to the reference's wire shapes.

One `FakeClockify` is one data region: it serves the core API under `/api/v1` and the reports
API under `/v1` (global) or `/report/v1` (regional), on its own port. What it copies from the
reference (`../shared/reference/clockify.md`): bare arrays; `page` / `page-size` with a
`Last-Page` header, a silent fallback to 50 for a malformed page size and a 400 above 5000 (1000
for the report); `{"message", "code"}` error bodies (401 code 1000 for zero or several
credentials, 4003 for an unknown key, 403 "Access Denied" for someone else's workspace or a
non-admin asking for everyone's report); `memberships` defaulting to NONE on `/users`; archived
clients and projects included unless asked otherwise; report rows with `_id`, times carrying the
request zone's offset and durations in seconds; core time entries in UTC with ISO durations;
running entries with null `end` and `duration`.

Faults are queued (`fail(...)`) and consumed in order; every request is logged, without the key.

Writes (SPEC §8): `GET` and `PUT` of one client or project, under the rules of
`wizard.sources.service_rules` (a `PUT` replaces the record: a field left out is lost; duplicate
names refused). A non-admin key is refused (403). `drop_after_write` applies the next writes and
closes the connection without answering.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest

from tests.fakes.loopback import FakeHTTPServer
from wizard.sources.service_rules import ClockifyBook

CORE_MAX, REPORT_MAX, DEFAULT_PAGE_SIZE = 5000, 1000, 50


@dataclass
class Fault:
    """One injected failure: `kind` is 429, 503, drop (close without answering) or garbage."""

    kind: str
    path: str = ""  # a regular expression searched in the request path; "" = any request
    retry_after: str | None = None
    times: int = 1


@dataclass
class Logged:
    method: str
    path: str
    query: dict[str, list[str]]
    body: Any
    status: int
    response: Any
    response_headers: dict[str, str]


@dataclass
class Account:
    """The owner of one API key: the `GET /user` answer and a role per workspace."""

    user: dict[str, Any]
    roles: dict[str, str]  # workspace id → OWNER, WORKSPACE_ADMIN or MEMBER


@dataclass
class Space:
    raw: dict[str, Any]  # the `GET /workspaces` item
    members: list[dict[str, Any]] = field(default_factory=list)
    clients: list[dict[str, Any]] = field(default_factory=list)
    projects: list[dict[str, Any]] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=list)  # report rows (seconds)


def _error(status: int, code: int, message: str) -> tuple[int, Any, dict[str, str]]:
    return status, {"message": message, "code": code}, {}


class FakeClockify:
    """One region's hosts. Start with `start()` (or the `serve()` context manager)."""

    def __init__(self, region: str = "global", latency: float = 0.0) -> None:
        self.region = region
        self.latency = latency
        self.accounts: dict[str, Account] = {}
        self.spaces: dict[str, Space] = {}
        self.faults: list[Fault] = []
        self.log: list[Logged] = []
        self.max_report_days: int | None = None  # the Free plan's limit, when set
        self.core_max = CORE_MAX  # a lower value mimics the reported 400 at large page sizes
        self.last_page_header: str | None = "Last-Page"  # None: never send it
        self.drop_after_write = 0  # how many coming writes are applied, then cut unanswered
        self._lock = threading.Lock()
        # a report's rows per filter (entries list, its length, the body without the page), and
        # each page's answer, encoded once: the fake's own work must not be what a benchmark times
        self._report_cache: dict[tuple[Any, ...], Any] = {}
        self._encoded: dict[int, tuple[Any, bytes]] = {}
        self._server: FakeHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- set-up --

    @property
    def base(self) -> str:
        assert self._server is not None, "start() the fake first"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def core_url(self) -> str:
        return self.base + "/api/v1"

    @property
    def reports_url(self) -> str:
        return self.base + ("/v1" if self.region == "global" else "/report/v1")

    def add_account(self, key: str, user: dict[str, Any], roles: dict[str, str]) -> None:
        self.accounts[key] = Account(user, roles)

    def add_space(self, space: Space) -> Space:
        self.spaces[space.raw["id"]] = space
        return space

    def fail(self, kind: str, path: str = "", retry_after: str | None = None,
             times: int = 1) -> None:
        with self._lock:
            self.faults.append(Fault(kind, path, retry_after, times))

    def requests(self, path_part: str = "") -> list[Logged]:
        with self._lock:
            return [r for r in self.log if path_part in r.path]

    def start(self) -> FakeClockify:
        fake = self

        class Handler(_Handler):
            owner = fake

        self._server = FakeHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        daemon=True,
                                        name=f"fake-clockify-{self.region}")
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)

    # -- answering --

    def encode(self, payload: Any) -> bytes:
        """JSON bytes of an answer; a report page that is asked again is not encoded again."""
        if isinstance(payload, dict) and "timeentries" in payload:
            with self._lock:
                known = self._encoded.get(id(payload))
            if known is not None and known[0] is payload:
                return known[1]
            data = json.dumps(payload).encode()
            with self._lock:
                self._encoded[id(payload)] = (payload, data)
            return data
        return json.dumps(payload).encode()

    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.times > 0 and re.search(fault.path, path):
                    fault.times -= 1
                    return fault
        return None

    def answer(self, method: str, path: str, query: dict[str, list[str]], body: Any,
               headers: Any) -> tuple[int, Any, dict[str, str]]:
        keys = headers.get_all("X-Api-Key") or []
        other = headers.get("Authorization") or headers.get("X-Addon-Token")
        if len(keys) != 1 or other:
            return _error(401, 1000, "Multiple or none auth tokens present")
        account = self.accounts.get(keys[0])
        if account is None:
            return _error(401, 4003, "Api key does not exist")
        core = re.fullmatch(r"/api/v1(/.*)", path)
        report_prefix = "/v1" if self.region == "global" else "/report/v1"
        report = re.fullmatch(re.escape(report_prefix) + r"/workspaces/([^/]+)/reports/detailed",
                              path)
        if report:
            if method != "POST":
                return _error(405, 3000, f"Request method '{method}' is not supported")
            return self._report(account, report.group(1), body)
        if core is None:
            return _error(404, 3000, f"No static resource {path.lstrip('/')}.")
        one = re.fullmatch(r"/workspaces/([^/]+)/(clients|projects)/([^/]+)", core.group(1))
        if one and method in ("GET", "PUT"):
            return self._one(account, method, one.group(1), one.group(2), one.group(3), body)
        if method != "GET":
            return _error(405, 3000, f"Request method '{method}' is not supported")
        return self._core(account, core.group(1), query)

    def _core(self, account: Account, path: str, query: dict[str, list[str]]
              ) -> tuple[int, Any, dict[str, str]]:
        q = {k: v[-1] for k, v in query.items()}
        if path == "/user":
            return 200, account.user, {}
        if path == "/workspaces":
            role = q.get("roles")
            ids = [ws for ws, r in account.roles.items() if role is None or r == role]
            return 200, [self.spaces[ws].raw for ws in ids if ws in self.spaces], {}
        found = re.fullmatch(r"/workspaces/([^/]+)(/.*)?", path)
        if found is None or found.group(1) not in self.spaces:
            return _error(404, 3000, f"No static resource {path.lstrip('/')}.")
        ws_id, rest = found.group(1), found.group(2) or ""
        if ws_id not in account.roles:
            return _error(403, 501, "Access Denied")
        space = self.spaces[ws_id]
        if rest == "":
            return 200, space.raw, {}
        if rest == "/users":
            if "include-roles" not in q:
                return _error(400, 501, "Required parameter 'include-roles' is not present.")
            rows = [_member_view(m, ws_id, q.get("memberships", "NONE"), q.get("status", "ALL"))
                    for m in space.members]
            return self._page([r for r in rows if r is not None], q)
        if rest == "/clients":
            return self._page(_archived(space.clients, q.get("archived")), q)
        if rest == "/projects":
            return self._page(_archived(space.projects, q.get("archived")), q)
        own = re.fullmatch(r"/user/([^/]+)/time-entries", rest)
        if own:
            if own.group(1) != account.user["id"] and account.roles[ws_id] == "MEMBER":
                return _error(403, 501, "Access Denied")
            rows = [_core_entry(e, ws_id) for e in space.entries if e["userId"] == own.group(1)]
            return self._page(rows, q)
        return _error(404, 3000, f"No static resource {path.lstrip('/')}.")

    def _one(self, account: Account, method: str, ws_id: str, kind: str, record_id: str,
             body: Any) -> tuple[int, Any, dict[str, str]]:
        """One client or project: read it, or replace it with a `PUT`."""
        if ws_id not in self.spaces or ws_id not in account.roles:
            return _error(403, 501, "Access Denied")
        space = self.spaces[ws_id]
        book = ClockifyBook(ws_id, space.clients, space.projects)
        if method == "GET":
            status, payload = book.read(kind, record_id)
            return status, payload, {}
        if account.roles[ws_id] == "MEMBER":
            return _error(403, 501, "Access Denied")
        status, payload = book.put(kind, record_id, body)
        return status, payload, {}

    def _page(self, rows: list[Any], q: dict[str, str]) -> tuple[int, Any, dict[str, str]]:
        raw_size = q.get("page-size", "")
        size = int(raw_size) if re.fullmatch(r"\d+", raw_size) else DEFAULT_PAGE_SIZE
        page = int(q["page"]) if re.fullmatch(r"\d+", q.get("page", "")) else 1
        if size < 1 or size > self.core_max or page < 1:
            return _error(400, 501, "page-size must be between 1 and 5000")
        chunk = rows[(page - 1) * size: page * size]
        headers = {}
        if self.last_page_header:
            headers[self.last_page_header] = "true" if page * size >= len(rows) else "false"
        return 200, chunk, headers

    def _report(self, account: Account, ws_id: str, body: Any
                ) -> tuple[int, Any, dict[str, str]]:
        if ws_id not in self.spaces:
            return _error(400, 501, "Workspace not found")
        if ws_id not in account.roles:
            return _error(403, 501, "Access Denied")
        if not isinstance(body, dict) or not all(
                k in body for k in ("dateRangeStart", "dateRangeEnd", "detailedFilter")):
            return _error(400, 501, "dateRangeStart, dateRangeEnd and detailedFilter are required")
        detailed = body["detailedFilter"] or {}
        page, size = detailed.get("page", 1), detailed.get("pageSize", 50)
        if not isinstance(size, int) or not 1 <= size <= REPORT_MAX or page < 1:
            return _error(400, 501, "pageSize must be between 1 and 1000")
        settings = account.user.get("settings") or {}
        zone = ZoneInfo(body.get("timeZone") or settings.get("timeZone") or "UTC")
        try:
            start = dt.datetime.fromisoformat(body["dateRangeStart"].rstrip("Z"))
            end = dt.datetime.fromisoformat(body["dateRangeEnd"].rstrip("Z"))
        except ValueError:
            return _error(400, 501, "Invalid date range")
        if self.max_report_days and end - start > dt.timedelta(days=self.max_report_days):
            return _error(400, 501, "Date range is limited to 31 days on your plan")
        users = body.get("users") or {}
        ids = set(users.get("ids") or [])
        if account.roles[ws_id] == "MEMBER" and ids != {account.user["id"]}:
            return _error(403, 501, "Access Denied")
        space = self.spaces[ws_id]
        filters = json.dumps({**body, "detailedFilter": {**detailed, "page": None}},
                             sort_keys=True, default=str)
        key = (ws_id, id(space.entries), len(space.entries), filters, str(zone))
        cached = self._report_cache.get(key)  # the fake's own work must not be what's timed
        if cached is None:
            cached = self._report_cache[key] = (
                *self._report_rows(space, zone, start, end, ids, detailed), {})
        rows, totals, pages = cached
        if (page, size) not in pages:
            pages[page, size] = {"totals": totals,
                                 "timeentries": rows[(page - 1) * size: page * size]}
        return 200, pages[page, size], {}

    @staticmethod
    def _report_rows(space: Space, zone: ZoneInfo, start: dt.datetime, end: dt.datetime,
                     ids: set[str], detailed: dict[str, Any]
                     ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        rows = []
        for row in space.entries:
            begin = dt.datetime.fromisoformat(row["timeInterval"]["start"]).astimezone(zone)
            if not start <= begin.replace(tzinfo=None) <= end:
                continue
            if ids and row["userId"] not in ids:
                continue
            rows.append(_report_row(row, zone))
        rows.sort(key=lambda r: r["_id"] if detailed.get("sortColumn") == "ID"
                  else r["timeInterval"]["start"])
        totals = [{"_id": "", "totalTime": sum(r["timeInterval"]["duration"] or 0 for r in rows),
                   "totalBillableTime": sum(r["timeInterval"]["duration"] or 0 for r in rows
                                            if r["billable"]),
                   "entriesCount": len(rows), "totalAmount": 0, "amounts": []}]
        return rows, totals


def _member_view(member: dict[str, Any], ws_id: str, memberships: str, status: str
                 ) -> dict[str, Any] | None:
    mine = [m for m in member.get("memberships") or []
            if m.get("membershipType") == "WORKSPACE" and m.get("targetId") == ws_id]
    if status != "ALL" and not any(m.get("membershipStatus") == status for m in mine):
        return None
    if memberships in ("NONE", ""):
        return {**member, "memberships": []}
    return member


def _archived(rows: list[dict[str, Any]], archived: str | None) -> list[dict[str, Any]]:
    if archived is None:
        return rows
    want = archived.lower() == "true"
    return [r for r in rows if bool(r.get("archived")) == want]


def _report_row(row: dict[str, Any], zone: ZoneInfo) -> dict[str, Any]:
    interval = row["timeInterval"]
    start = dt.datetime.fromisoformat(interval["start"]).astimezone(zone)
    end = dt.datetime.fromisoformat(interval["end"]).astimezone(zone) if interval["end"] else None
    return {**row, "timeInterval": {
        "start": start.isoformat(), "end": end.isoformat() if end else None,
        "duration": (interval.get("duration") if isinstance(interval.get("duration"), int)
                     else int((end - start).total_seconds())) if end else None}}


def iso_duration(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") \
        + (f"{secs}S" if secs else "")
    return text if text != "PT" else "PT0S"


def _core_entry(row: dict[str, Any], ws_id: str) -> dict[str, Any]:
    interval = row["timeInterval"]
    start = dt.datetime.fromisoformat(interval["start"]).astimezone(dt.UTC)
    end = dt.datetime.fromisoformat(interval["end"]).astimezone(dt.UTC) if interval["end"] else None
    utc = "%Y-%m-%dT%H:%M:%SZ"
    return {"id": row["_id"], "description": row.get("description", ""),
            "userId": row["userId"], "workspaceId": ws_id, "projectId": row.get("projectId"),
            "taskId": None, "tagIds": None, "billable": row.get("billable", False),
            "isLocked": False, "kioskId": None, "type": "REGULAR", "customFieldValues": [],
            "hourlyRate": None, "costRate": None,
            "timeInterval": {"start": start.strftime(utc),
                             "end": end.strftime(utc) if end else None,
                             "duration": iso_duration(int((end - start).total_seconds()))
                             if end else None}}


class _Handler(BaseHTTPRequestHandler):
    owner: FakeClockify
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out at once, no 40 ms stalls

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the fake keeps its own log (without the key)."""

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def do_PUT(self) -> None:
        self._serve("PUT")

    def _serve(self, method: str) -> None:
        fake = self.owner
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        query = parse_qs(parts.query, keep_blank_values=True)
        if fake.latency:
            time.sleep(fake.latency)
        fault = fake._take_fault(parts.path)
        extra: dict[str, str] = {}
        if fault is not None and fault.kind == "drop":
            self.close_connection = True
            with fake._lock:
                fake.log.append(Logged(method, parts.path, query, body, 0, None, {}))
            return
        if fault is not None and fault.kind == "429":
            status, payload = 429, {"message": "Too many requests", "code": 429}
            if fault.retry_after is not None:
                extra["Retry-After"] = fault.retry_after
        elif fault is not None and fault.kind == "503":
            status, payload = 503, {"message": "Service Unavailable", "code": 503}
        elif fault is not None and fault.kind == "garbage":
            status, payload = 200, None
        else:
            with fake._lock if method == "PUT" else _no_lock():
                status, payload, extra = fake.answer(method, parts.path, query, body,
                                                     self.headers)
                drop = method == "PUT" and status == 200 and fake.drop_after_write > 0
                if drop:
                    fake.drop_after_write -= 1
            if drop:
                with fake._lock:
                    fake.log.append(Logged(method, parts.path, query, body, 0, None, {}))
                self.close_connection = True
                return
        data = (b"<html><body>Gateway says hi</body>" if payload is None
                else fake.encode(payload))
        with fake._lock:  # logged before answering, so the client never sees it missing
            fake.log.append(Logged(method, parts.path, query, body, status, payload, extra))
        self.send_response(status)
        self.send_header("Content-Type", "application/json" if payload is not None
                         else "text/html")
        self.send_header("Content-Length", str(len(data)))
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


@contextmanager
def _no_lock() -> Iterator[None]:
    yield


@contextmanager
def serve(region: str = "global", latency: float = 0.0) -> Iterator[FakeClockify]:
    fake = FakeClockify(region, latency).start()
    try:
        yield fake
    finally:
        fake.stop()


@pytest.fixture
def clockify_fake() -> Iterator[FakeClockify]:
    """An empty global-region fake; add accounts and workspaces in the test."""
    with serve() as fake:
        yield fake


# --- data ----------------------------------------------------------------------------------------

def load_sample(fake: FakeClockify, folder: Path, key: str) -> str:
    """Serve the sample company (its stored API answers) for `key`; returns the workspace id."""
    def read(name: str) -> Any:
        return json.loads((folder / name).read_text(encoding="utf-8"))

    user = read("user.json")
    owner_ids = {w["id"] for w in read("workspaces-owner.json")}
    roles = {}
    for raw in read("workspaces.json"):
        fake.add_space(Space(raw, members=read("users.json"), clients=read("clients.json"),
                             projects=read("projects.json"),
                             entries=read("detailed-report.json")["timeentries"]))
        roles[raw["id"]] = "OWNER" if raw["id"] in owner_ids else "MEMBER"
    fake.add_account(key, user, roles)
    return user["activeWorkspace"]


def _oid(rng: random.Random) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(24))


def synthetic(fake: FakeClockify, key: str, *, members: int = 5, clients: int = 3,
              projects: int = 10, entries: int = 20, period: tuple[dt.date, dt.date] = (
                  dt.date(2026, 10, 26), dt.date(2026, 11, 24)),
              time_zone: str = "America/Chicago", role: str = "OWNER",
              features: tuple[str, ...] = ("TIME_TRACKING", "QUICKBOOKS_INTEGRATION"),
              name: str = "Fake Studio", seed: int = 1) -> Space:
    """A workspace of the given size for `key`, with pending invitees, archived projects, running
    timers and entries spread over the period (in `time_zone`)."""
    rng = random.Random(seed)
    ws_id = _oid(rng)
    zone = ZoneInfo(time_zone)
    owner_id = _oid(rng)

    def member(uid: str, name: str | None, status: str) -> dict[str, Any]:
        return {"id": uid, "email": f"u{uid[:6]}@example.test", "name": name,
                "status": "ACTIVE" if name else "NOT_REGISTERED",
                "activeWorkspace": ws_id if name else None, "defaultWorkspace": None,
                "profilePicture": "", "customFields": [],
                "settings": {"timeZone": time_zone, "dateFormat": "MM/DD/YYYY",
                             "timeFormat": "HOUR12"} if name else None,
                "memberships": [{"userId": uid, "targetId": ws_id, "membershipType": "WORKSPACE",
                                 "membershipStatus": status, "hourlyRate": None,
                                 "costRate": None}]}

    people = [member(owner_id, "Owner Person", "ACTIVE")]
    for i in range(1, members):
        pending = i % 17 == 0
        people.append(member(_oid(rng), None if pending else f"Member {i} Ünïcødé",
                             "PENDING" if pending else "ACTIVE"))
    client_rows = [{"id": _oid(rng), "name": f"Client {i} — Ça va", "workspaceId": ws_id,
                    "archived": i % 7 == 6, "address": None, "email": None, "note": None,
                    "ccEmails": None, "currencyId": "c", "currencyCode": "USD"}
                   for i in range(clients)]
    project_rows = []
    for i in range(projects):
        client = client_rows[i % len(client_rows)] if client_rows and i % 4 else None
        project_rows.append({"id": _oid(rng), "name": f"Project {i} 日本", "workspaceId": ws_id,
                             "clientId": client["id"] if client else "",
                             "clientName": client["name"] if client else "",
                             "billable": True, "archived": i % 9 == 8, "public": True,
                             "template": False, "color": "#4CAF50", "note": "",
                             "duration": "PT1H", "memberships": []})
    days = (period[1] - period[0]).days + 1
    named = [p for p in people if p["name"]]
    rows = []
    for i in range(entries):
        who = named[i % len(named)]
        proj = project_rows[i % len(project_rows)] if project_rows and i % 10 else None
        day = period[0] + dt.timedelta(days=i % days)
        start = dt.datetime.combine(day, dt.time(8 + i % 9, (i * 7) % 60), zone)
        running = i == entries - 1
        end = None if running else start + dt.timedelta(minutes=15 + (i * 13) % 300)
        rows.append({"_id": f"{i:08d}" + _oid(rng)[8:], "description": f"work {i}",
                     "userId": who["id"], "userName": who["name"], "userEmail": who["email"],
                     "billable": i % 5 != 0,
                     "projectId": proj["id"] if proj else None,
                     "projectName": proj["name"] if proj else "", "projectColor": "",
                     "clientId": proj["clientId"] if proj else "",
                     "clientName": proj["clientName"] if proj else "",
                     "taskId": None, "taskName": None, "tagIds": None, "tags": [],
                     "approvalRequestId": None, "isLocked": False, "amount": 0, "rate": 0,
                     "customFields": [],
                     "timeInterval": {"start": start.isoformat(),
                                      "end": end.isoformat() if end else None,
                                      "duration": int((end - start).total_seconds())
                                      if end else None}})
    raw = {"id": ws_id, "name": name, "imageUrl": "", "memberships": [],
           "hourlyRate": {"amount": 0, "currency": "USD"},
           "workspaceSettings": {"forceProjects": False},
           "subdomain": {"enabled": False, "name": None},
           "featureSubscriptionType": "STANDARD_2021", "features": list(features)}
    space = fake.add_space(Space(raw, people, client_rows, project_rows, rows))
    owner = {**people[0], "email": "owner@example.test", "activeWorkspace": ws_id,
             "settings": {"timeZone": time_zone, "weekStart": "MONDAY", "dateFormat": "MM/DD/YYYY",
                          "timeFormat": "HOUR12"}, "memberships": []}
    fake.add_account(key, owner, {ws_id: role})
    return space
