"""The sample company's writable copy (SPEC §8.2): fixes on the sample change a copy of it kept in
the user's data folder, never anything on the network.

The copy is the same stored API answers as the built-in sample. Its session answers like the
services would — the canned reads from the copy's files, and the writes (`GET` one record,
`POST` a QuickBooks customer or employee, `PUT` a Clockify client or project) under the same rules
as the services (`service_rules`) — so the sample runs the real clients, readers and writers.
"Reset the sample" deletes the copy; the built-in sample is never changed.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import requests

from wizard.sources.replay import ReplayAdapter, Route, Served, _json_body, _response
from wizard.sources.service_rules import ClockifyBook, QuickBooksBook
from wizard.storage import journal, paths
from wizard.storage.atomic import write_atomically

SAMPLE_KEY = "sample-company"
_LIST_FILES = {"Employee": "employees.json", "Vendor": "vendors.json",
               "Customer": "customers.json"}


def copy_dir() -> Path:
    return paths.data_dir() / "sample"


def ensure_copy(builtin: Path) -> Path:
    """The writable copy, made from the built-in sample `builtin` the first time."""
    copy = copy_dir()
    if not (copy / "sample.json").is_file():
        staging = copy.with_name("sample.copying")
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(builtin, staging)
        shutil.rmtree(copy, ignore_errors=True)
        staging.rename(copy)
    return copy


def is_changed() -> bool:
    return (copy_dir() / "sample.json").is_file()


def reset() -> None:
    """Back to the built-in sample (the journal of its fixes goes too: nothing left to undo)."""
    shutil.rmtree(copy_dir(), ignore_errors=True)
    for run in journal.runs():
        if "demo" in run.sources.values():
            run.path.unlink(missing_ok=True)


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _write(path: Path, value: Any) -> None:
    write_atomically(path, json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8"))


class SampleAdapter(ReplayAdapter):
    """The replay of the sample, answering writes too (to the copy only)."""

    def send(self, request: requests.PreparedRequest, stream: bool = False,
             timeout: Any = None, verify: Any = True, cert: Any = None,
             proxies: Any = None) -> requests.Response:
        method = (request.method or "GET").upper()
        parts = urlsplit(request.url or "")
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        answer = self._dynamic(method, parts.path, query, request.body)
        if answer is None:
            return super().send(request, stream, timeout, verify, cert, proxies)
        status, body = answer
        self.served.append(Served(method, request.url or "", status))
        return _response(request, Route(method, parts.path, status=status),
                         json.dumps(body).encode("utf-8"))

    def _dynamic(self, method: str, path: str, query: Mapping[str, str],
                 raw: bytes | str | None) -> tuple[int, Any] | None:
        qbo = re.fullmatch(r"/v3/company/[^/]+/(customer|employee|vendor|query)(?:/(\d+))?",
                           path)
        if qbo is not None:
            entity, record_id = qbo.group(1), qbo.group(2)
            if entity == "query" and "displayname" not in query.get("query", "").lower():
                return None
            folder = self.folder.parent / "quickbooks"
            lists = {e: _read(folder / f)["QueryResponse"].get(e, [])
                     for e, f in _LIST_FILES.items()}
            book = QuickBooksBook(lists)
            if entity == "query":
                return book.select(query.get("query", ""))
            name = entity.capitalize()
            if method == "GET" and record_id:
                return book.read(name, record_id)
            if method == "POST" and not record_id:
                self._needs_copy()
                status, body = book.post(name, _json_body(raw))
                if status == 200:
                    for e, f in _LIST_FILES.items():
                        _write(folder / f, {"QueryResponse": {e: lists[e]}})
                return status, body
            return None
        cfy = re.fullmatch(r"/api/v1/workspaces/([^/]+)/(clients|projects)/([^/]+)", path)
        if cfy is not None and method in ("GET", "PUT"):
            folder = self.folder.parent / "clockify"
            clients, projects = _read(folder / "clients.json"), _read(folder / "projects.json")
            book_c = ClockifyBook(cfy.group(1), clients, projects)
            if method == "GET":
                return book_c.read(cfy.group(2), cfy.group(3))
            self._needs_copy()
            status, body = book_c.put(cfy.group(2), cfy.group(3), _json_body(raw))
            if status == 200:
                _write(folder / "clients.json", clients)
                _write(folder / "projects.json", projects)
            return status, body
        return None

    def _needs_copy(self) -> None:
        if not str(self.folder.resolve()).startswith(str(copy_dir().resolve())):
            raise PermissionError("the built-in sample is never written")


def session(routes: list[Route], side: str, folder: Path) -> requests.Session:
    """A session for one side (`clockify` or `quickbooks`) of the sample kept in `folder` (the
    built-in one or the copy); every http(s) request is answered here, none leaves the machine."""
    adapter = SampleAdapter(folder / side, routes)
    sess = requests.Session()
    sess.mount("https://", adapter)
    sess.mount("http://", adapter)
    return sess
