"""Reads both sides from whatever sources were chosen; shared by the command line and the wizard.

Each side is read on its own: a failure on one side becomes that side's `problem` (a
diagnosis), never an exception that loses the other side.

The top of the sources: it uses every client and none of them imports it (the request, progress
and cancel types live below them, in `request` and `progress`; the contracts in pyproject.toml
keep it so).

A start-up decision, measured: the sources are imported inside the two functions, on the
check's worker thread, not at the top. The window imports this module on its GUI thread
(through `wizard.ui.jobs`, while idle right after the first paint); with the clients imported
here that import took 1.77 s instead of 0.46 s (medians of 9 alternating runs on a busy 2-core
machine: requests, keyring and intuit-oauth loading while the window could not repaint). Once a
job has loaded the clients the two ways cost the same.
"""

from __future__ import annotations

from wizard.core.model import ClockifySide, QuickBooksSide
from wizard.sources.progress import CancelToken, Progress, no_progress
from wizard.sources.request import Request
from wizard.text import _


def read_clockify(request: Request, progress: Progress = no_progress,
                  cancel: CancelToken | None = None) -> ClockifySide:
    cancel = cancel or CancelToken()
    if request.clockify == "demo":
        from wizard.sources import demo  # on the worker: see the module's docstring
        progress(_("Reading the sample company's Clockify workspace"), 0, 0)
        return demo.clockify_side()
    if request.clockify == "file":
        from wizard.sources import files
        return files.clockify_side(request.clockify_files, progress)
    if request.clockify == "api":
        from wizard.sources import clockify
        from wizard.storage import companies
        if request.company is None:
            return clockify.read_side(request.period, progress, cancel)
        c = request.company
        return clockify.read_workspace(companies.clockify_key(c), c.workspace_id, request.period,
                                       progress, cancel, core_url=c.clockify_api_url or None,
                                       reports_url=c.clockify_reports_url or None)[0]
    return ClockifySide(source=None)


def read_quickbooks(request: Request, progress: Progress = no_progress,
                    cancel: CancelToken | None = None) -> QuickBooksSide:
    cancel = cancel or CancelToken()
    if request.quickbooks == "demo":
        from wizard.sources import demo  # on the worker: see the module's docstring
        progress(_("Reading the sample company's QuickBooks"), 0, 0)
        return demo.quickbooks_side()
    if request.quickbooks == "file":
        from wizard.sources import files
        return files.quickbooks_side(request.qbo_files, request.manual, progress)
    if request.quickbooks == "api":
        from wizard.sources import intuit, quickbooks
        if request.company is None:
            return quickbooks.read_side(progress, cancel)
        c = request.company
        return quickbooks.read_company(lambda: intuit.Tokens.from_keyring(c.realm_id),
                                       lambda: c.qbo_api_url, progress, cancel)
    return QuickBooksSide(source=None)
