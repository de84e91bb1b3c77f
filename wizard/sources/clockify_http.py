"""Talking to Clockify: its hosts, the polite session, failures as one sentence, and the
connection every read goes through.

Facts from the Clockify reference: `X-Api-Key` auth; core and reports hosts per data region,
detected by asking `GET /user` of each in turn (§3), the region remembered for the key first
when there is one; bare-array lists paged with `page` /
`page-size` and a `Last-Page` header (§5). At most `WORKERS` requests are in flight and
`1 / MIN_INTERVAL` started in any one second, half Clockify's 50 (`wizard.sources.paging`).
Requests are retried by urllib3 on 429/5xx and dropped connections (honouring `Retry-After`,
backoff 1, 2, 4, 8 s, bounded in count and total time); a 429 on any thread pauses every thread
of the client for that wait.
"""

from __future__ import annotations

import json
import logging
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
from wizard.core.model import SideProblem
from wizard.redact import register_secret
from wizard.sources import clockify_json as cj
from wizard.sources.clockify_json import KeyOwner
from wizard.sources.paging import PageTally, RequestGate, ThreadSessions
from wizard.sources.progress import CancelToken
from wizard.text import connection

log = logging.getLogger(__name__)

PAGE_SIZE = 1000  # ≤ 1000 everywhere (reference §5); 5000 was once answered with a 400
FALLBACK_PAGE_SIZE = 200  # after a 400 on the first page of a core list
MAX_PAGES = 10_000  # a runaway server must not keep us reading forever
MIN_INTERVAL = 1 / 25  # at most 25 requests started in any second: half the documented 50
# requests in flight at once, per client. Clockify limits a rate (50 a second), not a number in
# flight; the gate's 25 a second is what keeps to it. 12 lets those 25 start when a round trip
# takes up to half a second, and a 12,000-entry report's other 11 pages go out in one round.
WORKERS = 12
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


def key_invalid() -> ClockifyProblem:
    return ClockifyProblem("CLOCKIFY_KEY_INVALID", "key_rejected")


def unreachable(detail_key: str) -> ClockifyProblem:
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


# --- the connection ------------------------------------------------------------------------------

def reports_url_for(core_url: str) -> str:
    """The reports base that goes with a core base (global: another host; else `/report/v1`)."""
    base = core_url.rstrip("/")
    if "://api.clockify.me/" in base + "/":
        return "https://reports.api.clockify.me/v1"
    if base.endswith("/api/v1"):
        return base[: -len("/api/v1")] + "/report/v1"
    return base


