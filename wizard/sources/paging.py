"""Reading a service's pages a few at a time, within its published limits.

Each live client owns one `RequestGate`: at most `concurrent` requests in flight, at most
`per_window` started in any `window` seconds, and one pause shared by every thread after the
service says "too many requests" (429), so that all of them back off together.

`in_order` runs a handful of calls on worker threads and hands back their results in the order
asked, whatever order they finished in. `requests.Session` is not documented as safe to share
between threads, so every worker thread gets a session of its own, made like the client's (same
adapters and retry policy, same headers); they are closed when the calls are done. The calling
thread keeps using the client's own session.
"""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from typing import Generic, TypeVar

import requests
from requests.adapters import HTTPAdapter

from wizard.sources.progress import CancelToken, Progress
from wizard.sources.sent import SignallingAdapter
from wizard.text import _n

T = TypeVar("T")


class RequestGate:
    """One service's door: a bound on requests in flight, a sliding-window rate and a common
    pause after a 429. Thread-safe; `sleep` is injectable so tests need not wait."""

    def __init__(self, concurrent: int, per_window: int | None, window: float = 1.0, *,
                 sleep: Callable[[float], None] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.concurrent = max(1, concurrent)
        self.per_window = per_window
        self.window = window
        self._slots = threading.BoundedSemaphore(self.concurrent)
        self._lock = threading.Lock()
        self._started: collections.deque[float] = collections.deque()
        self._paused_until = 0.0
        self._pause_owner = 0
        self._clock = clock
        self._sleep = sleep
        self.sent = 0
        self.most_in_flight = 0
        self._in_flight = 0

    def hold(self, seconds: float) -> None:
        """Nobody starts a request for `seconds` from now (a 429 seen by any thread) — except
        the calling thread, which waits that time out itself before it tries again."""
        with self._lock:
            until = self._clock() + seconds
            if until > self._paused_until:
                self._paused_until = until
                self._pause_owner = threading.get_ident()

    def pause_left(self) -> float:
        with self._lock:
            return max(0.0, self._paused_until - self._clock())

    def _wait(self, seconds: float, cancel: CancelToken | None) -> None:
        if self._sleep is not None:
            self._sleep(seconds)
        elif cancel is not None:
            cancel.wait(seconds)
        else:
            time.sleep(seconds)
        if cancel is not None:
            cancel.raise_if_cancelled()

    def _next_start(self, served: float) -> float:
        """Counts a start and returns 0 when a request may start now; else the moment to wait
        for. A wait until `served` or earlier has been slept already (by an injected sleep
        that does not move the clock, too), so it is not waited again."""
        with self._lock:
            now = self._clock()
            if (self._paused_until > now and self._paused_until > served
                    and self._pause_owner != threading.get_ident()):
                return self._paused_until
            if self.per_window:
                while self._started and now - self._started[0] >= self.window:
                    self._started.popleft()
                if len(self._started) >= self.per_window:
                    free_at = self._started[0] + self.window
                    if free_at > served:
                        return free_at
                    self._started.popleft()
                self._started.append(now)
            self.sent += 1
            self._in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self._in_flight)
            return 0.0

    @contextmanager
    def slot(self, cancel: CancelToken | None = None) -> Iterator[None]:
        """Held for the length of one request (its urllib3 retries included)."""
        while not self._slots.acquire(timeout=0.1):
            if cancel is not None:
                cancel.raise_if_cancelled()
        try:
            if cancel is not None:
                cancel.raise_if_cancelled()
            served = 0.0
            while until := self._next_start(served):
                self._wait(max(until - self._clock(), 0.0), cancel)
                served = until
            try:
                yield
            finally:
                with self._lock:
                    self._in_flight -= 1
        finally:
            self._slots.release()


def session_like(template: requests.Session, trust_env: bool | None = None
                 ) -> requests.Session:
    """A new session with the template's headers and, per prefix, an adapter with the same
    retry policy, pool size and kind (one that says when a request has left stays one): what
    a worker thread uses instead of sharing the template. `trust_env`: whether it reads
    proxies and `.netrc` from the environment on each request (default: as the template)."""
    session = requests.Session()
    session.trust_env = template.trust_env if trust_env is None else trust_env
    session.headers.clear()
    session.headers.update(template.headers)
    for prefix, adapter in template.adapters.items():
        if isinstance(adapter, HTTPAdapter):
            kind = SignallingAdapter if isinstance(adapter, SignallingAdapter) else HTTPAdapter
            session.mount(prefix, kind(max_retries=adapter.max_retries))
        else:  # an adapter of the caller's own (tests, replay): it decides its own safety
            session.mount(prefix, adapter)
    return session


class ThreadSessions:
    """The session for the current thread: the client's own on the thread that made it,
    a `session_like` copy on each worker thread (made on first use, closed with its pool).
    `trust_env=False`: the copies don't read the environment on each request (a client that
    read it once and passes its settings with every request)."""

    def __init__(self, main: requests.Session, trust_env: bool | None = None) -> None:
        self.main = main
        self._trust_env = trust_env
        self._owner = threading.get_ident()
        self._by_thread: dict[int, requests.Session] = {}
        self._lock = threading.Lock()

    def current(self) -> requests.Session:
        ident = threading.get_ident()
        if ident == self._owner:
            return self.main
        with self._lock:
            session = self._by_thread.get(ident)
            if session is None:
                session = self._by_thread[ident] = session_like(self.main, self._trust_env)
        return session

    @property
    def open_workers(self) -> int:
        with self._lock:
            return len(self._by_thread)

    def close(self, idents: Sequence[int]) -> None:
        """Close the sessions of these (finished) worker threads."""
        with self._lock:
            made = [self._by_thread.pop(i) for i in idents if i in self._by_thread]
        for session in made:
            session.close()


