"""The users check (SPEC §3.2): each Clockify member an active QuickBooks employee of exactly
the same name."""

from __future__ import annotations

from wizard.core.checks.findings import CheckOutput, Subject, count_statuses, marked
from wizard.core.checks.quickbooks_names import QuickBooksNames
from wizard.core.link_types import WebPlaces
from wizard.core.model import Member, QuickBooksData
from wizard.core.result import Finding, Status, worst
from wizard.text import _
from wizard.text import checks as say
from wizard.text import findings as texts


def _user_finding(member: Member, names: QuickBooksNames, has_vendors: bool,
                  places: WebPlaces | None) -> Finding:
    name = member.name or ""
    deact = member.is_deactivated
    user = Subject(check="users", kind="user", name=member.name or _("(no name)"), id=member.id,
                   deactivated=deact, places=places)

    if member.is_pending:
        return user.finding("USER_PENDING", Status.WARN, texts.user_pending(member.name))
    matched = names.active_employees.exact(name)
    if matched:
        return user.finding("USER_MATCHED", Status.PASS, texts.user_matched(name, deact),
                            match=name, match_id=matched[0].id)
    inactive = names.inactive_employees.get(name)
    if inactive is not None:
        return marked(user.finding("EMPLOYEE_INACTIVE", Status.FAIL,
                                   texts.employee_inactive(name, deact),
                                   match=inactive.display_name, match_id=inactive.id), inactive)
    vendor = names.vendors_by_name.get(name) if has_vendors else None
    if vendor is not None:
        return user.finding("USER_IS_VENDOR", Status.FAIL, texts.user_is_vendor(name, deact),
                            match=name, match_id=vendor.id, match_type="vendor")
    near = names.active_employees.near(name)
    if near is not None:
        return user.finding("USER_NEAR_MATCH", Status.FAIL,
                            texts.user_near_match(name, near.name, near.kind, deact),
                            match=near.name, near_kind=near.kind.value, suggestion=near.name,
                            match_id=near.record.id)
    how = names.inactive_employees_how
    return user.finding("USER_NOT_IN_QBO", Status.FAIL,
                        texts.user_not_in_qbo(name, deact) if how is None
                        else texts.user_not_in_file(name, deact, how))


def check_users(members: tuple[Member, ...], qbo: QuickBooksData,
                names: QuickBooksNames, places: WebPlaces | None = None) -> CheckOutput:
    """`places`: where the records live on the web, for each finding's links."""
    findings = tuple(_user_finding(m, names, qbo.vendors is not None, places) for m in members)
    counts = count_statuses(findings)
    matched = sum(1 for f in findings if f.code == "USER_MATCHED")
    summary = say.users(matched, len(findings), counts[Status.FAIL], counts[Status.WARN],
                        qbo.vendors is not None)
    status = worst([f.status for f in findings])
    return CheckOutput(status, summary, findings)
