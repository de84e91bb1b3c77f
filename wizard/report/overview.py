"""The one-page overview of every saved company (SPEC §9): one row each with when it was
checked, each check's status as a word (coloured too, never colour alone), the number of problems
and what changed since its previous run. Each company's own report stays as it is."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from wizard.core.compare import Comparison, run_id
from wizard.core.result import CHECK_IDS, RunResult
from wizard.report.blocks import Cell, Paragraph, Report, Section, Table
from wizard.report.phrases import status_of, when_text
from wizard.text import _
from wizard.text.changes import changes_summary
from wizard.text.checks import check_title, check_titles
from wizard.text.companies import message, problems

CompanyResult = tuple[str, RunResult, Comparison | None]  # (company name, result, comparison)


def overview_id(runs: Sequence[CompanyResult]) -> str:
    joined = "|".join(run_id(result) for _name, result, _cmp in runs)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:10]


def _change_text(comparison: Comparison | None) -> str:
    if comparison is None:
        return message("first_run")
    return changes_summary(*comparison.counts, check_titles(comparison.not_compared))


def build_overview(runs: Sequence[CompanyResult]) -> Report:
    ident = overview_id(runs)
    rows: list[list[Cell]] = []
    for name, result, comparison in runs:
        statuses = {c.id: c.status for c in result.checks}
        row = [Cell(name, strong=True), Cell(when_text(result.generated_at))]
        for check_id in CHECK_IDS:
            word, tone = status_of(statuses[check_id])
            row.append(Cell(word, tone))
        count = sum(1 for f in result.findings if f.status.is_problem)
        row.append(Cell(problems(count)))
        row.append(Cell(_change_text(comparison)))
        rows.append(row)
    columns = [_("Company"), _("Last checked"), *(check_title(c) for c in CHECK_IDS),
               _("Problems"), _("Since the previous run")]
    blocks: list[Paragraph | Table] = []
    if runs:
        first = runs[0][1]
        newest = max(r.generated_at for _n, r, _c in runs)
        blocks.append(Paragraph(message("overview_generated", when=when_text(newest),
                                        start=first.period[0].isoformat(),
                                        end=first.period[1].isoformat()), "muted"))
    blocks.append(Table(columns, rows, widths=[16, 12, 9, 9, 9, 9, 9, 9, 18]))
    blocks.append(Paragraph(_("Each company's own report has its problems, their fixes and both "
                              "sides' lists: save it from that company's Summary page or with "
                              "“sync-checkup check --company NAME --report FILE”."), "muted"))
    section = Section("companies", message("overview_title"), list(blocks))
    version = runs[0][1].version if runs else ""
    now = dt.datetime.now(dt.UTC)
    footer = _("Sync Checkup {version} · overview {ident} · {when}").format(
        version=version, ident=ident, when=when_text(now))
    return Report(title=_("Sync Checkup — all companies"), run_id=ident, footer=footer,
                  sections=[section])
