"""The entries check (SPEC §3.4): which time entries of the period won't sync, and every
reason why."""

from __future__ import annotations

import datetime as dt

from wizard.core.checks.findings import CheckOutput
from wizard.core.checks.periods import InPeriod
from wizard.core.link_types import Links
from wizard.core.model import (
    AT_BILLABLE,
    AT_CLIENT_NAME,
    AT_DURATION_S,
    AT_END,
    AT_ID,
    AT_PROJECT_ID,
    AT_PROJECT_NAME,
    AT_START,
    AT_USER_ID,
    AT_USER_NAME,
    Project,
    project_key,
)
from wizard.core.result import EntriesSummary, EntryItem, Finding, Status
from wizard.text import checks as say

MAX_SYNC_SECONDS = 23 * 3600 + 55 * 60  # 86 100 s still syncs
REASON_ORDER = ("ENTRY_NOT_BILLABLE", "ENTRY_NO_PROJECT", "ENTRY_USER_UNMAPPED",
                "ENTRY_PROJECT_UNMAPPED", "ENTRY_RUNNING", "ENTRY_TOO_LONG", "ENTRY_BOOKS_CLOSED")
# one bit per entry reason, in REASON_ORDER (the order an entry's reasons are listed in)
(_NOT_BILLABLE, _NO_PROJECT, _USER_UNMAPPED, _PROJECT_UNMAPPED, _RUNNING, _TOO_LONG,
 _BOOKS_CLOSED) = (1 << i for i in range(len(REASON_ORDER)))
_REASONS_BY_MASK = tuple(tuple(reason for i, reason in enumerate(REASON_ORDER) if mask >> i & 1)
                         for mask in range(1 << len(REASON_ORDER)))


def user_verdicts(user_findings: tuple[Finding, ...]) -> tuple[dict[str, bool], dict[str, bool]]:
    """Whether each Clockify user maps to a QuickBooks employee, by member id and by name (for
    sources without ids), from the users check's findings."""
    by_id: dict[str, bool] = {}
    by_name: dict[str, bool] = {}
    for f in user_findings:
        ok = f.code == "USER_MATCHED"
        if f.subject_id:
            by_id[f.subject_id] = ok
        by_name[f.subject] = ok or by_name.get(f.subject, False)
    return by_id, by_name


def project_verdicts(projects: tuple[Project, ...],
                     findings: tuple[Finding, ...]) -> dict[str, bool]:
    """Whether each project maps to a QuickBooks customer, by its key and by its name key,
    from the customers check's findings."""
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


def check_entries(in_period: InPeriod,
                  user_ok: dict[str, bool] | None, user_ok_by_name: dict[str, bool],
                  project_ok: dict[str, bool] | None, close_date: dt.date | None,
                  quickbooks_read: bool, closing_known: bool,
                  not_admin: bool, links: Links | None = None
                  ) -> tuple[CheckOutput, EntriesSummary]:
    """`user_ok` / `project_ok` are None when that side of the mapping can't be checked (no
    employee / customer list): that reason is left out, never assumed fine (SPEC §3.4)."""
    # the items of each day, in the source's order: joined in date order at the end
    by_day: dict[dt.date, list[EntryItem]] = {}
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

    # An entry's reasons are bits of one mask; the tuple of reasons of each of the 128 masks and
    # the count per mask are kept in lists, so no entry builds a list or tuple of its own.
    # Who and which project are looked up once per entry in the verdicts of the users and
    # projects checks (dictionaries over the few thousand distinct users and projects).
    per_mask = [0] * len(_REASONS_BY_MASK)
    last_day: dt.date | None = None
    bucket: list[EntryItem] = []
    hours_of: dict[int, float] = {}  # durations repeat: 15 min, 30 min, 1 h …
    # Each entry's fields are read one by one, and only when needed: reading a field touches its
    # object, and an entry's own objects (its id, times and duration) lie scattered over the
    # hundreds of megabytes a large company takes, so each is a cache miss (unpacking all eleven
    # cost 100 ms of this loop's 230 on the large benchmark company). An entry that will sync
    # needs neither its id nor, when its duration is known, its times.
    for e, day in zip(in_period.entries, in_period.days, strict=True):
        billable, project_id = e[AT_BILLABLE], e[AT_PROJECT_ID]
        mask = 0 if billable else _NOT_BILLABLE
        if project_id:
            if check_projects and not projects_ok.get(project_id, False):
                mask |= _PROJECT_UNMAPPED
        elif not e[AT_PROJECT_NAME]:
            mask |= _NO_PROJECT
        elif check_projects and not projects_ok.get(
                project_key(None, e[AT_CLIENT_NAME], e[AT_PROJECT_NAME]), False):
            mask |= _PROJECT_UNMAPPED
        if check_users:
            user_id = e[AT_USER_ID]
            ok = users_ok.get(user_id) if user_id else None
            if not (ok or (ok is None and user_ok_by_name.get(e[AT_USER_NAME] or "", False))):
                mask |= _USER_UNMAPPED
        seconds = e[AT_DURATION_S]  # set only when the entry has ended (TimeEntry)
        if seconds is None:
            end = e[AT_END]
            if end is None:
                mask |= _RUNNING
            else:
                seconds = int((end - e[AT_START]).total_seconds())
        if seconds is not None and seconds > too_long:
            mask |= _TOO_LONG
        if close_date is not None and day <= close_date:
            mask |= _BOOKS_CLOSED
        if not mask:
            continue
        if day is not last_day:  # one date object per day (InPeriod); runs of a day are common
            last_day = day
            found = by_day.get(day)
            if found is None:
                found = by_day[day] = []
            bucket = found
        per_mask[mask] += 1
        if billable:
            billable_problem = True
        else:
            nonbillable_problem = True
        if seconds is None:
            hours = None
        elif (hours := hours_of.get(seconds)) is None:
            hours = hours_of[seconds] = round(seconds / 3600, 2)
        bucket.append(EntryItem(
            e[AT_ID], day, e[AT_USER_NAME], e[AT_PROJECT_NAME] or None, e[AT_CLIENT_NAME] or None,
            billable, hours, _REASONS_BY_MASK[mask], links))
    # counted per mask (a few dozen occur), then spread out
    for mask, n in enumerate(per_mask):
        if n:
            for reason in _REASONS_BY_MASK[mask]:
                counts[reason] += n
    # by date, each day's in the source's order: joined in bytecode rather than by one sort,
    # which held the interpreter lock (and the wizard's window) for 25 ms over 130,000 items
    items = tuple(item for day in sorted(by_day) for item in by_day[day])
    not_checked = (("ENTRY_USER_UNMAPPED",) * ("users" in left_out)
                   + ("ENTRY_PROJECT_UNMAPPED",) * ("projects" in left_out)
                   + ("ENTRY_BOOKS_CLOSED",) * (not closing_known))
    total = len(in_period.entries)
    summary_obj = EntriesSummary(total=total, will_sync=total - len(items),
                                 items=items,
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
    return CheckOutput(status, text), summary_obj
