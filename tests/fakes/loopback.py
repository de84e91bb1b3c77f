"""A threaded HTTP server on a random loopback port: the shell every fake service runs in."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self


class FakeHTTPServer(ThreadingHTTPServer):
    """A threaded server whose listen queue takes a client's whole pool of new connections at
    once: with socketserver's default of 5, a sixth simultaneous connect waits for the kernel's
    one-second SYN retry, a stall of the fake that no real service has."""

    request_queue_size = 128
    daemon_threads = True


class FakeHandler(BaseHTTPRequestHandler):
    """Keep-alive HTTP/1.1 like the real services; reaches its fake as `self.fake`."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out at once, no 40 ms stalls

    @property
    def fake(self) -> Any:
        return self.server.fake  # type: ignore[attr-defined]


class LoopbackServer:
    """Serves `handler` on 127.0.0.1 for the life of a `with` block.

    The handler reaches the fake through `self.server.fake`.
    """

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.server = FakeHTTPServer(("127.0.0.1", 0), handler)
        self.server.block_on_close = False
        self.server.fake = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self.server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"
