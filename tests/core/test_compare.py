"""Before/after between two runs: fixed, new, still failing — by finding key."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import re
import time
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from msgspec import structs

from tests.core import builders as b
from tests.report.samples import FIRST_RUN, SECOND_RUN, sample_result
from wizard.core.checks import run_checks
from wizard.core.compare import (
    Change,
    ChangedFinding,
    Snapshot,
    compare,
    finding_from_json,
    run_id,
    snapshot,
    snapshot_from_json,
)
from wizard.core.links import Links
from wizard.core.model import QuickBooksSide
from wizard.core.result import CHECK_IDS, Finding, RunResult, Status
from wizard.sources import demo


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
    # each refused for its own reason
    for broken, reason in (({**good, "status": "on fire"}, "unknown status"),
                           ({**good, "status": None}, "unknown status"),
                           ({**good, "code": None}, "not a finding"),
                           ({"subject": "A"}, "not a finding")):
        with pytest.raises(ValueError, match=f"^{reason}$"):
            finding_from_json(broken)


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
    assert isinstance(data, dict)
    assert snap.generated_at.tzinfo is not None
    assert all(isinstance(f.subject, str) and f.code and f.check for f in snap.findings)
    assert len(snap.findings) <= len(data["findings"])
    listed = data.get("checks") if isinstance(data.get("checks"), list) else []
    assert snap.checked <= {c.get("id") for c in listed if isinstance(c, dict)}


_sample = functools.cache(sample_result)  # a frozen result: safe to share between examples


@functools.cache
def _sample_saved() -> str:
    return json.dumps(_saved(_sample()))


@settings(max_examples=50, deadline=None)
@given(skipped=st.sets(st.sampled_from(CHECK_IDS)),
       offset=st.integers(-12 * 60, 14 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m))),
       dropped=st.sets(st.sampled_from(["run_id", "facts", "entries", "sources"])),
       bare=st.sets(st.sampled_from(["subject_id", "client", "match", "near_kind",
                                     "suggestion", "message", "fix"])))
def test_any_valid_saved_run_is_read(skipped: set[str], offset: dt.timezone, dropped: set[str],
                                     bare: set[str]) -> None:
    """The companion of the test above: every saved run as the app writes it is read, with the
    checks that ran, its instant and every finding, whatever optional parts it lacks."""
    data = json.loads(_sample_saved())
    for check in data["checks"]:
        if check["id"] in skipped:
            check["status"] = Status.NOT_CHECKED.value
    data["generated_at"] = FIRST_RUN.astimezone(offset).isoformat()
    for key in dropped:
        del data[key]
    for finding in data["findings"]:
        for key in bare:
            finding.pop(key, None)
    snap = snapshot_from_json(data)
    assert snap.checked == ALL - skipped
    assert snap.generated_at == FIRST_RUN
    assert [f.key if "subject_id" not in bare else f.subject for f in snap.findings] == [
        f.key if "subject_id" not in bare else f.subject for f in _sample().findings]
    wont = None if "entries" in dropped or "entries" in skipped else data["entries"]["wont_sync"]
    assert snap.wont_sync == wont
    assert snap.run_id == ("" if "run_id" in dropped else run_id(_sample()))


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


# --- the comparison, piece by piece, on hand-made snapshots -------------------------------------

ALL = frozenset(CHECK_IDS)
EARLIER = dt.datetime(2026, 11, 24, 12, 0, tzinfo=ZoneInfo("America/Chicago"))  # 18:00 UTC


def _f(code: str, subject: str, *, status: Status = Status.FAIL, check: str = "users",
       kind: str = "user", **more: str) -> Finding:
    return Finding(code=code, check=check, status=status, subject=subject, subject_kind=kind,
                   message=f"{code} message", fix=f"{code} fix", **more)


def _snap(run: str, findings: tuple[Finding, ...], checked: frozenset[str] = ALL,
          wont_sync: int | None = None, when: dt.datetime = EARLIER,
          **facts: str) -> Snapshot:
    return Snapshot(run_id=run, generated_at=when, sources={"clockify": "live", "quickbooks":
                    "live"}, checked=checked, findings=findings, wont_sync=wont_sync, facts=facts)


ANN_MISSING = _f("USER_NOT_IN_QBO", "Ann Lee", subject_id="u1")
ANN_MATCHED = _f("USER_MATCHED", "Ann Lee", subject_id="u1", status=Status.PASS)
BOB_INACTIVE = _f("EMPLOYEE_INACTIVE", "Bob Ray", subject_id="u2")
BOB_MISSING = _f("USER_NOT_IN_QBO", "Bob Ray", subject_id="u2", status=Status.WARN)
CY_NEAR = _f("USER_NEAR_MATCH", "Cy Young", subject_id="u3", match="Cy Yung",
             near_kind="spelling", suggestion="Cy Yung")
DEE_MATCHED = _f("USER_MATCHED", "Dee Oh", subject_id="u4", status=Status.PASS)
DEE_NEAR = _f("USER_NEAR_MATCH", "Dee Oh", subject_id="u4", match="Dee  Oh")
ADS = _f("PROJECT_NOT_IN_QBO", "Ads", check="customers", kind="project", client="Acme Corp")
GONE = _f("CUSTOMER_INACTIVE", "Old Co", check="customers", kind="client", subject_id="c9")


def test_each_change_keeps_its_kind_both_findings_and_the_previous_run() -> None:
    before = _snap("AAAA-AAAA", (ANN_MISSING, BOB_INACTIVE, DEE_MATCHED, GONE))
    after = _snap("BBBB-BBBB", (ANN_MATCHED, BOB_MISSING, CY_NEAR, DEE_NEAR, ADS),
                  when=dt.datetime(2026, 11, 25, tzinfo=dt.UTC))
    cmp = compare(before, after)
    assert cmp.fixed == (ChangedFinding(Change.FIXED, ANN_MISSING.key, ANN_MISSING, ANN_MATCHED),
                         ChangedFinding(Change.FIXED, GONE.key, GONE, None))
    assert cmp.new == (ChangedFinding(Change.NEW, CY_NEAR.key, None, CY_NEAR),
                       ChangedFinding(Change.NEW, DEE_NEAR.key, DEE_MATCHED, DEE_NEAR),
                       ChangedFinding(Change.NEW, ADS.key, None, ADS))
    assert cmp.still_failing == (
        ChangedFinding(Change.STILL_FAILING, BOB_INACTIVE.key, BOB_INACTIVE, BOB_MISSING),)
    assert (cmp.previous_run_id, cmp.previous_at) == ("AAAA-AAAA", EARLIER)
    assert cmp.counts == (2, 3, 1)
    assert not cmp.unchanged
    assert cmp.not_compared == ()
    # the finding to show: the latest one; the problem to show: the one that was a problem
    assert [(c.finding, c.problem) for c in cmp.fixed] == [(ANN_MATCHED, ANN_MISSING),
                                                           (GONE, GONE)]
    assert [(c.finding, c.problem) for c in cmp.still_failing] == [(BOB_MISSING, BOB_MISSING)]
    assert [c.code_changed for c in (*cmp.fixed, *cmp.new, *cmp.still_failing)] == [
        True, False, False, True, False, True]


def test_only_fixes_or_only_lasting_problems_count_as_unchanged_or_not() -> None:
    assert compare(_snap("A", (BOB_INACTIVE,)), _snap("B", (BOB_MISSING,))).unchanged
    assert not compare(_snap("A", (BOB_INACTIVE,)), _snap("B", ())).unchanged
    assert not compare(_snap("A", ()), _snap("B", (BOB_INACTIVE,))).unchanged
    passing = compare(_snap("A", (ANN_MATCHED,)), _snap("B", (ANN_MATCHED,)))
    assert passing.counts == (0, 0, 0)


def test_the_changes_json_of_spec_4() -> None:
    before = _snap("AAAA-AAAA", (ANN_MISSING, BOB_INACTIVE))
    after = _snap("BBBB-BBBB", (BOB_MISSING, ADS), checked=ALL - {"plan"})
    assert compare(before, after).to_json() == {
        "previous_run": "AAAA-AAAA",
        "previous_at": "2026-11-24T18:00:00Z",
        "fixed": [{"code": "USER_NOT_IN_QBO", "subject": "Ann Lee", "subject_kind": "user",
                   "client": None}],
        "new": [{"code": "PROJECT_NOT_IN_QBO", "subject": "Ads", "subject_kind": "project",
                 "client": "Acme Corp"}],
        "still": [{"code": "USER_NOT_IN_QBO", "subject": "Bob Ray", "subject_kind": "user",
                   "client": None}],
        "not_compared": ["plan"]}


@pytest.fixture
def chicago_computer(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The computer's own time zone is Chicago's, not UTC as on the test machines."""
    monkeypatch.setenv("TZ", "America/Chicago")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("chicago_computer")
