"""The five checks of SPEC §3, applied to both sides' data. Pure: no I/O, no clock, no Qt."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from operator import itemgetter
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from wizard.core import deleted
from wizard.core import links as weblinks
from wizard.core.gcpause import paused_gc
from wizard.core.link_types import Links, WebPlaces
from wizard.core.model import (
    Client,
    ClockifySide,
    Customer,
    Member,
    NameRecord,
    Project,
    QuickBooksData,
    QuickBooksSide,
    TimeEntry,
    client_key,
    project_key,
)
from wizard.core.names import NameIndex
from wizard.core.plans import PlanVerdict, classify_plan, subscription_active
from wizard.core.result import (
    CHECK_IDS,
    CheckResult,
    EntriesSummary,
    EntryItem,
    Finding,
    RunResult,
    Status,
    Tables,
    worst,
)
from wizard.text import _
from wizard.text import checks as say
from wizard.text import connection as connection_texts
from wizard.text import findings as texts

MAX_SYNC_SECONDS = 23 * 3600 + 55 * 60  # 86 100 s still syncs
REASON_ORDER = ("ENTRY_NOT_BILLABLE", "ENTRY_NO_PROJECT", "ENTRY_USER_UNMAPPED",
                "ENTRY_PROJECT_UNMAPPED", "ENTRY_RUNNING", "ENTRY_TOO_LONG", "ENTRY_BOOKS_CLOSED")
# one bit per entry reason, in REASON_ORDER (the order an entry's reasons are listed in)
(_NOT_BILLABLE, _NO_PROJECT, _USER_UNMAPPED, _PROJECT_UNMAPPED, _RUNNING, _TOO_LONG,
 _BOOKS_CLOSED) = (1 << i for i in range(len(REASON_ORDER)))
_REASONS_BY_MASK = tuple(tuple(reason for i, reason in enumerate(REASON_ORDER) if mask >> i & 1)
                         for mask in range(1 << len(REASON_ORDER)))


@dataclass(frozen=True, slots=True)
class _CheckOutput:
    status: Status
    summary: str
    findings: tuple[Finding, ...] = ()


def _count_statuses(findings: Iterable[Finding]) -> Counter[Status]:
    return Counter(f.status for f in findings)


def _needs(what: str) -> _CheckOutput:
    """`what`: clockify, quickbooks, employees, customers or entries."""
    return _CheckOutput(Status.NOT_CHECKED, say.needs(what))


# --- plan -------------------------------------------------------------------------------------

def check_plan(qbo: QuickBooksData | None) -> _CheckOutput:
    if qbo is None:
        return _needs("quickbooks")
    company, prefs = qbo.company, qbo.preferences
    verdict, plan_name = classify_plan(company.offering_sku)
    findings: list[Finding] = []

    def add(code: str, status: Status, text: texts.Text) -> None:
        findings.append(Finding(code=code, check="plan", status=status, subject=plan_name,
                                subject_kind="plan", message=text.message, fix=text.fix))

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
        summary += say.JOIN + say.time_tracking_unknown()
    return _CheckOutput(status, summary, tuple(findings))


# --- users --------------------------------------------------------------------------------------

class _QboNames:
    """Indexes over QuickBooks' employees, vendors and customers, built once per run."""

    def __init__(self, qbo: QuickBooksData) -> None:
        # " (deleted)" stripped at every level (SPEC §3.6), whatever the source
        employees = deleted.clean_records(qbo.employees or ())
        self.inactive_employees: dict[str, NameRecord] = {}
        for rec in employees:
            if not rec.active:
                self.inactive_employees.setdefault(rec.display_name, rec)
        self.active_employees = NameIndex([r for r in employees if r.active],
                                          lambda r: r.display_name)
        self.vendors_by_name: dict[str, NameRecord] = {}
        for rec in deleted.clean_records(qbo.vendors or ()):
            self.vendors_by_name.setdefault(rec.display_name, rec)
        self.vendor_names = self.vendors_by_name.keys()
        self.employee_names = {r.display_name for r in employees}
        # from files that may leave inactive records out: how to get them (else None)
        self.inactive_customers_how = qbo.unknown.get("inactive_customers")
        self.inactive_employees_how = qbo.unknown.get("inactive_employees")
        customers = deleted.clean_customers(qbo.customers or ())
        self.customers = customers
        self.by_id = {c.id: c for c in customers if c.id}
        self.by_fqn: dict[str, Customer] = {}
        for c in customers:  # an active namesake wins over one that was "(deleted)"
            held = self.by_fqn.get(c.fully_qualified_name)
            if held is None or (c.active and not held.active):
                self.by_fqn[c.fully_qualified_name] = c
        self.has_children: set[str] = set()
        for c in customers:
            parent = self.parent_of(c)
            if parent is not None:
                self.has_children.add(parent.fully_qualified_name)
        self.by_name: dict[str, list[Customer]] = {}
        for c in customers:
            self.by_name.setdefault(c.display_name, []).append(c)
        self.all_customers: NameIndex[Customer] = NameIndex(customers, lambda c: c.display_name)
        self.top_level: NameIndex[Customer] = NameIndex(
            [c for c in customers if self.parent_of(c) is None], lambda c: c.display_name)
        self.sub_customers: NameIndex[Customer] = NameIndex(
            [c for c in customers if self.parent_of(c) is not None], lambda c: c.display_name)
        self._children: dict[str, list[Customer]] = {}
        for c in customers:
            parent = self.parent_of(c)
            if parent is not None:
                self._children.setdefault(parent.fully_qualified_name, []).append(c)
        self._child_index: dict[str, NameIndex[Customer]] = {}

    def parent_of(self, c: Customer) -> Customer | None:
        if c.parent_id and c.parent_id in self.by_id:
            return self.by_id[c.parent_id]
        path = c.parent_path
        return self.by_fqn.get(path) if path else None

    def children_of(self, parent: Customer) -> NameIndex[Customer]:
        key = parent.fully_qualified_name
        if key not in self._child_index:
            self._child_index[key] = NameIndex(self._children.get(key, ()),
                                               lambda c: c.display_name)
        return self._child_index[key]

    def taken_by(self, name: str) -> str | None:
        if name in self.employee_names:
            return "employee"
        if name in self.vendor_names:
            return "vendor"
        return None


