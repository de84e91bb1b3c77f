"""The shared paging machinery: the request gate's limits, results in order, failures and
Cancel, and one HTTP session per worker thread."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

import pytest
import requests

from wizard.core.errors import Cancelled
from wizard.sources.paging import (
    Later,
    RequestGate,
    ThreadSessions,
    in_order,
    reading_pages,
    session_like,
)
from wizard.sources.progress import CancelToken


class Clock:
    """A clock that moves only when the gate sleeps on it."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 6))
        self.now += seconds


def test_sliding_window_lets_n_start_then_waits_for_the_oldest() -> None:
    clock = Clock()
    gate = RequestGate(2, per_window=3, window=1.0, sleep=clock.sleep, clock=clock)
    starts = []
    for _ in range(7):
        with gate.slot():
            starts.append(clock.now)
        clock.now += 0.1
    assert starts[:3] == pytest.approx([100.0, 100.1, 100.2])
    assert starts[3] == pytest.approx(101.0)  # the fourth waits until the first leaves
    for i in range(len(starts)):
        in_window = [t for t in starts if starts[i] <= t < starts[i] + 1.0 - 1e-9]
        assert len(in_window) <= 3
    assert gate.sent == 7


def test_a_hold_pauses_every_other_thread() -> None:
    clock = Clock()
    gate = RequestGate(4, per_window=None, sleep=clock.sleep, clock=clock)

    def throttled_elsewhere(seconds: float) -> None:
        thread = threading.Thread(target=gate.hold, args=(seconds,))
        thread.start()
        thread.join()

    throttled_elsewhere(2.0)
    throttled_elsewhere(0.5)  # a shorter hold never shortens the pause
    assert gate.pause_left() == 2.0
    with gate.slot():
        assert clock.now == pytest.approx(102.0)
    assert clock.slept == [2.0]
    assert gate.pause_left() == 0.0


def test_the_thread_that_was_throttled_waits_once_not_twice() -> None:
    """It sleeps the wait itself before retrying (as urllib3 and the QuickBooks client do)."""
    clock = Clock()
    gate = RequestGate(4, per_window=None, sleep=clock.sleep, clock=clock)
    gate.hold(3.0)
    with gate.slot():
        assert clock.slept == []


def test_no_more_in_flight_than_the_bound() -> None:
    gate = RequestGate(3, per_window=None)
    release = threading.Event()
    inside = threading.Semaphore(0)

    def request() -> None:
        with gate.slot():
            inside.release()
            release.wait(5)

    threads = [threading.Thread(target=request) for _ in range(6)]
    for t in threads:
        t.start()
    for _ in range(3):
        assert inside.acquire(timeout=5)
    assert not inside.acquire(timeout=0.2)  # the fourth is held at the door
    release.set()
    for t in threads:
        t.join(5)
    assert gate.most_in_flight == 3
    assert gate.sent == 6


def test_cancel_while_waiting_for_a_slot() -> None:
    gate = RequestGate(1, per_window=None)
    token = CancelToken()
    with gate.slot():
        token.cancel()
        with pytest.raises(Cancelled), gate.slot(token):
            pass


def test_cancel_wakes_a_paused_gate() -> None:
    gate = RequestGate(1, per_window=None)
    holder = threading.Thread(target=gate.hold, args=(30,))  # a 429 on another thread
    holder.start()
    holder.join()
    token = CancelToken()
    timer = threading.Timer(0.05, token.cancel)
    timer.start()
    with pytest.raises(Cancelled), gate.slot(token):
        pass
    timer.join()


def test_results_come_back_in_the_order_asked() -> None:
    # later calls finish first: each waits for the one after it
    n = 6
    finished = [threading.Event() for _ in range(n + 1)]
    finished[n].set()

    def call(i: int) -> Callable[[], int]:
        def run() -> int:
            finished[i + 1].wait(5)
            finished[i].set()
            return i * i
        return run

    assert in_order([call(i) for i in range(n)], n, CancelToken()) == [i * i for i in range(n)]


def test_the_first_failure_is_raised_and_nothing_new_starts() -> None:
    started: list[int] = []
    lock = threading.Lock()

    def call(i: int) -> Callable[[], int]:
        def run() -> int:
            with lock:
                started.append(i)
            if i == 0:
                raise ValueError("page 1 was garbage")
            return i
        return run

    with pytest.raises(ValueError, match="page 1"):
        in_order([call(i) for i in range(50)], 2, CancelToken())
    assert len(started) < 50


def test_the_first_call_runs_alone_until_it_says_its_request_has_left() -> None:
    left = threading.Event()
    started: list[int] = []
    lock = threading.Lock()
    seen_by_first: list[list[int]] = []

    def call(i: int) -> Callable[[], int]:
        def run() -> int:
            with lock:
                started.append(i)
            if i == 0:
                with lock:
                    seen_by_first.append(list(started))
                left.set()
            return i
        return run

    assert in_order([call(i) for i in range(5)], 5, CancelToken(), first_left=left) == [
        0, 1, 2, 3, 4]
    assert seen_by_first == [[0]]  # nothing else had started when it said so
    assert sorted(started) == [0, 1, 2, 3, 4]