def test_the_changes_json_gives_utc_whatever_the_computer_s_zone() -> None:
    assert dt.datetime(2026, 11, 24, 18, tzinfo=dt.UTC).astimezone().hour == 12  # it took
    before = _snap("A", (), when=dt.datetime(2026, 11, 24, 18, tzinfo=dt.UTC))
    assert compare(before, _snap("B", ())).to_json()["previous_at"] == "2026-11-24T18:00:00Z"


def test_only_limits_the_comparison_to_some_checks() -> None:
    before = _snap("A", (ANN_MISSING, BOB_INACTIVE, GONE), wont_sync=9,
                   checked=ALL - {"plan"})
    after = _snap("B", (BOB_MISSING, ADS), wont_sync=4)
    cmp = compare(before, after)
    users = cmp.only({"users"})
    assert [c.key for c in users.fixed] == [ANN_MISSING.key]
    assert users.new == ()
    assert [c.key for c in users.still_failing] == [BOB_INACTIVE.key]
    assert (users.wont_sync_before, users.wont_sync_after, users.not_compared) == (
        None, None, ())
    names = cmp.only({"customers", "entries", "plan"})
    assert [c.key for c in names.fixed] == [GONE.key]
    assert [c.key for c in names.new] == [ADS.key]
    assert names.still_failing == ()
    assert (names.wont_sync_before, names.wont_sync_after, names.not_compared) == (
        9, 4, ("plan",))
    assert (names.previous_run_id, names.previous_at) == ("A", EARLIER)


