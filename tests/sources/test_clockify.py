"""The live Clockify client against the loopback fake: completeness, request counts, regions,
faults, and that every failure becomes the right connection finding."""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import math
import time
from collections.abc import Iterator

import keyring.backend
import msgspec
import pytest

from tests.fakes.clockify_server import FakeClockify, Space, load_sample, serve, synthetic
from wizard.core.errors import Cancelled, SyncCheckupError
from wizard.core.model import MembershipStatus
from wizard.sources import clockify, clockify_http, clockify_report
from wizard.sources.clockify import ClockifyClient, ClockifyProblem, Region, new_session
from wizard.sources.paging import RequestGate
from wizard.sources.progress import CancelToken

KEY = "Kq3v" * 12  # 48 characters, like a real key
PERIOD = (dt.date(2026, 10, 26), dt.date(2026, 11, 24))


@pytest.fixture
def fake() -> Iterator[FakeClockify]:
    with serve() as server:
        yield server


def client_for(*fakes: FakeClockify, key: str = KEY, **kwargs: object) -> ClockifyClient:
    """A client whose region table is the given fakes (the first is "global")."""
    regions = [Region(f.region, f.core_url, f.reports_url) for f in fakes]
    session = new_session(backoff=0.01, max_wait=0.05, budget=2.0)
    return ClockifyClient(session, key, regions=regions, min_interval=0, **kwargs)  # type: ignore[arg-type]


def minimum_requests(space: Space, owner: bool = True) -> int:
    """user + role list(s) + one request per page of every list (an empty list is one page)."""
    def pages(n: int, size: int = 1000) -> int:
        return max(1, math.ceil(n / size))
    return (1 + (1 if owner else 3) + pages(len(space.members)) + pages(len(space.clients))
            + pages(len(space.projects)) + pages(len(space.entries)))


def count(fake: FakeClockify, part: str) -> int:
    return len(fake.requests(part))


# --- completeness and request counts --------------------------------------------------------------

@pytest.mark.parametrize("n", [0, 1, 1000, 1001])
def test_page_boundaries_read_everything_with_the_fewest_requests(fake: FakeClockify,
                                                                   n: int) -> None:
    space = synthetic(fake, KEY, members=max(n, 1), clients=n, projects=n, entries=n)
    client = client_for(fake)
    data = client.read(PERIOD)
    assert len(data.members) == max(n, 1)
    assert len(data.clients) == n
    assert len(data.projects) == n
    assert data.entries is not None
    assert len(data.entries) == n
    assert len({e.id for e in data.entries}) == n
    assert client.requests_sent == len(fake.log) == minimum_requests(space)
    assert count(fake, "/projects") == max(1, math.ceil(n / 1000))
    assert count(fake, "/reports/detailed") == max(1, math.ceil(n / 1000))


def test_without_last_page_header_a_full_page_costs_one_more_request(fake: FakeClockify) -> None:
    synthetic(fake, KEY, members=1000, projects=999, entries=3)
    fake.last_page_header = None
    data = client_for(fake).read(PERIOD)
    assert len(data.members) == 1000
    assert count(fake, "/users") == 2  # the second answers [] and ends the list
    assert len(data.projects) == 999
    assert count(fake, "/projects") == 1  # a short page ends the list


def test_last_page_header_is_read_whatever_its_case(fake: FakeClockify) -> None:
    synthetic(fake, KEY, members=1000)
    fake.last_page_header = "last-page"
    data = client_for(fake).read(PERIOD)
    assert len(data.members) == 1000
    assert count(fake, "/users") == 1


def test_three_thousand_projects(fake: FakeClockify) -> None:
    space = synthetic(fake, KEY, projects=3000, clients=40)
    data = client_for(fake).read(PERIOD)
    assert [p.id for p in data.projects] == [p["id"] for p in space.projects]
    assert sum(p.archived for p in data.projects) == sum(p["archived"] for p in space.projects)
    assert count(fake, "/projects") == 3
    with_client = next(p for p in data.projects if p.client_id)
    assert with_client.client_name == next(
        c["name"] for c in space.clients if c["id"] == with_client.client_id)