def _marked(finding: Finding, record: NameRecord | Customer) -> Finding:
    """Say that the inactive record `match` names was called "… (deleted)" in QuickBooks:
    `match` names it without the suffix, and reactivating it drops the suffix too."""
    return dataclasses.replace(finding, match_named_deleted=True) if record.named_deleted \
        else finding


def _user_finding(member: Member, names: _QboNames, has_vendors: bool) -> Finding:
    name = member.name or ""
    deact = member.is_deactivated

    def make(code: str, status: Status, text: texts.Text, match: str | None = None,
             near_kind: str | None = None, suggestion: str | None = None,
             match_id: str | None = None, match_type: str | None = None) -> Finding:
        return Finding(code=code, check="users", status=status,
                       subject=member.name or _("(no name)"), subject_kind="user",
                       subject_id=member.id, message=text.message, fix=text.fix, match=match,
                       near_kind=near_kind, suggestion=suggestion, deactivated=deact,
                       match_id=match_id, match_type=match_type)

    if member.is_pending:
        return make("USER_PENDING", Status.WARN, texts.user_pending(member.name))
    matched = names.active_employees.exact(name)
    if matched:
        return make("USER_MATCHED", Status.PASS, texts.user_matched(name, deact), match=name,
                    match_id=matched[0].id)
    inactive = names.inactive_employees.get(name)
    if inactive is not None:
        return _marked(make("EMPLOYEE_INACTIVE", Status.FAIL, texts.employee_inactive(name, deact),
                            match=inactive.display_name, match_id=inactive.id), inactive)
    vendor = names.vendors_by_name.get(name) if has_vendors else None
    if vendor is not None:
        return make("USER_IS_VENDOR", Status.FAIL, texts.user_is_vendor(name, deact), match=name,
                    match_id=vendor.id, match_type="vendor")
    near = names.active_employees.near(name)
    if near is not None:
        return make("USER_NEAR_MATCH", Status.FAIL,
                    texts.user_near_match(name, near.name, near.kind, deact),
                    match=near.name, near_kind=near.kind.value, suggestion=near.name,
                    match_id=near.record.id)
    how = names.inactive_employees_how
    return make("USER_NOT_IN_QBO", Status.FAIL, texts.user_not_in_qbo(name, deact) if how is None
                else texts.user_not_in_file(name, deact, how))