def in_order(calls: Sequence[Callable[[], T]], workers: int, cancel: CancelToken,
             sessions: ThreadSessions | None = None,
             first_left: threading.Event | None = None) -> list[T]:
    """Every call's result, in the order of `calls`, running at most `workers` at once.

    The first failure (or Cancel) stops calls not yet started and is raised once the running
    ones have ended. The sessions of this pool's threads are closed as they finish: each
    thread closes its own once every call has started and its own call's result is out (not
    all at the end, on the way to the answer: 0.3-1 ms), and whatever is left is closed before
    returning. When every call is done, the pool's idle threads are left to end on their own
    rather than waited for (a few ms on a busy machine, after the last answer).

    `first_left`: the first call runs alone until it sets this event (once its first request
    has left, `sent.when_sent`) or ends; only then do the others start. For a first call on
    the critical path: the others' threads, sessions and requests would otherwise compete
    with its request for the interpreter lock (2-5 ms), and they lose nothing by starting
    a ms later.
    """
    if workers <= 1 or len(calls) <= 1:
        out = []
        for call in calls:
            cancel.raise_if_cancelled()
            out.append(call())
        return out
    idents: list[int] = []
    pool = ThreadPoolExecutor(max_workers=min(workers, len(calls)),
                              thread_name_prefix="sync-checkup-page",
                              initializer=lambda: idents.append(threading.get_ident()))
    not_started = [len(calls)]
    finished: list[int] = []  # threads that get no other call of this pool
    lock = threading.Lock()

    def closing(call: Callable[[], T]) -> Callable[[], T]:
        def run() -> T:
            with lock:
                not_started[0] -= 1
            try:
                return call()
            finally:
                with lock:
                    if not_started[0] == 0:
                        finished.append(threading.get_ident())
        return run

    def close_finished(_: Future[T]) -> None:
        """Once a call's result is out (on its own thread, unless it was done before this was
        added), so that closing its session is not on the way to the result."""
        with lock:
            done = finished[:]
            finished.clear()
        if sessions is not None:
            sessions.close(done)

    def submit(call: Callable[[], T]) -> Future[T]:
        future = pool.submit(closing(call))
        future.add_done_callback(close_finished)
        return future

    every_call_done = False
    try:
        futures: list[Future[T]] = [submit(calls[0])]
        if first_left is not None:
            futures[0].add_done_callback(lambda _: first_left.set())
            first_left.wait()
            cancel.raise_if_cancelled()
        if not (futures[0].done() and futures[0].exception() is not None):
            futures += [submit(call) for call in calls[1:]]
        wait(futures, return_when=FIRST_EXCEPTION)
        for future in futures:  # the first failure in call order, once nothing new starts
            if future.done() and not future.cancelled() and future.exception() is not None:
                pool.shutdown(wait=True, cancel_futures=True)
                raise future.exception()  # type: ignore[misc]
        out = [future.result() for future in futures]
        every_call_done = True
        return out
    finally:
        pool.shutdown(wait=not every_call_done, cancel_futures=True)
        if sessions is not None:
            sessions.close(idents)


class Later(Generic[T]):
    """`make()` run on a thread of its own from the moment `start()` is called, so that work
    can wait for a moment another thread names (a request that has left, `sent.when_sent`)
    and then overlap the wait for its answer. `result()` gives its value, or makes it right
    there when nothing started it (or no thread could be had)."""

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self._thread: threading.Thread | None = None
        self._value: T | None = None
        self._error: BaseException | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        thread = threading.Thread(target=self._run, name="sync-checkup-later", daemon=True)
        try:
            thread.start()
        except RuntimeError:  # no thread to be had: `result()` makes it
            return
        self._thread = thread

    def _run(self) -> None:
        try:
            self._value = self._make()
        except BaseException as exc:  # noqa: BLE001 - raised again by result()
            self._error = exc

    def join(self) -> None:
        """Waits for a started `make()` to end, without making it otherwise."""
        if self._thread is not None:
            self._thread.join()

    def result(self) -> T:
        if self._thread is None:
            return self._make()
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]


class PageTally:
    """Pages read of pages known so far, reported as one sentence per service; thread-safe."""

    def __init__(self, progress: Progress, service: str) -> None:
        self._progress = progress
        self._service = service
        self._lock = threading.Lock()
        self.known = 0
        self.read = 0

    def expect(self, more: int) -> None:
        with self._lock:
            self.known += more

    def done(self) -> None:
        with self._lock:
            self.read += 1
            read, known = self.read, self.known
            self._progress(reading_pages(self._service, read, known), read, known)


def reading_pages(service: str, read: int, known: int) -> str:
    return _n("Reading {service}… {read:,} of {known:,} page",
              "Reading {service}… {read:,} of {known:,} pages", known).format(
        service=service, read=read, known=known)