def test_page_size_refused_falls_back_to_smaller_pages(fake: FakeClockify) -> None:
    synthetic(fake, KEY, members=450)
    fake.core_max = 500
    data = client_for(fake).read(PERIOD)
    assert len(data.members) == 450
    sizes = [r.query["page-size"][0] for r in fake.requests("/users")]
    assert sizes == ["1000", "200", "200", "200"]


def test_unicode_null_names_running_entries_and_archived(fake: FakeClockify) -> None:
    space = synthetic(fake, KEY, members=18, clients=7, projects=9, entries=40)
    space.clients[0]["name"] = "Café “Zoë” & Søn:  Ltd "
    data = client_for(fake).read(PERIOD)
    assert data.clients[0].name == "Café “Zoë” & Søn:  Ltd "
    assert any(m.name and "Ünïcødé" in m.name for m in data.members)
    pending = [m for m in data.members if m.name is None]
    assert len(pending) == 1
    assert pending[0].membership_status is MembershipStatus.PENDING
    assert pending[0].is_pending
    running = [e for e in data.entries or () if e.end is None]
    assert len(running) == 1
    assert running[0].duration_s is None
    assert any(c.archived for c in data.clients)
    assert any(p.archived for p in data.projects)
    assert all(e.duration_s == (e.end - e.start).total_seconds()
               for e in data.entries or () if e.end)
    assert data.time_zone == "America/Chicago"
    assert {e.start.utcoffset() for e in data.entries or ()} <= {
        dt.timedelta(hours=-5), dt.timedelta(hours=-6)}


def test_features_and_workspace_choice(fake: FakeClockify) -> None:
    synthetic(fake, KEY, features=("TIME_TRACKING",), name="Zweite Werkstatt")
    data = client_for(fake).read(PERIOD, workspace="Zweite Werkstatt")
    assert data.workspace_name == "Zweite Werkstatt"
    assert data.features == frozenset({"TIME_TRACKING"})
    assert data.is_admin is True
    assert data.period == PERIOD


def test_unknown_workspace_lists_the_ones_the_key_sees(fake: FakeClockify) -> None:
    synthetic(fake, KEY, name="Brightside Studio")
    with pytest.raises(SyncCheckupError, match=r"“Nope”.*“Brightside Studio”") as info:
        client_for(fake).read(PERIOD, workspace="Nope")
    assert not isinstance(info.value, ClockifyProblem)
    assert KEY not in str(info.value)


def test_admin_who_is_not_owner(fake: FakeClockify) -> None:
    space = synthetic(fake, KEY, role="WORKSPACE_ADMIN", entries=30)
    client = client_for(fake)
    data = client.read(PERIOD)
    assert data.is_admin is True
    assert data.entries is not None
    assert len(data.entries) == 30
    roles = [r.query.get("roles", [None])[0] for r in fake.requests("/workspaces")
             if r.path.endswith("/workspaces")]
    assert roles == ["OWNER", "WORKSPACE_ADMIN"]
    assert client.requests_sent == minimum_requests(space) + 1


def test_not_admin_reads_only_own_entries(fake: FakeClockify) -> None:
    space = synthetic(fake, KEY, role="MEMBER", members=4, entries=40)
    client = client_for(fake)
    data = client.read(PERIOD)
    owner_id = fake.accounts[KEY].user["id"]
    assert data.is_admin is False
    assert data.entries is not None
    assert {e.user_id for e in data.entries} == {owner_id}
    assert len(data.entries) == sum(1 for e in space.entries if e["userId"] == owner_id)
    assert fake.requests("/reports/detailed")[0].body["users"]["ids"] == [owner_id]
    assert client.requests_sent == minimum_requests(space, owner=False)


