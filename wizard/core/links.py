"""The web page where each finding's record is fixed (SPEC §4 `links`, §5 "Links").

Pure: URLs are built from record ids and the web addresses the sources found (a Clockify data
region or subdomain has its own; a QuickBooks sandbox company lives on another host). A side
read from files or from the sample company has no web address, so its links are `None`.
Where no page of the record itself is known, the list page is used (QuickBooks employees).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import quote, quote_plus, urlencode

from wizard.core.link_types import NO_LINKS, Links, WebPlaces

if TYPE_CHECKING:
    from wizard.core.result import Finding

CLOCKIFY_WEB = "https://app.clockify.me"
QUICKBOOKS_WEB = "https://app.qbo.intuit.com"
QUICKBOOKS_SANDBOX_WEB = "https://app.sandbox.qbo.intuit.com"


# --- Clockify pages -----------------------------------------------------------------------------

def _seg(value: str) -> str:
    """A path segment. Record ids are letters and digits, which quoting leaves as they are: they
    skip it (a large company's findings each make one or two links)."""
    return value if value.isascii() and value.isalnum() else quote(value, safe="")


def _name_id(record_id: str) -> str:
    """`nameId=…` as `urlencode` writes it, without its cost for the usual letters and digits."""
    return "nameId=" + (record_id if record_id.isascii() and record_id.isalnum()
                        else quote_plus(record_id))


def clockify_project(base: str, project_id: str) -> str:
    return f"{base}/projects/{_seg(project_id)}/edit"


def clockify_clients(base: str) -> str:
    return f"{base}/clients"


def clockify_team(base: str, workspace_id: str) -> str:
    return f"{base}/workspaces/{_seg(workspace_id)}/team"


def clockify_settings(base: str, workspace_id: str) -> str:
    return f"{base}/workspaces/{_seg(workspace_id)}/settings"


def clockify_detailed_report(base: str, period: tuple[dt.date, dt.date]) -> str:
    """The Detailed report over the period's whole days."""
    start, end = period
    query = urlencode({"start": f"{start.isoformat()}T00:00:00.000Z",
                       "end": f"{end.isoformat()}T23:59:59.999Z"})
    return f"{base}/reports/detailed?{query}"


# --- QuickBooks pages ---------------------------------------------------------------------------

def quickbooks_customer(base: str, record_id: str) -> str:
    """A customer's or sub-customer's own page."""
    return f"{base}/app/customerdetail?{_name_id(record_id)}"


def quickbooks_vendor(base: str, record_id: str) -> str:
    return f"{base}/app/vendordetail?{_name_id(record_id)}"


def quickbooks_employees(base: str) -> str:
    """The employee list: no employee record page is confirmed."""
    return f"{base}/app/employees"


def quickbooks_billing(base: str) -> str:
    return f"{base}/app/billing"


# --- per finding --------------------------------------------------------------------------------

_PLAN_CODES = frozenset({"PLAN_UNSUPPORTED", "PLAN_ADVANCED", "PLAN_PAYROLL", "PLAN_UNKNOWN",
                         "PLAN_SUPPORTED", "SUBSCRIPTION_INACTIVE"})


class Target(NamedTuple):
    """What a finding's links depend on: the kind of its subject and record ids."""

    subject_kind: str
    code: str
    subject_id: str | None
    match_type: str | None
    match_id: str | None


def _quickbooks_record(base: str, finding: Target) -> str | None:
    """The QuickBooks page of the record the finding names, by its kind and id (an employee
    for users and a customer for clients and projects, unless the finding says otherwise)."""
    usual = "employee" if finding.subject_kind == "user" else "customer"
    kind, record_id = finding.match_type or usual, finding.match_id
    if kind == "employee":
        return quickbooks_employees(base)
    if kind == "vendor" and record_id:
        return quickbooks_vendor(base, record_id)
    if kind == "customer" and record_id:
        return quickbooks_customer(base, record_id)
    return None


def _clockify_page(base: str, workspace_id: str | None, finding: Target) -> str | None:
    kind = finding.subject_kind
    if kind == "user":
        return clockify_team(base, workspace_id) if workspace_id else None
    if kind == "client":
        return clockify_clients(base)
    if kind == "project":
        return clockify_project(base, finding.subject_id) if finding.subject_id else None
    if kind == "connection" and workspace_id:
        if finding.code == "CLOCKIFY_NOT_ADMIN":
            return clockify_team(base, workspace_id)
        if finding.code == "CLOCKIFY_NO_QUICKBOOKS":
            return clockify_settings(base, workspace_id)
    return None


def _quickbooks_page(base: str, finding: Target) -> str | None:
    kind = finding.subject_kind
    if kind == "user":
        # the record's own page where it is a vendor; otherwise the employees it belongs among
        return _quickbooks_record(base, finding) or quickbooks_employees(base)
    if kind in ("client", "project"):
        return _quickbooks_record(base, finding)
    if kind == "plan" and finding.code in _PLAN_CODES:
        return quickbooks_billing(base)
    return None


def for_finding(finding: Finding, places: WebPlaces) -> Links:
    """The pages where this finding's record is fixed, on whichever sides have a web app."""
    return for_target(Target(finding.subject_kind, finding.code, finding.subject_id,
                             finding.match_type, finding.match_id), places)


def for_target(target: Target, places: WebPlaces) -> Links:
    """`for_finding` of a finding about to be made (the checks make each one with its links)."""
    clockify = _clockify_page(places.clockify, places.workspace_id, target) \
        if places.clockify else None
    quickbooks = _quickbooks_page(places.quickbooks, target) if places.quickbooks else None
    return Links(clockify=clockify, quickbooks=quickbooks)


def for_entries(places: WebPlaces, period: tuple[dt.date, dt.date]) -> Links:
    """Every listed entry's page: the Detailed report over the period (one object, shared)."""
    if not places.clockify:
        return NO_LINKS
    return Links(clockify=clockify_detailed_report(places.clockify, period))


def name_to_type(finding: Finding) -> tuple[str, str] | None:
    """The exact name the fix asks the person to type, and where ("quickbooks" or
    "clockify"), for Copy name; None when there is nothing to type.

    A user's name is the Clockify member's own (only the member can change it): it is typed
    into QuickBooks as the employee's Display name. A client's or project's suggestion is the
    QuickBooks name to type in Clockify; without one, its own name is what QuickBooks needs.
    """
    kind = finding.subject_kind
    if kind == "user":
        return (finding.subject, "quickbooks") if finding.code != "USER_PENDING" else None
    if kind in ("client", "project"):
        if finding.suggestion:
            return finding.suggestion, "clockify"
        return finding.subject, "quickbooks"
    return None
