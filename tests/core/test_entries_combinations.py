"""The entries audit works out the who/project/billable reasons once per combination; this holds
it to the plain rule applied entry by entry (SPEC §3.5), on generated workspaces."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from wizard.core.checks import MAX_SYNC_SECONDS, REASON_ORDER, check_entries
from wizard.core.checks.periods import InPeriod
from wizard.core.model import TimeEntry, project_key
from wizard.core.result import EntryItem

DAY0 = dt.date(2026, 11, 1)
UTC = dt.UTC


def per_entry(in_period: list[tuple[TimeEntry, dt.date]], user_ok: dict[str, bool] | None,
              user_ok_by_name: dict[str, bool], project_ok: dict[str, bool] | None,
              close_date: dt.date | None
              ) -> tuple[list[EntryItem], dict[str, int], bool, bool]:
    """Every rule for every entry, in the SPEC's order, nothing shared between entries."""
    items, counts = [], Counter[str]()
    billable_problem = nonbillable_problem = False
    for e, day in in_period:
        reasons = []
        if not e.billable:
            reasons.append("ENTRY_NOT_BILLABLE")
        has_project = bool(e.project_id or e.project_name)
        if not has_project:
            reasons.append("ENTRY_NO_PROJECT")
        if user_ok is not None:  # None: no employee list, the reason is left out
            ok = user_ok.get(e.user_id) if e.user_id else None
            if ok is None:
                ok = user_ok_by_name.get(e.user_name or "", False)
            if not ok:
                reasons.append("ENTRY_USER_UNMAPPED")
        if project_ok is not None and has_project and not project_ok.get(
                e.project_id or project_key(None, e.client_name, e.project_name), False):
            reasons.append("ENTRY_PROJECT_UNMAPPED")
        seconds = None
        if e.end is None:
            reasons.append("ENTRY_RUNNING")
        else:
            seconds = e.duration_s if e.duration_s is not None else int(
                (e.end - e.start).total_seconds())
            if seconds > MAX_SYNC_SECONDS:
                reasons.append("ENTRY_TOO_LONG")
        if close_date is not None and day <= close_date:
            reasons.append("ENTRY_BOOKS_CLOSED")
        if reasons:
            billable_problem |= e.billable
            nonbillable_problem |= not e.billable
            counts.update(reasons)
            items.append(EntryItem(e.id, day, e.user_name, e.project_name or None,
                                   e.client_name or None, e.billable,
                                   None if seconds is None else round(seconds / 3600, 2),
                                   tuple(reasons)))
    items.sort(key=lambda item: item.date)
    return items, dict(counts), billable_problem, nonbillable_problem


# a small world, so that combinations repeat: a few users (some only by name, as export files
# give them), a few projects (some without id), durations around the 23 h 55 min limit
users = st.sampled_from([("u1", "Ann Lee"), ("u2", "Bo Diaz"), (None, "Cy Ode"),
                         (None, None), ("u4", None)])
projects = st.sampled_from([("p1", "Website", "Acme"), ("p2", "Logo", "Acme"),
                            (None, "Audit", "Globex"), (None, None, None), ("p9", "Gone", None)])
seconds = st.sampled_from([0, 900, 3600, MAX_SYNC_SECONDS, MAX_SYNC_SECONDS + 1, 90_000]) | \
    st.integers(min_value=0, max_value=200_000)


def _entry(n: int, user: tuple[str | None, str | None],
           project: tuple[str | None, str | None, str | None], billable: bool, day_n: int,
           length: int, how: int) -> tuple[TimeEntry, dt.date]:
    """`how`: 0 running, 1 with its duration given, 2 duration left to the start and end."""
    day = DAY0 + dt.timedelta(days=day_n)
    start = dt.datetime.combine(day, dt.time(9), UTC)
    end = None if how == 0 else start + dt.timedelta(seconds=length)
    return TimeEntry(f"e{n}", *user, project[0], project[1], None, project[2], billable, start,
                     end, length if how == 1 else None), day


entries = st.builds(_entry, st.integers(min_value=0, max_value=10**6), users, projects,
                    st.booleans(), st.integers(min_value=0, max_value=9), seconds,
                    st.sampled_from([0, 1, 1, 2]))


maps = st.dictionaries(st.sampled_from(["u1", "u2", "u4", "x"]), st.booleans())
name_maps = st.dictionaries(st.sampled_from(["Ann Lee", "Bo Diaz", "Cy Ode", ""]), st.booleans())
project_maps = st.dictionaries(
    st.sampled_from(["p1", "p2", "p9", project_key(None, "Globex", "Audit"),
                     project_key(None, "Acme", "Website")]), st.booleans())


@given(st.lists(entries, max_size=40), st.none() | maps, name_maps, st.none() | project_maps,
       st.none() | st.integers(min_value=-1, max_value=10).map(
           lambda n: DAY0 + dt.timedelta(days=n)),
       st.booleans(), st.booleans())
def test_per_combination_audit_equals_the_per_entry_rule(
        in_period: list[tuple[TimeEntry, dt.date]], user_ok: dict[str, bool] | None,
        user_ok_by_name: dict[str, bool], project_ok: dict[str, bool] | None,
        close_date: dt.date | None, quickbooks_read: bool, not_admin: bool) -> None:
    out, summary = check_entries(InPeriod([e for e, _ in in_period], [d for _, d in in_period]),
                                 user_ok, user_ok_by_name, project_ok, close_date,
                                 quickbooks_read, True, not_admin)
    items, counts, billable_problem, nonbillable_problem = per_entry(
        in_period, user_ok, user_ok_by_name, project_ok, close_date)
    mapping_known = user_ok is not None and project_ok is not None
    assert list(summary.items) == items
    assert summary.by_reason == {k: counts[k] for k in REASON_ORDER if counts.get(k)}
    assert summary.total == len(in_period)
    assert summary.will_sync == len(in_period) - len(items)
    expected = ("fail" if billable_problem else "not_checked" if not mapping_known
                else "warn" if nonbillable_problem else "pass")  # SPEC §3.4, as check_entries
    assert out.status.value == expected