class ClockifyConnection:
    """One Clockify account's key, hosts, session and request gate: every request goes through
    `send` and every answer through `decode`. Raises `ClockifyProblem` for anything that stops
    the read; its `code` is the connection finding to show."""

    def __init__(self, session: requests.Session, api_key: str, core_url: str | None = None,
                 reports_url: str | None = None, *, regions: Sequence[Region] = REGIONS,
                 timeout: tuple[float, float] = TIMEOUT, min_interval: float = MIN_INTERVAL,
                 workers: int = WORKERS, cancel: CancelToken | None = None,
                 try_first: Region | None = None) -> None:
        register_secret(api_key)
        self.session = session
        self._key = api_key.strip()
        self.core_url = core_url.rstrip("/") if core_url else None
        if reports_url:
            self.reports_url: str | None = reports_url.rstrip("/")
        else:
            self.reports_url = reports_url_for(self.core_url) if self.core_url else None
        self.regions = tuple(regions)
        self.try_first = try_first  # the region this key was found in before, if known
        self.region: Region | None = None  # the region detection found (None: URLs were given)
        self.timeout = timeout
        self.min_interval = min_interval
        self.workers = max(1, workers)
        self.gate = RequestGate(self.workers,
                                round(1 / min_interval) if min_interval > 0 else None, 1.0)
        self.sessions = ThreadSessions(session)
        self.cancel = cancel or CancelToken()
        self._count_lock = threading.Lock()
        self.requests_sent = 0
        self._owner: KeyOwner | None = None
        self._core_page_size = PAGE_SIZE

    def send(self, method: str, url: str, *, params: Mapping[str, str] | None = None,
              body: Mapping[str, Any] | None = None) -> requests.Response:
        self.cancel.raise_if_cancelled()
        headers = {"X-Api-Key": self._key, "Accept": "application/json"}
        session = self.sessions.current()
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
            raise unreachable("tls") from None
        except requests.exceptions.Timeout:
            log.warning("Clockify: timeout on %s %s", method, _path(url))
            raise unreachable("timeout") from None
        except requests.exceptions.RetryError:
            log.warning("Clockify: retries exhausted on %s %s", method, _path(url))
            raise unreachable("keeps_failing") from None
        except requests.exceptions.RequestException as exc:
            log.warning("Clockify: no answer on %s %s (%s)", method, _path(url),
                        type(exc).__name__)
            raise unreachable("no_answer") from None

    def decode(self, response: requests.Response,
               decode: Callable[[bytes], Any] | None = None) -> Any:
        """The decoded body of a successful answer (`decode` of its bytes, else its JSON); a
        `ClockifyProblem` for anything else."""
        status = response.status_code
        if status == 200:
            try:
                return decode(response.content) if decode else response.json()
            except (ValueError, MalformedData):
                log.warning("Clockify: unreadable answer to %s", _path(response.url))
                raise unreachable("garbage") from None
        log.warning("Clockify: HTTP %s on %s (code %s)", status, _path(response.url),
                    error_code(response))
        if status == 401:
            raise key_invalid()
        if status == 429:
            raise unreachable("rate_limited")
        if status == 403:
            raise unreachable("refused")
        if status >= 500:
            raise unreachable("keeps_failing")
        raise unreachable("garbage")

    def get_json(self, path: str, params: Mapping[str, str] | None = None) -> Any:
        return self.decode(self.send("GET", self.core_base() + path, params=params))

    def core_base(self) -> str:
        if self.core_url is None:
            self.detect_region()
        assert self.core_url is not None
        return self.core_url

    def paged(self, path: str, params: Mapping[str, str],
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
            response = self.send("GET", self.core_base() + path, params=query)
            if response.status_code == 400 and page == 1 and size > FALLBACK_PAGE_SIZE:
                log.info("Clockify: page size %s refused on %s; using %s", size, path,
                         FALLBACK_PAGE_SIZE)
                self._core_page_size = FALLBACK_PAGE_SIZE
                continue
            rows = self.decode(response)
            if not isinstance(rows, list):
                raise unreachable("garbage")
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

    # -- whose key it is, and where --

    def detect_region(self) -> KeyOwner:
        """Ask each region's `GET /user` in turn until one accepts the key, and fix both base
        URLs. `try_first` (the region remembered for this key) is asked before the others; when
        it refuses the key or can't be reached, every other region is asked as usual."""
        if self.core_url is not None:
            return self.user()
        first = self.try_first
        order = ([first] if first is not None else []) + [r for r in self.regions if r != first]
        some_unreachable = False
        for region in order:
            try:
                response = self.send("GET", region.core_url + "/user")
            except ClockifyProblem:
                if self.regions and region == self.regions[0]:
                    raise  # the global host is down: most likely no network at all
                some_unreachable = True
                if region == first:
                    log.info("Clockify: the key's remembered region %s is out of reach; asking "
                             "every region", region.name)
                continue
            if response.status_code == 401:
                if region == first:
                    log.info("Clockify: the key's remembered region %s refused it; asking every "
                             "region", region.name)
                continue
            owner = parsed(cj.parse_user, self.decode(response))
            self.core_url, self.reports_url = region.core_url, region.reports_url
            self.region = region
            if region.name != "global":
                log.info("Clockify: the key belongs to data region %s", region.name)
            self._owner = owner
            return owner
        if some_unreachable:
            raise unreachable("no_answer")
        raise key_invalid()

    def user(self) -> KeyOwner:
        if self._owner is None:
            if self.core_url is None:
                return self.detect_region()
            self._owner = parsed(cj.parse_user, self.get_json("/user"))
        return self._owner


def parsed(parser: Any, *args: Any) -> Any:
    try:
        return parser(*args)
    except MalformedData:
        raise unreachable("garbage") from None


def _path(url: str | None) -> str:
    """The URL path only, for logs (no host-specific or query details)."""
    return urlsplit(url or "").path


def error_code(response: requests.Response) -> str:
    try:
        body = json.loads(response.text or "null")
    except ValueError:
        return "?"
    return str(body.get("code", "?")) if isinstance(body, dict) else "?"


