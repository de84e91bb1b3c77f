"""What a run states beside its checks: the facts (plan, payroll, company, workspace, time zone,
closing date) and both sides' name lists for the side-by-side tables."""

from __future__ import annotations

from wizard.core.checks.quickbooks_names import QuickBooksNames
from wizard.core.model import ClockifySide, QuickBooksSide
from wizard.core.plans import classify_plan
from wizard.core.result import Tables
from wizard.text import checks as say


def facts_of(clockify: ClockifySide, quickbooks: QuickBooksSide) -> dict[str, str]:
    facts: dict[str, str] = {}
    if clockify.data is not None:
        if clockify.data.workspace_name:
            facts["workspace"] = clockify.data.workspace_name
        if clockify.data.workspace_id:  # what a fix plan writes to
            facts["workspace_id"] = clockify.data.workspace_id
        facts["time_zone"] = clockify.data.time_zone or "UTC"
    if quickbooks.data is not None:
        company = quickbooks.data.company
        _, plan = classify_plan(company.offering_sku)
        facts["plan"] = plan if company.offering_sku else say.not_known()
        facts["payroll"] = say.on_off(company.payroll)
        if company.company_name:
            facts["company"] = company.company_name
        if company.subscription_status:
            facts["subscription"] = company.subscription_status
        close = quickbooks.data.preferences.book_close_date
        facts["closing_date"] = close.isoformat() if close else (
            say.not_known() if "closing_date" in quickbooks.data.unknown
            else say.no_closing_date())
        tt = quickbooks.data.preferences.time_tracking_enabled
        facts["time_tracking"] = say.on_off(tt, unknown=say.not_stated())
    return facts


def tables_of(names: QuickBooksNames | None) -> Tables:
    if names is None:
        return Tables()
    return Tables(  # named as the findings name them: without " (deleted)"
        employees=tuple((r.display_name, r.active) for r in names.employees),
        vendors=tuple((r.display_name, r.active) for r in names.vendors),
        customers=tuple((c.fully_qualified_name, c.active) for c in names.customers),
    )
