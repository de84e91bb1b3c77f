"""Both sides put together from the files read: entries, members, projects and clients from
Clockify's exports; customers, employees and vendors from QuickBooks' lists, with what the user
answered for what no export tells (`Manual`) and the rest recorded in `QuickBooksData.unknown`
so the checks say `not_checked`.
"""

from __future__ import annotations

from collections.abc import Sequence

from wizard.core.errors import FileProblem
from wizard.core.model import (
    Client,
    ClockifyData,
    ClockifySide,
    CompanyInfo,
    Customer,
    Member,
    NameRecord,
    Preferences,
    Project,
    QuickBooksData,
    QuickBooksSide,
)
from wizard.sources.exports.readers import Parsed, marked_inactive, strip_deleted
from wizard.sources.request import Manual
from wizard.text import files as messages


def clockify_side(parsed: Sequence[Parsed], names: Sequence[str]) -> ClockifySide:
    """The Clockify side from whichever of the files (`names`, as read) are Clockify exports."""
    mine = [p for p in parsed if p.side == "clockify"]
    if not mine:
        raise FileProblem(messages.no_side_file(list(names), "clockify"))
    detailed = [p for p in mine if p.kind == "clockify_detailed"]
    team = [p for p in mine if p.kind == "clockify_team"]
    listed = [p for p in mine if p.kind == "clockify_projects"]
    if not detailed and not team:
        raise FileProblem(messages.no_people([p.path.name for p in mine]))
    entries = [e for p in detailed for e in p.entries] if detailed else None

    members: list[Member] = [m for p in team for m in p.members]
    known_members = {m.name for m in members if m.name}
    for e in entries or ():
        if e.user_name and e.user_name not in known_members:
            known_members.add(e.user_name)
            members.append(Member(id=None, name=e.user_name))

    projects: dict[tuple[str, str], Project] = {}
    for p in listed:
        for project in p.projects:
            projects.setdefault((project.client_name or "", project.name), project)
    for e in entries or ():
        if e.project_name:
            projects.setdefault((e.client_name or "", e.project_name),
                                Project(id=None, name=e.project_name, client_name=e.client_name))
    client_names: dict[str, None] = {}
    for project in projects.values():
        if project.client_name:
            client_names.setdefault(project.client_name)
    for e in entries or ():
        if e.client_name:
            client_names.setdefault(e.client_name)

    period = None
    periods = [p.period for p in detailed if p.period]
    if periods:
        period = (min(a for a, _ in periods), max(b for _, b in periods))
    data = ClockifyData(
        workspace_id=None, workspace_name=None, time_zone=None, members=tuple(members),
        clients=tuple(Client(id=None, name=n) for n in client_names),
        projects=tuple(projects.values()),
        entries=tuple(entries) if entries is not None else None, period=period)
    return ClockifySide(source="file", data=data)


def _customers(raw_names: list[str]) -> list[Customer]:
    """`Parent:Child` full names → customers, each parent present once (added when missing).

    A ` (deleted)` marker on any level makes that record and everything under it inactive
    (QuickBooks refuses time for a customer whose parent is inactive). Names lose the marker,
    except where an inactive record shares its name, less the marker, with an active one: its
    full name then keeps the marker, so the two stay separate records findings tell apart.
    """
    # the full names of unmarked rows and their parents: a real file writes a record under an
    # inactive parent with the parent's marker (`Parent (deleted):Job`), so these are active
    active_paths = {":".join(raw.split(":")[:depth]) for raw in raw_names
                    if not marked_inactive(raw, "qbo_customers")
                    for depth in range(1, raw.count(":") + 2)}
    found: dict[str, Customer] = {}
    real: set[str] = set()
    for raw in raw_names:
        names: list[str] = []  # display names
        path: list[str] = []  # the full name's segments, a marker kept where it tells apart
        inactive = False
        for depth, segment in enumerate(raw.split(":")):
            display, marked = strip_deleted(segment)
            inactive = inactive or marked
            kept = segment if marked and ":".join([*path, display]) in active_paths else display
            names.append(display)
            path.append(kept)
            fqn = ":".join(path)
            last = depth == raw.count(":")
            if last and fqn in real:
                break
            if last:
                real.add(fqn)
            if last or fqn not in found:
                found[fqn] = Customer(id=None, display_name=display, fully_qualified_name=fqn,
                                      level=depth, active=not inactive)
    for fqn, customer in sorted(found.items(), key=lambda kv: kv[1].level):
        parent = found.get(customer.parent_path or "")
        if customer.active and parent is not None and not parent.active:
            found[fqn] = customer._replace(active=False)  # under an inactive parent
    return list(found.values())


def _name_records(records: list[tuple[str, bool]]) -> tuple[NameRecord, ...]:
    out = []
    for raw, _ in records:
        display, deleted = strip_deleted(raw)
        out.append(NameRecord(id=None, display_name=display, active=not deleted))
    return tuple(out)


def quickbooks_side(parsed: Sequence[Parsed], names: Sequence[str],
                    manual: Manual) -> QuickBooksSide:
    """The QuickBooks side from whichever of the files (`names`, as read) are QuickBooks
    exports, plus what the user answered for plan, payroll and closing date; the rest goes to
    `unknown`."""
    mine = [p for p in parsed if p.side == "quickbooks"]
    if not mine:
        raise FileProblem(messages.no_side_file(list(names), "quickbooks"))

    def records(kind: str) -> list[tuple[str, bool]] | None:
        files = [p for p in mine if p.kind == kind]
        return [r for p in files for r in p.records] if files else None

    contact, page = records("qbo_customers"), records("qbo_customers_page")
    customer_rows = contact if contact is not None else page
    customers = tuple(_customers([n for n, _ in customer_rows])) \
        if customer_rows is not None else None
    employees_raw, vendors_raw = records("qbo_employees"), records("qbo_vendors")
    employees = _name_records(employees_raw) if employees_raw is not None else None
    vendors = _name_records(vendors_raw) if vendors_raw is not None else None

    plan, payroll, closing = manual.plan, manual.payroll, manual.closing_date
    closing_given = manual.closing_date_given or closing is not None
    unknown: dict[str, str] = {}
    if plan is None:
        unknown["plan"] = messages.unknown(messages.UNKNOWN_PLAN)
    if payroll is None:
        unknown["payroll"] = messages.unknown(messages.UNKNOWN_PAYROLL)
    if not closing_given:
        unknown["closing_date"] = messages.unknown(messages.UNKNOWN_CLOSING)
    unknown["time_tracking"] = messages.unknown(messages.UNKNOWN_TIME_TRACKING)
    # a list that marks no one inactive may have left inactive records out (exports.md §10)
    customer_kind = "qbo_customers" if contact is not None else "qbo_customers_page"
    for key, kind, how in (("inactive_customers", customer_kind, messages.INACTIVE_CUSTOMERS_HOW),
                           ("inactive_employees", "qbo_employees", messages.INACTIVE_EMPLOYEES_HOW),
                           ("inactive_vendors", "qbo_vendors", messages.INACTIVE_VENDORS_HOW)):
        used = [p for p in mine if p.kind == kind]
        if used and not any(p.marks_inactive for p in used):
            unknown[key] = messages.unknown(how)
    company = next((p.company for p in mine if p.company), None)
    data = QuickBooksData(
        company=CompanyInfo(company_name=company, offering_sku=plan, payroll=payroll),
        preferences=Preferences(time_tracking_enabled=None,
                                book_close_date=closing),
        employees=employees, vendors=vendors, customers=customers, unknown=unknown)
    return QuickBooksSide(source="file", data=data)