def test_admin_ids(fake: FakeClockify) -> None:
    space = synthetic(fake, KEY, role="WORKSPACE_ADMIN")
    assert client_for(fake).admin_workspace_ids() == {space.raw["id"]}


# --- the Free plan's 31-day report range ----------------------------------------------------------

def test_long_period_split_only_when_refused(fake: FakeClockify) -> None:
    period = (dt.date(2026, 9, 1), dt.date(2026, 11, 24))
    space = synthetic(fake, KEY, entries=500, period=period)
    data = client_for(fake).read(period)
    assert data.entries is not None
    assert len(data.entries) == 500
    assert count(fake, "/reports/detailed") == 1
    fake.log.clear()
    fake.max_report_days = 31
    data = client_for(fake).read(period)
    assert data.entries is not None
    assert sorted(e.id for e in data.entries) == sorted(r["_id"] for r in space.entries)
    reports = fake.requests("/reports/detailed")
    assert [r.status for r in reports] == [400, 200, 200, 200]
    assert reports[1].body["dateRangeStart"] == "2026-09-01T00:00:00.000"
    assert reports[-1].body["dateRangeEnd"] == "2026-11-24T23:59:59.999"


def test_split_period_covers_every_day_once() -> None:
    pieces = list(clockify_report.split_period((dt.date(2026, 1, 1), dt.date(2026, 3, 15))))
    assert pieces[0][0] == dt.date(2026, 1, 1)
    assert pieces[-1][1] == dt.date(2026, 3, 15)
    assert all((b - a).days < 31 for a, b in pieces)
    assert all(n[0] - p[1] == dt.timedelta(days=1) for p, n in itertools.pairwise(pieces))


# --- regions -----------------------------------------------------------------------------------

def test_key_of_another_region_is_found_there() -> None:
    with serve() as world, serve("euc1") as euc1, serve("use2") as use2:
        synthetic(use2, KEY, entries=12)
        client = client_for(world, euc1, use2)
        data = client.read(PERIOD)
        assert data.entries is not None
        assert len(data.entries) == 12
        assert client.core_url == use2.core_url
        assert client.reports_url == use2.base + "/report/v1"
        assert [r.status for r in world.log] == [401]
        assert [r.status for r in euc1.log] == [401]
        assert world.log[0].response == {"message": "Api key does not exist", "code": 4003}
        assert len(use2.requests("/reports/detailed")) == 1


def test_key_rejected_everywhere_is_invalid() -> None:
    with serve() as world, serve("euc1") as euc1:
        synthetic(world, "someone-else-key")
        with pytest.raises(ClockifyProblem) as info:
            client_for(world, euc1).read(PERIOD)
        assert info.value.code == "CLOCKIFY_KEY_INVALID"
        assert len(world.log) == len(euc1.log) == 1


def test_global_host_down_is_unreachable_not_invalid(fake: FakeClockify) -> None:
    dead = FakeClockify()
    dead.start()
    url = dead.core_url
    dead.stop()
    regions = [Region("global", url, url), Region("euc1", fake.core_url, fake.reports_url)]
    client = ClockifyClient(new_session(backoff=0.01, retries=1), KEY, regions=regions,
                            min_interval=0)
    with pytest.raises(ClockifyProblem) as info:
        client.user()
    assert info.value.code == "CLOCKIFY_UNREACHABLE"
    assert info.value.detail_key == "no_answer"


def test_regional_host_down_and_others_reject_is_unreachable(fake: FakeClockify) -> None:
    dead = FakeClockify("apse2")
    dead.start()
    regions = [Region("global", fake.core_url, fake.reports_url),
               Region("apse2", dead.core_url, dead.reports_url)]
    dead.stop()
    client = ClockifyClient(new_session(backoff=0.01, retries=1), KEY, regions=regions,
                            min_interval=0)
    with pytest.raises(ClockifyProblem) as info:
        client.user()
    assert info.value.code == "CLOCKIFY_UNREACHABLE"


