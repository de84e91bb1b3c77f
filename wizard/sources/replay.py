"""Answers HTTP requests from files in a folder, so canned API answers go through the real clients.

The sample company is stored as the JSON the services return. Mounting a `ReplayAdapter` on a
`requests.Session` lets the live client code (paging, headers, parsing) run unchanged against it:
the demo then proves the real path (SPEC §2). Nothing here knows about a particular service.

    routes = [Route("GET", r"/v1/user", "user.json"),
              Route("POST", r"/v1/workspaces/[^/]+/reports/detailed", "report.json",
                    headers={"Last-Page": "true"})]
    session = replay_session(folder, routes)
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

log = logging.getLogger(__name__)

_REASONS = {200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request",
            401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
            429: "Too Many Requests", 500: "Internal Server Error",
            503: "Service Unavailable"}


class NoRoute(LookupError):
    """A request no route answers: a mistake in the route table, never a network failure."""


@dataclass(frozen=True)
class Route:
    """One canned answer.

    `path` is a regular expression matched against the whole URL path (any host). `query` and
    `json` narrow the match: each listed query parameter (or top-level key of a JSON body) must
    have exactly that value, compared as text. `file` is relative to the folder and may use the
    path's named groups, e.g. `"{entity}.json"`; with no file the body is `body`.
    """

    method: str
    path: str
    file: str | None = None
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    query: Mapping[str, str] = field(default_factory=dict)
    json: Mapping[str, Any] = field(default_factory=dict)
    body: bytes = b""
    content_type: str = "application/json"

    def match(self, method: str, path: str, query: Mapping[str, str],
              body: Mapping[str, Any] | None) -> re.Match[str] | None:
        if method.upper() != self.method.upper():
            return None
        found = re.fullmatch(self.path, path)
        if found is None:
            return None
        if any(query.get(k) != str(v) for k, v in self.query.items()):
            return None
        if self.json:
            if body is None:
                return None
            if any(k not in body or str(body[k]) != str(v) for k, v in self.json.items()):
                return None
        return found


@dataclass(frozen=True)
class Served:
    """What the adapter answered, kept so tests can count and inspect requests."""

    method: str
    url: str
    status: int


class ReplayAdapter(BaseAdapter):
    """A transport that never touches the network: the first matching route answers."""

    def __init__(self, folder: Path, routes: list[Route]) -> None:
        super().__init__()
        self.folder = Path(folder)
        self.routes = list(routes)
        self.served: list[Served] = []

    def send(self, request: requests.PreparedRequest, stream: bool = False,
             timeout: Any = None, verify: Any = True, cert: Any = None,
             proxies: Any = None) -> requests.Response:
        del stream, timeout, verify, cert, proxies
        method = (request.method or "GET").upper()
        url = request.url or ""
        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        body = _json_body(request.body)
        for route in self.routes:
            found = route.match(method, parts.path, query, body)
            if found is None:
                continue
            content = route.body
            if route.file is not None:
                name = route.file.format(**found.groupdict())
                content = (self.folder / name).read_bytes()
            self.served.append(Served(method, url, route.status))
            return _response(request, route, content)
        raise NoRoute(f"no replay route for {method} {parts.path}")

    def close(self) -> None:
        """Nothing to release: no sockets were opened."""


def replay_session(folder: Path, routes: list[Route]) -> requests.Session:
    """A session whose every http(s) request is answered by a `ReplayAdapter`."""
    session = requests.Session()
    adapter = ReplayAdapter(folder, routes)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def _json_body(body: bytes | str | None) -> Mapping[str, Any] | None:
    if not body:
        return None
    try:
        value = json.loads(body)
    except (ValueError, TypeError):
        return None
    return value if isinstance(value, dict) else None


def _response(request: requests.PreparedRequest, route: Route, content: bytes
              ) -> requests.Response:
    response = requests.Response()
    response.status_code = route.status
    response.reason = _REASONS.get(route.status, "")
    response.headers = CaseInsensitiveDict({"Content-Type": route.content_type,
                                            "Content-Length": str(len(content))})
    response.headers.update(route.headers)
    response._content = content
    response._content_consumed = True  # type: ignore[attr-defined]
    response.encoding = "utf-8"
    response.url = request.url or ""
    response.request = request
    return response
