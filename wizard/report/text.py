"""Plain-text summary for the clipboard and the prefilled e-mail to support."""

from __future__ import annotations

from urllib.parse import quote

from wizard.core.compare import Comparison, run_id
from wizard.core.result import RunResult
from wizard.core.texts import SUPPORT_EMAIL, check_titles, not_compared_line
from wizard.logs import scrub
from wizard.report.model import (
    FACT_LABELS,
    STATUS_WORDS,
    short_problem,
    sources_text,
    when_text,
)

MAILTO_LIMIT = 1800  # characters of the whole mailto: address; mail clients drop longer ones


def _head(result: RunResult, comparison: Comparison | None) -> list[str]:
    lines = [f"Sync Checkup report — run {run_id(result)}",
             f"Sync Checkup {result.version}, run {when_text(result.generated_at)}; period "
             f"{result.period[0].isoformat()} to {result.period[1].isoformat()}",
             f"Sources: {sources_text(result)}"]
    facts = [f"{label}: {result.facts[key]}" for key, label in FACT_LABELS
             if result.facts.get(key)]
    if facts:
        lines.append("; ".join(facts))
    lines.append("")
    lines.append("Checks:")
    for check in result.checks:
        word = STATUS_WORDS.get(check.status, ("?", "neutral"))[0].upper()
        lines.append(f"- {check.title}: {word} — {check.summary}")
    if comparison is not None:
        lines.append("")
        lines.append(f"Since the previous run ({when_text(comparison.previous_at)}): "
                     f"{len(comparison.fixed)} fixed, {len(comparison.new)} new, "
                     f"{len(comparison.still_failing)} still failing.")
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
        lines.append(f"To fix ({len(problems)}):")
        lines += problems
    else:
        lines.append("No problems found by the checks that ran.")
    if result.entries is not None and result.entries.total:
        lines.append("")
        lines.append(f"Time entries in the period: {result.entries.total:,}; will sync: "
                     f"{result.entries.will_sync:,}; won't sync: {result.entries.wont_sync:,}."
                     if result.entries.sync_known else result.check("entries").summary)
    return scrub("\n".join(lines)) + "\n"


def _mailto(subject: str, body: str) -> str:
    return f"mailto:{SUPPORT_EMAIL}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def mailto_url(result: RunResult, comparison: Comparison | None = None) -> str:
    """A prefilled message to support, short enough for mail clients (problems cut to fit)."""
    subject = scrub(f"Time entries not syncing to QuickBooks — Sync Checkup run {run_id(result)}")
    intro = ["Hello Clockify support,", "",
             "My Clockify time entries don't arrive in QuickBooks. Sync Checkup found this "
             "(the full report is attached as a PDF):", ""]
    outro = ["", "Thank you."]
    head = intro + _head(result, comparison)
    problems = _problem_lines(result)
    lines = [*head, "", f"To fix ({len(problems)}):"] if problems else list(head)
    # the checks must fit with room for the "… and N more" line that may follow them
    more_all = [f"… and {len(problems)} more in the attached report."] if problems else []
    body = "\n".join(lines + more_all + outro)
    if len(_mailto(subject, scrub(body))) > MAILTO_LIMIT:  # even the checks don't fit
        lines = [*intro, f"Run {run_id(result)}; the checks and everything found are in the "
                 "attached report."]
        problems = []
    for n, line in enumerate(problems):
        rest = len(problems) - n - 1
        more = [f"… and {rest} more in the attached report."] if rest else []
        candidate = "\n".join([*lines, line, *more, *outro])
        if len(_mailto(subject, scrub(candidate))) > MAILTO_LIMIT:
            lines.append(f"… and {len(problems) - n} more in the attached report.")
            break
        lines.append(line)
    return _mailto(subject, scrub("\n".join(lines + outro)))