def test_checks_not_run_in_either_run_are_listed_in_order_and_never_compared() -> None:
    before = _snap("A", (ANN_MISSING, GONE), checked=frozenset(
        {"plan", "users", "entries", "connection", "extra", "zeta"}))
    after = _snap("B", (), checked=ALL | {"alpha"})
    cmp = compare(before, after)
    assert cmp.not_compared == ("customers", "alpha", "extra", "zeta")
    assert [c.key for c in cmp.fixed] == [ANN_MISSING.key]  # GONE's check ran only once


@pytest.mark.parametrize(("before_checked", "after_checked", "counted"), [
    (ALL, ALL, True),
    (ALL, ALL - {"entries"}, False),  # entries checked once
    (ALL - {"entries"}, ALL, False),
    (ALL, ALL - {"users"}, False),  # the mapping reasons need the names both times
    (ALL - {"customers"}, ALL, False),
    (ALL - {"plan", "connection"}, ALL, True),
])
def test_the_wont_sync_counts_are_compared_only_when_entries_and_names_ran_twice(
        before_checked: frozenset[str], after_checked: frozenset[str], counted: bool) -> None:
    cmp = compare(_snap("A", (), before_checked, wont_sync=12),
                  _snap("B", (), after_checked, wont_sync=5))
    assert (cmp.wont_sync_before, cmp.wont_sync_after) == ((12, 5) if counted else (None, None))


