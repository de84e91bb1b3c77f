"""What the check worker does, as plain Python: read both sides, run the checks, build the rows.

Runs on a worker thread (see workers.py). The readers are parameters so tests and the GUI
benchmark can feed a source that is slow, fails, or is very large.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from wizard import __version__
from wizard.core.checks import run_checks
from wizard.core.compare import Comparison, Snapshot, snapshot
from wizard.core.errors import Cancelled
from wizard.core.fixes import Plan, plan_for
from wizard.core.gcpause import paused_gc
from wizard.core.model import ClockifySide, QuickBooksSide
from wizard.core.result import RunResult
from wizard.core.rows import customer_rows, user_rows
from wizard.sources import gather
from wizard.sources.progress import CancelToken, Progress
from wizard.sources.request import Request
from wizard.text import _
from wizard.ui.rows import FlatNames, flatten

log = logging.getLogger(__name__)

ReadClockify = Callable[[Request, Progress, CancelToken], ClockifySide]
ReadQuickBooks = Callable[[Request, Progress, CancelToken], QuickBooksSide]


@dataclass(frozen=True)
class Readers:
    clockify: ReadClockify = gather.read_clockify
    quickbooks: ReadQuickBooks = gather.read_quickbooks


@dataclass(frozen=True)
class Loaded:
    """Everything a finished check hands to the GUI thread, ready to show."""

    result: RunResult
    users: FlatNames
    customers: FlatNames
    snapshot: Snapshot  # what the next Re-check compares against
    plan: Plan  # the fix plan, made here: a large company's is too slow for the GUI thread
    comparison: Comparison | None = None  # since the last stored run (SPEC §7), if any


def _history_compare(result: RunResult, snap: Snapshot, record: bool,
                     request: Request | None = None) -> Comparison | None:
    """Store this run and compare it with the last stored one; history is optional in a build."""
    if not record:
        return None
    try:
        from wizard.storage import history
    except ImportError:
        return None
    try:
        folder = None
        if request is not None and request.company is not None:  # a saved company's own
            from wizard.storage import companies
            folder = companies.history_folder(request.company)
        comparison = history.record(result, snap, folder)
    except Exception:  # a broken history must never stop the check
        log.warning("could not use the run history", exc_info=True)
        return None
    return comparison


_RAW_LISTS = ("members", "clients", "projects", "entries", "employees", "vendors", "customers")
_RELEASE_CHUNK = 4000


def _hold_raw(*sides: ClockifySide | QuickBooksSide) -> list[list[object]]:
    """The raw records of both sides in lists this function's caller owns (see _release)."""
    held: list[list[object]] = []
    for side in sides:
        for name in _RAW_LISTS:
            items = getattr(side.data, name, None)
            if items:
                held.append(list(items))
    return held


def _release(held: list[list[object]]) -> None:
    """Free the raw records a few thousand at a time. Dropping a company's quarter-million
    entries in one go is a single deallocation cascade that holds the GIL for ~100 ms and
    freezes the window; between chunks the GUI thread gets its turn."""
    for items in held:
        while items:
            del items[-_RELEASE_CHUNK:]
    held.clear()


def check(request: Request, progress: Progress, cancel: CancelToken,
          readers: Readers | None = None, record_history: bool = True) -> Loaded:
    """Read both sides, run every check, and prepare the rows the pages show."""
    with paused_gc(freeze=True):
        return _check(request, progress, cancel, readers or Readers(), record_history)


def _check(request: Request, progress: Progress, cancel: CancelToken, readers: Readers,
           record_history: bool) -> Loaded:
    progress(_("Reading Clockify…"), 0, 0)
    clockify = readers.clockify(request, progress, cancel)
    cancel.raise_if_cancelled()
    progress(_("Reading QuickBooks…"), 0, 0)
    quickbooks = readers.quickbooks(request, progress, cancel)
    cancel.raise_if_cancelled()
    progress(_("Running the checks…"), 0, 0)
    result = run_checks(clockify, quickbooks, request.period, dt.datetime.now(dt.UTC),
                        __version__)
    cancel.raise_if_cancelled()
    held = _hold_raw(clockify, quickbooks)
    del clockify, quickbooks  # the records now live only in `held`
    _release(held)
    snap = snapshot(result)
    comparison = _history_compare(result, snap, record_history, request)
    # the plan names the company it writes to: the sign-in's realm is read here, off the GUI thread
    from wizard.fixing import company_id

    plan = plan_for(result, None, company_id(result.sources))
    loaded = Loaded(result=result, users=flatten(user_rows(result)),
                    customers=flatten(customer_rows(result)), snapshot=snap, plan=plan,
                    comparison=comparison)
    if cancel.cancelled:
        raise Cancelled
    return loaded
