"""The sign-in relay page (relay/index.html) served over loopback, standing in for its https
address; every request that reaches it is written down."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tests.fakes.loopback import FakeHandler, LoopbackServer

PAGE = Path(__file__).resolve().parents[2] / "relay" / "index.html"
PATH = "/sync-checkup/"  # as on a project's GitHub Pages site


class RelayPage(LoopbackServer):
    """`with RelayPage() as relay:`; `relay.address` is what the Intuit app would register."""

    def __init__(self, html: str | None = None, headers: dict[str, str] | None = None) -> None:
        self.html = (html if html is not None else PAGE.read_text(encoding="utf-8")).encode()
        self.headers = headers or {}  # extra response headers for the page
        self.requests: list[str] = []  # every path asked for, query included
        super().__init__(_Handler)

    @property
    def address(self) -> str:
        return self.url + PATH


class _Handler(FakeHandler):
    fake: RelayPage

    def do_GET(self) -> None:
        self.fake.requests.append(self.path)
        found = urlsplit(self.path).path == PATH
        body = self.fake.html if found else b"not found"
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8" if found else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        for name, value in self.fake.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the query carries the authorisation code."""