def check_users(members: tuple[Member, ...], qbo: QuickBooksData,
                names: _QboNames) -> _CheckOutput:
    findings = tuple(_user_finding(m, names, qbo.vendors is not None) for m in members)
    counts = _count_statuses(findings)
    matched = sum(1 for f in findings if f.code == "USER_MATCHED")
    summary = say.users(matched, len(findings), counts[Status.FAIL], counts[Status.WARN],
                        qbo.vendors is not None)
    status = worst([f.status for f in findings])
    return _CheckOutput(status, summary, findings)


# --- clients and projects ---------------------------------------------------------------------

def _prefer_active(c: Customer) -> bool:
    return c.active


def _best(candidates: list[Customer]) -> Customer:
    """Active before inactive, shallower before deeper."""
    return min(candidates, key=lambda c: (not c.active, c.level))


def _colon_counterpart(name: str, candidates: NameIndex[Customer]) -> str | None:
    """The QuickBooks name a colon-named client or project was most likely meant to be:
    "Q4: Ads" → "Q4 Ads" (a colon can't be in a QuickBooks name, so it is never identical)."""
    without = " ".join(name.replace(":", " ").split())
    if candidates.exact(without):
        return without
    near = candidates.near(without, prefer=_prefer_active)
    return near.name if near is not None else None


def _client_finding(client: Client, names: _QboNames) -> tuple[Finding, Customer | None]:
    """The client's finding, and the QuickBooks parent it maps to when matched."""
    name = client.name

    def make(code: str, status: Status, text: texts.Text, match: str | None = None,
             near_kind: str | None = None, suggestion: str | None = None,
             match_id: str | None = None, match_type: str | None = None) -> Finding:
        return Finding(code=code, check="customers", status=status, subject=name,
                       subject_kind="client", subject_id=client.id, message=text.message,
                       fix=text.fix, match=match, near_kind=near_kind, suggestion=suggestion,
                       archived=client.archived, match_id=match_id,
                       match_type=match_type)

    if ":" in name:
        existing = _colon_counterpart(name, names.all_customers)
        return make("NAME_HAS_COLON", Status.FAIL,
                    texts.name_has_colon("client", name, None, existing),
                    suggestion=existing), None
    same = names.by_name.get(name, [])
    parents = [c for c in same if names.parent_of(c) is None
               or c.fully_qualified_name in names.has_children]
    if parents:
        best = _best(parents)
        fqn = best.fully_qualified_name
        if best.active:
            return make("CLIENT_MATCHED", Status.PASS, texts.client_matched(name, fqn),
                        match=fqn, match_id=best.id), best
        return _marked(make("CUSTOMER_INACTIVE", Status.FAIL,
                            texts.customer_inactive("client", name, None, fqn), match=fqn,
                            match_id=best.id), best), None
    near = names.all_customers.near(name, prefer=_prefer_active)
    if near is not None and near.name not in names.by_name.get(name, ()):
        fqn = near.record.fully_qualified_name
        return make("CLIENT_NEAR_MATCH", Status.FAIL,
                    texts.near_match("client", name, None, fqn, near.name, near.kind),
                    match=fqn, near_kind=near.kind.value, suggestion=near.name,
                    match_id=near.record.id), None
    taken = names.taken_by(name)
    if taken is not None:
        return make("NAME_TAKEN_IN_QBO", Status.FAIL,
                    texts.name_taken("client", name, None, taken), match_type=taken), None
    leaf_of = None
    if same:
        parent = names.parent_of(same[0])
        leaf_of = parent.fully_qualified_name if parent else None
    how = names.inactive_customers_how
    return make("CLIENT_NOT_IN_QBO", Status.FAIL,
                texts.not_in_qbo("client", name, None, leaf_of) if how is None or leaf_of
                else texts.not_in_file("client", name, None, how),
                match=same[0].fully_qualified_name if same else None), None


