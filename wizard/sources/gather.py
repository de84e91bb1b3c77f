"""Reads both sides from whatever sources were chosen; shared by the command line and the wizard.

Each side is read on its own: a failure on one side becomes that side's `problem` (a
diagnosis), never an exception that loses the other side.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.core.model import ClockifySide, QuickBooksSide, SourceKind
from wizard.text import _

if TYPE_CHECKING:
    from wizard.storage.companies import Company

log = logging.getLogger(__name__)

# progress(message, done, total): total 0 means "unknown"
Progress = Callable[[str, int, int], None]


def no_progress(message: str, done: int, total: int) -> None:
    del message, done, total


@dataclass(frozen=True)
class Manual:
    """What export files can't tell, as the user answered it (None = not answered)."""

    plan: str | None = None  # an OfferingSku-style name, e.g. "QuickBooks Online Plus"
    payroll: bool | None = None
    closing_date: dt.date | None = None
    closing_date_given: bool = False  # "no closing date" is an answer too


@dataclass(frozen=True)
class Request:
    clockify: SourceKind | None
    quickbooks: SourceKind | None
    period: tuple[dt.date, dt.date]
    clockify_files: tuple[Path, ...] = ()
    qbo_files: tuple[Path, ...] = ()
    manual: Manual = field(default_factory=Manual)
    company: Company | None = None  # a saved company: its own key and sign-in (SPEC §9)


class CancelToken:
    """Checked by long jobs between requests; set from any thread."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> None:
        """Sleep up to `seconds`, waking at once on Cancel (then raising `Cancelled`)."""
        self._event.wait(seconds)
        self.raise_if_cancelled()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            from wizard.core.errors import Cancelled
            raise Cancelled


def read_clockify(request: Request, progress: Progress = no_progress,
                  cancel: CancelToken | None = None) -> ClockifySide:
    cancel = cancel or CancelToken()
    if request.clockify == "demo":
        from wizard.sources import demo
        progress(_("Reading the sample company's Clockify workspace"), 0, 0)
        return demo.clockify_side()
    if request.clockify == "file":
        from wizard.sources import files
        return files.clockify_side(request.clockify_files, progress)
    if request.clockify == "api" and request.company is not None:
        from wizard.sources import clockify
        from wizard.storage import companies
        c = request.company
        return clockify.read_workspace(companies.clockify_key(c), c.workspace_id, request.period,
                                       progress, cancel, core_url=c.clockify_api_url or None,
                                       reports_url=c.clockify_reports_url or None)[0]
    if request.clockify == "api":
        from wizard.sources import clockify
        return clockify.read_side(request.period, progress, cancel)
    return ClockifySide(source=None)


def read_quickbooks(request: Request, progress: Progress = no_progress,
                    cancel: CancelToken | None = None) -> QuickBooksSide:
    cancel = cancel or CancelToken()
    if request.quickbooks == "demo":
        from wizard.sources import demo
        progress(_("Reading the sample company's QuickBooks"), 0, 0)
        return demo.quickbooks_side()
    if request.quickbooks == "file":
        from wizard.sources import files
        return files.quickbooks_side(request.qbo_files, request.manual, progress)
    if request.quickbooks == "api" and request.company is not None:
        from wizard.sources import intuit, quickbooks
        c = request.company
        return quickbooks.read_company(lambda: intuit.Tokens.from_keyring(c.realm_id),
                                       lambda: c.qbo_api_url, progress, cancel)
    if request.quickbooks == "api":
        from wizard.sources import quickbooks
        return quickbooks.read_side(progress, cancel)
    return QuickBooksSide(source=None)
