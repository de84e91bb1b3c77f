"""The QuickBooks reads against the loopback fake: paging, inactive rows, faults, back-off."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.fakes.intuit_server import CLIENT_ID, CLIENT_SECRET, REALM, FakeIntuit, MemoryKeyring
from tests.fakes.quickbooks_server import FakeQuickBooks, customer, person
from wizard.core.errors import Cancelled, QboReconnectNeeded, QboUnreachable
from wizard.sources import intuit, quickbooks, sent
from wizard.sources import quickbooks_json as qj
from wizard.sources.progress import CancelToken
from wizard.sources.quickbooks import QuickBooksClient, make_session
from wizard.storage import secrets

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fakes(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[FakeIntuit, FakeQuickBooks]]:
    with FakeIntuit() as fake_intuit, FakeQuickBooks(fake_intuit) as fake_qbo:
        monkeypatch.setenv(intuit.ENV_CLIENT_ID, CLIENT_ID)
        monkeypatch.setenv(intuit.ENV_CLIENT_SECRET, CLIENT_SECRET)
        monkeypatch.setenv(intuit.ENV_DISCOVERY_URL, fake_intuit.discovery_url)
        monkeypatch.setenv(quickbooks.ENV_API_URL, fake_qbo.url)
        monkeypatch.setattr(quickbooks, "SLEEP", lambda seconds: None)
        yield fake_intuit, fake_qbo


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def client_for(fake_intuit: FakeIntuit, fake_qbo: FakeQuickBooks, sleeps: Sleeps | None = None
               ) -> QuickBooksClient:
    grant = fake_intuit.issue()
    tokens = intuit.Tokens(REALM, refresh_token=grant.refresh, access_token=grant.access,
                           persist=False)
    return QuickBooksClient(make_session(), fake_qbo.url, REALM, tokens,
                            sleep=sleeps if sleeps is not None else Sleeps())


def test_reads_plan_settings_and_every_list_including_inactive(
        fakes: tuple[FakeIntuit, FakeQuickBooks]) -> None:
    fake_intuit, fake_qbo = fakes
    data = client_for(fake_intuit, fake_qbo).read()
    assert data.company.offering_sku == "QuickBooks Online Plus"
    assert data.company.payroll is False
    assert data.preferences.time_tracking_enabled is True
    assert {e.display_name: e.active for e in data.employees or ()} == {
        "Maria Lopez": True, "John Smith": True, "Dana Reyes": False}
    assert [c.fully_qualified_name for c in data.customers or ()] == [
        "Acme Corp", "Acme Corp:Website Redesign", "Office Admin"]
    assert all("WHERE Active IN (true, false)" in q for q in fake_qbo.queries)
    assert all(h.startswith("Bearer eyJfakeAccess") for h in fake_qbo.auth_headers)


def test_the_fake_leaves_inactive_rows_out_without_the_filter(
        fakes: tuple[FakeIntuit, FakeQuickBooks]) -> None:
    fake_intuit, fake_qbo = fakes
    client = client_for(fake_intuit, fake_qbo)
    body = client.get("query", {"query": "SELECT * FROM Employee STARTPOSITION 1 MAXRESULTS 10"})
    assert [r["DisplayName"] for r in body["QueryResponse"]["Employee"]] == [
        "Maria Lopez", "John Smith"]
    none = client.get("query", {"query": "SELECT * FROM Vendor WHERE Active = false"})
    assert none["QueryResponse"] == {}


def test_1150_customers_take_two_pages(fakes: tuple[FakeIntuit, FakeQuickBooks]) -> None:
    fake_intuit, fake_qbo = fakes
    fake_qbo.lists["Customer"] = [customer(i, f"Customer {i:04d}", active=i % 7 != 0)
                                  for i in range(1, 1151)]
    data = client_for(fake_intuit, fake_qbo).read()
    assert len(data.customers or ()) == 1150
    pages = [q for q in fake_qbo.queries if "FROM Customer" in q]
    assert [p.split("STARTPOSITION ")[1] for p in pages] == ["1 MAXRESULTS 1000",
                                                             "1001 MAXRESULTS 1000"]


def test_exactly_1000_rows_ask_once_more_and_get_an_empty_page(
        fakes: tuple[FakeIntuit, FakeQuickBooks]) -> None:
    fake_intuit, fake_qbo = fakes
    fake_qbo.lists["Employee"] = [person(i, f"Person {i}") for i in range(1000)]
    rows = client_for(fake_intuit, fake_qbo).query_all("Employee")
    assert len(rows) == 1000
    assert len([q for q in fake_qbo.queries if "FROM Employee" in q]) == 2


def test_long_lists_are_counted_then_read_side_by_side_in_order(
        fakes: tuple[FakeIntuit, FakeQuickBooks]) -> None:
    fake_intuit, fake_qbo = fakes
    fake_qbo.lists["Customer"] = [customer(i, f"Customer {i:05d}") for i in range(1, 5501)]
    fake_qbo.latency = 0.03
    client = client_for(fake_intuit, fake_qbo)
    data = client.read()
    assert [c.display_name for c in data.customers or ()] == [
        f"Customer {i:05d}" for i in range(1, 5501)]
    asked = [q for q in fake_qbo.queries if "FROM Customer" in q]
    assert sum("COUNT(*)" in q for q in asked) == 1
    starts = sorted(int(q.split("STARTPOSITION ")[1].split()[0]) for q in asked
                    if "STARTPOSITION" in q)
    assert starts == [1, 1001, 2001, 3001, 4001, 5001]  # each page once, none past the end
    assert client.requests_made == 2 + 1 + 1 + 6 + 1  # plan, settings, two lists, pages, count
    assert 1 < client.gate.most_in_flight <= quickbooks.WORKERS <= 10



def test_the_five_first_reads_go_out_together(
        fakes: tuple[FakeIntuit, FakeQuickBooks]) -> None:
    """Company info, preferences and the first page of each of the three lists: one wave, so a
    small company costs two round trips, not three (issue 15's latency figure)."""
    fake_intuit, fake_qbo = fakes
    fake_qbo.latency = 0.2
    client = client_for(fake_intuit, fake_qbo)
    client.read()
    assert client.requests_made == 5
    assert client.gate.most_in_flight == 5


def test_the_customers_request_leaves_before_the_four_others_are_asked(
        fakes: tuple[FakeIntuit, FakeQuickBooks], monkeypatch: pytest.MonkeyPatch) -> None:
    """Customers' first page is on the critical path (its second page waits for it): the
    four reads of one round trip start only once its request has left, so that their threads
    don't hold it back. The customers list gives the others half a second to be asked first:
    none may be."""
    fake_intuit, fake_qbo = fakes
    events: list[str] = []
    lock = threading.Lock()
    another_asked = threading.Event()
    real_get = QuickBooksClient.get
    real_left = sent._request_left

    def asked(self: QuickBooksClient, resource: str, params: dict[str, str] | None = None,
              *args: object, **kwargs: object) -> object:
        what = (params or {}).get("query", resource).split(" WHERE")[0]
        with lock:
            events.append(f"asked {what}")
        if what == "SELECT * FROM Customer":
            another_asked.wait(0.5)
        else:
            another_asked.set()
        return real_get(self, resource, params, *args, **kwargs)  # type: ignore[arg-type]

    def left() -> None:
        if getattr(sent._waiting, "callback", None) is not None:  # someone waits for it
            with lock:
                events.append("left")
        real_left()

    monkeypatch.setattr(QuickBooksClient, "get", asked)
    monkeypatch.setattr(sent, "_request_left", left)
    client_for(fake_intuit, fake_qbo).read()
    assert events[:2] == ["asked SELECT * FROM Customer", "left"]
    assert sorted(events[2:]) == sorted(
        [f"asked companyinfo/{REALM}", "asked preferences", "asked SELECT * FROM Employee",
         "asked SELECT * FROM Vendor"])


def test_page_two_is_asked_before_page_one_is_built(
        fakes: tuple[FakeIntuit, FakeQuickBooks], monkeypatch: pytest.MonkeyPatch) -> None:
    """Page 1's thousand records are built (on a thread of their own) only once page 2 has
    been asked: building them first would keep page 2 waiting. Here page 1's records can't be
    built until the fake has seen page 2's query; built before it, they wait 10 s and fail."""
    fake_intuit, fake_qbo = fakes
    fake_qbo.lists["Customer"] = [customer(i, f"Customer {i:04d}") for i in range(1, 1151)]
    page_two_asked = threading.Event()
    real_query = fake_qbo.query

    def query(statement: str) -> tuple[int, dict[str, object]]:
        if "STARTPOSITION 1001" in statement:
            page_two_asked.set()
        return real_query(statement)

    fake_qbo.query = query  # type: ignore[method-assign]
    real_records = qj.ParsedPage.records.fget  # type: ignore[attr-defined]
    built_with_page_two_asked: list[bool] = []

    def records(page: qj.ParsedPage) -> list[object]:
        built_with_page_two_asked.append(page_two_asked.wait(10))
        return real_records(page)  # type: ignore[no-any-return]

    monkeypatch.setattr(qj.ParsedPage, "records", property(records))
    client = client_for(fake_intuit, fake_qbo)
    data = client.read()
    assert built_with_page_two_asked == [True, True]
    assert [c.display_name for c in data.customers or ()] == [
        f"Customer {i:04d}" for i in range(1, 1151)]
    assert client.requests_made == 6


@pytest.mark.parametrize(("rows", "why"), [(999, "one short of a page"), (1, "one row")])
def test_a_first_page_that_is_not_full_asks_no_second(
        fakes: tuple[FakeIntuit, FakeQuickBooks], rows: int, why: str) -> None:
    fake_intuit, fake_qbo = fakes
    fake_qbo.lists["Customer"] = [customer(i, f"Customer {i:04d}") for i in range(rows)]
    client = client_for(fake_intuit, fake_qbo)
    assert len(client.read().customers or ()) == rows, why
    assert len([q for q in fake_qbo.queries if "FROM Customer" in q]) == 1
    assert client.requests_made == 5


@pytest.mark.parametrize("name", [None, 42, ""])
def test_a_full_first_page_with_a_nameless_customer_is_garbled_without_a_second(
        fakes: tuple[FakeIntuit, FakeQuickBooks], name: object) -> None:
    """Refused as before, and without asking page 2 on the way (an empty name is a name)."""
    fake_intuit, fake_qbo = fakes
    fake_qbo.lists["Customer"] = [customer(i, f"Customer {i:04d}") for i in range(1, 1151)]
    fake_qbo.lists["Customer"][500]["DisplayName"] = name
    client = client_for(fake_intuit, fake_qbo)
    if name == "":
        assert len(client.read().customers or ()) == 1150
        assert len([q for q in fake_qbo.queries if "FROM Customer" in q]) == 2
        return
    with pytest.raises(QboUnreachable) as info:
        client.read()
    assert str(info.value) == QboUnreachable.GARBLED
    assert len([q for q in fake_qbo.queries if "FROM Customer" in q]) == 1


def test_proxy_settings_are_read_once_and_reach_every_request(
        fakes: tuple[FakeIntuit, FakeQuickBooks], monkeypatch: pytest.MonkeyPatch) -> None:
    """The environment's proxy is read once, when the client is made, rather than on each
    request, and still carries every request: the API's host here doesn't exist, and the
    fake answers as the proxy in front of it."""
    fake_intuit, fake_qbo = fakes
    fake_qbo.lists["Customer"] = [customer(i, f"Customer {i:04d}") for i in range(1, 1151)]
    for name in ("http_proxy", "HTTP_PROXY"):
        monkeypatch.setenv(name, fake_qbo.url)
    for name in ("no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    read_env: list[str] = []
    real_environ_proxies = requests.sessions.get_environ_proxies

    def environ_proxies(url: str, no_proxy: str | None = None) -> dict[str, str]:
        read_env.append(url)
        return real_environ_proxies(url, no_proxy)

    monkeypatch.setattr(requests.sessions, "get_environ_proxies", environ_proxies)
    grant = fake_intuit.issue()
    tokens = intuit.Tokens(REALM, refresh_token=grant.refresh, access_token=grant.access,
                           persist=False)
    client = QuickBooksClient(make_session(), "http://quickbooks.invalid", REALM, tokens)
    data = client.read()
    assert len(data.customers or ()) == 1150
    assert client.requests_made == 6
    assert read_env == ["http://quickbooks.invalid"]


def test_an_answer_is_read_in_one_piece(
        fakes: tuple[FakeIntuit, FakeQuickBooks], monkeypatch: pytest.MonkeyPatch) -> None:
    """A page of a thousand customers (about 150 KB) is read in one read, not 10 KB at a time
    as requests reads a body (each read gives up the interpreter lock on the way to asking
    the next page); what the client makes of it is the same."""
    import urllib3.response

    fake_intuit, fake_qbo = fakes
    fake_qbo.lists["Customer"] = [customer(i, f"Customer {i:04d}") for i in range(1, 1151)]
    reads: list[int | None] = []
    real_read = urllib3.response.HTTPResponse.read

    def read(self: urllib3.response.HTTPResponse, amt: int | None = None,
             *args: object, **kwargs: object) -> bytes:
        reads.append(amt)
        return real_read(self, amt, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(urllib3.response.HTTPResponse, "read", read)
    client = client_for(fake_intuit, fake_qbo)
    body = client.get("query", {"query": quickbooks.query_statement("Customer", 1)})
    assert len(body["QueryResponse"]["Customer"]) == 1000
    assert reads == [None]
    assert len(client.read().customers or ()) == 1150


def test_pages_after_the_count_are_parsed_as_they_arrive(
        fakes: tuple[FakeIntuit, FakeQuickBooks]) -> None:
    """Each page read side by side is parsed on the thread that read it (while the others are
    on their way); the records still come back whole and in order."""
    fake_intuit, fake_qbo = fakes
    fake_qbo.lists["Customer"] = [customer(i, f"Customer {i:05d}") for i in range(1, 4501)]
    fake_qbo.latency = 0.03
    parsed_on: list[tuple[int, int]] = []

    def parse(rows: list[object]) -> list[object]:
        parsed_on.append((threading.get_ident(), len(rows)))
        return [dict(row)["DisplayName"] for row in rows]  # type: ignore[call-overload]

    names = client_for(fake_intuit, fake_qbo).query_all("Customer", parse=parse)
    assert names == [f"Customer {i:05d}" for i in range(1, 4501)]
    here = threading.get_ident()
    assert sorted(n for t, n in parsed_on if t != here) == [500, 1000, 1000]  # pages 3 to 5
    # the two read one after another, each as it comes
    assert [n for t, n in parsed_on if t == here] == [1000, 1000]


def test_a_bad_record_on_a_later_page_is_garbled(
        fakes: tuple[FakeIntuit, FakeQuickBooks]) -> None:
    fake_intuit, fake_qbo = fakes
    fake_qbo.lists["Customer"] = [customer(i, f"Customer {i:05d}") for i in range(1, 3501)]
    fake_qbo.lists["Customer"][3200]["DisplayName"] = None
    with pytest.raises(QboUnreachable) as info:
        client_for(fake_intuit, fake_qbo).read()
    assert str(info.value) == QboUnreachable.GARBLED


def test_rows_added_after_the_count_are_still_read(
        fakes: tuple[FakeIntuit, FakeQuickBooks]) -> None:
    fake_intuit, fake_qbo = fakes
    fake_qbo.lists["Customer"] = [customer(i, f"Customer {i:05d}") for i in range(1, 3001)]
    real_query = fake_qbo.query

    def query_then_grow(statement: str) -> tuple[int, dict[str, object]]:
        answer = real_query(statement)
        if "COUNT(*)" in statement:  # 1,000 more arrive just after QuickBooks counted
            fake_qbo.lists["Customer"] += [customer(i, f"Customer {i:05d}")
                                           for i in range(3001, 4001)]
        return answer

    fake_qbo.query = query_then_grow  # type: ignore[method-assign]
    rows = client_for(fake_intuit, fake_qbo).query_all("Customer")
    assert len(rows) == 4000


def test_cancel_stops_the_quickbooks_pages(fakes: tuple[FakeIntuit, FakeQuickBooks]) -> None:
    fake_intuit, fake_qbo = fakes
    fake_qbo.lists["Customer"] = [customer(i, f"Customer {i:05d}") for i in range(1, 9001)]
    token = CancelToken()
    at_cancel: list[int] = []

    def progress(message: str, done: int, total: int) -> None:
        if done == 3 and not token.cancelled:
            token.cancel()
            at_cancel.append(len(fake_qbo.requests))

    client_for(fake_intuit, fake_qbo).read()
    whole = len(fake_qbo.requests)  # what the read asks when nobody cancels it
    fake_qbo.requests.clear()
    client = client_for(fake_intuit, fake_qbo)
    with pytest.raises(Cancelled):
        client.read(progress, token)
    # nothing starts after Cancel: only what was already on its way ends (how much that is
    # depends on the threads' timing, so the bound is the pool, not a fixed count)
    assert len(fake_qbo.requests) <= at_cancel[0] + quickbooks.WORKERS
    assert len(fake_qbo.requests) < whole


def test_expired_access_token_refresh_then_success(
        fakes: tuple[FakeIntuit, FakeQuickBooks]) -> None:
    fake_intuit, fake_qbo = fakes
    client = client_for(fake_intuit, fake_qbo)
    fake_intuit.expire_access_tokens()  # the server says 401; the client thought it was fresh
    assert client.company_info()["CompanyInfo"]["CompanyName"] == "Brightside Studio LLC"
    assert fake_intuit.calls == ["refresh_token"]
    assert client.requests_made == 2


def test_401_after_a_refresh_means_reconnect(fakes: tuple[FakeIntuit, FakeQuickBooks]) -> None:
    fake_intuit, fake_qbo = fakes
    fake_qbo.fail("401", "401")
    with pytest.raises(QboReconnectNeeded):
        client_for(fake_intuit, fake_qbo).preferences()
    assert fake_intuit.calls == ["refresh_token"]


def test_403_means_reconnect_with_the_tid_logged(
        fakes: tuple[FakeIntuit, FakeQuickBooks], caplog: pytest.LogCaptureFixture) -> None:
    fake_intuit, fake_qbo = fakes
    fake_qbo.fail("403")
    client = client_for(fake_intuit, fake_qbo)
    with caplog.at_level("WARNING"), pytest.raises(QboReconnectNeeded) as caught:
        client.company_info()
    assert str(caught.value) == QboReconnectNeeded.REFUSED
    assert "HTTP 403, fault code 3100" in caplog.text
    assert fake_qbo.tids[-1] in caplog.text
    assert fake_intuit.grants[0].access not in caplog.text


def test_throttling_honours_retry_after_then_backs_off(
        fakes: tuple[FakeIntuit, FakeQuickBooks]) -> None:
    fake_intuit, fake_qbo = fakes
    sleeps = Sleeps()
    fake_qbo.retry_after = "1"
    fake_qbo.fail("429")
    client = client_for(fake_intuit, fake_qbo, sleeps)
    assert client.preferences()["Preferences"]
    fake_qbo.retry_after = None
    fake_qbo.fail("429", "429")
    assert client.preferences()["Preferences"]
    assert sleeps == [1.0, 2.0, 4.0]
    fake_qbo.fail("429", "429", "429", "429")
    with pytest.raises(QboUnreachable) as caught:
        client.preferences()
    assert str(caught.value) == QboUnreachable.BUSY


@pytest.mark.parametrize(("faults", "ok"), [
    (("500",), True), (("drop",), True), (("garbage",), True),
    (("500", "500", "500"), False), (("drop", "drop", "drop"), False),
    (("garbage", "garbage", "garbage"), False)])
def test_server_errors_are_retried_a_little(
        fakes: tuple[FakeIntuit, FakeQuickBooks], faults: tuple[str, ...], ok: bool) -> None:
    fake_intuit, fake_qbo = fakes
    fake_qbo.fail(*faults)
    client = client_for(fake_intuit, fake_qbo)
    if ok:
        assert client.company_info()["CompanyInfo"]
    else:
        with pytest.raises(QboUnreachable):
            client.company_info()


def test_a_fault_in_a_200_answer_is_not_data(fakes: tuple[FakeIntuit, FakeQuickBooks]) -> None:
    fake_intuit, fake_qbo = fakes
    fake_qbo.fail("fault200")
    with pytest.raises(QboUnreachable) as caught:
        client_for(fake_intuit, fake_qbo).company_info()
    assert str(caught.value) == QboUnreachable.REFUSED_QUERY


def test_nothing_listening_is_unreachable(fakes: tuple[FakeIntuit, FakeQuickBooks]) -> None:
    fake_intuit, fake_qbo = fakes
    client = client_for(fake_intuit, fake_qbo)
    client.base_url = "http://127.0.0.1:9"  # discard port: connection refused
    with pytest.raises(QboUnreachable) as caught:
        client.company_info()
    assert str(caught.value) == QboUnreachable.NETWORK


# --- the module's face ---------------------------------------------------------------------

def test_read_side_from_environment_variables(
        fakes: tuple[FakeIntuit, FakeQuickBooks], monkeypatch: pytest.MonkeyPatch,
        memory_keyring: MemoryKeyring) -> None:
    fake_intuit, _ = fakes
    grant = fake_intuit.issue()
    monkeypatch.setenv(intuit.ENV_REALM, REALM)
    monkeypatch.setenv(intuit.ENV_ACCESS, grant.access)
    side = quickbooks.read_side()
    assert side.problem is None
    assert side.source == "api"
    assert side.data is not None
    assert side.data.company.company_name == "Brightside Studio LLC"
    assert memory_keyring.store == {}  # environment tokens are never written
    assert quickbooks.connection_state().source == "env"


def test_read_side_turns_failures_into_findings(
        fakes: tuple[FakeIntuit, FakeQuickBooks], monkeypatch: pytest.MonkeyPatch,
        memory_keyring: MemoryKeyring) -> None:
    fake_intuit, fake_qbo = fakes
    assert quickbooks.read_side().problem.code == "QBO_RECONNECT_NEEDED"  # type: ignore[union-attr]
    grant = fake_intuit.issue()
    monkeypatch.setenv(intuit.ENV_REALM, REALM)
    monkeypatch.setenv(intuit.ENV_ACCESS, grant.access)
    fake_qbo.fail("403")
    assert quickbooks.read_side().problem.code == "QBO_RECONNECT_NEEDED"  # type: ignore[union-attr]
    # the five reads run side by side and share the fake's fault queue: a read gives up after
    # three 500s, so with 15 queued at least one of them must (five reads × two is only ten)
    fake_qbo.fail(*["500"] * 15)
    side = quickbooks.read_side()
    assert side.problem is not None
    assert side.problem.code == "QBO_UNREACHABLE"
    assert side.problem.detail == QboUnreachable.SERVER


def test_sign_in_restart_and_a_later_run_need_no_new_sign_in(
        fakes: tuple[FakeIntuit, FakeQuickBooks], memory_keyring: MemoryKeyring,
        monkeypatch: pytest.MonkeyPatch) -> None:
    fake_intuit, _ = fakes
    uri = "http://localhost:8765/callback"
    fake_intuit.redirect_uris.add(uri)
    monkeypatch.setenv(intuit.ENV_REDIRECT_URI, uri)
    sign_in = intuit.SignIn(listen=False)
    landed = requests.get(sign_in.start(), allow_redirects=False, timeout=10).headers["Location"]
    assert sign_in.complete_from_pasted(landed) == REALM
    sign_in.close()
    del sign_in
    first = quickbooks.read_side()  # "restart": everything rebuilt from the keyring
    assert first.data is not None
    assert quickbooks.connection_state().company_name == "Brightside Studio LLC"
    fake_intuit.expire_access_tokens()  # an hour later
    later = quickbooks.read_side()
    assert later.problem is None
    assert fake_intuit.calls == ["authorization_code", "refresh_token"]


def test_check_command_reads_quickbooks_from_the_fakes(
        fakes: tuple[FakeIntuit, FakeQuickBooks], tmp_path: Path) -> None:
    """`python -m wizard check` in its own process, configured by the SPEC §4 variables."""
    fake_intuit, fake_qbo = fakes
    fake_qbo.company = {**fake_qbo.company}
    grant = fake_intuit.issue()
    fake_intuit.expire_access_tokens()  # forces a refresh through intuit-oauth in the child
    env = {k: v for k, v in os.environ.items() if not k.startswith("SYNC_CHECKUP_QBO_")}
    env |= {"SYNC_CHECKUP_QBO_REALM_ID": REALM, "SYNC_CHECKUP_QBO_ACCESS_TOKEN": grant.access,
            "SYNC_CHECKUP_QBO_REFRESH_TOKEN": grant.refresh,
            "SYNC_CHECKUP_QBO_API_URL": fake_qbo.url, "PYTHON_KEYRING_BACKEND":
            "keyring.backends.fail.Keyring"}
    done = subprocess.run([sys.executable, "-m", "wizard", "check", "--json"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode in (0, 1), done.stderr
    result = json.loads(done.stdout)
    assert result["sources"]["quickbooks"] == "api"
    checks = {c["id"]: c for c in result["checks"]}
    assert checks["plan"]["status"] == "pass"
    assert "Plus" in checks["plan"]["summary"]
    codes = {f["code"] for f in result["findings"]}
    assert "QBO_CONNECTED" in codes
    assert "PLAN_SUPPORTED" in codes
    assert checks["users"]["status"] == "not_checked"  # no Clockify side in this run
    assert fake_intuit.calls == ["refresh_token"]
    live = fake_intuit.grants[0]
    home = Path(os.environ["SYNC_CHECKUP_HOME"])
    written = "".join(p.read_text(errors="replace") for p in home.rglob("*") if p.is_file())
    for token in (grant.access, grant.refresh, live.access, live.refresh, CLIENT_SECRET):
        assert token not in done.stdout
        assert token not in done.stderr
        assert token not in written


def test_env_variables_never_reach_the_keyring(memory_keyring: MemoryKeyring,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quickbooks, "SLEEP", lambda seconds: None)
    monkeypatch.setenv(intuit.ENV_REALM, REALM)
    monkeypatch.setenv(intuit.ENV_ACCESS, "eyJenvOnlyAccessToken0123456789")
    monkeypatch.setenv(quickbooks.ENV_API_URL, "http://127.0.0.1:9")
    side = quickbooks.read_side()
    assert side.problem is not None
    assert side.problem.code == "QBO_UNREACHABLE"
    assert secrets.get(intuit.KEY_REALM) is None
    assert memory_keyring.store == {}


def test_the_sample_company_goes_through_the_live_client(monkeypatch: pytest.MonkeyPatch) -> None:
    from wizard.sources import demo, sample

    seen: list[str] = []
    real_get = QuickBooksClient.get

    def spy(self: QuickBooksClient, resource: str, *args: object, **kwargs: object) -> object:
        seen.append(resource)
        return real_get(self, resource, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(QuickBooksClient, "get", spy)
    data = demo.load_quickbooks()
    realm = sample.sample_info().realm_id
    # customers first: the longest list, whose second page waits for its first
    assert seen == ["query", f"companyinfo/{realm}", "preferences", "query", "query"]
    assert data.company.offering_sku
    assert data.customers


def test_the_log_file_keeps_the_intuit_tid_but_no_token(
        fakes: tuple[FakeIntuit, FakeQuickBooks]) -> None:
    from wizard import logs

    fake_intuit, fake_qbo = fakes
    fake_qbo.fail("403")
    client = client_for(fake_intuit, fake_qbo)
    path = logs.setup()
    try:
        with pytest.raises(QboReconnectNeeded):
            client.company_info()
    finally:
        import logging
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "baseFilename", None) == str(path):
                handler.close()
                logging.getLogger().removeHandler(handler)
    text = path.read_text(encoding="utf-8")
    assert f"intuit_tid {fake_qbo.tids[-1]}" in text
    assert fake_intuit.grants[0].access not in text
    assert fake_intuit.grants[0].refresh not in text
