"""The wizard's flow as plain Python: the pages, what each needs before Next, and what each says.

The Qt wizard is a shell around one `Flow`: it asks the flow which page comes next, whether Next
is allowed, and the status and one-line verdict of each page. Keeping this free of Qt lets the
rules be tested without a display (tests/test_flow.py). The data model and the sources' request
types are imported when a check is asked for, not when the window opens (issue 7: start-up).
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wizard.core.status import CHECK_IDS, Status, worst
from wizard.text import N_, _, _n

if TYPE_CHECKING:
    from wizard.core.compare import Comparison, Snapshot
    from wizard.core.model import SourceKind
    from wizard.core.result import RunResult
    from wizard.sources.request import Manual, Request


def today_for(demo: bool) -> dt.date:
    """The last day of the period by default: the sample company's own day, so its entries
    stay inside the period; otherwise today. The window and the command line both start here."""
    if demo:
        from wizard.sources.sample import sample_info  # the sample is read only when asked for

        return sample_info().today
    return dt.date.today()


class Page(IntEnum):
    WELCOME = 0
    PLAN = 1
    NAMES = 2
    RESYNC = 3
    RECONNECT = 4
    ENTRIES = 5
    SUMMARY = 6


PAGE_TITLES: dict[Page, str] = {
    Page.WELCOME: N_("Welcome — connect both sides"),
    Page.PLAN: N_("QuickBooks plan"),
    Page.NAMES: N_("Names in Clockify and QuickBooks"),
    Page.RESYNC: N_("Resync users and customers"),
    Page.RECONNECT: N_("Reconnect the integration"),
    Page.ENTRIES: N_("Billable time entries"),
    Page.SUMMARY: N_("Summary and report"),
}

# which checks decide each page's status icon
PAGE_CHECKS: dict[Page, tuple[str, ...]] = {
    Page.WELCOME: ("connection",),
    Page.PLAN: ("plan",),
    Page.NAMES: ("users", "customers"),
    Page.RESYNC: ("users", "customers"),
    Page.RECONNECT: ("connection",),
    Page.ENTRIES: ("entries",),
    Page.SUMMARY: CHECK_IDS,
}

class Load(StrEnum):
    """Where the current check run is."""

    IDLE = "idle"  # nothing asked yet
    BUSY = "busy"
    READY = "ready"
    ERROR = "error"
    CANCELLED = "cancelled"


class Choices:
    """Where each side comes from, as picked on the first page (no secrets here).

    A plain class rather than a dataclass: it is built before the window first paints, and
    the dataclasses module and the methods it generates would cost that paint milliseconds.
    """

    def __init__(self) -> None:
        self.clockify: SourceKind | None = None
        self.quickbooks: SourceKind | None = None
        self.clockify_files: tuple[Path, ...] = ()
        self.qbo_files: tuple[Path, ...] = ()
        # None: not answered yet, the same as a blank Manual()
        self.manual: Manual | None = None
        self.clockify_key_stored = False
        self.qbo_signed_in = False
        self.company: Any = None  # a saved company (storage.companies.Company), All companies

    def missing(self) -> str | None:
        """Why the checks can't start yet, as a sentence; None when they can."""
        if self.clockify is None and self.quickbooks is None:
            return _("Choose where the Clockify and QuickBooks data come from, or click "
                     "“Try the sample company”.")
        if self.clockify == "file" and not self.clockify_files:
            return _("Open the Clockify export files first (Open exported files…).")
        if self.quickbooks == "file" and not self.qbo_files:
            return _("Open the QuickBooks export files first (Open exported files…).")
        if self.clockify == "api" and not self.clockify_key_stored:
            return _("Paste your Clockify API key and click Save key.")
        if self.quickbooks == "api" and not self.qbo_signed_in:
            return _("Click “Sign in with Intuit” to connect QuickBooks.")
        return None

    def open_company(self, company: Any) -> None:
        """Both sides live, with the saved company's own key and sign-in (SPEC §9)."""
        self.clockify = "api"
        self.quickbooks = "api"
        self.company = company
        self.clockify_key_stored = True
        self.qbo_signed_in = True

    def use_sample(self) -> None:
        self.clockify = "demo"
        self.quickbooks = "demo"