def test_explicit_urls_skip_detection(fake: FakeClockify) -> None:
    synthetic(fake, KEY)
    client = ClockifyClient(new_session(), KEY, fake.core_url, fake.reports_url, regions=(),
                            min_interval=0)
    assert client.user().time_zone == "America/Chicago"
    assert len(fake.log) == 1


def test_reports_url_for_each_region() -> None:
    for region in clockify.REGIONS:
        assert clockify_http.reports_url_for(region.core_url) == region.reports_url


# --- faults ------------------------------------------------------------------------------------

@pytest.mark.parametrize("retry_after", [None, "0", "1"])
def test_429_is_retried_and_the_read_completes(fake: FakeClockify,
                                               retry_after: str | None) -> None:
    space = synthetic(fake, KEY, entries=30)
    fake.fail("429", "/projects", retry_after=retry_after)
    started = time.monotonic()
    data = client_for(fake).read(PERIOD)
    assert len(data.projects) == len(space.projects)
    statuses = [r.status for r in fake.requests("/projects")]
    assert statuses == [429, 200]
    assert time.monotonic() - started < 2  # Retry-After is capped (max_wait) in tests
    if retry_after is not None:
        assert fake.requests("/projects")[0].response_headers == {"Retry-After": retry_after}


def test_retry_after_is_honoured() -> None:
    with serve() as fake:
        synthetic(fake, KEY)
        fake.fail("429", "/user", retry_after="1")
        session = new_session(backoff=0.01, max_wait=5)
        client = ClockifyClient(session, KEY, fake.core_url, min_interval=0)
        started = time.monotonic()
        client.user()
        assert time.monotonic() - started >= 0.95
        assert [r.status for r in fake.log] == [429, 200]


def test_backoff_grows_one_two_four_eight() -> None:
    retry = clockify_http.PoliteRetry(total=4, backoff_factor=1.0, backoff_max=8)
    waits = []
    for _ in range(4):
        retry = retry.increment("GET", "/x")
        waits.append(retry.get_backoff_time())
    assert waits == [1, 2, 4, 8]


def test_429_that_never_ends_is_a_plain_failure_not_a_bad_key(fake: FakeClockify) -> None:
    synthetic(fake, KEY)
    fake.fail("429", "/user", times=99)
    with pytest.raises(ClockifyProblem) as info:
        client_for(fake).read(PERIOD)
    assert info.value.code == "CLOCKIFY_UNREACHABLE"
    assert info.value.detail_key == "rate_limited"
    assert len(fake.log) == 5  # one try and four retries


def test_one_503_then_fine(fake: FakeClockify) -> None:
    synthetic(fake, KEY, entries=10)
    fake.fail("503", "/reports/detailed")
    data = client_for(fake).read(PERIOD)
    assert data.entries is not None
    assert len(data.entries) == 10
    assert [r.status for r in fake.requests("/reports")] == [503, 200]


def test_repeated_503_is_unreachable(fake: FakeClockify) -> None:
    synthetic(fake, KEY)
    fake.fail("503", "/clients", times=99)
    with pytest.raises(ClockifyProblem) as info:
        client_for(fake).read(PERIOD)
    assert (info.value.code, info.value.detail_key) == ("CLOCKIFY_UNREACHABLE", "keeps_failing")


@pytest.mark.parametrize("path", ["/users", "/reports/detailed"])
def test_dropped_connection_is_retried(fake: FakeClockify, path: str) -> None:
    space = synthetic(fake, KEY, members=7, entries=9)
    fake.fail("drop", path)
    data = client_for(fake).read(PERIOD)
    assert len(data.members) == len(space.members)
    assert data.entries is not None
    assert len(data.entries) == 9
    assert [r.status for r in fake.requests(path)] == [0, 200]


@pytest.mark.parametrize("path", ["/workspaces", "/reports/detailed"])
def test_garbage_is_unreachable(fake: FakeClockify, path: str) -> None:
    synthetic(fake, KEY, entries=5)
    fake.fail("garbage", path)
    with pytest.raises(ClockifyProblem) as info:
        client_for(fake).read(PERIOD)
    assert (info.value.code, info.value.detail_key) == ("CLOCKIFY_UNREACHABLE", "garbage")
    assert "can't read" in str(info.value)


