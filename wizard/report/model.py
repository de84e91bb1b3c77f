"""The support report as plain data (`build_report`): its sections in order, each gathered on
its own, so one that breaks says so and the rest of the report still prints. The block types
are in `blocks`, the sections in `sections` and `name_tables`; the HTML and PDF writers only
lay the result out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from wizard.core.compare import Comparison, run_id
from wizard.core.result import RunResult
from wizard.redact import scrub
from wizard.report import name_tables, sections
from wizard.report.blocks import HTML_LIMITS, PDF_LIMITS, Limits, Paragraph, Report, Section
from wizard.report.phrases import when_text
from wizard.text import N_, _

log = logging.getLogger(__name__)

__all__ = ["HTML_LIMITS", "PDF_LIMITS", "Limits", "Report", "build_report"]

BROKEN_SECTION = N_("This part of the report could not be put together because of an internal "
                    "problem; the rest of the report is complete. The log file has the details.")


def _gather(key: str, title: str, build: Callable[[], Section]) -> Section:
    try:
        return build()
    except Exception:  # one broken section must not lose the whole report
        log.exception("report section %s could not be gathered", key)
        return Section(key, title, [Paragraph(_(BROKEN_SECTION), "warning")], broken=True)


def build_report(result: RunResult, comparison: Comparison | None = None, *,
                 limits: Limits = PDF_LIMITS) -> Report:
    ident = run_id(result)
    plan: list[tuple[str, str, Callable[[], Section]]] = [
        ("overview", _("Summary"),
         lambda: sections.overview_section(result, comparison, ident))]
    if comparison is not None:
        cmp_ = comparison
        plan.append(("changes", _("What changed since the previous run"),
                     lambda: sections.changes_section(result, cmp_)))
    plan += [
        ("findings", _("Problems and fixes"),
         lambda: sections.findings_section(result, comparison, limits)),
        ("users", _("Clockify users ↔ QuickBooks employees"),
         lambda: name_tables.users_section(result, limits)),
        ("customers", _("Clockify clients and projects ↔ QuickBooks customers"),
         lambda: name_tables.customers_section(result, limits)),
        ("entries", _("Time entries that won't sync"),
         lambda: sections.entries_section(result, limits.entries)),
        ("about", _("How to read this report"), lambda: sections.about_section(result, ident)),
    ]
    gathered = [_gather(key, title, build) for key, title, build in plan]
    title = _("Sync Checkup — support report")
    footer = _("Sync Checkup {version} · run {run} · {when}").format(
        version=result.version, run=ident, when=when_text(result.generated_at))
    return Report(title=scrub(title), run_id=ident, footer=scrub(footer), sections=gathered)
