"""The wizard's flow without Qt: Back/Next rules, page statuses, and what changed between runs."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from msgspec import structs

from wizard.core.checks import run_checks
from wizard.core.compare import compare, snapshot
from wizard.core.model import ClockifySide, QuickBooksSide, SideProblem
from wizard.core.result import RunResult, Status
from wizard.flow import PAGE_CHECKS, Flow, Load, Page, today_for
from wizard.sources import demo, sample

TODAY = dt.date(2026, 11, 24)


def _sample_run(period: tuple[dt.date, dt.date]) -> RunResult:
    return run_checks(demo.clockify_side(), demo.quickbooks_side(), period,
                      dt.datetime(2026, 11, 24, 18, tzinfo=dt.UTC), "test")


def test_pages_in_spec_order_and_navigation() -> None:
    flow = Flow(TODAY)
    assert [p.name for p in flow.pages()] == ["WELCOME", "PLAN", "NAMES", "RESYNC", "RECONNECT",
                                              "ENTRIES", "SUMMARY"]
    assert flow.next_page(Page.WELCOME) is Page.PLAN
    assert flow.next_page(Page.SUMMARY) is None
    assert flow.previous_page(Page.WELCOME) is None
    assert flow.previous_page(Page.ENTRIES) is Page.RECONNECT


def test_default_period_is_last_30_days_inclusive() -> None:
    flow = Flow(TODAY)
    assert flow.period == (dt.date(2026, 10, 26), TODAY)
    assert flow.set_period(TODAY, dt.date(2026, 11, 1)) is not None
    assert flow.period == (dt.date(2026, 10, 26), TODAY)  # unchanged after a bad period


def test_welcome_needs_a_source_then_each_kind_needs_its_part() -> None:
    flow = Flow(TODAY)
    assert not flow.can_leave(Page.WELCOME)
    assert "sample company" in (flow.blocked(Page.WELCOME) or "")
    flow.choices.clockify = "file"
    assert "Clockify export" in (flow.blocked(Page.WELCOME) or "")
    flow.choices.clockify_files = (Path("users.csv"),)
    assert flow.can_leave(Page.WELCOME)
    flow.choices.quickbooks = "api"
    assert "Sign in with Intuit" in (flow.blocked(Page.WELCOME) or "")
    flow.choices.qbo_signed_in = True
    assert flow.can_leave(Page.WELCOME)
    flow.choices.clockify = "api"
    assert "API key" in (flow.blocked(Page.WELCOME) or "")


def test_request_carries_only_the_chosen_kinds_files() -> None:
    flow = Flow(TODAY)
    flow.choices.clockify = "demo"
    flow.choices.quickbooks = "file"
    flow.choices.clockify_files = (Path("stale.csv"),)
    flow.choices.qbo_files = (Path("customers.csv"),)
    request = flow.request()
    assert request.clockify_files == ()
    assert request.qbo_files == (Path("customers.csv"),)
    assert request.period == flow.period


def test_request_without_manual_answers_carries_a_blank_manual() -> None:
    """Choices keeps None until the bookkeeper answers (no sources import before the paint)."""
    from wizard.sources.request import Manual

    flow = Flow(TODAY)
    flow.choices.use_sample()
    assert flow.choices.manual is None
    assert flow.request().manual == Manual()
    flow.choices.manual = Manual(plan="QuickBooks Online Plus", payroll=False)
    assert flow.request().manual == Manual(plan="QuickBooks Online Plus", payroll=False)


def test_later_pages_wait_for_the_run() -> None:
    flow = Flow(TODAY)
    flow.choices.use_sample()
    assert flow.can_leave(Page.WELCOME)
    flow.start_load()
    assert flow.load is Load.BUSY
    assert not flow.can_leave(Page.PLAN)
    assert flow.page_status(Page.PLAN) is Status.NOT_CHECKED
    assert flow.verdict(Page.NAMES) == "Checking…"
    flow.fail_load("QuickBooks could not be reached.")
    assert flow.verdict(Page.PLAN) == "QuickBooks could not be reached."
    assert not flow.can_leave(Page.PLAN)
    flow.start_load()
    flow.finish_load(_sample_run(flow.period))
    assert flow.can_leave(Page.PLAN)
    assert flow.page_status(Page.NAMES) is Status.FAIL
    assert flow.page_status(Page.PLAN) is Status.WARN  # time tracking off in the sample
    assert flow.page_status(Page.RECONNECT) is Status.INFO  # the sample: never "connected"
    assert "of 16 members" in flow.verdict(Page.NAMES)


def test_cancel_before_any_result_blocks_and_after_keeps_the_old_one() -> None:
    flow = Flow(TODAY)
    flow.choices.use_sample()
    flow.start_load()
    flow.cancel_load()
    assert flow.load is Load.CANCELLED
    assert not flow.can_leave(Page.PLAN)
    flow.start_load()
    flow.finish_load(_sample_run(flow.period))
    flow.start_load()
    flow.cancel_load()
    assert flow.load is Load.READY
    assert flow.can_leave(Page.PLAN)


def test_recheck_reports_fixed_new_and_still() -> None:
    flow = Flow(TODAY)
    flow.choices.use_sample()
    first = _sample_run(flow.period)
    flow.finish_load(first)
    assert flow.recheck_changes(Page.RESYNC) is None
    near = next(f for f in first.findings if f.subject == "Jon Smith")
    fixed = structs.replace(near, code="USER_MATCHED", status=Status.PASS)
    second = dataclasses.replace(
        first, findings=tuple(fixed if f is near else f for f in first.findings))
    flow.finish_load(second)
    changes = flow.recheck_changes(Page.RESYNC)
    assert changes is not None
    assert [c.finding.subject for c in changes.fixed] == ["Jon Smith"]
    assert changes.new == ()
    assert len(changes.still_failing) > 5
    assert changes.not_compared == ()
    # wording changed on purpose (issue 11): real plurals instead of "1 fixed, 0 new"
    assert flow.verdict(Page.RESYNC).startswith(
        "Since the Re-check: 1 problem fixed. 0 new problems.")


@pytest.mark.parametrize("checks", [("users",), ("plan",)])
def test_a_page_sees_only_its_own_checks(checks: tuple[str, ...]) -> None:
    run = _sample_run((dt.date(2026, 10, 26), TODAY))
    empty = dataclasses.replace(run, findings=())
    changes = compare(snapshot(empty), snapshot(run)).only(checks)
    assert changes.new
    assert {c.finding.check for c in changes.new} == set(checks)
    assert compare(snapshot(run), snapshot(run)).only(checks).fixed == ()


# --- the one comparison through the wizard's Re-check (issue 11) ------------------------------

_DOWN = "There was no answer from its servers."


def _run(clockify: ClockifySide, quickbooks: QuickBooksSide) -> RunResult:
    return run_checks(clockify, quickbooks, (dt.date(2026, 10, 26), TODAY),
                      dt.datetime(2026, 11, 24, 18, tzinfo=dt.UTC), "test")


def _qbo_down() -> RunResult:
    return _run(demo.clockify_side(),
                QuickBooksSide(source="demo", problem=SideProblem("QBO_UNREACHABLE", _DOWN)))


def _clockify_down() -> RunResult:
    return _run(ClockifySide(source="demo", problem=SideProblem("CLOCKIFY_UNREACHABLE", _DOWN)),
                demo.quickbooks_side())


def _rechecked(first: RunResult, second: RunResult) -> Flow:
    flow = Flow(TODAY)
    flow.choices.use_sample()
    flow.finish_load(first)
    flow.finish_load(second)
    return flow


@pytest.mark.parametrize("page", list(Page))
def test_recheck_with_quickbooks_unreachable_fixes_nothing(page: Page) -> None:
    first = _sample_run((dt.date(2026, 10, 26), TODAY))
    assert any(f.check == "users" and f.status.is_problem for f in first.findings)
    flow = _rechecked(first, _qbo_down())
    changes = flow.recheck_changes(page)
    assert changes is not None
    assert changes.fixed == ()  # nobody fixed a name: QuickBooks just didn't answer
    for check_id in ("plan", "users", "customers"):
        assert (check_id in changes.not_compared) == (check_id in PAGE_CHECKS[page])
    assert not any(c.finding.check in ("plan", "users", "customers")
                   for c in (*changes.new, *changes.still_failing))
    # entries ran both times, but without QuickBooks fewer reasons were looked for
    assert changes.wont_sync_before is None
    assert changes.wont_sync_after is None


def test_recheck_with_quickbooks_unreachable_says_so_on_the_resync_page() -> None:
    flow = _rechecked(_sample_run((dt.date(2026, 10, 26), TODAY)), _qbo_down())
    verdict = flow.verdict(Page.RESYNC)
    assert verdict.startswith("Since the Re-check: 0 problems fixed. 0 new problems. "
                              "0 problems still to fix.")
    assert "Not compared: Users and employees, Clients, projects and customers" in verdict


def test_recheck_with_clockify_unreachable_fixes_nothing() -> None:
    first = _sample_run((dt.date(2026, 10, 26), TODAY))
    flow = _rechecked(first, _clockify_down())
    changes = flow.recheck_changes(Page.SUMMARY)
    assert changes is not None
    assert changes.fixed == ()
    assert set(changes.not_compared) == {"users", "customers", "entries"}
    # the one honest change: Clockify no longer answers
    assert [c.finding.code for c in changes.new] == ["CLOCKIFY_UNREACHABLE"]
    assert flow.recheck_changes(Page.NAMES).fixed == ()  # type: ignore[union-attr]


def test_a_check_from_not_checked_to_fail_is_not_compared_not_new() -> None:
    down = _qbo_down()
    assert down.check("users").status is Status.NOT_CHECKED
    flow = _rechecked(down, _sample_run((dt.date(2026, 10, 26), TODAY)))
    assert flow.result is not None
    assert flow.result.check("users").status is Status.FAIL
    changes = flow.recheck_changes(Page.NAMES)
    assert changes is not None
    assert changes.new == ()
    assert changes.fixed == ()
    assert changes.still_failing == ()
    assert changes.not_compared == ("users", "customers")
    # the connection came back: the old failure is fixed, honestly
    whole = flow.recheck_changes(Page.SUMMARY)
    assert whole is not None
    assert [c.problem.code for c in whole.fixed] == ["QBO_UNREACHABLE"]
    assert whole.to_json()["fixed"] == [{"code": "QBO_UNREACHABLE", "subject": "QuickBooks",
                                         "subject_kind": "connection", "client": None}]


def test_first_run_has_no_recheck_changes_and_counts_what_to_fix() -> None:
    flow = Flow(TODAY)
    flow.choices.use_sample()
    first = _sample_run(flow.period)
    flow.finish_load(first)
    assert all(flow.recheck_changes(page) is None for page in Page)
    names = sum(1 for f in first.findings
                if f.check in ("users", "customers") and f.status.is_problem)
    assert names > 1
    assert flow.verdict(Page.RESYNC) == (
        f"{names} name problems to fix; after fixing them, resync in Clockify and click "
        "Re-check.")


def test_one_definition_of_a_problem() -> None:
    assert {s for s in Status if s.is_problem} == {Status.WARN, Status.FAIL}


def test_the_period_ends_on_the_samples_own_day_or_today() -> None:
    """The window and the command line both take their default day from here."""
    assert today_for(True) == sample.sample_info().today != dt.date.today()
    before = dt.date.today()
    assert today_for(False) in (before, dt.date.today())  # a run across midnight takes either