class Flow:
    """The state of one wizard session: choices, period, the current run and the one before."""

    def __init__(self, today: dt.date) -> None:
        self.today = today
        self.choices = Choices()
        self._period: tuple[dt.date, dt.date] | None = None  # default: the last 30 days
        self.load = Load.IDLE
        self.error: str | None = None
        self.result: RunResult | None = None
        self.previous: RunResult | None = None  # the run before the latest Re-check
        self.since_last_run: Comparison | None = None  # against the stored history, when known
        self._snapshot: Snapshot | None = None  # of `result`, for the next Re-check
        self._recheck: Comparison | None = None  # `previous` → `result`, all checks

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        if self._period is None:
            # the engine is imported on first use, not when the window opens
            from wizard.core.checks import default_period
            self._period = default_period(self.today)
        return self._period

    @period.setter
    def period(self, value: tuple[dt.date, dt.date]) -> None:
        self._period = value

    # --- navigation -------------------------------------------------------------------------

    @staticmethod
    def pages() -> list[Page]:
        return list(Page)

    @staticmethod
    def next_page(page: Page) -> Page | None:
        return Page(page + 1) if page < Page.SUMMARY else None

    @staticmethod
    def previous_page(page: Page) -> Page | None:
        return Page(page - 1) if page > Page.WELCOME else None

    def blocked(self, page: Page) -> str | None:
        """Why Next is disabled on `page` (a sentence), or None when the user may go on."""
        if page is Page.WELCOME:
            return self.choices.missing()
        if self.load is Load.BUSY:
            return _("Checking… Next is available when the check has finished.")
        if self.load is not Load.READY or self.result is None:
            return _("Click Re-check (or go Back and pick the sources again).")
        return None

    def can_leave(self, page: Page) -> bool:
        return self.blocked(page) is None

    # --- the run ----------------------------------------------------------------------------

    def request(self) -> Request:
        from wizard.sources.request import Manual, Request

        c = self.choices
        return Request(clockify=c.clockify, quickbooks=c.quickbooks, period=self.period,
                       clockify_files=c.clockify_files if c.clockify == "file" else (),
                       qbo_files=c.qbo_files if c.quickbooks == "file" else (),
                       manual=c.manual if c.manual is not None else Manual(),
                       company=c.company if c.clockify == "api" and c.quickbooks == "api"
                       else None)

    def set_period(self, start: dt.date, end: dt.date) -> str | None:
        """Set the period; a sentence when it can't be used."""
        if start > end:
            return _("The first day is after the last day; swap them.")
        if (end - start).days > 366:
            return _("Pick a period of at most one year.")
        self.period = (start, end)
        return None

    def start_load(self) -> None:
        self.load = Load.BUSY
        self.error = None

    def finish_load(self, result: RunResult, since_last_run: Comparison | None = None,
                    snap: Snapshot | None = None) -> None:
        """Show a finished run. `snap` is its snapshot when the worker already made one."""
        from wizard.core.compare import compare, snapshot

        if snap is None:
            snap = snapshot(result)
        if self.result is not None and self._snapshot is not None:
            self.previous = self.result
            self._recheck = compare(self._snapshot, snap)
        self.result = result
        self._snapshot = snap
        self.since_last_run = since_last_run
        self.load = Load.READY
        self.error = None

    def fail_load(self, message: str) -> None:
        self.load = Load.ERROR
        self.error = message

    def cancel_load(self) -> None:
        self.load = Load.CANCELLED if self.result is None else Load.READY
        self.error = None

    def recheck_changes(self, page: Page = Page.SUMMARY) -> Comparison | None:
        """What the latest Re-check changed for this page's checks, or None before a Re-check.
        The one comparison of the core (SPEC §7): a check that didn't run in either run is
        "not compared", never "fixed"."""
        if self._recheck is None:
            return None
        return self._recheck.only(PAGE_CHECKS[page])

    def connection_problem(self) -> str | None:
        """The sentence of the first side that couldn't be read in the shown run (unreachable,
        key refused, sign-in needed): every page shows it, since every later page lacks data."""
        if self.load is not Load.READY or self.result is None:
            return None
        for f in self.result.findings:
            if f.check == "connection" and f.status is Status.FAIL:
                return f.message
        return None

    # --- what each page says ----------------------------------------------------------------

    def page_status(self, page: Page) -> Status:
        if self.result is None or self.load is Load.BUSY:
            return Status.NOT_CHECKED
        return worst([self.result.check(cid).status for cid in PAGE_CHECKS[page]],
                     default=Status.NOT_CHECKED)

    def verdict(self, page: Page) -> str:
        """The one line under each page's title."""
        if page is Page.WELCOME and self.load is Load.IDLE:
            return self.choices.missing() or _("Ready: click Next to run every check.")
        if self.load is Load.BUSY:
            return _("Checking…")
        if self.load is Load.ERROR:
            return self.error or _("The check could not finish.")
        if self.result is None:
            return _("Not checked yet: click Re-check.")
        r = self.result
        if page is Page.WELCOME:
            return r.check("connection").summary
        if page is Page.PLAN:
            return r.check("plan").summary
        if page is Page.NAMES:
            from wizard.text.checks import sentences
            return sentences(r.check("users").summary, r.check("customers").summary)
        if page is Page.RESYNC:
            from wizard.text.changes import resync_todo, since_recheck
            from wizard.text.checks import check_titles

            changes = self.recheck_changes(Page.RESYNC)
            if changes is None:
                n = sum(1 for f in r.findings if f.check in ("users", "customers")
                        and f.status.is_problem)
                return resync_todo(n)
            return since_recheck(*changes.counts, check_titles(changes.not_compared))
        if page is Page.RECONNECT:
            return r.check("connection").summary
        if page is Page.ENTRIES:
            return r.check("entries").summary
        failing = sum(1 for c in r.checks if c.status is Status.FAIL)
        warning = sum(1 for c in r.checks if c.status is Status.WARN)
        if not failing and not warning:
            return _("Every check passed.")
        if not warning:
            return _n("{failing} check has a problem; the fixes are below.",
                      "{failing} checks have a problem; the fixes are below.",
                      failing).format(failing=failing)
        if not failing:
            return _n("{warning} check has a warning; the fixes are below.",
                      "{warning} checks have a warning; the fixes are below.",
                      warning).format(warning=warning)
        return _("Checks with a problem: {failing}; with a warning: {warning}. The fixes are "
                 "below.").format(failing=failing, warning=warning)