def test_same_data_means_the_same_sources_workspace_and_company() -> None:
    base = _snap("A", (), workspace="Maple", company="Maple LLC")
    assert base.same_data_as(_snap("B", (), workspace="Maple", company="Maple LLC"))
    # a side that couldn't be read names nothing: it matches
    assert base.same_data_as(_snap("B", (), workspace="Maple"))
    assert _snap("B", (), company="Maple LLC").same_data_as(base)
    assert not base.same_data_as(_snap("B", (), workspace="Pine", company="Maple LLC"))
    assert not base.same_data_as(_snap("B", (), workspace="Maple", company="Pine LLC"))
    files = dataclasses.replace(base, sources={"clockify": "file", "quickbooks": "live"})
    assert not base.same_data_as(files)
    assert base.identity == ((("clockify", "live"), ("quickbooks", "live")), "Maple",
                             "Maple LLC")


# --- a saved run read back ------------------------------------------------------------------------

def _saved(result: RunResult) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(result.to_json()))
    data["run_id"] = run_id(result)
    data["facts"] = dict(result.facts)
    return data


def test_a_saved_run_reads_back_field_by_field() -> None:
    result = sample_result()
    snap = snapshot_from_json(_saved(result))
    # every field the JSON carries must come back; `deactivated`/`archived` are display notes
    # that the saved JSON does not carry
    carried = tuple(structs.replace(f, deactivated=False, archived=False)
                    for f in result.findings)
    for got, want in zip(snap.findings, carried, strict=True):
        assert got == want
    # the sample has each optional field filled somewhere, so none can be lost unseen
    for name in ("subject_id", "client", "match", "near_kind", "suggestion", "message", "fix",
                 "match_id"):
        assert any(getattr(f, name) for f in snap.findings), name
    assert {Status.PASS, Status.WARN, Status.FAIL} <= {f.status for f in snap.findings}
    assert result.entries is not None
    assert snap.wont_sync == result.entries.wont_sync > 0
    assert (snap.run_id, snap.generated_at, snap.sources, snap.facts, snap.checked) == (
        run_id(result), result.generated_at, result.sources, result.facts, snapshot(result).checked)


def test_a_check_skipped_in_the_saved_run_is_not_read_as_checked() -> None:
    result = sample_result()
    data = _saved(result)
    for check in data["checks"]:
        if check["id"] in ("users", "entries"):
            check["status"] = Status.NOT_CHECKED.value
    snap = snapshot_from_json(data)
    assert snap.checked == ALL - {"users", "entries"}
    assert snap.wont_sync is None  # the count of a run whose entries weren't checked
    cmp = compare(snap, snapshot(result))
    assert cmp.not_compared == ("users", "entries")
    assert all(c.finding.check != "users" for c in (*cmp.fixed, *cmp.new, *cmp.still_failing))
    assert (cmp.wont_sync_before, cmp.wont_sync_after) == (None, None)


def test_a_saved_finding_keeps_its_web_pages() -> None:
    clockify = "https://app.clockify.me/projects/p1/edit"
    qbo = "https://app.qbo.intuit.com/app/customerdetail?nameId=58"
    linked = structs.replace(ADS, links=Links(clockify=clockify, quickbooks=qbo))
    assert finding_from_json(json.loads(json.dumps(linked.to_json()))) == linked
    saved = ADS.to_json()
    for links, read in [({"clockify": clockify, "quickbooks": None}, Links(clockify, None)),
                        ({"clockify": None, "quickbooks": qbo}, Links(None, qbo)),
                        ({"quickbooks": qbo, "clockify": 7}, Links(None, qbo)),
                        ({}, Links(None, None)), (None, None), ([clockify], None)]:
        assert finding_from_json(saved | {"links": links}).links == read, links
    assert finding_from_json({k: v for k, v in saved.items() if k != "links"}).links is None