def test_a_first_call_that_ends_without_saying_so_lets_the_others_start() -> None:
    assert in_order([lambda: "customers", lambda: "plan"], 2, CancelToken(),
                    first_left=threading.Event()) == ["customers", "plan"]


def test_a_first_call_that_fails_before_its_request_left_starts_nothing_else() -> None:
    ran: list[str] = []

    def first() -> str:
        raise ValueError("no network")

    with pytest.raises(ValueError, match="no network"):
        in_order([first, lambda: ran.append("plan")], 2, CancelToken(),
                 first_left=threading.Event())
    assert ran == []


def test_cancel_while_the_first_call_is_on_its_way_starts_nothing_else() -> None:
    token = CancelToken()
    left = threading.Event()
    ran: list[str] = []

    def first() -> str:
        token.cancel()
        left.set()
        return "customers"

    with pytest.raises(Cancelled):
        in_order([first, lambda: ran.append("plan")], 2, token, first_left=left)
    assert ran == []


def test_later_makes_its_value_on_its_own_thread_once_started() -> None:
    made_on: list[int] = []

    def make() -> str:
        made_on.append(threading.get_ident())
        return "records"

    later = Later(make)
    later.start()
    later.start()  # once only
    assert later.result() == "records"
    assert made_on != [threading.get_ident()]
    assert len(made_on) == 1
    never_started = Later(make)
    assert never_started.result() == "records"  # made right here
    assert made_on[-1] == threading.get_ident()


def test_later_raises_what_its_thread_raised() -> None:
    def make() -> str:
        raise ValueError("bad page")

    later = Later(make)
    later.start()
    later.join()
    with pytest.raises(ValueError, match="bad page"):
        later.result()


def test_cancel_before_start_runs_nothing() -> None:
    token = CancelToken()
    token.cancel()
    ran: list[int] = []
    with pytest.raises(Cancelled):
        in_order([lambda: ran.append(1)], 1, token)
    assert ran == []


def test_worker_threads_never_share_a_session() -> None:
    main = requests.Session()
    main.headers["User-Agent"] = "SyncCheckup (read-only)"
    sessions = ThreadSessions(main)
    assert sessions.current() is main
    barrier = threading.Barrier(3)
    open_when_all_had_one: list[int] = []
    all_have_one = threading.Barrier(3, action=lambda: open_when_all_had_one.append(
        sessions.open_workers))

    def call() -> requests.Session:
        barrier.wait(5)  # all three threads at once, so none reuses another's thread
        mine = sessions.current()
        all_have_one.wait(5)
        return mine

    used = in_order([call, call, call], 3, CancelToken(), sessions)
    assert open_when_all_had_one == [3]
    assert len({id(s) for s in used}) == 3
    assert main not in used
    assert all(s.headers["User-Agent"] == "SyncCheckup (read-only)" for s in used)
    assert sessions.open_workers == 0  # closed with their pool
    main.close()


def test_each_worker_closes_its_session_once_no_call_is_left_to_start() -> None:
    """A thread whose call has ended closes its session while the others are still on their
    way, once every call has started: only the last call's session is left for the end. (At
    the end, the slow call would wait 5 s for it in vain.)"""
    main = requests.Session()
    sessions = ThreadSessions(main)
    fast_thread: list[int] = []
    fast_closed = threading.Event()
    real_close = sessions.close

    def close(idents: Sequence[int]) -> None:
        real_close(idents)
        if fast_thread and fast_thread[0] in idents:
            fast_closed.set()

    sessions.close = close  # type: ignore[method-assign]

    def slow() -> bool:
        sessions.current()
        return fast_closed.wait(5)

    def fast() -> str:
        fast_thread.append(threading.get_ident())
        sessions.current()
        return "plan"

    assert in_order([slow, fast], 2, CancelToken(), sessions) == [True, "plan"]
    assert sessions.open_workers == 0
    main.close()


def test_worker_sessions_can_leave_the_environment_alone() -> None:
    template = requests.Session()
    assert session_like(template).trust_env
    assert not session_like(template, trust_env=False).trust_env
    template.trust_env = False
    assert not session_like(template).trust_env
    sessions = ThreadSessions(requests.Session(), trust_env=False)
    assert in_order([lambda: sessions.current().trust_env] * 2, 2, CancelToken(),
                    sessions) == [False, False]


def test_session_like_keeps_the_retry_policy() -> None:
    from wizard.sources.clockify import new_session
    template = new_session(backoff=0.25, retries=3)
    copy = session_like(template)
    theirs = template.get_adapter("https://example.invalid/").max_retries
    mine = copy.get_adapter("https://example.invalid/").max_retries
    assert mine is theirs  # urllib3 Retry objects are never changed in place, only copied
    assert copy.get_adapter("https://example.invalid/") is not \
        template.get_adapter("https://example.invalid/")
    template.close()
    copy.close()


def test_progress_sentence_has_real_plurals() -> None:
    assert reading_pages("Clockify", 1, 1) == "Reading Clockify… 1 of 1 page"
    assert reading_pages("QuickBooks", 120, 1300) == "Reading QuickBooks… 120 of 1,300 pages"
