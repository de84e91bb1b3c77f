"""The built-in sample company through the real clients: its stored answers are the JSON both
APIs return, served by a session that never leaves the machine (`sample_store`), and read — or
written, by fixes on the sample — by the same clients, parsers and writers as a live company.

That is on purpose (SPEC §2): the sample exercises the code a real company runs, not a shortcut
beside it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from wizard.core.checks import default_period
from wizard.core.model import ClockifyData, ClockifySide, QuickBooksData, QuickBooksSide
from wizard.sources import sample, sample_store
from wizard.sources.clockify import REGIONS, ClockifyClient
from wizard.sources.intuit import FixedToken
from wizard.sources.quickbooks import PRODUCTION_API_URL, QuickBooksClient, query_statement
from wizard.sources.quickbooks_http import MINOR_VERSION
from wizard.sources.replay import Route
from wizard.sources.writers import ClockifyWriter, QuickBooksWriter


def current_dir() -> Path:
    """Where the sample is read from: the changed copy when there is one."""
    return sample_store.copy_dir() if sample_store.is_changed() else sample.sample_dir()


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


def _quickbooks_routes(realm: str) -> list[Route]:
    """The sample company as the Accounting API would answer it: one page per list."""
    base = rf"/v3/company/{realm}"
    lists = [Route("GET", base + "/query", f"{name}.json",
                   query={"query": query_statement(entity, 1), "minorversion": MINOR_VERSION})
             for entity, name in (("Employee", "employees"), ("Vendor", "vendors"),
                                  ("Customer", "customers"))]
    return [Route("GET", rf"{base}/companyinfo/{realm}", "companyinfo.json"),
            Route("GET", base + "/preferences", "preferences.json"), *lists]


def load_clockify() -> ClockifyData:
    """The sample workspace, read by the live client through canned answers (SPEC §2)."""
    session = sample_store.session(_clockify_routes(), "clockify", current_dir())
    client = ClockifyClient(session, sample_store.SAMPLE_KEY, REGIONS[0].core_url,
                            REGIONS[0].reports_url, min_interval=0)
    # the sample has no web pages: its records exist only here (SPEC §4 links are null)
    return replace(client.read(default_period(sample.sample_info().today)), web_url=None)


def load_quickbooks() -> QuickBooksData:
    """The sample company, read by the live client through canned answers (SPEC §2)."""
    realm = sample.sample_info().realm_id
    session = sample_store.session(_quickbooks_routes(realm), "quickbooks", current_dir())
    client = QuickBooksClient(session, PRODUCTION_API_URL, realm, FixedToken(realm))
    return replace(client.read(), web_url=None)


def clockify_side() -> ClockifySide:
    return ClockifySide(source="demo", data=load_clockify())


def quickbooks_side() -> QuickBooksSide:
    return QuickBooksSide(source="demo", data=load_quickbooks())


class SampleWriters:
    """The live writers, pointed at the sample's writable copy (made on the first fix)."""

    def __init__(self) -> None:
        copy = sample_store.ensure_copy(sample.sample_dir())
        info = sample.sample_info()
        self.quickbooks = QuickBooksWriter(
            sample_store.session(_quickbooks_routes(info.realm_id), "quickbooks", copy),
            PRODUCTION_API_URL, info.realm_id, FixedToken(info.realm_id))
        self.clockify = ClockifyWriter(
            sample_store.session(_clockify_routes(), "clockify", copy), sample_store.SAMPLE_KEY,
            REGIONS[0].core_url, info.workspace_id)


def writers() -> SampleWriters:
    return SampleWriters()
