"""The built-in sample company, stored as the JSON both APIs return, read by the same parsers."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from wizard.core.model import ClockifyData, ClockifySide, QuickBooksData, QuickBooksSide
from wizard.resources import resource_path
from wizard.sources.replay import Route


@dataclass(frozen=True, slots=True)
class SampleInfo:
    name: str
    today: dt.date
    realm_id: str
    workspace_id: str
    time_zone: str


def sample_dir() -> Path:
    return resource_path("sample")


def _load(*parts: str) -> Any:
    """The built-in sample's facts (its name, day, ids: fixes never change them)."""
    return json.loads(sample_dir().joinpath(*parts).read_text(encoding="utf-8"))


def sample_info() -> SampleInfo:
    raw = _load("sample.json")
    return SampleInfo(name=raw["name"], today=dt.date.fromisoformat(raw["today"]),
                      realm_id=raw["realm_id"], workspace_id=raw["workspace_id"],
                      time_zone=raw["time_zone"])


def _clockify_routes() -> list[Route]:
    """The sample workspace as Clockify's hosts would answer it (the owner is its OWNER, so the
    WORKSPACE_ADMIN list is empty)."""
    ws = r"/api/v1/workspaces/[^/]+"
    last = {"Last-Page": "true"}
    return [
        Route("GET", r"/api/v1/user", "user.json"),
        Route("GET", r"/api/v1/workspaces", "workspaces-owner.json", query={"roles": "OWNER"}),
        Route("GET", r"/api/v1/workspaces", body=b"[]", query={"roles": "WORKSPACE_ADMIN"}),
        Route("GET", r"/api/v1/workspaces", "workspaces.json"),
        Route("GET", ws + "/users", "users.json", headers=last),
        Route("GET", ws + "/clients", "clients.json", headers=last),
        Route("GET", ws + "/projects", "projects.json", headers=last),
        Route("POST", r"/v1/workspaces/[^/]+/reports/detailed", "detailed-report.json"),
    ]


def load_clockify() -> ClockifyData:
    """The sample workspace, read by the live client through canned answers (SPEC §2)."""
    from wizard.core.checks import default_period
    from wizard.sources import sample_store
    from wizard.sources.clockify import REGIONS, ClockifyClient

    session = sample_store.session(_clockify_routes(), "clockify")
    client = ClockifyClient(session, sample_store.SAMPLE_KEY, REGIONS[0].core_url,
                            REGIONS[0].reports_url, min_interval=0)
    # the sample has no web pages: its records exist only here (SPEC §4 links are null)
    return replace(client.read(default_period(sample_info().today)), web_url=None)


def _quickbooks_routes(realm: str) -> list[Route]:
    """The sample company as the Accounting API would answer it: one page per list."""
    from wizard.sources.quickbooks import query_statement

    base = rf"/v3/company/{realm}"
    lists = [Route("GET", base + "/query", f"{name}.json",
                   query={"query": query_statement(entity, 1), "minorversion": "75"})
             for entity, name in (("Employee", "employees"), ("Vendor", "vendors"),
                                  ("Customer", "customers"))]
    return [Route("GET", rf"{base}/companyinfo/{realm}", "companyinfo.json"),
            Route("GET", base + "/preferences", "preferences.json"), *lists]


def load_quickbooks() -> QuickBooksData:
    """The sample company, read by the live client through canned answers (SPEC §2)."""
    from wizard.sources.intuit import FixedToken
    from wizard.sources.quickbooks import PRODUCTION_API_URL, QuickBooksClient

    realm = sample_info().realm_id
    from wizard.sources import sample_store

    session = sample_store.session(_quickbooks_routes(realm), "quickbooks")
    client = QuickBooksClient(session, PRODUCTION_API_URL, realm, FixedToken(realm))
    return replace(client.read(), web_url=None)


def clockify_side() -> ClockifySide:
    return ClockifySide(source="demo", data=load_clockify())


def quickbooks_side() -> QuickBooksSide:
    return QuickBooksSide(source="demo", data=load_quickbooks())
