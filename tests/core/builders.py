"""Small builders for both sides' data, so each rule's test states only what matters to it."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable

from wizard.core.checks import run_checks
from wizard.core.model import (
    Client,
    ClockifyData,
    ClockifySide,
    CompanyInfo,
    Customer,
    Member,
    MembershipStatus,
    NameRecord,
    Preferences,
    Project,
    QuickBooksData,
    QuickBooksSide,
    TimeEntry,
)
from wizard.core.result import Finding, RunResult

PERIOD = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
NOW = dt.datetime(2026, 11, 30, 18, 0, tzinfo=dt.UTC)
_ids = itertools.count(1)


def member(name: str | None, status: MembershipStatus = MembershipStatus.ACTIVE,
           account: str | None = "ACTIVE", member_id: str | None = None) -> Member:
    return Member(id=member_id or f"u{next(_ids)}", name=name, membership_status=status,
                  account_status=account)


def employee(name: str, active: bool = True) -> NameRecord:
    return NameRecord(id=f"e{next(_ids)}", display_name=name, active=active)


def customers(*paths: str, inactive: Iterable[str] = ()) -> tuple[Customer, ...]:
    """Customers from `Parent:Child` paths (parents must come first)."""
    dead = set(inactive)
    ids: dict[str, str] = {}
    out = []
    for path in paths:
        parts = path.split(":")
        cid = f"c{next(_ids)}"
        ids[path] = cid
        parent = ":".join(parts[:-1]) or None
        out.append(Customer(id=cid, display_name=parts[-1], fully_qualified_name=path,
                            parent_id=ids[parent] if parent else None, level=len(parts) - 1,
                            active=path not in dead))
    return tuple(out)


def entry(user: Member, project: Project | None = None, day: dt.date = dt.date(2026, 11, 10),
          hours: float | None = 1.0, billable: bool = True, start_hour: int = 9,
          tz: dt.tzinfo = dt.UTC) -> TimeEntry:
    start = dt.datetime(day.year, day.month, day.day, start_hour, tzinfo=tz)
    end = None if hours is None else start + dt.timedelta(hours=hours)
    return TimeEntry(
        id=f"t{next(_ids)}", user_id=user.id, user_name=user.name,
        project_id=project.id if project else None, project_name=project.name if project else None,
        client_id=project.client_id if project else None,
        client_name=project.client_name if project else None, billable=billable, start=start,
        end=end, duration_s=None if hours is None else round(hours * 3600))


def clockify(members: Iterable[Member] = (), clients: Iterable[Client] = (),
             projects: Iterable[Project] = (), entries: Iterable[TimeEntry] | None = None,
             time_zone: str | None = "UTC", is_admin: bool | None = True,
             features: frozenset[str] | None = frozenset({"QUICKBOOKS_INTEGRATION"})
             ) -> ClockifySide:
    return ClockifySide(source="demo", data=ClockifyData(
        workspace_id="w1", workspace_name="Test Workspace", time_zone=time_zone,
        members=tuple(members), clients=tuple(clients), projects=tuple(projects),
        entries=None if entries is None else tuple(entries), features=features,
        is_admin=is_admin))


def quickbooks(employees: Iterable[NameRecord] = (), vendors: Iterable[NameRecord] = (),
               customer_list: Iterable[Customer] = (), plan: str | None = "QuickBooks Online Plus",
               payroll: bool | None = False, subscription: str | None = "PAID",
               time_tracking: bool | None = True,
               close: dt.date | None = None) -> QuickBooksSide:
    return QuickBooksSide(source="demo", data=QuickBooksData(
        company=CompanyInfo(company_name="Test Co", offering_sku=plan, payroll=payroll,
                            subscription_status=subscription),
        preferences=Preferences(time_tracking_enabled=time_tracking, book_close_date=close),
        employees=tuple(employees), vendors=tuple(vendors), customers=tuple(customer_list)))


def run(c: ClockifySide, q: QuickBooksSide,
        period: tuple[dt.date, dt.date] = PERIOD) -> RunResult:
    return run_checks(c, q, period, NOW, "0.0-test")


def finding(result: RunResult, subject: str, kind: str | None = None) -> Finding:
    found = [f for f in result.findings if f.subject == subject
             and (kind is None or f.subject_kind == kind)]
    assert len(found) == 1, f"expected one finding for {subject!r}, got {found}"
    return found[0]


def codes(result: RunResult, check: str) -> list[str]:
    return [f.code for f in result.findings if f.check == check]