def test_a_report_row_of_the_wrong_shape_is_unreachable_not_a_crash(fake: FakeClockify) -> None:
    space = synthetic(fake, KEY, entries=5)
    space.entries[0] = {**space.entries[0], "userId": 42}  # a number where a string belongs
    with pytest.raises(ClockifyProblem) as info:
        client_for(fake).read(PERIOD)
    assert (info.value.code, info.value.detail_key) == ("CLOCKIFY_UNREACHABLE", "garbage")
    assert "can't read" in str(info.value)


def test_budget_stops_retrying() -> None:
    with serve() as fake:
        synthetic(fake, KEY)
        fake.fail("503", "/user", times=99)
        session = new_session(backoff=0.2, retries=10, budget=0.3)
        client = ClockifyClient(session, KEY, fake.core_url, min_interval=0)
        started = time.monotonic()
        with pytest.raises(ClockifyProblem):
            client.user()
        assert time.monotonic() - started < 1.5
        assert len(fake.log) < 5


def test_cancel_between_requests(fake: FakeClockify) -> None:
    """Cancel stops every list: no request starts after it, and the read raises Cancelled.
    (The lists are read side by side, so requests already on the wire may still answer.)"""
    synthetic(fake, KEY, projects=2500, entries=5500)
    token = CancelToken()
    at_cancel: list[int] = []

    def progress(message: str, done: int, total: int) -> None:
        if done == 1 and not token.cancelled:
            token.cancel()
            at_cancel.append(len(fake.log))

    client = client_for(fake, cancel=token)
    with pytest.raises(Cancelled):
        client.read(PERIOD, progress=progress)
    assert at_cancel
    assert len(fake.log) <= at_cancel[0] + client.workers  # only those already in flight
    assert count(fake, "/projects") < 3
    assert count(fake, "/reports") < 6


def test_progress_counts_pages(fake: FakeClockify) -> None:
    synthetic(fake, KEY, entries=2500)
    seen: list[tuple[str, int, int]] = []
    client_for(fake).read(PERIOD, progress=lambda m, d, t: seen.append((m, d, t)))
    pages = [(d, t) for m, d, t in seen if m.startswith("Reading Clockify…")]
    # members, clients, projects: one page each; entries: 3 pages, known after the first
    assert pages[-1] == (6, 6)
    assert [d for d, _ in pages] == list(range(1, 7))
    assert all(d <= t for d, t in pages)
    assert ("Reading Clockify… 6 of 6 pages", 6, 6) in seen


def test_report_pages_are_read_side_by_side_in_order(fake: FakeClockify) -> None:
    """With latency, the report's pages after the first go out together (bounded by the
    client's workers); the entries come back complete, in order, with the fewest requests."""
    space = synthetic(fake, KEY, members=3, entries=7500)
    fake.latency = 0.05
    client = client_for(fake, workers=4)
    data = client.read(PERIOD)
    assert data.entries is not None
    assert len({e.id for e in data.entries}) == len(data.entries) == 7500
    assert [e.id for e in data.entries] == sorted(e.id for e in data.entries)
    assert client.requests_sent == len(fake.log) == minimum_requests(space)
    assert 1 < client.gate.most_in_flight <= 4
    report_pages = [r.body["detailedFilter"]["page"] for r in fake.requests("/reports")]
    assert sorted(report_pages) == list(range(1, 9))  # each page once


