"""The sample company's run, and the same run after one name was fixed in QuickBooks."""

from __future__ import annotations

import dataclasses
import datetime as dt

from wizard.core.checks import default_period, run_checks
from wizard.core.result import RunResult
from wizard.sources import demo, sample

FIRST_RUN = dt.datetime(2026, 11, 24, 18, 0, tzinfo=dt.UTC)
SECOND_RUN = dt.datetime(2026, 11, 24, 19, 30, tzinfo=dt.UTC)


def sample_result(when: dt.datetime = FIRST_RUN, *, fix_jon: bool = False) -> RunResult:
    """The sample company; `fix_jon` renames the QuickBooks employee "John Smith" to
    "Jon Smith", so the Clockify user "Jon Smith" matches."""
    qbo = demo.load_quickbooks()
    if fix_jon:
        assert qbo.employees is not None
        employees = tuple(dataclasses.replace(e, display_name="Jon Smith")
                          if e.display_name == "John Smith" else e for e in qbo.employees)
        assert employees != qbo.employees
        qbo = dataclasses.replace(qbo, employees=employees)
    side = demo.quickbooks_side()
    side = dataclasses.replace(side, data=qbo)
    today = sample.sample_info().today
    return run_checks(demo.clockify_side(), side, default_period(today), when, "0.0-test")
