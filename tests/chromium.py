"""Headless Debian Chromium for the sign-in tests, with every request it makes written down.

Each visit runs a fresh Chromium with its own profile and `--log-net-log`; the net log is
Chromium's own record of each URL request it starts (URL, method, initiator, main frame or
not) and of its Local Network Access decisions, so a test can say exactly what a page asked for.
Host names other than localhost resolve to nothing: the browser's background traffic (update
checks and the like) can't leave the machine, and shows up as requests with no page behind them.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tests.conftest import require_tool

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"]
LOOPBACK = ("127.0.0.1", "localhost", "[::1]", "::1")
PHONE = (390, 844)  # CSS pixels of a common phone screen


@dataclass(frozen=True)
class Request:
    url: str
    method: str
    initiator: str  # the origin of the page that asked, or "not an origin" (typed, redirected)
    main_frame: bool

    @property
    def loopback(self) -> bool:
        return urlsplit(self.url).hostname in LOOPBACK


@dataclass
class Visit:
    dom: str
    requests: list[Request] = field(default_factory=list)
    network_checks: list[dict[str, Any]] = field(default_factory=list)

    def from_page(self, origin: str) -> list[Request]:
        """The requests the page at `origin` made (navigations it started included)."""
        return [r for r in self.requests if r.initiator == origin]

    @property
    def last_address(self) -> str:
        """Where the tab ended: the last main-frame request (also when it failed to load)."""
        return [r for r in self.requests if r.main_frame][-1].url


def _read_net_log(path: Path) -> tuple[list[Request], list[dict[str, Any]]]:
    log = json.loads(path.read_text(encoding="utf-8"))
    names = {number: name for name, number in log["constants"]["logEventTypes"].items()}
    requests, checks = [], []
    for event in log["events"]:
        kind, params = names.get(event["type"]), event.get("params") or {}
        if kind == "URL_REQUEST_START_JOB" and "url" in params:  # its begin phase
            requests.append(Request(params["url"], params.get("method", ""),
                                    params.get("initiator", ""),
                                    params.get("request_type") == "main frame"))
        elif kind == "LOCAL_NETWORK_ACCESS_CHECK":
            checks.append(params)
    return requests, checks


def visit(url: str, workdir: Path, *extra: str) -> Visit:
    """Open `url`, let it redirect and run its scripts, and return the final DOM and the log."""
    chromium = require_tool("chromium")
    workdir.mkdir(parents=True, exist_ok=True)
    net_log = workdir / "net-log.json"
    done = subprocess.run([chromium, *FLAGS, f"--user-data-dir={workdir / 'profile'}",
                           f"--log-net-log={net_log}", *extra, "--dump-dom", url],
                          capture_output=True, text=True, timeout=90, check=False)
    requests, checks = _read_net_log(net_log)
    return Visit(done.stdout, requests, checks)


def screenshot(url: str, png: Path, size: tuple[int, int] = PHONE, *extra: str) -> Path:
    """A picture of the page `url` ends on, at `size` CSS pixels."""
    chromium = require_tool("chromium")
    png.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([chromium, *FLAGS, f"--user-data-dir={png.parent / 'shot-profile'}",
                    f"--window-size={size[0]},{size[1]}", "--hide-scrollbars",
                    f"--screenshot={png}", *extra, url],
                   capture_output=True, text=True, timeout=90, check=False)
    return png
