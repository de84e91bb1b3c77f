"""Knowing when a request has left (`wizard.sources.sent`), against a loopback server that
holds its answer until the test lets it go."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.fakes.loopback import FakeHandler, LoopbackServer
from wizard.sources import sent
from wizard.sources.paging import session_like
from wizard.sources.quickbooks import make_session
from wizard.sources.replay import ReplayAdapter, Route, replay_session


class _Held(FakeHandler):
    """Answers each GET only once the test's `release` event is set (or 10 s went by)."""

    def do_GET(self) -> None:
        server = self.server
        server.arrived.set()  # type: ignore[attr-defined]
        released = server.release.wait(10)  # type: ignore[attr-defined]
        body = b"released" if released else b"timed out"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def held() -> Iterator[LoopbackServer]:
    with LoopbackServer(_Held) as server:
        server.server.arrived = threading.Event()  # type: ignore[attr-defined]
        server.server.release = threading.Event()  # type: ignore[attr-defined]
        yield server


def test_the_callback_runs_once_the_request_has_left_before_its_answer(
        held: LoopbackServer) -> None:
    """The server answers only once the callback has run: were it run after the answer (or
    not at all), the answer would say it timed out."""
    session = make_session()
    calls: list[str] = []

    def left() -> None:
        calls.append("left")
        held.server.release.set()  # type: ignore[attr-defined]

    with sent.when_sent(session, held.url, left):
        answer = session.get(held.url + "/page", timeout=(5, 20))
    assert answer.text == "released"
    assert calls == ["left"]
    session.close()


def test_worker_sessions_say_when_a_request_has_left_too(held: LoopbackServer) -> None:
    copy = session_like(make_session())
    assert isinstance(copy.get_adapter(held.url), sent.SignallingAdapter)
    with sent.when_sent(copy, held.url, held.server.release.set):  # type: ignore[attr-defined]
        assert copy.get(held.url, timeout=(5, 20)).text == "released"
    copy.close()


def test_only_the_first_request_of_the_block_counts() -> None:
    """A retried request (or a second one in the block) does not run the callback again."""
    with LoopbackServer(_Held) as server:
        server.server.arrived = threading.Event()  # type: ignore[attr-defined]
        server.server.release = threading.Event()  # type: ignore[attr-defined]
        server.server.release.set()  # type: ignore[attr-defined]
        session = make_session()
        calls: list[int] = []
        with sent.when_sent(session, server.url, lambda: calls.append(1)):
            session.get(server.url, timeout=(5, 20))
            session.get(server.url, timeout=(5, 20))
        assert calls == [1]
        session.get(server.url, timeout=(5, 20))  # outside the block: nothing runs
        assert calls == [1]
        session.close()


def test_a_session_that_cant_tell_runs_the_callback_at_once() -> None:
    """The sample company's replay answers without a network, so nothing can say when its
    request left: the callback runs before the request is even sent."""
    session = replay_session(Path("."), [Route("GET", "/x", body=b"{}")])
    adapter = session.get_adapter("http://example.invalid/")
    assert isinstance(adapter, ReplayAdapter)
    served_at_callback: list[int] = []
    with sent.when_sent(session, "http://example.invalid/",
                        lambda: served_at_callback.append(len(adapter.served))):
        session.get("http://example.invalid/x")
    assert served_at_callback == [0]
    assert len(adapter.served) == 1


def test_a_request_that_never_left_still_runs_the_callback() -> None:
    with socket.socket() as probe:  # a port with nothing listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    session = make_session()
    calls: list[str] = []
    with pytest.raises(requests.ConnectionError), \
            sent.when_sent(session, f"http://127.0.0.1:{port}/", lambda: calls.append("left")):
        session.get(f"http://127.0.0.1:{port}/", timeout=(2, 2))
    assert calls == ["left"]
    session.close()


def test_requests_through_a_web_proxy_say_when_they_have_left_too() -> None:
    adapter = sent.SignallingAdapter()
    manager = adapter.proxy_manager_for("http://127.0.0.1:3128")
    pools = manager.pool_classes_by_scheme
    assert pools["http"].ConnectionCls.__name__ == "_SignallingHTTPConnection"
    assert pools["https"].ConnectionCls.__name__ == "_SignallingHTTPSConnection"
    adapter.close()