def _project_finding(project: Project, client_finding: Finding | None,
                     parent: Customer | None, names: _QboNames) -> Finding:
    name, client = project.name, project.client_name

    def make(code: str, status: Status, text: texts.Text, match: str | None = None,
             near_kind: str | None = None, suggestion: str | None = None,
             match_id: str | None = None, match_type: str | None = None) -> Finding:
        return Finding(code=code, check="customers", status=status, subject=name,
                       subject_kind="project", subject_id=project.id, client=client,
                       message=text.message, fix=text.fix, match=match, near_kind=near_kind,
                       suggestion=suggestion, archived=project.archived, match_id=match_id,
                       match_type=match_type)

    if ":" in name:
        candidates = names.children_of(parent) if client and parent is not None else (
            None if client else names.top_level)
        existing = _colon_counterpart(name, candidates) if candidates is not None else None
        return make("NAME_HAS_COLON", Status.FAIL,
                    texts.name_has_colon("project", name, client, existing),
                    suggestion=existing)
    if client:
        if parent is None:
            return make("PROJECT_CLIENT_UNMATCHED", Status.FAIL,
                        texts.project_client_unmatched(name, client))
        children = names.children_of(parent)
        direct = children.exact(name)  # inactive children included
        if direct:
            best = _best(list(direct))
            fqn = best.fully_qualified_name
            if best.active:
                return make("PROJECT_MATCHED", Status.PASS,
                            texts.project_matched(name, client, fqn), match=fqn,
                            match_id=best.id)
            return _marked(make("CUSTOMER_INACTIVE", Status.FAIL,
                                texts.customer_inactive("project", name, client, fqn),
                                match=fqn, match_id=best.id), best)
        # only unmatched projects get here, so looking through every namesake is affordable
        elsewhere = names.sub_customers.exact(name)
        if elsewhere:
            other = _best(elsewhere)
            other_parent = names.parent_of(other)
            assert other_parent is not None
            return make("PROJECT_WRONG_PARENT", Status.FAIL,
                        texts.project_wrong_parent(name, client, other.fully_qualified_name,
                                                   other_parent.fully_qualified_name),
                        match=other.fully_qualified_name, match_id=other.id)
        top = names.top_level.exact(name)
        if top:
            return make("PROJECT_NOT_SUBCUSTOMER", Status.FAIL,
                        texts.project_not_subcustomer(name, client),
                        match=top[0].fully_qualified_name, match_id=top[0].id)
        near = children.near(name, prefer=_prefer_active)
    else:
        top = names.top_level.exact(name)
        if top:
            best = _best(top)
            fqn = best.fully_qualified_name
            if best.active:
                return make("PROJECT_MATCHED", Status.PASS, texts.project_matched(name, None, fqn),
                            match=fqn, match_id=best.id)
            return _marked(make("CUSTOMER_INACTIVE", Status.FAIL,
                                texts.customer_inactive("project", name, None, fqn),
                                match=fqn, match_id=best.id), best)
        subs = names.sub_customers.exact(name)
        if subs:
            sub = _best(subs)
            sub_parent = names.parent_of(sub)
            parent_name = sub_parent.display_name if sub_parent else (sub.parent_path or "")
            return make("PROJECT_IS_SUBCUSTOMER", Status.WARN,
                        texts.project_is_subcustomer(name, sub.fully_qualified_name, parent_name),
                        match=sub.fully_qualified_name, suggestion=parent_name,
                        match_id=sub.id)
        near = names.top_level.near(name, prefer=_prefer_active)
    if near is not None:
        fqn = near.record.fully_qualified_name
        return make("PROJECT_NEAR_MATCH", Status.FAIL,
                    texts.near_match("project", name, client, fqn, near.name, near.kind),
                    match=fqn, near_kind=near.kind.value, suggestion=near.name,
                    match_id=near.record.id)
    taken = names.taken_by(name)
    if taken is not None:
        return make("NAME_TAKEN_IN_QBO", Status.FAIL,
                    texts.name_taken("project", name, client, taken), match_type=taken)
    how = names.inactive_customers_how
    return make("PROJECT_NOT_IN_QBO", Status.FAIL,
                texts.not_in_qbo("project", name, client) if how is None
                else texts.not_in_file("project", name, client, how))


