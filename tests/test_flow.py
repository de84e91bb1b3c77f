"""The wizard's flow without Qt: Back/Next rules, page statuses, and what changed between runs."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from wizard.core.checks import run_checks
from wizard.core.result import RunResult, Status
from wizard.flow import Changes, Flow, Load, Page, compare
from wizard.sources import demo

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
    from wizard.sources.gather import Manual

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
    assert flow.page_status(Page.RECONNECT) is Status.PASS
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
    fixed = dataclasses.replace(near, code="USER_MATCHED", status=Status.PASS)
    second = dataclasses.replace(
        first, findings=tuple(fixed if f is near else f for f in first.findings))
    flow.finish_load(second)
    changes = flow.recheck_changes(Page.RESYNC)
    assert changes is not None
    assert [f.subject for f in changes.fixed] == ["Jon Smith"]
    assert changes.new == ()
    assert len(changes.still) > 5
    assert flow.verdict(Page.RESYNC).startswith("Since the Re-check: 1 fixed, 0 new")


@pytest.mark.parametrize("checks", [("users",), ("plan",)])
def test_compare_limits_to_the_given_checks(checks: tuple[str, ...]) -> None:
    run = _sample_run((dt.date(2026, 10, 26), TODAY))
    empty = dataclasses.replace(run, findings=())
    changes = compare(empty, run, checks)
    assert isinstance(changes, Changes)
    assert changes.new
    assert {f.check for f in changes.new} == set(checks)
    assert compare(run, run, checks).fixed == ()
