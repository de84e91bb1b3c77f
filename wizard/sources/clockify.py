"""Live Clockify: every read the checks need, polite to Clockify's limits, failures as one sentence.

Facts come from the Clockify reference: `X-Api-Key` auth; core and reports hosts per data region,
detected by asking `GET /user` of each in turn (§3); bare-array lists paged with `page` /
`page-size` and a `Last-Page` header (§5); entries from the Detailed report, 1000 rows a page
(§4.7). Once the first page tells how many there are (the report's totals), the rest are read a
few at a time (`wizard.sources.paging`): at most `WORKERS` requests in flight and `1 / MIN_INTERVAL`
started in any one second, half Clockify's 50. The independent lists (members, clients, projects,
entries) are read side by side. Requests are retried by urllib3 on 429/5xx and dropped
connections (honouring `Retry-After`, backoff 1, 2, 4, 8 s, bounded in count and total time); a
429 on any thread pauses every thread of the client for that wait.

The key lives in the OS keyring (service `SyncCheckup`, entry `clockify-api-key`, see
`wizard.storage.secrets`); `SYNC_CHECKUP_CLOCKIFY_API_KEY` overrides it and is never stored.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from wizard.core.errors import MalformedData, SyncCheckupError
from wizard.core.links import CLOCKIFY_WEB
from wizard.core.model import (
    Client,
    ClockifyData,
    ClockifySide,
    Member,
    Project,
    SideProblem,
    TimeEntry,
)
from wizard.redact import register_secret
from wizard.sources import clockify_json as cj
from wizard.sources.clockify_json import KeyOwner, Workspace
from wizard.sources.paging import PageTally, RequestGate, ThreadSessions, in_order
from wizard.sources.progress import CancelToken, Progress, no_progress
from wizard.storage import secrets
from wizard.text import _, connection

log = logging.getLogger(__name__)

KEY_ENTRY = "clockify-api-key"
ENV_KEY = "SYNC_CHECKUP_CLOCKIFY_API_KEY"
ENV_WORKSPACE = "SYNC_CHECKUP_CLOCKIFY_WORKSPACE"
ENV_API_URL = "SYNC_CHECKUP_CLOCKIFY_API_URL"
ENV_REPORTS_URL = "SYNC_CHECKUP_CLOCKIFY_REPORTS_URL"

PAGE_SIZE = 1000  # ≤ 1000 everywhere (reference §5); 5000 was once answered with a 400
FALLBACK_PAGE_SIZE = 200  # after a 400 on the first page of a core list
REPORT_PAGE_SIZE = 1000  # the documented maximum of the Detailed report
MAX_PAGES = 10_000  # a runaway server must not keep us reading forever
FREE_PLAN_DAYS = 31  # the Detailed report's range limit on the Free plan
MIN_INTERVAL = 1 / 25  # at most 25 requests started in any second: half the documented 50
WORKERS = 6  # requests in flight at once, per client
TIMEOUT = (10.0, 60.0)  # connect, read (a 1000-row report page can take a while)


@dataclass(frozen=True)
class Region:
    name: str
    core_url: str
    reports_url: str


REGIONS: tuple[Region, ...] = (
    Region("global", "https://api.clockify.me/api/v1", "https://reports.api.clockify.me/v1"),
    Region("euc1", "https://euc1.clockify.me/api/v1", "https://euc1.clockify.me/report/v1"),
    Region("use2", "https://use2.clockify.me/api/v1", "https://use2.clockify.me/report/v1"),
    Region("euw2", "https://euw2.clockify.me/api/v1", "https://euw2.clockify.me/report/v1"),
    Region("apse2", "https://apse2.clockify.me/api/v1", "https://apse2.clockify.me/report/v1"),
)


class ClockifyProblem(SyncCheckupError):
    """Clockify can't be read: `code` is the connection finding, `str()` the whole sentence."""

    def __init__(self, code: str, detail_key: str) -> None:
        self.code = code
        self.detail_key = detail_key
        self.detail = connection.clockify_detail(detail_key)
        text = (connection.clockify_key_invalid if code == "CLOCKIFY_KEY_INVALID"
                else connection.clockify_unreachable)(self.detail)
        super().__init__(text.message)

    def side_problem(self) -> SideProblem:
        return SideProblem(code=self.code, detail=self.detail)