def check_customers(clients: tuple[Client, ...], projects: tuple[Project, ...],
                    names: _QboNames, used_projects: set[str | None] | None,
                    used_clients: set[str | None] | None) -> _CheckOutput:
    """`used_*` are the keys with entries in the period, or None when entries weren't loaded."""
    findings: list[Finding] = []
    skipped = 0
    client_result: dict[str, tuple[Finding, Customer | None]] = {}
    client_by_name: dict[str, tuple[Finding, Customer | None]] = {}

    def client_used(c: Client) -> bool:
        return used_clients is None or client_key(c.id, c.name) in used_clients \
            or f"\x1f{c.name}" in used_clients

    def project_used(p: Project) -> bool:
        return used_projects is None or p.key in used_projects \
            or project_key(None, p.client_name, p.name) in used_projects

    for client in clients:
        result = _client_finding(client, names)
        client_result[client_key(client.id, client.name)] = result
        client_by_name.setdefault(client.name, result)
        if client.archived and not client_used(client):
            skipped += 1
            continue
        findings.append(result[0])
    for project in projects:
        if project.archived and not project_used(project):
            skipped += 1
            continue
        cf: tuple[Finding, Customer | None] | None = None
        if project.client_name:
            cf = client_result.get(client_key(project.client_id, project.client_name)) \
                or client_by_name.get(project.client_name)
            if cf is None:  # a client missing from the client list: judge it by its name
                cf = _client_finding(Client(project.client_id, project.client_name), names)
                client_by_name[project.client_name] = cf
        findings.append(_project_finding(project, cf[0] if cf else None,
                                         cf[1] if cf else None, names))
    counts = _count_statuses(findings)
    matched = sum(1 for f in findings if f.code in ("CLIENT_MATCHED", "PROJECT_MATCHED"))
    summary = say.customers(matched, len(findings), counts[Status.FAIL], skipped)
    return _CheckOutput(worst([f.status for f in findings]), summary, tuple(findings))


# --- entries ------------------------------------------------------------------------------------

def _zone(name: str | None) -> dt.tzinfo:
    if not name:
        return dt.UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return dt.UTC


class _LocalDays:
    """Calendar day of an instant in one zone, fast for hundreds of thousands of entries.

    Offsets are looked up per quarter hour (every zone changes its offset on a quarter-hour
    boundary) and cached, so each entry costs a timestamp and two dictionary reads.
    """

    _SLOT = 900

    def __init__(self, zone: dt.tzinfo) -> None:
        self._zone = zone
        self._offsets: dict[int, int] = {}
        self._days: dict[int, dt.date] = {}

    def day_number(self, instant: dt.datetime) -> int:
        ts = int(instant.timestamp())
        slot = ts // self._SLOT
        offset = self._offsets.get(slot)
        if offset is None:
            local = dt.datetime.fromtimestamp(slot * self._SLOT, self._zone)
            delta = local.utcoffset()
            offset = int(delta.total_seconds()) if delta is not None else 0
            self._offsets[slot] = offset
        return (ts + offset) // 86400

    def date(self, number: int) -> dt.date:
        day = self._days.get(number)
        if day is None:
            day = self._days[number] = _EPOCH + dt.timedelta(days=number)
        return day


_EPOCH = dt.date(1970, 1, 1)


def entries_in_period(entries: Iterable[TimeEntry], zone: dt.tzinfo,
                      period: tuple[dt.date, dt.date],
                      already_local: bool = False) -> list[tuple[TimeEntry, dt.date]]:
    """The entries whose local start day is in the period, with that day.

    `already_local`: the source gave every start with the key owner's own offset (the
    Detailed report does), so each start's own date is already the local one.
    """
    if already_local:
        first_day, last_day = period
        return [(e, day) for e in entries if first_day <= (day := e.start.date()) <= last_day]
    days = _LocalDays(zone)
    first, last = ((d - _EPOCH).days for d in period)
    day_number, date = days.day_number, days.date
    out = []
    for e in entries:
        n = day_number(e.start)
        if first <= n <= last:
            out.append((e, date(n)))
    return out


