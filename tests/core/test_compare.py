"""Before/after between two runs: fixed, new, still failing — by finding key."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core import builders as b
from tests.report.samples import SECOND_RUN, sample_result
from wizard.core.compare import (
    Change,
    compare,
    finding_from_json,
    run_id,
    snapshot,
    snapshot_from_json,
)
from wizard.core.model import QuickBooksSide
from wizard.core.result import Status


def _problems(result) -> set[str]:
    return {f.key for f in result.findings if f.status in (Status.FAIL, Status.WARN)}


def test_the_same_run_twice_changes_nothing() -> None:
    first, again = sample_result(), sample_result(SECOND_RUN)
    cmp = compare(snapshot(first), snapshot(again))
    assert cmp.fixed == ()
    assert cmp.new == ()
    assert {c.key for c in cmp.still_failing} == _problems(first)
    assert cmp.unchanged
    assert cmp.wont_sync_before == cmp.wont_sync_after == first.entries.wont_sync


def test_one_name_fixed_shows_exactly_that_finding_as_fixed() -> None:
    before, after = sample_result(), sample_result(SECOND_RUN, fix_jon=True)
    cmp = compare(snapshot(before), snapshot(after))
    assert [(c.finding.subject, c.before.code, c.after.code) for c in cmp.fixed] == [
        ("Jon Smith", "USER_NEAR_MATCH", "USER_MATCHED")]
    assert cmp.fixed[0].change is Change.FIXED
    assert cmp.new == ()
    assert len(cmp.still_failing) == len(_problems(before)) - 1
    assert cmp.wont_sync_after < cmp.wont_sync_before  # Jon's entries now sync (some of them)


def test_a_problem_that_appears_is_new_and_a_changed_problem_is_still_failing() -> None:
    m_ok, m_changes = b.member("Ann Lee"), b.member("Bob Ray")
    ok = b.run(b.clockify(members=[m_ok, m_changes]),
               b.quickbooks(employees=[b.employee("Ann Lee"), b.employee("Bob Ray")]))
    broken = b.run(b.clockify(members=[m_ok, m_changes]),
                   b.quickbooks(employees=[b.employee("Ann  Lee"),
                                           b.employee("Bob Ray", active=False)]))
    cmp = compare(snapshot(ok), snapshot(broken))
    assert sorted(c.finding.subject for c in cmp.new) == ["Ann Lee", "Bob Ray"]
    assert {c.after.code for c in cmp.new} == {"USER_NEAR_MATCH", "EMPLOYEE_INACTIVE"}
    worse = b.run(b.clockify(members=[m_ok, m_changes]),
                  b.quickbooks(employees=[b.employee("Ann  Lee")]))
    cmp2 = compare(snapshot(broken), snapshot(worse))
    changed = {c.finding.subject: c for c in cmp2.still_failing}
    assert changed["Bob Ray"].code_changed
    assert (changed["Bob Ray"].before.code, changed["Bob Ray"].after.code) == (
        "EMPLOYEE_INACTIVE", "USER_NOT_IN_QBO")
    assert not changed["Ann Lee"].code_changed


def test_a_check_that_did_not_run_the_second_time_is_not_called_fixed() -> None:
    before = sample_result()
    after = dataclasses.replace(sample_result(SECOND_RUN))
    from wizard.core.checks import run_checks
    from wizard.sources import demo
    no_qbo = run_checks(demo.clockify_side(), QuickBooksSide(source=None), before.period,
                        SECOND_RUN, "0.0-test")
    cmp = compare(snapshot(before), snapshot(no_qbo))
    assert not any(c.finding.check in ("users", "customers", "plan") for c in cmp.fixed)
    assert {"users", "customers", "plan"} <= set(cmp.not_compared)
    assert after.findings == before.findings  # the sample itself is stable


def test_a_saved_run_reads_back_with_the_same_keys() -> None:
    result = sample_result()
    data = json.loads(json.dumps(result.to_json()))
    data["run_id"] = run_id(result)
    data["facts"] = dict(result.facts)
    snap = snapshot_from_json(data)
    live = snapshot(result)
    assert [f.key for f in snap.findings] == [f.key for f in live.findings]
    assert snap.checked == live.checked
    assert snap.identity == live.identity
    assert snap.run_id == live.run_id
    assert snap.generated_at == result.generated_at
    assert compare(snap, live).unchanged


def test_run_id_is_short_readable_and_differs_between_runs() -> None:
    first, second = sample_result(), sample_result(SECOND_RUN)
    assert re.fullmatch(r"[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", run_id(first))
    assert run_id(first) == run_id(sample_result())
    assert run_id(first) != run_id(second)


def test_an_unknown_status_or_missing_fields_are_not_findings() -> None:
    good = {"code": "X", "check": "users", "status": "fail", "subject": "A"}
    assert finding_from_json(good).status is Status.FAIL
    for broken in ({**good, "status": "on fire"}, {**good, "code": None}, {"subject": "A"}):
        try:
            finding_from_json(broken)
        except ValueError:
            continue
        raise AssertionError(f"accepted {broken}")


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=20)
_runish = st.fixed_dictionaries(
    {"tool": st.just("sync-checkup"),
     "generated_at": st.sampled_from(["2026-11-24T18:00:00Z", "yesterday", "2026-11-24"])},
    optional={"findings": st.lists(st.dictionaries(
        st.sampled_from(["code", "check", "status", "subject", "subject_id", "client"]),
        _json | st.sampled_from(["fail", "pass", "users"]), max_size=6), max_size=3) | _json,
        "checks": _json, "sources": _json, "entries": _json, "facts": _json, "run_id": _json})


@settings(max_examples=150, deadline=None)
@given(st.one_of(_json, _runish))
def test_any_saved_file_content_reads_as_a_run_or_raises_value_error(data: object) -> None:
    try:
        snap = snapshot_from_json(data)  # type: ignore[arg-type]
    except ValueError:
        return
    assert snap.generated_at.tzinfo is not None
    assert all(isinstance(f.subject, str) for f in snap.findings)


def test_naive_times_are_taken_as_utc() -> None:
    result = dataclasses.replace(sample_result(), generated_at=dt.datetime(2026, 11, 24, 18))
    assert snapshot(result).generated_at.tzinfo is dt.UTC


def test_a_check_not_checked_in_both_runs_is_still_listed_as_not_compared() -> None:
    """SPEC §4: `not_checked` in *either* run → not_compared (issue 11)."""
    from wizard.core.checks import run_checks
    from wizard.sources import demo
    before = sample_result()
    no_qbo = [run_checks(demo.clockify_side(), QuickBooksSide(source=None), before.period, when,
                         "0.0-test") for when in (before.generated_at, SECOND_RUN)]
    cmp = compare(snapshot(no_qbo[0]), snapshot(no_qbo[1]))
    assert cmp.not_compared == ("plan", "users", "customers")
    assert cmp.to_json()["not_compared"] == ["plan", "users", "customers"]
    assert cmp.fixed == cmp.new == ()
