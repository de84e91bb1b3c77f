"""Reads one QuickBooks Online company, read-only: plan, preferences and the three name lists.

The plan, the settings and the three lists are read side by side, and a list longer than one page
is counted (`SELECT COUNT(*)`) after its first page so that its other pages can be read a few at a
time too: at most `WORKERS` requests in flight (Intuit allows 10 per company and app) and
`PER_MINUTE` started in any minute (Intuit allows 500); a 429 on any thread pauses them all.
Every call carries `minorversion=75` and `Accept: application/json`. Every failed call is
logged with its status, fault code and `intuit_tid` (what Intuit support asks for) — never a
token or the fault's free text. A 401 gets one refresh and one retry; throttling (429 / 3001)
is waited out; whatever still fails becomes a typed error whose sentence the connection check
shows.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
from urllib3.util.retry import Retry

from wizard.core.errors import (
    IntuitKeysMissing,
    MalformedData,
    NoKeyring,
    QboReconnectNeeded,
    QboUnreachable,
    SyncCheckupError,
)
from wizard.core.links import QUICKBOOKS_SANDBOX_WEB, QUICKBOOKS_WEB
from wizard.core.model import QuickBooksData, QuickBooksSide, SideProblem
from wizard.sources import intuit
from wizard.sources import quickbooks_json as qj
from wizard.sources.paging import Later, PageTally, RequestGate, ThreadSessions, in_order
from wizard.sources.progress import CancelToken, Progress, no_progress
from wizard.sources.quickbooks_http import TIMEOUT_S, answer_of, bearer, company_url, with_version
from wizard.sources.sent import SignallingAdapter, when_sent
from wizard.storage import secrets
from wizard.text import _

log = logging.getLogger(__name__)

ENV_API_URL = "SYNC_CHECKUP_QBO_API_URL"
PRODUCTION_API_URL = "https://quickbooks.api.intuit.com"
SANDBOX_API_URL = "https://sandbox-quickbooks.api.intuit.com"
PAGE_SIZE = 1000
WORKERS = 5  # in flight at once: half Intuit's 10, and the five first reads go in one wave
PER_MINUTE = 250  # requests started in any minute: half Intuit's 500
BACKOFF_S = (2.0, 4.0, 8.0)  # throttling, when no Retry-After says otherwise
SERVER_RETRIES = 2  # 5xx, dropped connections and timeouts, after urllib3's connect retries
MAX_RETRY_AFTER_S = 60.0
SLEEP: Callable[[float], None] = time.sleep  # tests shorten the waits through this


def query_statement(entity: str, start: int, size: int = PAGE_SIZE) -> str:
    """Inactive rows too: without the filter QuickBooks returns only active ones."""
    return (f"SELECT * FROM {entity} WHERE Active IN (true, false) "
            f"STARTPOSITION {start} MAXRESULTS {size}")


def count_statement(entity: str) -> str:
    """How many rows `query_statement` pages through."""
    return f"SELECT COUNT(*) FROM {entity} WHERE Active IN (true, false)"


def make_session() -> requests.Session:
    """A session that retries failed connects (never a request that may have reached Intuit)
    and says when a request has left (`sent.when_sent`)."""
    session = requests.Session()
    retry = Retry(total=1, connect=1, read=0, status=0, other=0, backoff_factor=0.5,
                  allowed_methods=frozenset({"GET"}), raise_on_status=False)
    session.mount("https://", SignallingAdapter(max_retries=retry))
    session.mount("http://", SignallingAdapter(max_retries=retry))
    return session


class QuickBooksClient:
    """The read-only Accounting API calls of one company; takes its session (tests, replay)."""

    def __init__(self, session: requests.Session, base_url: str, realm_id: str,
                 tokens: intuit.TokenSource, *, sleep: Callable[[float], None] | None = None,
                 workers: int = WORKERS, per_minute: int | None = PER_MINUTE) -> None:
        self.session = session
        self.base_url = base_url.rstrip("/")
        self.realm_id = realm_id
        self.tokens = tokens
        self._sleep = sleep if sleep is not None else (lambda seconds: SLEEP(seconds))
        self.workers = max(1, workers)
        self.gate = RequestGate(self.workers, per_minute, 60.0, sleep=self._sleep)
        # The environment's proxies and CA bundle, read once: requests reads them on every
        # request otherwise (walking os.environ twice, ~0.2 ms), also on the way to asking a
        # page that another waits for. Every request passes them; worker sessions don't read
        # the environment again (nor `.netrc`, whose login would replace the bearer token).
        found = session.merge_environment_settings(self.base_url, {}, None, None, None)
        self._environment = {key: found[key] for key in ("proxies", "verify", "cert")}
        self._sessions = ThreadSessions(session, trust_env=False)
        self._count_lock = threading.Lock()
        self.requests_made = 0

    # --- one call ---------------------------------------------------------------------------

    def get(self, resource: str, params: dict[str, str] | None = None,
            cancel: CancelToken | None = None,
            decode: Callable[[bytes], Any | None] | None = None,
            on_sent: Callable[[], None] | None = None) -> Any:
        """One GET with refresh-on-401, throttling back-off and server-error retries.

        `decode`: reads a 200 answer's bytes straight to what the caller wants, or gives None,
        and the answer is then read the general way (faults, errors, retries).
        `on_sent`: run once, when the first try has left (`sent.when_sent`)."""
        url = company_url(self.base_url, self.realm_id, resource)
        query = with_version(params)
        refreshed = False
        throttled = 0
        failures = 0
        while True:
            if cancel is not None:
                cancel.raise_if_cancelled()
            token = self.tokens.access_token()
            session = self._sessions.current()
            try:
                with self.gate.slot(cancel):
                    with self._count_lock:
                        self.requests_made += 1
                    with when_sent(session, url, on_sent):
                        response = session.get(url, params=query, headers=bearer(token),
                                               timeout=TIMEOUT_S, stream=True,
                                               **self._environment)
                        _read_whole(response)
            except requests.RequestException as exc:
                on_sent = None
                failures += 1
                log.warning("QuickBooks %s: %s (try %d)", resource.split("?")[0],
                            type(exc).__name__, failures)
                if failures > SERVER_RETRIES:
                    raise QboUnreachable(QboUnreachable.NETWORK) from None
                self._sleep(float(failures))
                continue
            on_sent = None
            if decode is not None and response.status_code == 200:
                typed = decode(response.content)
                if typed is not None:
                    return typed
            answer = answer_of(response)
            status, body, fault, code = answer.status, answer.body, answer.fault, answer.code
            if answer.ok:
                return body
            log.warning("QuickBooks %s failed: HTTP %s, fault code %s, type %s, intuit_tid %s",
                        resource.split("/")[0], status, code, fault.type if fault else None,
                        answer.tid)
            if status == 401:
                if refreshed:
                    raise QboReconnectNeeded(QboReconnectNeeded.EXPIRED)
                refreshed = True
                self.tokens.refresh(token)
                continue
            if status == 403 or code in ("3100", "100", "120"):
                raise QboReconnectNeeded(QboReconnectNeeded.REFUSED)
            if status == 429 or code == "3001":
                if throttled >= len(BACKOFF_S):
                    raise QboUnreachable(QboUnreachable.BUSY)
                wait = _retry_after(response) or BACKOFF_S[throttled]
                self.gate.hold(wait)  # the other threads wait too; this one sleeps it out
                self._sleep(wait)
                throttled += 1
                continue
            if status >= 500 or (status == 200 and body is None):
                failures += 1
                if failures > SERVER_RETRIES:
                    raise QboUnreachable(QboUnreachable.SERVER if status >= 500
                                         else QboUnreachable.GARBLED)
                self._sleep(float(failures))
                continue
            raise QboUnreachable(QboUnreachable.REFUSED_QUERY if status == 400 or fault
                                 else QboUnreachable.GARBLED)

    # --- the reads --------------------------------------------------------------------------

    def company_info(self, cancel: CancelToken | None = None) -> Any:
        return self.get(f"companyinfo/{self.realm_id}", cancel=cancel)

    def preferences(self, cancel: CancelToken | None = None) -> Any:
        return self.get("preferences", cancel=cancel)

    def _query_page(self, entity: str, start: int, cancel: CancelToken | None,
                    parse: Callable[[list[Any]], list[Any]] = list,
                    decode: Callable[[bytes], qj.ParsedPage | None] | None = None,
                    on_sent: Callable[[], None] | None = None) -> list[Any] | qj.ParsedPage:
        """One page: `decode` of its bytes when it reads them (a plain page; its records are
        built from it later, and can't fail by then), else its rows' records through `parse`.
        Either way one row per record, so its length says whether the page was full."""
        try:
            body = self.get("query", {"query": query_statement(entity, start)}, cancel, decode,
                            on_sent)
        except MalformedData:  # from `decode`: a record this app can't read
            log.warning("QuickBooks sent records this app can't read")
            raise QboUnreachable(QboUnreachable.GARBLED) from None
        if isinstance(body, qj.ParsedPage):
            return body
        try:
            rows = qj.query_rows(body, entity)
        except MalformedData:
            log.warning("QuickBooks query for %s answered without a QueryResponse", entity)
            raise QboUnreachable(QboUnreachable.GARBLED) from None
        return self._parsed(parse, rows)

    @staticmethod
    def _parsed(parse: Callable[[list[Any]], list[Any]], rows: list[Any]) -> list[Any]:
        try:
            return parse(rows)
        except MalformedData:
            log.warning("QuickBooks sent records this app can't read")
            raise QboUnreachable(QboUnreachable.GARBLED) from None

    def count(self, entity: str, cancel: CancelToken | None = None) -> int:
        body = self.get("query", {"query": count_statement(entity)}, cancel)
        try:
            return qj.query_count(body)
        except MalformedData:
            log.warning("QuickBooks count of %s answered without a totalCount", entity)
            raise QboUnreachable(QboUnreachable.GARBLED) from None

    def query_all(self, entity: str, cancel: CancelToken | None = None,
                  pages: PageTally | None = None,
                  parse: Callable[[list[Any]], list[Any]] = list,
                  decode: Callable[[bytes], qj.ParsedPage | None] | None = None,
                  on_sent: Callable[[], None] | None = None) -> list[Any]:
        """Every row of `entity`, active or not, 1000 a page, as records: each page through
        `decode` when it reads it, else through `parse` (the rows as they are by default).
        Both give one record per row, so a page's records say whether it was full.
        `on_sent`: run once the first page's request has left (`sent.when_sent`).

        The first two pages are read one after the other, as before: a list that ends there
        costs exactly what plain paging costs. The second is asked as soon as the first is
        known to be full: when `decode` read the first, its records are built only once the
        second's request has left, on a thread of their own, while the second is on its way.
        After two full pages, `COUNT(*)` says how many pages remain and they are read a few at
        a time, in order, each page read into records on the thread that read it while the
        others are still on their way; that one extra request buys reading, say, 30 pages of
        customers about four times as fast."""
        def page_at(at: int, sent: Callable[[], None] | None = None) -> list[Any] | qj.ParsedPage:
            if pages is not None:
                pages.expect(1)
            page = self._query_page(entity, at, cancel, parse, decode, sent)
            if pages is not None:
                pages.done()
            return page

        def records_at(at: int) -> list[Any]:
            return _records(self._query_page(entity, at, cancel, parse, decode))

        first = page_at(1, on_sent)
        if len(_rows(first)) < PAGE_SIZE:
            return _records(first)
        built = Later(lambda: first.records) if isinstance(first, qj.ParsedPage) else None
        start = 1 + PAGE_SIZE
        try:
            second = _records(page_at(start, built.start if built is not None else None))
        finally:
            if built is not None:
                built.join()
        out = built.result() if built is not None else _records(first)
        out.extend(second)
        if len(second) < PAGE_SIZE:
            return out
        start += PAGE_SIZE
        total = self.count(entity, cancel)
        starts = list(range(start, total + 1, PAGE_SIZE)) or [start]
        if pages is not None:
            pages.expect(len(starts))

        def read_at(at: int) -> Callable[[], list[Any]]:
            def read_page() -> list[Any]:
                found = records_at(at)
                if pages is not None:
                    pages.done()
                return found
            return read_page

        found = in_order([read_at(at) for at in starts], self.workers, cancel or CancelToken(),
                         self._sessions)
        for records in found:
            out.extend(records)
        start = starts[-1] + PAGE_SIZE
        size = len(found[-1])
        while size == PAGE_SIZE:  # rows were added since the count: page on
            page = records_at(start)
            size = len(page)
            out.extend(page)
            start += PAGE_SIZE
        return out

    def read(self, progress: Progress = no_progress,
             cancel: CancelToken | None = None) -> QuickBooksData:
        """The plan, the settings and the three lists, side by side."""
        progress(_("Reading the QuickBooks company and its plan"), 0, 0)
        pages = PageTally(progress, "QuickBooks")

        def one(read_page: Callable[[], Any]) -> Callable[[], Any]:
            def counted() -> Any:
                pages.expect(1)
                body = read_page()
                pages.done()
                return body
            return counted

        def entity_list(entity: str, parse: Callable[[list[Any]], list[Any]],
                        decode: Callable[[bytes], qj.ParsedPage | None] | None = None,
                        on_sent: Callable[[], None] | None = None) -> Callable[[], list[Any]]:
            return lambda: self.query_all(entity, cancel, pages, parse, decode, on_sent)

        # customers first: the longest list, whose second page can only be asked once its first
        # has come back. Its first request leaves alone; the four that need one round trip
        # start once it has left (`in_order`'s `first_left`), so that they don't hold it back.
        customers_left = threading.Event()
        calls: list[Callable[[], Any]] = [
            entity_list("Customer", qj.parse_customers, qj.decode_customer_page,
                        customers_left.set),
            one(lambda: self.company_info(cancel)), one(lambda: self.preferences(cancel)),
            entity_list("Employee", qj.parse_name_records),
            entity_list("Vendor", qj.parse_name_records)]
        customers, info_body, prefs_body, employees, vendors = in_order(
            calls, self.workers, cancel or CancelToken(), self._sessions, customers_left)
        try:
            return QuickBooksData(
                company=qj.parse_company_info(info_body),
                preferences=qj.parse_preferences(prefs_body),
                employees=tuple(employees), vendors=tuple(vendors), customers=tuple(customers),
                web_url=web_url_for(self.base_url))
        except MalformedData:
            log.warning("QuickBooks sent records this app can't read")
            raise QboUnreachable(QboUnreachable.GARBLED) from None


def _read_whole(response: requests.Response) -> None:
    """The answer's body read in one piece, as `response.content` then gives it: requests
    reads a body 10 KB at a time (16 reads for a page of 1000 customers, each giving up the
    interpreter lock and waiting to get it back), on the way to asking the next page. Read
    errors are requests' own, as before."""
    response._content = b"".join(response.iter_content(None))


def _rows(page: list[Any] | qj.ParsedPage) -> list[Any]:
    return page.rows if isinstance(page, qj.ParsedPage) else page


def _records(page: list[Any] | qj.ParsedPage) -> list[Any]:
    return page.records if isinstance(page, qj.ParsedPage) else page


def web_url_for(api_url: str) -> str:
    """The company's web app: the sandbox's for a sandbox API, else production's."""
    host = urlsplit(api_url).hostname or ""
    return QUICKBOOKS_SANDBOX_WEB if host.startswith("sandbox") else QUICKBOOKS_WEB


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    try:
        seconds = float(value) if value is not None else None
    except ValueError:
        return None
    if seconds is None or seconds < 0:
        return None
    return min(seconds, MAX_RETRY_AFTER_S)


# --- the module's face: what gather, the CLI and the wizard call -------------------------------

@dataclass(frozen=True, slots=True)
class ConnectionState:
    """This app's own QuickBooks connection, for the Reconnect page."""

    connected: bool
    realm_id: str | None = None
    company_name: str | None = None
    source: str | None = None  # "keyring" (signed in here) or "env" (variables)
    sentence: str = ""


def api_url() -> str:
    """SYNC_CHECKUP_QBO_API_URL, else the API that goes with the app keys' environment."""
    if os.environ.get(ENV_API_URL):
        return os.environ[ENV_API_URL]
    try:
        env = intuit.load_app_keys().environment.lower()
    except IntuitKeysMissing:
        env = "production"
    return SANDBOX_API_URL if env in ("sandbox", "sand") else PRODUCTION_API_URL


def _tokens() -> intuit.Tokens:
    from_env = intuit.Tokens.from_env()
    return from_env if from_env is not None else intuit.Tokens.from_keyring()


def read_side(progress: Progress = no_progress,
              cancel: CancelToken | None = None) -> QuickBooksSide:
    """The live company as a side; a connection failure becomes the side's problem."""
    return read_company(_tokens, api_url, progress, cancel)


def read_company(tokens_from: Callable[[], intuit.Tokens], base_url: Callable[[], str],
                 progress: Progress = no_progress,
                 cancel: CancelToken | None = None) -> QuickBooksSide:
    """One company read with its own sign-in (the live settings', or a saved company's)."""
    try:
        tokens = tokens_from()
        session = make_session()
        try:
            client = QuickBooksClient(session, base_url(), tokens.realm_id, tokens)
            data = client.read(progress, cancel)
        finally:
            session.close()
    except (QboReconnectNeeded, IntuitKeysMissing, NoKeyring) as exc:
        return QuickBooksSide(source="api",
                              problem=SideProblem(QboReconnectNeeded.code, str(exc)))
    except QboUnreachable as exc:
        return QuickBooksSide(source="api", problem=SideProblem(QboUnreachable.code, str(exc)))
    if tokens.persist and data.company.company_name:
        with contextlib.suppress(NoKeyring):
            secrets.put(intuit.key_company(tokens.realm_id), data.company.company_name,
                        secret=False)
    return QuickBooksSide(source="api", data=data)


def has_stored_login() -> bool:
    """Whether Sign in with Intuit left a usable sign-in in the keyring."""
    try:
        realm = intuit.current_realm()
        return bool(realm and secrets.get(intuit.key_refresh(realm)))
    except SyncCheckupError:
        return False


def connection_state() -> ConnectionState:
    """No network: what the keyring (or the environment) says about the connection."""
    if os.environ.get(intuit.ENV_ACCESS) or os.environ.get(intuit.ENV_REFRESH):
        realm = os.environ.get(intuit.ENV_REALM)
        return ConnectionState(True, realm, None, "env", _(
            "Connected to QuickBooks through the `SYNC_CHECKUP_QBO_*` settings."))
    if not secrets.available():
        return ConnectionState(False, sentence=str(NoKeyring()))
    realm = intuit.current_realm()
    if not realm or not secrets.get(intuit.key_refresh(realm)):
        return ConnectionState(False, sentence=_("Not connected to QuickBooks."))
    company = secrets.get(intuit.key_company(realm), secret=False)
    if company:
        sentence = _("Connected to QuickBooks (“{company}”).").format(company=company)
    else:
        sentence = _("Connected to QuickBooks (company {realm}).").format(realm=realm)
    return ConnectionState(True, realm, company, "keyring", sentence)


def disconnect() -> str:
    """Revoke at Intuit and forget the sign-in here; a plain sentence saying what happened."""
    if os.environ.get(intuit.ENV_ACCESS) or os.environ.get(intuit.ENV_REFRESH):
        note = " " + _("The `SYNC_CHECKUP_QBO_*` settings still give a connection; remove them "
                       "too.")
    else:
        note = ""
    if not secrets.available():
        return _("Nothing to disconnect: this computer has no usable password store.") + note
    return intuit.revoke_and_forget() + note