def check_entries(in_period: list[tuple[TimeEntry, dt.date]],
                  user_ok: dict[str, bool] | None, user_ok_by_name: dict[str, bool],
                  project_ok: dict[str, bool] | None, close_date: dt.date | None,
                  quickbooks_read: bool, closing_known: bool,
                  not_admin: bool, links: Links | None = None
                  ) -> tuple[_CheckOutput, EntriesSummary]:
    """`user_ok` / `project_ok` are None when that side of the mapping can't be checked (no
    employee / customer list): that reason is left out, never assumed fine (SPEC §3.4)."""
    items: list[EntryItem] = []
    counts: dict[str, int] = dict.fromkeys(REASON_ORDER, 0)
    billable_problem = False
    nonbillable_problem = False
    check_users = user_ok is not None
    check_projects = project_ok is not None
    left_out = frozenset({"users"} if not check_users else set()) | frozenset(
        {"projects"} if not check_projects else set())
    mapping_known = not left_out
    users_ok = user_ok or {}
    projects_ok = project_ok or {}
    too_long = MAX_SYNC_SECONDS
    append = items.append

    # An entry's reasons are bits of one mask; the tuple of reasons of each of the 128 masks and
    # the count per mask are kept in lists, so no entry builds a list or tuple of its own.
    # Who and which project are looked up once per entry in the verdicts of the users and
    # projects checks (dictionaries over the few thousand distinct users and projects).
    per_mask = [0] * len(_REASONS_BY_MASK)
    hours_of: dict[int, float] = {}  # durations repeat: 15 min, 30 min, 1 h …
    for e, day in in_period:
        # e is a NamedTuple: unpack once rather than reading attributes one by one
        (entry_id, user_id, user_name, project_id, project_name, _client_id, client_name,
         billable, start, end, duration) = e
        mask = 0 if billable else _NOT_BILLABLE
        if not (project_id or project_name):
            mask |= _NO_PROJECT
        elif check_projects and not projects_ok.get(
                project_id or project_key(None, client_name, project_name), False):
            mask |= _PROJECT_UNMAPPED
        if check_users:
            ok = users_ok.get(user_id) if user_id else None
            if not (ok or (ok is None and user_ok_by_name.get(user_name or "", False))):
                mask |= _USER_UNMAPPED
        if end is None:
            seconds = None
            mask |= _RUNNING
        else:
            seconds = duration if duration is not None else int((end - start).total_seconds())
            if seconds > too_long:
                mask |= _TOO_LONG
        if close_date is not None and day <= close_date:
            mask |= _BOOKS_CLOSED
        if not mask:
            continue
        per_mask[mask] += 1
        if billable:
            billable_problem = True
        else:
            nonbillable_problem = True
        if seconds is None:
            hours = None
        elif (hours := hours_of.get(seconds)) is None:
            hours = hours_of[seconds] = round(seconds / 3600, 2)
        append(EntryItem(entry_id, day, user_name, project_name or None, client_name or None,
                         billable, hours, _REASONS_BY_MASK[mask], links))
    # counted per mask (a few dozen occur), then spread out
    for mask, n in enumerate(per_mask):
        if n:
            for reason in _REASONS_BY_MASK[mask]:
                counts[reason] += n
    items.sort(key=itemgetter(1))  # by date; stable, so the source's order within a day
    not_checked = (("ENTRY_USER_UNMAPPED",) * ("users" in left_out)
                   + ("ENTRY_PROJECT_UNMAPPED",) * ("projects" in left_out)
                   + ("ENTRY_BOOKS_CLOSED",) * (not closing_known))
    summary_obj = EntriesSummary(total=len(in_period), will_sync=len(in_period) - len(items),
                                 items=tuple(items),
                                 by_reason={k: v for k, v in counts.items() if v},
                                 reasons_not_checked=not_checked)
    text = say.entries(summary_obj.will_sync, summary_obj.total, summary_obj.wont_sync,
                       not_admin, True, closing_known)
    if not mapping_known:
        status = Status.FAIL if billable_problem else Status.NOT_CHECKED
        text = say.entries_partly_checked(summary_obj.total, summary_obj.wont_sync, left_out,
                                            quickbooks_read, billable_problem)
    elif billable_problem:
        status = Status.FAIL
    elif nonbillable_problem:
        status = Status.WARN
    else:
        status = Status.PASS
    return _CheckOutput(status, text), summary_obj


# --- connection ---------------------------------------------------------------------------------

