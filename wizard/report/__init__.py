"""The support report (SPEC §6): PDF and HTML files, the plain-text summary and the e-mail.

    write_report(result, path, comparison=None) -> Path   # .pdf or .html, by suffix
    write_overview(runs, path) -> Path                    # every saved company on one page
    summary_text(result, comparison=None) -> str          # for the clipboard
    mailto_url(result, comparison=None) -> str            # prefilled message to support
    run_id(result) -> str                                 # short id to quote to support

Qt is imported only when a PDF is written, so the command line's other paths stay light.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from wizard.core.compare import Comparison, run_id
from wizard.core.errors import BadInput
from wizard.core.result import RunResult
from wizard.redact import scrub
from wizard.report.model import HTML_LIMITS, PDF_LIMITS, build_report
from wizard.report.text import mailto_url, summary_text
from wizard.storage.atomic import write_atomically
from wizard.text import _

log = logging.getLogger(__name__)

__all__ = ["mailto_url", "run_id", "summary_text", "write_overview", "write_report"]


def render(result: RunResult, kind: str, comparison: Comparison | None = None) -> bytes:
    """The report's bytes: kind is "pdf" or "html"."""
    if kind == "html":
        from wizard.report import html
        report = build_report(result, comparison, limits=HTML_LIMITS)
        return html.render(report).encode("utf-8")
    if kind == "pdf":
        from wizard.report import pdf
        return pdf.render_pdf(build_report(result, comparison, limits=PDF_LIMITS))
    raise BadInput(_("A report can be saved as .pdf or .html, not as “{kind}”.").format(
        kind=kind))


def _kind(path: Path) -> str:
    kind = path.suffix.lower().lstrip(".")
    if kind not in ("pdf", "html", "htm"):
        raise BadInput(scrub(_("The report must be saved as a .pdf or .html file; “{name}” is "
                               "neither, so choose a name ending in .pdf or .html.").format(
            name=path.name)))
    return "html" if kind in ("html", "htm") else "pdf"


def write_report(result: RunResult, path: Path, comparison: Comparison | None = None) -> Path:
    """Write the support report; the suffix picks PDF or HTML. Raises BadInput with one
    sentence when the name or the folder can't be used."""
    path = Path(path)
    kind = _kind(path)
    data = render(result, kind, comparison)
    return _save(path, kind, data)


def write_overview(runs: Sequence[Any], path: Path) -> Path:
    """The one-page overview of several companies; `runs` hold `.company.name`, `.result` and
    `.comparison` (wizard.company_checks.CompanyRun)."""
    from wizard.report.overview import build_overview

    path = Path(path)
    kind = _kind(path)
    report = build_overview([(r.company.name, r.result, r.comparison) for r in runs])
    if kind == "html":
        from wizard.report import html
        data = html.render(report).encode("utf-8")
    else:
        from wizard.report import pdf
        data = pdf.render_pdf(report, landscape=True)
    return _save(path, kind, data)


def _save(path: Path, kind: str, data: bytes) -> Path:
    if path.is_dir():
        raise BadInput(scrub(_("{path} is a folder; give the report a file name ending in "
                               ".{suffix}.").format(path=path, suffix=kind)))
    try:
        write_atomically(path, data)
    except OSError as exc:
        reason = exc.strerror or _("it can't be written")
        raise BadInput(scrub(_("The report couldn't be saved in {folder} ({reason}); choose "
                               "another folder, for example your Documents folder.").format(
            folder=path.parent, reason=reason))) from None
    log.info("report saved (%s, %d bytes)", kind, len(data))
    return path
