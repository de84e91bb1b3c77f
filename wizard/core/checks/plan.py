"""The plan check (SPEC §3.1): a QuickBooks plan and subscription that can take time entries."""

from __future__ import annotations

from wizard.core.checks.findings import CheckOutput, Subject, needs
from wizard.core.link_types import WebPlaces
from wizard.core.model import QuickBooksData
from wizard.core.plans import PlanVerdict, classify_plan, subscription_active
from wizard.core.result import Finding, Status, worst
from wizard.text import checks as say
from wizard.text import findings as texts


def check_plan(qbo: QuickBooksData | None, places: WebPlaces | None = None) -> CheckOutput:
    """`places`: where the records live on the web, for each finding's links."""
    if qbo is None:
        return needs("quickbooks")
    company, prefs = qbo.company, qbo.preferences
    verdict, plan_name = classify_plan(company.offering_sku)
    plan = Subject(check="plan", kind="plan", name=plan_name, places=places)
    findings: list[Finding] = []

    def add(code: str, status: Status, text: texts.Text) -> None:
        findings.append(plan.finding(code, status, text))

    plan_missing_from_files = company.offering_sku is None and "plan" in qbo.unknown
    if verdict is PlanVerdict.UNSUPPORTED:
        add("PLAN_UNSUPPORTED", Status.FAIL, texts.plan_unsupported(plan_name))
    if company.payroll:
        add("PLAN_PAYROLL", Status.FAIL, texts.plan_payroll(plan_name))
    elif verdict is PlanVerdict.ADVANCED and company.payroll is False:
        add("PLAN_ADVANCED", Status.WARN, texts.plan_advanced(plan_name))
    elif verdict is PlanVerdict.UNKNOWN and not plan_missing_from_files:
        add("PLAN_UNKNOWN", Status.WARN, texts.plan_unknown(company.offering_sku))
    elif verdict is PlanVerdict.SUPPORTED and company.payroll is False:
        add("PLAN_SUPPORTED", Status.PASS, texts.plan_supported(plan_name))
    if company.subscription_status and subscription_active(company.subscription_status) is False:
        add("SUBSCRIPTION_INACTIVE", Status.FAIL,
            texts.subscription_inactive(company.subscription_status))
    if prefs.time_tracking_enabled is False:
        add("TIME_TRACKING_OFF", Status.WARN, texts.time_tracking_off())

    summary = say.plan(plan_name, company.payroll)
    status = worst([f.status for f in findings])
    unknown = [reason for key, reason in qbo.unknown.items() if key in ("plan", "payroll")]
    if status is not Status.FAIL and (unknown or company.payroll is None):
        status = Status.NOT_CHECKED
        summary = say.plan_not_checked(unknown)
    elif "time_tracking" in qbo.unknown and prefs.time_tracking_enabled is None:
        summary = say.sentences(summary, say.time_tracking_unknown())
    return CheckOutput(status, summary, tuple(findings))