def _key_invalid() -> ClockifyProblem:
    return ClockifyProblem("CLOCKIFY_KEY_INVALID", "key_rejected")


def _unreachable(detail_key: str) -> ClockifyProblem:
    return ClockifyProblem("CLOCKIFY_UNREACHABLE", detail_key)


# --- the HTTP session ---------------------------------------------------------------------------

# the gate of the client whose request this thread is sending, for `PoliteRetry.sleep`
_SENDING_GATE: ContextVar[RequestGate | None] = ContextVar("_SENDING_GATE", default=None)


class PoliteRetry(Retry):
    """urllib3 `Retry` with backoff `factor × 1, 2, 4, 8…` from the first retry (urllib3 waits 0
    before its first), `Retry-After` capped at `max_wait`, and no new try once `budget` seconds
    have passed since the first failure: the last answer (429/5xx) is then returned as it is."""

    def __init__(self, *args: Any, max_wait: float = 30.0, budget: float = 60.0,
                 started: float | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_wait = max_wait
        self.budget = budget
        self.started = started

    def new(self, **kw: Any) -> PoliteRetry:
        kw.setdefault("max_wait", self.max_wait)
        kw.setdefault("budget", self.budget)
        kw.setdefault("started", self.started if self.started is not None else time.monotonic())
        return super().new(**kw)  # type: ignore[return-value]

    def get_backoff_time(self) -> float:
        failures = len(self.history)
        if failures == 0:
            return 0.0
        return min(self.backoff_max, self.backoff_factor * 2 ** (failures - 1))

    def get_retry_after(self, response: Any) -> float | None:
        value = super().get_retry_after(response)
        return None if value is None else min(value, self.max_wait)

    def is_retry(self, method: str, status_code: int, has_retry_after: bool = False) -> bool:
        if self.started is not None and time.monotonic() - self.started > self.budget:
            return False
        return super().is_retry(method, status_code, has_retry_after)

    def sleep(self, response: Any = None) -> None:
        """Before waiting out a 429, tell the client's other threads to wait as long."""
        gate = _SENDING_GATE.get()
        if gate is not None and response is not None and response.status == 429:
            wait = self.get_retry_after(response) if self.respect_retry_after_header else None
            gate.hold(self.get_backoff_time() if wait is None else wait)
        super().sleep(response)


def new_session(backoff: float = 1.0, retries: int = 4, max_wait: float = 30.0,
                budget: float = 60.0) -> requests.Session:
    """A session that retries what is worth retrying; everything the client sends is read-only,
    so POST (the Detailed report) is retried like GET."""
    retry = PoliteRetry(total=retries, connect=retries, read=retries, status=retries,
                        other=0, backoff_factor=backoff, backoff_max=max(8 * backoff, 0.0),
                        status_forcelist=(429, 500, 502, 503, 504),
                        allowed_methods=frozenset({"GET", "POST"}),
                        respect_retry_after_header=True, raise_on_status=False,
                        max_wait=max_wait, budget=budget)
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    session.headers["User-Agent"] = "SyncCheckup (read-only)"
    return session


# --- the client ---------------------------------------------------------------------------------

def reports_url_for(core_url: str) -> str:
    """The reports base that goes with a core base (global: another host; else `/report/v1`)."""
    base = core_url.rstrip("/")
    if "://api.clockify.me/" in base + "/":
        return "https://reports.api.clockify.me/v1"
    if base.endswith("/api/v1"):
        return base[: -len("/api/v1")] + "/report/v1"
    return base


def web_url_for(core_url: str | None, subdomain: str | None = None) -> str | None:
    """The workspace's web app: its subdomain's, else its region's host (global: app.…)."""
    if subdomain:
        return f"https://{subdomain}.clockify.me"
    if not core_url:
        return None
    parts = urlsplit(core_url)
    if parts.hostname == "api.clockify.me":
        return CLOCKIFY_WEB
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else None


class ClockifyClient:
    """Read-only calls to one Clockify account. Raises `ClockifyProblem` for anything that stops
    the read; its `code` is the connection finding to show."""

    def __init__(self, session: requests.Session, api_key: str, core_url: str | None = None,
                 reports_url: str | None = None, *, regions: Sequence[Region] = REGIONS,
                 timeout: tuple[float, float] = TIMEOUT, min_interval: float = MIN_INTERVAL,
                 workers: int = WORKERS, cancel: CancelToken | None = None) -> None:
        register_secret(api_key)
        self.session = session
        self._key = api_key.strip()
        self.core_url = core_url.rstrip("/") if core_url else None
        if reports_url:
            self.reports_url: str | None = reports_url.rstrip("/")
        else:
            self.reports_url = reports_url_for(self.core_url) if self.core_url else None
        self.regions = tuple(regions)
        self.timeout = timeout
        self.min_interval = min_interval
        self.workers = max(1, workers)
        self.gate = RequestGate(self.workers,
                                round(1 / min_interval) if min_interval > 0 else None, 1.0)
        self._sessions = ThreadSessions(session)
        self.cancel = cancel or CancelToken()
        self._count_lock = threading.Lock()
        self.requests_sent = 0
        self._owner: KeyOwner | None = None
        self._core_page_size = PAGE_SIZE

    # -- plumbing --

    def _send(self, method: str, url: str, *, params: Mapping[str, str] | None = None,
              body: Mapping[str, Any] | None = None) -> requests.Response:
        self.cancel.raise_if_cancelled()
        headers = {"X-Api-Key": self._key, "Accept": "application/json"}
        session = self._sessions.current()
        try:
            with self.gate.slot(self.cancel):
                with self._count_lock:
                    self.requests_sent += 1
                sending = _SENDING_GATE.set(self.gate)
                try:
                    return session.request(method, url, params=params, json=body,
                                           headers=headers, timeout=self.timeout,
                                           allow_redirects=False)
                finally:
                    _SENDING_GATE.reset(sending)
        except requests.exceptions.SSLError:
            log.warning("Clockify: TLS failure on %s %s", method, _path(url))
            raise _unreachable("tls") from None
        except requests.exceptions.Timeout:
            log.warning("Clockify: timeout on %s %s", method, _path(url))
            raise _unreachable("timeout") from None
        except requests.exceptions.RetryError:
            log.warning("Clockify: retries exhausted on %s %s", method, _path(url))
            raise _unreachable("keeps_failing") from None
        except requests.exceptions.RequestException as exc:
            log.warning("Clockify: no answer on %s %s (%s)", method, _path(url),
                        type(exc).__name__)
            raise _unreachable("no_answer") from None

    def _check(self, response: requests.Response,
               decode: Callable[[bytes], Any] | None = None) -> Any:
        """The decoded body of a successful answer (`decode` of its bytes, else its JSON); a
        `ClockifyProblem` for anything else."""
        status = response.status_code
        if status == 200:
            try:
                return decode(response.content) if decode else response.json()
            except (ValueError, MalformedData):
                log.warning("Clockify: unreadable answer to %s", _path(response.url))
                raise _unreachable("garbage") from None
        log.warning("Clockify: HTTP %s on %s (code %s)", status, _path(response.url),
                    _error_code(response))
        if status == 401:
            raise _key_invalid()
        if status == 429:
            raise _unreachable("rate_limited")
        if status == 403:
            raise _unreachable("refused")
        if status >= 500:
            raise _unreachable("keeps_failing")
        raise _unreachable("garbage")

    def _get(self, path: str, params: Mapping[str, str] | None = None) -> Any:
        return self._check(self._send("GET", self._core() + path, params=params))

    def _core(self) -> str:
        if self.core_url is None:
            self.detect_region()
        assert self.core_url is not None
        return self.core_url

    def _paged(self, path: str, params: Mapping[str, str],
               pages: PageTally | None = None) -> Iterator[list[Any]]:
        """Every page of a core list, stopping on `Last-Page: true`, a short or empty page, or
        the page cap. A 400 on the first page is retried once with a smaller page size.

        Core lists don't say how long they are, so their pages are read one after another
        (asking ahead would cost requests); the lists themselves are read side by side."""
        page = 1
        if pages is not None:
            pages.expect(1)
        while page <= MAX_PAGES:
            size = self._core_page_size
            query = {**params, "page": str(page), "page-size": str(size)}
            response = self._send("GET", self._core() + path, params=query)
            if response.status_code == 400 and page == 1 and size > FALLBACK_PAGE_SIZE:
                log.info("Clockify: page size %s refused on %s; using %s", size, path,
                         FALLBACK_PAGE_SIZE)
                self._core_page_size = FALLBACK_PAGE_SIZE
                continue
            rows = self._check(response)
            if not isinstance(rows, list):
                raise _unreachable("garbage")
            last = response.headers.get("Last-Page", "").strip().lower()
            more = not (last == "true" or len(rows) < size or not rows) and page < MAX_PAGES
            if pages is not None:
                if more:
                    pages.expect(1)
                pages.done()
            if rows:
                yield rows
            if not more:
                if page >= MAX_PAGES:
                    log.warning("Clockify: stopped %s after %s pages", path, MAX_PAGES)
                return
            page += 1

    # -- what the checks need --

    def detect_region(self) -> KeyOwner:
        """Ask each region's `GET /user` until one accepts the key; fixes both base URLs."""
        if self.core_url is not None:
            return self.user()
        unreachable = False
        for index, region in enumerate(self.regions):
            try:
                response = self._send("GET", region.core_url + "/user")
            except ClockifyProblem:
                if index == 0:  # the global host is down: most likely no network at all
                    raise
                unreachable = True
                continue
            if response.status_code == 401:
                continue
            owner = _parse(cj.parse_user, self._check(response))
            self.core_url, self.reports_url = region.core_url, region.reports_url
            if region.name != "global":
                log.info("Clockify: the key belongs to data region %s", region.name)
            self._owner = owner
            return owner
        if unreachable:
            raise _unreachable("no_answer")
        raise _key_invalid()

    def user(self) -> KeyOwner:
        if self._owner is None:
            if self.core_url is None:
                return self.detect_region()
            self._owner = _parse(cj.parse_user, self._get("/user"))
        return self._owner

    def workspaces(self, role: str | None = None) -> list[Workspace]:
        """The key owner's workspaces; with `role` (OWNER, WORKSPACE_ADMIN) only those where
        the owner has that role (owners are not listed as admins)."""
        params = {"roles": role} if role else None
        return _parse(cj.parse_workspaces, self._get("/workspaces", params))

    def admin_workspace_ids(self) -> set[str]:
        """Workspaces where the key's owner is owner or admin."""
        return {w.id for role in ("OWNER", "WORKSPACE_ADMIN") for w in self.workspaces(role)}

    def find_workspace(self, wanted: str | None, explicit: bool = False
                       ) -> tuple[Workspace, bool]:
        """The workspace to read and whether the key's owner may read everyone's entries.

        The role lists come first: for an owner (the usual case) the first request answers
        everything, a non-admin needs the full list as well.
        """
        for role in ("OWNER", "WORKSPACE_ADMIN"):
            for ws in self.workspaces(role):
                if wanted in (ws.id, ws.name):
                    return ws, True
        return choose_workspace(self.workspaces(), wanted, explicit), False

    def members(self, workspace_id: str, pages: PageTally | None = None) -> list[Member]:
        out: list[Member] = []
        params = {"memberships": "WORKSPACE", "status": "ALL", "include-roles": "false"}
        for rows in self._paged(f"/workspaces/{workspace_id}/users", params, pages):
            out.extend(_parse(cj.parse_members, rows, workspace_id))
        return out

    def clients(self, workspace_id: str, pages: PageTally | None = None) -> list[Client]:
        out: list[Client] = []
        for rows in self._paged(f"/workspaces/{workspace_id}/clients", {}, pages):
            out.extend(_parse(cj.parse_clients, rows))
        return out

    def projects(self, workspace_id: str, clients: Sequence[Client] = (),
                 pages: PageTally | None = None) -> list[Project]:
        """Active and archived projects: `archived` is left out on purpose (reference §4.5)."""
        return self._parse_projects(self._project_pages(workspace_id, pages), clients)

    def _project_pages(self, workspace_id: str, pages: PageTally | None) -> list[list[Any]]:
        return list(self._paged(f"/workspaces/{workspace_id}/projects", {}, pages))

    @staticmethod
    def _parse_projects(raw_pages: Sequence[list[Any]], clients: Sequence[Client]
                        ) -> list[Project]:
        return [p for rows in raw_pages for p in _parse(cj.parse_projects, rows, clients)]

    def detailed_entries(self, workspace_id: str, period: tuple[dt.date, dt.date],
                         time_zone: str | None, only_user: str | None = None,
                         pages: PageTally | None = None) -> list[TimeEntry]:
        """Every entry of the period from the Detailed report, in the owner's zone.

        The whole period is asked for at once; only if Clockify refuses a range longer than 31
        days (the Free plan's limit) is it asked again in 31-day pieces.
        """
        start, end = period
        tally = pages or PageTally(no_progress, "Clockify")
        try:
            return self._report(workspace_id, [period], time_zone, only_user, tally)
        except _RangeRefused:
            if (end - start).days < FREE_PLAN_DAYS:
                raise _unreachable("garbage") from None
            log.info("Clockify: report range refused; reading %s-day pieces", FREE_PLAN_DAYS)
        try:
            return self._report(workspace_id, list(split_period(period)), time_zone, only_user,
                                tally)
        except _RangeRefused:
            raise _unreachable("garbage") from None

    def _report(self, workspace_id: str, chunks: Sequence[tuple[dt.date, dt.date]],
                time_zone: str | None, only_user: str | None,
                pages: PageTally) -> list[TimeEntry]:
        """The first page of each piece tells how many entries there are; the other pages of
        that piece are then read a few at a time and put back in page order."""
        if self.reports_url is None:
            self.detect_region()
        url = f"{self.reports_url}/workspaces/{workspace_id}/reports/detailed"

        def read_page(chunk: tuple[dt.date, dt.date], page: int) -> cj.ReportPage:
            body = report_body(chunk, time_zone, page, REPORT_PAGE_SIZE, only_user)
            response = self._send("POST", url, body=body)
            if response.status_code == 400 and page == 1:
                log.warning("Clockify: report refused (code %s)", _error_code(response))
                raise _RangeRefused
            decoded: cj.ReportPage = self._check(response, cj.decode_report_page)
            pages.done()
            return decoded

        def page_call(chunk: tuple[dt.date, dt.date], page: int
                      ) -> Callable[[], cj.ReportPage]:
            return lambda: read_page(chunk, page)

        entries: dict[str, TimeEntry] = {}
        for chunk in chunks:
            pages.expect(1)
            first = read_page(chunk, 1)
            found = [first]
            if first.total is not None:
                last = min(math.ceil(first.total / REPORT_PAGE_SIZE), MAX_PAGES)
                if first.rows >= REPORT_PAGE_SIZE and last > 1:
                    pages.expect(last - 1)
                    found += in_order([page_call(chunk, n) for n in range(2, last + 1)],
                                      self.workers, self.cancel, self._sessions)
            else:  # no totals to go by: one page after another until a short one
                page, latest = 1, first
                while latest.rows >= REPORT_PAGE_SIZE and page < MAX_PAGES:
                    page += 1
                    pages.expect(1)
                    latest = read_page(chunk, page)
                    found.append(latest)
            for decoded in found:
                for entry in decoded.entries:
                    entries[entry.id] = entry
        return sorted(entries.values(), key=lambda e: (e.start, e.id))

    def read(self, period: tuple[dt.date, dt.date], workspace: str | None = None,
             progress: Progress = no_progress) -> ClockifyData:
        """Everything the checks need, with the fewest requests: members, clients, projects
        and entries are read side by side once the workspace is known."""
        progress(_("Connecting to Clockify"), 0, 0)
        owner = self.user()
        ws, is_admin = self.find_workspace(workspace or owner.active_workspace,
                                           explicit=bool(workspace))
        progress(_("Reading workspace {name}").format(name=ws.name), 0, 0)
        pages = PageTally(progress, "Clockify")

        def members() -> list[Member]:
            try:
                return self.members(ws.id, pages)
            except ClockifyProblem as problem:
                if is_admin or problem.detail_key != "refused":
                    raise
                return [Member(id=owner.id, name=owner.name)]

        def entries() -> list[TimeEntry]:
            return self.detailed_entries(ws.id, period, owner.time_zone,
                                         None if is_admin else owner.id, pages)

        lists: list[Callable[[], Any]] = [members, lambda: self.clients(ws.id, pages),
                                          lambda: self._project_pages(ws.id, pages), entries]
        read_members, clients, project_pages, read_entries = in_order(
            lists, self.workers, self.cancel, self._sessions)
        projects = self._parse_projects(project_pages, clients)
        return ClockifyData(
            workspace_id=ws.id, workspace_name=ws.name, time_zone=owner.time_zone,
            members=tuple(read_members), clients=tuple(clients), projects=tuple(projects),
            entries=tuple(read_entries), features=ws.features, is_admin=is_admin,
            period=period,
            entry_times_local=True,  # the report was asked for in the owner's own zone
            web_url=web_url_for(self.core_url, ws.subdomain))


class _RangeRefused(Exception):
    """The report's first page was refused with a 400 (e.g. a range too long for the plan)."""


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


def choose_workspace(spaces: Sequence[Workspace], wanted: str | None,
                     explicit: bool = False) -> Workspace:
    """The workspace by id or exact name; the first one when nothing is wanted."""
    if wanted:
        for ws in spaces:
            if wanted in (ws.id, ws.name):
                return ws
        if explicit:
            raise SyncCheckupError(connection.clockify_unknown_workspace(
                wanted, [ws.name for ws in spaces]))
    if not spaces:
        raise SyncCheckupError(connection.clockify_unknown_workspace(wanted or "", []))
    return spaces[0]


def _parse(parser: Any, *args: Any) -> Any:
    try:
        return parser(*args)
    except MalformedData:
        raise _unreachable("garbage") from None


def _path(url: str | None) -> str:
    """The URL path only, for logs (no host-specific or query details)."""
    return urlsplit(url or "").path


def _error_code(response: requests.Response) -> str:
    try:
        body = json.loads(response.text or "null")
    except ValueError:
        return "?"
    return str(body.get("code", "?")) if isinstance(body, dict) else "?"


# --- what the command line and the wizard call --------------------------------------------------

def _client(api_key: str, session: requests.Session | None = None,
            cancel: CancelToken | None = None) -> ClockifyClient:
    return ClockifyClient(session or new_session(), api_key,
                          os.environ.get(ENV_API_URL) or None,
                          os.environ.get(ENV_REPORTS_URL) or None, cancel=cancel)


def _stored_key() -> str | None:
    value = secrets.get(KEY_ENTRY, env=ENV_KEY)
    return value.strip() if value and value.strip() else None


@dataclass(frozen=True)
class Reached:
    """Where a key was read: its owner (whose key entry it is) and the region's API bases."""

    account: str
    core_url: str
    reports_url: str


def read_workspace(api_key: str | None, workspace: str | None, period: tuple[dt.date, dt.date],
                   progress: Progress, cancel: CancelToken | None, *,
                   core_url: str | None = None, reports_url: str | None = None
                   ) -> tuple[ClockifySide, Reached | None]:
    """One workspace read with one key (a saved company's, or the live settings'); a connection
    failure becomes the side's problem. `Reached` says where, when the read succeeded."""
    if not api_key:
        return ClockifySide(source="api", problem=_key_invalid().side_problem()), None
    client = ClockifyClient(new_session(), api_key, core_url, reports_url, cancel=cancel)
    try:
        data = client.read(period, workspace, progress)
        owner = client.user()
    except ClockifyProblem as problem:
        return ClockifySide(source="api", problem=problem.side_problem()), None
    finally:
        log.info("Clockify: %s requests", client.requests_sent)
        client.session.close()
    reached = Reached(owner.id, client.core_url or "", client.reports_url or "")
    return ClockifySide(source="api", data=data), reached


def read_side(period: tuple[dt.date, dt.date], progress: Progress,
              cancel: CancelToken) -> ClockifySide:
    """The Clockify side of a run from the live settings or the wizard's stored key."""
    return read_workspace(_stored_key(), os.environ.get(ENV_WORKSPACE) or None, period, progress,
                          cancel, core_url=os.environ.get(ENV_API_URL) or None,
                          reports_url=os.environ.get(ENV_REPORTS_URL) or None)[0]


def has_stored_key() -> bool:
    """Whether the wizard kept a key in the keyring (the environment variable is not counted)."""
    return bool(secrets.get(KEY_ENTRY))


def store_key(key: str) -> None:
    """Keep the key in the OS keyring; raises `NoKeyring` when there is none."""
    secrets.put(KEY_ENTRY, key.strip())


def forget_key() -> None:
    secrets.delete(KEY_ENTRY)


def list_workspaces(api_key: str) -> list[Workspace]:
    """The workspaces this key can see (for the connect page); raises `ClockifyProblem`."""
    client = _client(api_key)
    try:
        client.user()
        return client.workspaces()
    finally:
        client.session.close()


def check_key(api_key: str) -> str | None:
    """None when Clockify accepts the key, else the sentence to show next to the key field."""
    if not api_key.strip():
        return str(_key_invalid())
    client = _client(api_key)
    try:
        client.user()
    except ClockifyProblem as problem:
        return str(problem)
    finally:
        client.session.close()
    return None