def check_connection(clockify: ClockifySide, quickbooks: QuickBooksSide) -> _CheckOutput:
    """`*_CONNECTED` only for a live API that answered; files and the sample say what they are
    (SPEC §3.5), so with no live side the check is `info`, never `pass`."""
    findings: list[Finding] = []

    def add(code: str, status: Status, subject: str, text: texts.Text) -> None:
        findings.append(Finding(code=code, check="connection", status=status, subject=subject,
                                subject_kind="connection", message=text.message, fix=text.fix))

    if clockify.problem is not None:
        code = clockify.problem.code
        text = (connection_texts.clockify_key_invalid if code == "CLOCKIFY_KEY_INVALID"
                else connection_texts.clockify_unreachable)(clockify.problem.detail)
        add(code, Status.FAIL, "Clockify", text)
        clockify_state = "key_rejected" if code == "CLOCKIFY_KEY_INVALID" else "unreachable"
    elif clockify.source is not None and clockify.data is not None:
        data = clockify.data
        clockify_state = {"api": "connected", "file": "files"}.get(clockify.source, "sample")
        code, status = {"connected": ("CLOCKIFY_CONNECTED", Status.PASS),
                        "files": ("CLOCKIFY_FROM_FILES", Status.INFO),
                        "sample": ("CLOCKIFY_SAMPLE", Status.INFO)}[clockify_state]
        add(code, status, "Clockify",
            connection_texts.clockify_source(clockify_state, data.workspace_name))
        if data.is_admin is False:
            add("CLOCKIFY_NOT_ADMIN", Status.WARN, "Clockify",
                connection_texts.clockify_not_admin())
        if data.features is not None and "QUICKBOOKS_INTEGRATION" not in data.features:
            add("CLOCKIFY_NO_QUICKBOOKS", Status.WARN, "Clockify",
                connection_texts.clockify_no_quickbooks(data.workspace_name))
    else:
        clockify_state = "not_chosen"
    if quickbooks.problem is not None:
        code = quickbooks.problem.code
        text = (connection_texts.qbo_reconnect_needed if code == "QBO_RECONNECT_NEEDED"
                else connection_texts.qbo_unreachable)(quickbooks.problem.detail)
        add(code, Status.FAIL, "QuickBooks", text)
        qbo_state = "sign_in_again" if code == "QBO_RECONNECT_NEEDED" else "unreachable"
    elif quickbooks.source is not None and quickbooks.data is not None:
        qbo_state = {"api": "connected", "file": "files"}.get(quickbooks.source, "sample")
        code, status = {"connected": ("QBO_CONNECTED", Status.PASS),
                        "files": ("QBO_FROM_FILES", Status.INFO),
                        "sample": ("QBO_SAMPLE", Status.INFO)}[qbo_state]
        add(code, status, "QuickBooks",
            connection_texts.qbo_source(qbo_state, quickbooks.data.company.company_name))
    else:
        add("QBO_NOT_CONNECTED", Status.INFO, "QuickBooks",
            connection_texts.qbo_not_connected())
        qbo_state = "not_chosen"
    return _CheckOutput(worst([f.status for f in findings]),
                        connection_texts.connection_summary(clockify_state, qbo_state),
                        tuple(findings))


# --- the whole run ------------------------------------------------------------------------------

def default_period(today: dt.date, days: int = 30) -> tuple[dt.date, dt.date]:
    """The last `days` days, today included."""
    return today - dt.timedelta(days=days - 1), today


def run_checks(clockify: ClockifySide, quickbooks: QuickBooksSide,
               period: tuple[dt.date, dt.date], generated_at: dt.datetime,
               version: str) -> RunResult:
    """Every check, in SPEC order, from both sides' data."""
    with paused_gc():
        return _run_checks(clockify, quickbooks, period, generated_at, version)


