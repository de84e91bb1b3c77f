"""The words and one-line texts that the report's sections, its plain-text summary and the
all-companies overview share: a status's word and tone, when a run was, where its data came
from, one line per problem, what changed since the previous run."""

from __future__ import annotations

import datetime as dt

from wizard.core.compare import Comparison
from wizard.core.labels import TAG_OF_CODE, TONE_OF_TAG, Tag, Tone
from wizard.core.result import Finding, RunResult, Status
from wizard.text import _
from wizard.text.changes import report_since_previous_run
from wizard.text.report import kind_word, source_word, subject_label
from wizard.text.status import status_word, tag_word

_STATUS_TONE: dict[Status, Tone] = {
    Status.PASS: "good", Status.INFO: "info", Status.WARN: "warn", Status.FAIL: "bad",
    Status.NOT_CHECKED: "neutral"}


def status_of(status: Status) -> tuple[str, Tone]:
    """The word (the same on screen and on the command line) and tone of a status."""
    return status_word(status), _STATUS_TONE[status]


def tag_of(tag: Tag) -> tuple[str, Tone]:
    return tag_word(tag), TONE_OF_TAG[tag]


def row_status(f: Finding) -> tuple[str, Tone]:
    """The word and tone for a finding's row: the Names page's word where it has one, else the
    status word."""
    tag = TAG_OF_CODE.get(f.code)
    return tag_of(tag) if tag is not None else status_of(f.status)


def when_text(when: dt.datetime) -> str:
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def sources_text(result: RunResult) -> str:
    return _("Clockify: {clockify}; QuickBooks: {quickbooks}").format(
        clockify=source_word(result.sources.get("clockify")),
        quickbooks=source_word(result.sources.get("quickbooks")))


def short_problem(f: Finding) -> str:
    """One line per problem, for the summary, the e-mail and the before/after list."""
    if f.subject_kind in ("plan", "connection"):
        return _("{subject}: {message} [{code}]").format(subject=f.subject, message=f.message,
                                                          code=f.code)
    word = row_status(f)[0]
    names = {"subject": subject_label(f), "kind": kind_word(f.subject_kind), "word": word,
             "code": f.code}
    if f.code == "PROJECT_IS_SUBCUSTOMER" and f.suggestion:
        line = _("{subject} ({kind}): {word} — give it the client “{client}” [{code}]")
        return line.format(client=f.suggestion, **names)
    if f.suggestion:
        return _("{subject} ({kind}): {word} — use “{name}” [{code}]").format(
            name=f.suggestion, **names)
    if f.match and f.code not in ("USER_MATCHED", "CLIENT_MATCHED", "PROJECT_MATCHED"):
        return _("{subject} ({kind}): {word} — QuickBooks: “{name}” [{code}]").format(
            name=f.match, **names)
    return _("{subject} ({kind}): {word} [{code}]").format(**names)


def subject_kind(f: Finding) -> str:
    return _("{subject} ({kind})").format(subject=subject_label(f), kind=kind_word(f.subject_kind))


def glance_detail(f: Finding) -> str:
    if f.subject_kind in ("plan", "connection"):
        return f.message
    if f.code == "PROJECT_IS_SUBCUSTOMER" and f.suggestion:
        return _("{name} (set client “{client}”)").format(name=f.match, client=f.suggestion)
    if f.suggestion and f.suggestion != f.match:
        if not f.match:
            return _("Type “{suggestion}”").format(suggestion=f.suggestion)
        return _("{name} (type “{suggestion}”)").format(name=f.match, suggestion=f.suggestion)
    return f.match or "—"


def since_previous_run(c: Comparison) -> str:
    """What changed since the previous run, the one sentence for the report and its summary."""
    return report_since_previous_run(when_text(c.previous_at), c.previous_run_id, len(c.fixed),
                                     len(c.new), len(c.still_failing))


def comparison_line(c: Comparison) -> str:
    """The report's line: what changed, then the entries that won't sync, before and now."""
    line = since_previous_run(c)
    if c.wont_sync_before is not None and c.wont_sync_after is not None:
        line += " " + _("Entries that won't sync: {before} before, {after} now.").format(
            before=c.wont_sync_before, after=c.wont_sync_after)
    return line


def problems_of(result: RunResult) -> list[Finding]:
    """The findings to fix (warnings and failures), in the checks' order."""
    return [f for f in result.findings if f.status.is_problem]