def test_a_twelve_page_report_reads_its_other_pages_in_one_round(
        fake: FakeClockify, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the default pool, once the first page gives the count, the other eleven pages of a
    twelve-page report (12,000 entries at the real page size) are all in flight together."""
    monkeypatch.setattr(clockify_report, "REPORT_PAGE_SIZE", 10)
    space = synthetic(fake, KEY, members=3, entries=120)
    fake.latency = 0.2
    client = client_for(fake)
    data = client.read(PERIOD)
    assert data.entries is not None
    assert len({e.id for e in data.entries}) == 120
    assert client.requests_sent == len(fake.log) == minimum_requests(space) + 11
    assert client.gate.most_in_flight == 11
    report_pages = [r.body["detailedFilter"]["page"] for r in fake.requests("/reports")]
    assert sorted(report_pages) == list(range(1, 13))


def test_one_worker_reads_one_page_at_a_time(fake: FakeClockify) -> None:
    synthetic(fake, KEY, entries=3500)
    client = client_for(fake, workers=1)
    data = client.read(PERIOD)
    assert data.entries is not None
    assert len(data.entries) == 3500
    assert client.gate.most_in_flight == 1
    assert [r.body["detailedFilter"]["page"] for r in fake.requests("/reports")] == [1, 2, 3, 4]


def test_429_in_the_middle_of_the_pages_is_waited_out_by_all(fake: FakeClockify) -> None:
    synthetic(fake, KEY, entries=6500)
    fake.latency = 0.02
    fake.fail("429", "/reports/detailed", retry_after="0", times=2)
    fake.fail("429", "/projects", retry_after="0")
    data = client_for(fake).read(PERIOD)
    assert data.entries is not None
    assert len({e.id for e in data.entries}) == 6500
    assert [r.status for r in fake.requests("/reports")].count(429) == 2


def test_a_429_pauses_the_clients_other_threads() -> None:
    """urllib3 waits out the 429 on the thread that got it; the client's gate makes every
    other thread wait as long before starting a request."""
    gate = RequestGate(4, None)
    retry = clockify_http.PoliteRetry(total=4, backoff_factor=0.0, max_wait=5)

    class Answer:
        status = 429

        def __init__(self) -> None:
            self.headers = {"Retry-After": "3"}

    token = clockify_http._SENDING_GATE.set(gate)
    try:
        retry.sleep_for_retry = lambda response=None: True  # type: ignore[method-assign]
        retry.sleep(Answer())  # type: ignore[arg-type]
    finally:
        clockify_http._SENDING_GATE.reset(token)
    assert 2.5 < gate.pause_left() <= 3


def test_requests_stay_under_the_rate_limit(fake: FakeClockify) -> None:
    """The default gate lets no more than 1 / MIN_INTERVAL requests start in any second,
    well under Clockify's 50, and keeps no more in flight than it lets start in half a second
    (12 since issue 15's one-round report pages; it was 6)."""
    synthetic(fake, KEY, entries=3500)
    client = ClockifyClient(new_session(), KEY, fake.core_url, fake.reports_url, regions=())
    client.read(PERIOD)
    assert client.requests_sent == 9
    assert client.gate.per_window == round(1 / clockify_http.MIN_INTERVAL) <= 25
    assert client.gate.most_in_flight <= clockify.WORKERS <= client.gate.per_window // 2


# --- the module API the CLI and the wizard call --------------------------------------------------

@pytest.fixture
def live_env(fake: FakeClockify, monkeypatch: pytest.MonkeyPatch) -> FakeClockify:
    monkeypatch.setenv("SYNC_CHECKUP_CLOCKIFY_API_URL", fake.core_url)
    monkeypatch.setenv("SYNC_CHECKUP_CLOCKIFY_REPORTS_URL", fake.reports_url)
    return fake


def test_read_side_from_environment(live_env: FakeClockify,
                                    monkeypatch: pytest.MonkeyPatch,
                                    caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    synthetic(live_env, KEY, entries=25)
    monkeypatch.setenv("SYNC_CHECKUP_CLOCKIFY_API_KEY", KEY)
    side = clockify.read_side(PERIOD, lambda m, d, t: None, CancelToken())
    assert side.source == "api"
    assert side.problem is None
    assert side.data is not None
    assert side.data.entries is not None
    assert len(side.data.entries) == 25
    assert KEY not in caplog.text
    assert "Clockify: 6 requests" in caplog.text


def test_read_side_bad_key_is_a_problem_not_an_exception(live_env: FakeClockify,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    synthetic(live_env, KEY)
    monkeypatch.setenv("SYNC_CHECKUP_CLOCKIFY_API_KEY", "wrong-key-" + "x" * 38)
    side = clockify.read_side(PERIOD, lambda m, d, t: None, CancelToken())
    assert side.problem is not None
    assert side.problem.code == "CLOCKIFY_KEY_INVALID"
    assert side.data is None


def test_read_side_unknown_workspace_raises(live_env: FakeClockify,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    synthetic(live_env, KEY, name="Only One")
    monkeypatch.setenv("SYNC_CHECKUP_CLOCKIFY_API_KEY", KEY)
    monkeypatch.setenv("SYNC_CHECKUP_CLOCKIFY_WORKSPACE", "Other")
    with pytest.raises(SyncCheckupError, match="“Only One”"):
        clockify.read_side(PERIOD, lambda m, d, t: None, CancelToken())


def test_check_key_and_list_workspaces(live_env: FakeClockify) -> None:
    synthetic(live_env, KEY, name="Brightside Studio")
    assert clockify.check_key(KEY) is None
    sentence = clockify.check_key("not-a-key-at-all")
    assert sentence is not None
    assert sentence.startswith("Clockify did not accept the API key.")
    assert clockify.check_key("   ") == sentence
    assert [w.name for w in clockify.list_workspaces(KEY)] == ["Brightside Studio"]
    with pytest.raises(ClockifyProblem):
        clockify.list_workspaces("not-a-key-at-all")


def test_sample_company_through_the_fake_equals_the_demo(fake: FakeClockify) -> None:
    from wizard.core.checks import run_checks
    from wizard.sources import demo, sample

    load_sample(fake, sample.sample_dir() / "clockify", KEY)
    live = client_for(fake).read(PERIOD)
    sample = demo.load_clockify()
    assert live.members == sample.members
    assert live.clients == sample.clients
    assert live.projects == sample.projects
    assert live.entries == sample.entries
    qbo = demo.quickbooks_side()
    now = dt.datetime(2026, 11, 24, 18, tzinfo=dt.UTC)
    live_run = run_checks(clockify.ClockifySide(source="api", data=live), qbo, PERIOD, now, "t")
    demo_run = run_checks(demo.clockify_side(), qbo, PERIOD, now, "t")

    def clockify_findings(run: object) -> list[tuple[str, str, str]]:
        return [(f.code, f.subject, f.message) for f in run.findings  # type: ignore[attr-defined]
                if f.check != "connection"]

    assert clockify_findings(live_run) == clockify_findings(demo_run)
    # the same entries; only their links differ (the live workspace has web pages, the sample not)
    assert live_run.entries is not None
    assert demo_run.entries is not None
    assert [msgspec.structs.replace(i, links=None) for i in live_run.entries.items] \
        == [msgspec.structs.replace(i, links=None) for i in demo_run.entries.items]
    assert live_run.entries.by_reason == demo_run.entries.by_reason
    assert live_run.entries.items[0].links is not None
    assert live_run.entries.items[0].links.clockify is not None
    assert [c.status for c in live_run.checks] == [c.status for c in demo_run.checks]


@pytest.mark.keyring
def test_key_round_trips_through_the_real_keyring(
        real_keyring: keyring.backend.KeyringBackend) -> None:
    """The real Secret Service (tests/conftest.py `real_keyring`): skips with its reason outside
    tests/run_all.py, and fails instead under SYNC_CHECKUP_REQUIRE_ALL=1 like the others."""
    del real_keyring
    clockify.forget_key()
    assert not clockify.has_stored_key()
    clockify.store_key(f"  {KEY}  ")
    try:
        assert clockify.has_stored_key()
        assert clockify._stored_key() == KEY
    finally:
        clockify.forget_key()
    assert not clockify.has_stored_key()