def _run_checks(clockify: ClockifySide, quickbooks: QuickBooksSide,
                period: tuple[dt.date, dt.date], generated_at: dt.datetime,
                version: str) -> RunResult:
    cdata = clockify.data if clockify.problem is None else None
    qdata = quickbooks.data if quickbooks.problem is None else None
    places = WebPlaces(clockify=cdata.web_url if cdata else None,
                                workspace_id=cdata.workspace_id if cdata else None,
                                quickbooks=qdata.web_url if qdata else None)
    outputs: dict[str, _CheckOutput] = {}
    outputs["plan"] = check_plan(qdata)

    names = _QboNames(qdata) if qdata is not None else None
    zone = _zone(cdata.time_zone if cdata else None)
    in_period = entries_in_period(cdata.entries, zone, period, cdata.entry_times_local) \
        if cdata is not None and cdata.entries is not None else None

    user_findings: tuple[Finding, ...] = ()
    if cdata is None:
        outputs["users"] = _needs("clockify")
    elif qdata is None or names is None or qdata.employees is None:
        outputs["users"] = _needs("employees")
    else:
        outputs["users"] = check_users(cdata.members, qdata, names)
        user_findings = outputs["users"].findings

    customer_findings: tuple[Finding, ...] = ()
    if cdata is None:
        outputs["customers"] = _needs("clockify")
    elif qdata is None or names is None or qdata.customers is None:
        outputs["customers"] = _needs("customers")
    else:
        used_projects: set[str | None] | None = None
        used_clients: set[str | None] | None = None
        if in_period is not None:
            # One Python-level pass on purpose: one C call over 250,000 entries (set(map(…)))
            # holds the GIL throughout and froze the wizard's window for ~100 ms
            # (benchmarks/gui_heartbeat.py); bytecode lets the GUI thread in every millisecond.
            # It collects each distinct project/client pair once (a few thousand); the sets of
            # what is used come from those.
            pairs = {(e.project_id, e.client_id, e.project_name, e.client_name)
                     for e, _ in in_period}
            used_projects = {project_id for project_id, _, _, _ in pairs}
            used_clients = {client_id for _, client_id, _, _ in pairs}
            # sources without ids (export files) name them: key those by name too
            for project_id, client_id, project_name, client_name in pairs:
                if project_id and client_id:
                    continue
                if project_name:
                    used_projects.add(project_key(None, client_name, project_name))
                if client_name:
                    used_clients.add(client_key(None, client_name))
            used_projects.discard(None)
            used_clients.discard(None)
        outputs["customers"] = check_customers(cdata.clients, cdata.projects, names,
                                               used_projects, used_clients)
        customer_findings = outputs["customers"].findings

    entries_summary: EntriesSummary | None = None
    if cdata is None or in_period is None:
        outputs["entries"] = _needs("entries")
    else:
        # each half of the mapping is checked when its QuickBooks list was read
        users_known = qdata is not None and qdata.employees is not None
        projects_known = qdata is not None and qdata.customers is not None
        user_ok: dict[str, bool] | None = None
        user_ok_by_name: dict[str, bool] = {}
        project_ok: dict[str, bool] | None = None
        if users_known:
            user_ok = {}
            for f in user_findings:
                ok = f.code == "USER_MATCHED"
                if f.subject_id:
                    user_ok[f.subject_id] = ok
                user_ok_by_name[f.subject] = ok or user_ok_by_name.get(f.subject, False)
        if projects_known:
            project_ok = _project_ok(cdata.projects, customer_findings, names)
        close_date = qdata.preferences.book_close_date if qdata else None
        closing_known = qdata is not None and "closing_date" not in qdata.unknown
        not_admin = cdata.is_admin is False
        out, entries_summary = check_entries(in_period, user_ok, user_ok_by_name, project_ok,
                                             close_date, qdata is not None, closing_known,
                                             not_admin, weblinks.for_entries(places, period))
        outputs["entries"] = out

    outputs["connection"] = check_connection(clockify, quickbooks)

    checks = tuple(CheckResult(cid, outputs[cid].status, say.check_title(cid),
                               outputs[cid].summary) for cid in CHECK_IDS)
    findings = tuple(replace(f, links=weblinks.for_finding(f, places))
                     for cid in CHECK_IDS for f in outputs[cid].findings)
    return RunResult(
        version=version, generated_at=generated_at, period=period,
        sources={"clockify": clockify.source, "quickbooks": quickbooks.source},
        checks=checks, findings=findings, entries=entries_summary,
        facts=_facts(clockify, quickbooks), tables=_tables(qdata), places=places)


def _project_ok(projects: tuple[Project, ...], findings: tuple[Finding, ...],
                names: _QboNames | None) -> dict[str, bool]:
    by_id = {f.subject_id: f for f in findings if f.subject_kind == "project" and f.subject_id}
    by_name = {(f.client or "", f.subject): f for f in findings if f.subject_kind == "project"}
    ok: dict[str, bool] = {}
    for p in projects:
        f = by_id.get(p.id) if p.id else None
        f = f or by_name.get((p.client_name or "", p.name))
        matched = f is not None and f.code == "PROJECT_MATCHED"
        ok[p.key] = matched
        ok[project_key(None, p.client_name, p.name)] = matched
    return ok


def _facts(clockify: ClockifySide, quickbooks: QuickBooksSide) -> dict[str, str]:
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


def _tables(qdata: QuickBooksData | None) -> Tables:
    if qdata is None:
        return Tables()
    return Tables(  # named as the findings name them: without " (deleted)"
        employees=tuple((r.display_name, r.active)
                        for r in deleted.clean_records(qdata.employees or ())),
        vendors=tuple((r.display_name, r.active)
                      for r in deleted.clean_records(qdata.vendors or ())),
        customers=tuple((c.fully_qualified_name, c.active)
                        for c in deleted.clean_customers(qdata.customers or ())),
    )