@pytest.mark.parametrize(("stamp", "when"), [
    ("2026-11-24T18:00:00Z", dt.datetime(2026, 11, 24, 18, tzinfo=dt.UTC)),
    ("2026-11-24T12:00:00-06:00", dt.datetime(2026, 11, 24, 18, tzinfo=dt.UTC)),
    ("2026-11-24T18:00:00", dt.datetime(2026, 11, 24, 18, tzinfo=dt.UTC)),
])
def test_saved_times_are_read_as_instants(stamp: str, when: dt.datetime) -> None:
    snap = snapshot_from_json({"tool": "sync-checkup", "generated_at": stamp, "findings": []})
    assert snap.generated_at == when
    assert snap.generated_at.utcoffset() is not None


def test_the_odd_parts_of_a_saved_run_are_dropped_not_guessed() -> None:
    good = {"code": "X", "check": "users", "status": "fail", "subject": "A"}
    snap = snapshot_from_json({
        "tool": "sync-checkup", "generated_at": "2026-11-24T18:00:00Z",
        "sources": {"clockify": "live", "quickbooks": 3},
        "checks": [{"id": "users", "status": "fail"}, {"id": 7, "status": "pass"}, "plan",
                   {"id": "entries", "status": "pass"}],
        "findings": [good, "not a finding"],
        "entries": {"wont_sync": "12"}, "facts": {"workspace": "Maple", "company": None}})
    assert snap.sources == {"clockify": "live", "quickbooks": None}
    assert snap.checked == {"users", "entries"}
    assert [f.code for f in snap.findings] == ["X"]
    assert (snap.wont_sync, snap.facts, snap.run_id) == (None, {"workspace": "Maple"}, "")
    assert finding_from_json(good) == Finding(code="X", check="users", status=Status.FAIL,
                                              subject="A", subject_kind="", message="", fix="")
    assert finding_from_json({**good, "subject": ""}).subject == ""
    for broken in ({**good, "check": ""}, {**good, "subject": None}, {**good, "code": ""}):
        with pytest.raises(ValueError, match=r"^not a finding$"):
            finding_from_json(broken)
    # a finding's text that isn't text is dropped, not kept as whatever it was
    odd = finding_from_json({**good, "client": 5, "match": ["B"], "message": {"m": 1}})
    assert (odd.client, odd.match, odd.message) == (None, None, "")
    # each refused for its own reason
    stamp = "2026-11-24T18:00:00Z"
    for not_a_run, reason in (
            ([], "not a Sync Checkup run"),
            ({"tool": "other", "generated_at": stamp, "findings": []}, "not a Sync Checkup run"),
            ({"tool": "sync-checkup", "findings": []}, "no time"),
            ({"tool": "sync-checkup", "generated_at": 20261124, "findings": []}, "no time"),
            ({"tool": "sync-checkup", "generated_at": stamp, "findings": {}}, "no findings"),
            ({"tool": "sync-checkup", "generated_at": stamp}, "no findings")):
        with pytest.raises(ValueError, match=f"^{reason}$"):
            snapshot_from_json(not_a_run)  # type: ignore[arg-type]


def test_a_live_snapshot_keeps_what_the_comparison_needs() -> None:
    result = sample_result()
    no_qbo = run_checks(demo.clockify_side(), QuickBooksSide(source=None), result.period,
                        SECOND_RUN, "0.0-test")
    snap = snapshot(no_qbo)
    assert snap.checked == {"entries", "connection"}
    assert snap.findings == no_qbo.findings
    assert (snap.sources, snap.facts) == (no_qbo.sources, no_qbo.facts)
    without_entries = snapshot(dataclasses.replace(result, entries=None))
    assert without_entries.wont_sync is None
    assert result.entries is not None
    assert snapshot(result).wont_sync == result.entries.wont_sync


def test_run_ids_use_every_character_position() -> None:
    ids = [run_id(sample_result(FIRST_RUN + dt.timedelta(minutes=m))) for m in range(12)]
    assert len(set(ids)) == len(ids)
    for position in range(9):
        assert len({i[position] for i in ids}) > (1 if position != 4 else 0), position
