"""Every check of SPEC §3, in order, from both sides' data: the one entry point of the checks.
Pure: no I/O, no clock, no Qt."""

from __future__ import annotations

import datetime as dt

from wizard.core import links as weblinks
from wizard.core.checks.connection import check_connection
from wizard.core.checks.customers import check_customers, used_keys
from wizard.core.checks.entries import check_entries, project_verdicts, user_verdicts
from wizard.core.checks.facts import facts_of, tables_of
from wizard.core.checks.findings import CheckOutput, needs
from wizard.core.checks.periods import entries_in_period, zone_named
from wizard.core.checks.plan import check_plan
from wizard.core.checks.quickbooks_names import QuickBooksNames
from wizard.core.checks.users import check_users
from wizard.core.gcpause import paused_gc
from wizard.core.link_types import WebPlaces
from wizard.core.model import ClockifySide, QuickBooksSide
from wizard.core.result import CHECK_IDS, CheckResult, EntriesSummary, Finding, RunResult
from wizard.text import checks as say


def run_checks(clockify: ClockifySide, quickbooks: QuickBooksSide,
               period: tuple[dt.date, dt.date], generated_at: dt.datetime,
               version: str) -> RunResult:
    """Every check, in SPEC order, from both sides' data."""
    with paused_gc(freeze=True):
        return _run_checks(clockify, quickbooks, period, generated_at, version)


def _run_checks(clockify: ClockifySide, quickbooks: QuickBooksSide,
                period: tuple[dt.date, dt.date], generated_at: dt.datetime,
                version: str) -> RunResult:
    cdata = clockify.data if clockify.problem is None else None
    qdata = quickbooks.data if quickbooks.problem is None else None
    places = WebPlaces(clockify=cdata.web_url if cdata else None,
                       workspace_id=cdata.workspace_id if cdata else None,
                       quickbooks=qdata.web_url if qdata else None)
    outputs: dict[str, CheckOutput] = {}
    outputs["plan"] = check_plan(qdata, places)

    names = QuickBooksNames(qdata) if qdata is not None else None
    zone = zone_named(cdata.time_zone if cdata else None)
    in_period = entries_in_period(cdata.entries, zone, period, cdata.entry_times_local) \
        if cdata is not None and cdata.entries is not None else None

    user_findings: tuple[Finding, ...] = ()
    if cdata is None:
        outputs["users"] = needs("clockify")
    elif qdata is None or names is None or qdata.employees is None:
        outputs["users"] = needs("employees")
    else:
        outputs["users"] = check_users(cdata.members, qdata, names, places)
        user_findings = outputs["users"].findings

    customer_findings: tuple[Finding, ...] = ()
    if cdata is None:
        outputs["customers"] = needs("clockify")
    elif qdata is None or names is None or qdata.customers is None:
        outputs["customers"] = needs("customers")
    else:
        used_projects, used_clients = used_keys(in_period.entries) if in_period is not None \
            else (None, None)
        outputs["customers"] = check_customers(cdata.clients, cdata.projects, names,
                                               used_projects, used_clients, places)
        customer_findings = outputs["customers"].findings
    # the name indexes are done with: free them before the entries' items are built (peak memory)
    tables = tables_of(names)
    del names

    entries_summary: EntriesSummary | None = None
    if cdata is None or in_period is None:
        outputs["entries"] = needs("entries")
    else:
        # each half of the mapping is checked when its QuickBooks list was read
        user_ok: dict[str, bool] | None = None
        user_ok_by_name: dict[str, bool] = {}
        project_ok: dict[str, bool] | None = None
        if qdata is not None and qdata.employees is not None:
            user_ok, user_ok_by_name = user_verdicts(user_findings)
        if qdata is not None and qdata.customers is not None:
            project_ok = project_verdicts(cdata.projects, customer_findings)
        close_date = qdata.preferences.book_close_date if qdata else None
        closing_known = qdata is not None and "closing_date" not in qdata.unknown
        not_admin = cdata.is_admin is False
        outputs["entries"], entries_summary = check_entries(
            in_period, user_ok, user_ok_by_name, project_ok, close_date, qdata is not None,
            closing_known, not_admin, weblinks.for_entries(places, period))

    outputs["connection"] = check_connection(clockify, quickbooks, places)

    checks = tuple(CheckResult(cid, outputs[cid].status, say.check_title(cid),
                               outputs[cid].summary) for cid in CHECK_IDS)
    # every finding was made with its links (each check was given `places`)
    findings = tuple(f for cid in CHECK_IDS for f in outputs[cid].findings)
    return RunResult(
        version=version, generated_at=generated_at, period=period,
        sources={"clockify": clockify.source, "quickbooks": quickbooks.source},
        checks=checks, findings=findings, entries=entries_summary,
        facts=facts_of(clockify, quickbooks), tables=tables, places=places)
