"""Plain-text summary for the clipboard and the prefilled e-mail to support."""

from __future__ import annotations

from urllib.parse import quote

from wizard.core.compare import Comparison, run_id
from wizard.core.result import RunResult
from wizard.redact import scrub
from wizard.report.phrases import short_problem, since_previous_run, sources_text, when_text
from wizard.text import _, _n
from wizard.text.changes import not_compared_line
from wizard.text.checks import check_titles
from wizard.text.findings import SUPPORT_EMAIL
from wizard.text.report import FACT_LABELS
from wizard.text.status import status_word

MAILTO_LIMIT = 1800  # characters of the whole mailto: address; mail clients drop longer ones


def _head(result: RunResult, comparison: Comparison | None) -> list[str]:
    lines = [_("Sync Checkup report — run {run}").format(run=run_id(result)),
             _("Sync Checkup {version}, run {when}; period {start} to {end}").format(
                 version=result.version, when=when_text(result.generated_at),
                 start=result.period[0].isoformat(), end=result.period[1].isoformat()),
             _("Sources: {sources}").format(sources=sources_text(result))]
    facts = [_("{label}: {value}").format(label=_(label), value=result.facts[key])
             for key, label in FACT_LABELS if result.facts.get(key)]
    if facts:
        lines.append("; ".join(facts))
    lines.append("")
    lines.append(_("Checks:"))
    for check in result.checks:
        lines.append(_("- {check}: {status} — {summary}").format(
            check=check.title, status=status_word(check.status), summary=check.summary))
    if comparison is not None:
        lines.append("")
        lines.append(since_previous_run(comparison))
        if comparison.not_compared:
            lines.append(not_compared_line(check_titles(comparison.not_compared)))
    return lines


def _problem_lines(result: RunResult) -> list[str]:
    return [f"- {short_problem(f)}" for f in result.findings if f.status.is_problem]


def summary_text(result: RunResult, comparison: Comparison | None = None) -> str:
    """Reads well pasted into an e-mail or a chat: verdicts, facts, then one line per problem."""
    lines = _head(result, comparison)
    problems = _problem_lines(result)
    lines.append("")
    if problems:
        lines.append(_to_fix(len(problems)))
        lines += problems
    else:
        lines.append(_("No problems found by the checks that ran."))
    if result.entries is not None and result.entries.total:
        lines.append("")
        lines.append(_("Time entries in the period: {total:,}; will sync: {will:,}; won't "
                       "sync: {wont:,}.").format(total=result.entries.total,
                                                 will=result.entries.will_sync,
                                                 wont=result.entries.wont_sync)
                     if result.entries.sync_known else result.check("entries").summary)
    return scrub("\n".join(lines)) + "\n"


def _to_fix(count: int) -> str:
    return _n("{count} thing to fix:", "{count} things to fix:", count).format(count=count)


def _more(count: int) -> str:
    return _n("… and {count} more in the attached report.",
              "… and {count} more in the attached report.", count).format(count=count)


def _mailto(subject: str, body: str) -> str:
    return f"mailto:{SUPPORT_EMAIL}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def mailto_url(result: RunResult, comparison: Comparison | None = None) -> str:
    """A prefilled message to support, short enough for mail clients (problems cut to fit)."""
    subject = scrub(_("Time entries not syncing to QuickBooks — Sync Checkup run {run}").format(
        run=run_id(result)))
    intro = [_("Hello Clockify support,"), "",
             _("My Clockify time entries don't arrive in QuickBooks. Sync Checkup found this "
               "(the full report is attached):"), ""]
    outro = ["", _("Thank you.")]
    head = intro + _head(result, comparison)
    problems = _problem_lines(result)
    lines = [*head, "", _to_fix(len(problems))] if problems else list(head)
    # the checks must fit with room for the "… and N more" line that may follow them
    more_all = [_more(len(problems))] if problems else []
    body = "\n".join(lines + more_all + outro)
    if len(_mailto(subject, scrub(body))) > MAILTO_LIMIT:  # even the checks don't fit
        lines = [*intro, _("Run {run}: the checks and everything found are in the attached "
                           "report.").format(run=run_id(result))]
        problems = []
    for n, line in enumerate(problems):
        rest = len(problems) - n - 1
        more = [_more(rest)] if rest else []
        candidate = "\n".join([*lines, line, *more, *outro])
        if len(_mailto(subject, scrub(candidate))) > MAILTO_LIMIT:
            lines.append(_more(len(problems) - n))
            break
        lines.append(line)
    return _mailto(subject, scrub("\n".join(lines + outro)))
