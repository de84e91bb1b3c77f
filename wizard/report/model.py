"""The support report as plain data: sections of paragraphs, facts, findings and tables.

The HTML and PDF writers only lay this out. Redaction is by allow-list: a section copies only
fields known to be safe (names, codes, dates, counts, the texts of `wizard.text`), and
every string passes through `wizard.logs.scrub` on its way in as a second guard. Each section
is gathered on its own: one that breaks says so, and the rest of the report still prints.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from wizard.core.compare import ChangedFinding, Comparison, run_id
from wizard.core.labels import TAG_OF_CODE, TONE_OF_TAG, Tag, Tone
from wizard.core.result import Finding, RunResult, Status
from wizard.core.rows import (
    NameRow,
    client_groups,
    name_row,
    near_kind,
    qbo_only_row,
    unused_records,
)
from wizard.logs import scrub
from wizard.text import N_, _, _n
from wizard.text.checks import check_title
from wizard.text.entries import reason_short, reason_words
from wizard.text.findings import SUPPORT_EMAIL
from wizard.text.report import (
    FACT_LABELS,
    kind_word,
    near_note,
    source_word,
    subject_label,
)
from wizard.text.status import status_word, tag_meaning, tag_word

log = logging.getLogger(__name__)

_STATUS_TONE: dict[Status, Tone] = {
    Status.PASS: "good", Status.INFO: "info", Status.WARN: "warn", Status.FAIL: "bad",
    Status.NOT_CHECKED: "neutral"}

GLANCE_LIMIT = 40


@dataclass(frozen=True)
class Limits:
    """How much of a long list each format shows; what is cut is counted, never dropped
    silently. The PDF stays printable for a large company; the HTML keeps (nearly) all."""

    entries: int  # rows of entries that won't sync
    details: int  # problems written out with message and fix; the rest in a compact table
    rows: int  # rows of a name table, or of the compact problem table
    qbo_only: int  # QuickBooks records nothing in Clockify points to
    fine: int  # findings that passed


PDF_LIMITS = Limits(entries=100, details=60, rows=600, qbo_only=150, fine=150)
HTML_LIMITS = Limits(entries=5000, details=2000, rows=20000, qbo_only=20000, fine=20000)
PDF_ENTRY_LIMIT, HTML_ENTRY_LIMIT = PDF_LIMITS.entries, HTML_LIMITS.entries
FULL_LIST = N_("The full list is in the HTML report and in the JSON of "
               "`sync-checkup check --json`.")
BROKEN_SECTION = N_("This part of the report could not be put together because of an internal "
                    "problem; the rest of the report is complete. The log file has the details.")


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


def _clean(text: object) -> str:
    return scrub(str(text))


# --- the building blocks ------------------------------------------------------------------------

@dataclass
class Cell:
    text: str
    tone: Tone | None = None
    strong: bool = False

    def __post_init__(self) -> None:
        self.text = _clean(self.text)


@dataclass
class Table:
    columns: list[str]
    rows: list[list[Cell]]
    row_tones: list[Tone | None] = field(default_factory=list)
    note: str | None = None
    widths: list[int] | None = None  # percent per column, a hint for the layout

    def __post_init__(self) -> None:
        self.columns = [_clean(c) for c in self.columns]
        self.note = _clean(self.note) if self.note is not None else None
        if not self.row_tones:
            self.row_tones = [None] * len(self.rows)


@dataclass
class Paragraph:
    text: str
    kind: Literal["normal", "muted", "lead", "warning"] = "normal"

    def __post_init__(self) -> None:
        self.text = _clean(self.text)


@dataclass
class Facts:
    pairs: list[tuple[str, str]]

    def __post_init__(self) -> None:
        self.pairs = [(_clean(k), _clean(v)) for k, v in self.pairs]


@dataclass
class FindingBlock:
    heading: str
    status_word: str
    tone: Tone
    code: str
    message: str
    fix: str
    change: str | None = None  # "new since last run", "still failing"…
    links: tuple[tuple[str, str], ...] = ()  # (words, web address) where the record is fixed

    def __post_init__(self) -> None:
        for name in ("heading", "status_word", "code", "message", "fix"):
            setattr(self, name, _clean(getattr(self, name)))
        self.links = tuple((_clean(words), _clean(url)) for words, url in self.links)
        if self.change is not None:
            self.change = _clean(self.change)


@dataclass
class Heading:
    text: str

    def __post_init__(self) -> None:
        self.text = _clean(self.text)


Block = Paragraph | Facts | Table | FindingBlock | Heading


@dataclass
class Section:
    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    new_page: bool = False
    broken: bool = False


@dataclass
class Report:
    title: str
    run_id: str
    footer: str
    sections: list[Section]


# --- helpers ------------------------------------------------------------------------------------

def when_text(when: dt.datetime) -> str:
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def sources_text(result: RunResult) -> str:
    return _("Clockify: {clockify}; QuickBooks: {quickbooks}").format(
        clockify=source_word(result.sources.get("clockify")),
        quickbooks=source_word(result.sources.get("quickbooks")))


def _near_note(f: Finding) -> str:
    kind = near_kind(f)
    return near_note(kind) if kind is not None else ""


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


def _problems(result: RunResult) -> list[Finding]:
    return [f for f in result.findings if f.status.is_problem]


# --- the sections -------------------------------------------------------------------------------

def _overview(result: RunResult, comparison: Comparison | None, ident: str) -> Section:
    sec = Section("overview", _("Summary"))
    facts = [(_("Run id (quote it to support)"), ident),
             (_("Time of the run"), when_text(result.generated_at)),
             (_("App"), _("Sync Checkup {version}").format(version=result.version)),
             (_("Period checked"), _("{start} to {end}").format(
                 start=f"{result.period[0]:%Y-%m-%d}", end=f"{result.period[1]:%Y-%m-%d}")),
             (_("Sources"), sources_text(result))]
    for key, label in FACT_LABELS:
        value = result.facts.get(key)
        if value:
            facts.append((_(label), value))
    if "plan" not in result.facts:
        facts.append((_("QuickBooks plan"), _("Not known: QuickBooks was not read.")))
    sec.blocks.append(Facts(facts))
    rows, tones = [], []
    for check in result.checks:
        word, tone = status_of(check.status)
        rows.append([Cell(check.title, strong=True), Cell(word, tone, strong=True),
                     Cell(check.summary)])
        tones.append(tone)
    sec.blocks.append(Heading(_("Verdict per check")))
    sec.blocks.append(Table([_("Check"), _("Status"), _("What was found")], rows, tones,
                            widths=[24, 14, 62]))
    problems = _problems(result)
    fails = sum(1 for f in problems if f.status is Status.FAIL)
    if problems:
        sec.blocks.append(Paragraph(
            _n("{count} thing to fix ({blocking} blocking, {warnings} warnings). It is listed "
               "with its fix under “Problems and fixes”.",
               "{count} things to fix ({blocking} blocking, {warnings} warnings). Each is "
               "listed with its fix under “Problems and fixes”.", len(problems)).format(
                count=len(problems), blocking=fails, warnings=len(problems) - fails), "lead"))
    else:
        sec.blocks.append(Paragraph(_("No problems found by the checks that ran."), "lead"))
    if comparison is not None:
        sec.blocks.append(Paragraph(_comparison_line(comparison), "lead"))
    if problems:
        sec.blocks.append(Heading(_("Problems at a glance")))
        shown = problems[:GLANCE_LIMIT]
        rows, tones = [], []
        for f in shown:
            word, tone = row_status(f)
            rows.append([Cell(subject_label(f)), Cell(kind_word(f.subject_kind)),
                         Cell(word, tone, strong=True), Cell(_glance_detail(f))])
            tones.append(tone)
        more = len(problems) - len(shown)
        note = _n("… and {count} more under “Problems and fixes”.",
                  "… and {count} more under “Problems and fixes”.", more).format(
            count=more) if more > 0 else None
        sec.blocks.append(Table([_("Subject"), _("Kind"), _("Status"), _("QuickBooks side")],
                                rows, tones, note=note, widths=[32, 9, 19, 40]))
    return sec


def _glance_detail(f: Finding) -> str:
    if f.subject_kind in ("plan", "connection"):
        return f.message
    if f.code == "PROJECT_IS_SUBCUSTOMER" and f.suggestion:
        return _("{name} (set client “{client}”)").format(name=f.match, client=f.suggestion)
    if f.suggestion and f.suggestion != f.match:
        if not f.match:
            return _("Type “{suggestion}”").format(suggestion=f.suggestion)
        return _("{name} (type “{suggestion}”)").format(name=f.match, suggestion=f.suggestion)
    return f.match or "—"


def _comparison_line(c: Comparison) -> str:
    line = _("Since the previous run ({when}, run {run}): {fixed} fixed, {new} new, {still} "
             "still failing.").format(when=when_text(c.previous_at), run=c.previous_run_id,
                                      fixed=len(c.fixed), new=len(c.new),
                                      still=len(c.still_failing))
    if c.wont_sync_before is not None and c.wont_sync_after is not None:
        line += " " + _("Entries that won't sync: {before} before, {after} now.").format(
            before=c.wont_sync_before, after=c.wont_sync_after)
    return line


def _changes(result: RunResult, comparison: Comparison) -> Section:
    del result
    sec = Section("changes", _("What changed since the previous run"))
    sec.blocks.append(Paragraph(_comparison_line(comparison)))
    if comparison.not_compared:
        names = ", ".join(check_title(c) for c in comparison.not_compared)
        sec.blocks.append(Paragraph(_n(
            "Not compared, because the check didn't run both times: {names}.",
            "Not compared, because the checks didn't run both times: {names}.",
            len(comparison.not_compared)).format(names=names), "muted"))
    groups: list[tuple[str, Tone, tuple[ChangedFinding, ...]]] = [
        (_("Fixed"), "good", comparison.fixed), (_("New"), "bad", comparison.new),
        (_("Still failing"), "warn", comparison.still_failing)]
    rows, tones = [], []
    for word, tone, items in groups:
        for item in items:
            f = item.finding
            fixed = item.change.value == "fixed"
            code = item.before.code if fixed and item.before else f.code
            if item.code_changed and item.before and not fixed:
                finding = _("{code} (was {before})").format(code=code, before=item.before.code)
            elif fixed and item.after is not None:
                finding = _("{code}; now {word}").format(code=code,
                                                          word=row_status(item.after)[0])
            elif item.after is None:
                finding = _("{code}; no longer listed").format(code=code)
            else:
                finding = code
            rows.append([Cell(word, tone, strong=True),
                         Cell(check_title(f.check)),
                         Cell(_subject_kind(f)), Cell(finding)])
            tones.append(tone)
    if rows:
        sec.blocks.append(Table([_("Change"), _("Check"), _("Subject"), _("Finding")], rows,
                                tones, widths=[15, 18, 35, 32]))
    else:
        sec.blocks.append(Paragraph(_("Nothing was failing either time."), "muted"))
    return sec


def _subject_kind(f: Finding) -> str:
    return _("{subject} ({kind})").format(subject=subject_label(f), kind=kind_word(f.subject_kind))


def _link_words(f: Finding) -> tuple[tuple[str, str], ...]:
    """The finding's web pages with the words to show for each (none for files, the sample)."""
    if f.links is None:
        return ()
    out = []
    if f.links.quickbooks:
        out.append((_("Open in QuickBooks"), f.links.quickbooks))
    if f.links.clockify:
        out.append((_("Open in Clockify"), f.links.clockify))
    return tuple(out)


def _findings(result: RunResult, comparison: Comparison | None, limits: Limits) -> Section:
    sec = Section("findings", _("Problems and fixes"), new_page=True)
    changes: dict[str, str] = {}
    if comparison is not None:
        changes.update({c.key: _("New since the previous run") for c in comparison.new})
        changes.update({c.key: _("Still failing since the previous run")
                        for c in comparison.still_failing})
    problems = _problems(result)
    if not problems:
        sec.blocks.append(Paragraph(_("No problems found by the checks that ran.")))
    detailed, rest = _detail_split(problems, limits.details)
    current = None
    for f in detailed:
        if f.check != current:
            current = f.check
            sec.blocks.append(Heading(check_title(f.check)))
        word, tone = status_of(f.status)
        tag = TAG_OF_CODE.get(f.code)
        if tag is not None:
            word = _("{status}: {word}").format(status=word, word=tag_word(tag))
        sec.blocks.append(FindingBlock(
            heading=_subject_kind(f), status_word=word, tone=tone,
            code=f.code, message=f.message, fix=f.fix, change=changes.get(f.key),
            links=_link_words(f)))
    if rest:
        shown = rest[:limits.rows]
        sec.blocks.append(Heading(_n("{count:,} more problem of the same kinds",
                                     "{count:,} more problems of the same kinds",
                                     len(rest)).format(count=len(rest))))
        sec.blocks.append(Paragraph(
            _("Each has the same fix as the example of its kind written out above, with its own "
              "names."), "muted"))
        rows, tones = [], []
        for f in shown:
            word, tone = row_status(f)
            rows.append([Cell(_subject_kind(f)),
                         Cell(word, tone, strong=True), Cell(_glance_detail(f)),
                         Cell(f.code)])
            tones.append(tone)
        note = (_showing(len(shown), len(rest)) if len(rest) > len(shown) else None)
        sec.blocks.append(Table([_("Subject"), _("Status"), _("QuickBooks side"), _("Code")],
                                rows, tones, note=note, widths=[34, 17, 30, 19]))
    not_checked = [c for c in result.checks if c.status is Status.NOT_CHECKED]
    if not_checked:
        sec.blocks.append(Heading(_("Checks that could not run")))
        for c in not_checked:
            sec.blocks.append(Paragraph(_("{check}: {summary}").format(check=c.title,
                                                                         summary=c.summary)))
    fine = [f for f in result.findings if f.status in (Status.PASS, Status.INFO)]
    if fine:
        shown_fine = fine[:limits.fine]
        sec.blocks.append(Heading(_("Checked and fine")))
        sec.blocks.append(Table(
            [_("Status"), _("Subject"), _("What was found"), _("Code")],
            [[Cell(status_of(f.status)[0], status_of(f.status)[1], strong=True),
              Cell(_subject_kind(f)), Cell(f.message), Cell(f.code)]
             for f in shown_fine],
            [status_of(f.status)[1] for f in shown_fine], widths=[8, 26, 43, 23],
            note=(_showing(len(shown_fine), len(fine)) if len(fine) > len(shown_fine)
                  else None)))
    return sec


def _showing(shown: int, total: int) -> str:
    return _("Showing {shown:,} of {total:,}.").format(shown=shown, total=total) + " " + _(
        FULL_LIST)


def _detail_split(problems: list[Finding], limit: int) -> tuple[list[Finding], list[Finding]]:
    """Which problems are written out in full: all when few; else the first of every code,
    then more in order up to the limit (so every kind of problem keeps its full fix)."""
    if len(problems) <= limit:
        return problems, []
    chosen: set[int] = set()
    seen: set[str] = set()
    for i, f in enumerate(problems):
        if f.code not in seen:
            seen.add(f.code)
            chosen.add(i)
    for i in range(len(problems)):
        if len(chosen) >= limit:
            break
        chosen.add(i)
    detailed = [f for i, f in enumerate(problems) if i in chosen]
    rest = [f for i, f in enumerate(problems) if i not in chosen]
    return detailed, rest


def _users(result: RunResult, limits: Limits) -> Section:
    sec = Section("users", _("Clockify users ↔ QuickBooks employees"), new_page=True)
    users = [f for f in result.findings if f.subject_kind == "user"]
    if not users and not result.tables.employees:
        sec.blocks.append(Paragraph(result.check("users").summary, "muted"))
        return sec
    sec.blocks.append(Paragraph(_(
        "Clockify sends time only for members whose name is identical to an active QuickBooks "
        "employee's display name. Every QuickBooks employee is listed, including those with no "
        "Clockify user."), "muted"))
    rows, tones = [], []
    for f in users:
        row = name_row(f)
        word, tone = row_status(f)
        notes = [n for n in (_near_note(f), row.note) if n]
        qbo = row.quickbooks
        if f.code == "USER_IS_VENDOR":
            qbo = _("{name} (vendor)").format(name=f.match)
        rows.append([Cell(row.clockify), Cell(word, tone, strong=True), Cell(qbo),
                     Cell(" ".join(notes))])
        tones.append(tone)
    rows, tones, cut = _cap(rows, tones, limits.rows)
    only = unused_records(result.tables.employees, users)
    for name, active in only[:limits.qbo_only]:
        row = qbo_only_row(name, active, "employee")
        word, tone = _qbo_only_status(row)
        rows.append([Cell("—"), Cell(word, tone, strong=True), Cell(row.quickbooks),
                     Cell(row.note)])
        tones.append(tone)
    cut_qbo = len(only) - min(len(only), limits.qbo_only)
    parts = [_n("{count:,} more Clockify user (matched ones first) is not shown.",
                "{count:,} more Clockify users (matched ones first) are not shown.",
                cut).format(count=cut) if cut else "",
             _n("{count:,} more QuickBooks employee with no Clockify user is not shown.",
                "{count:,} more QuickBooks employees with no Clockify user are not shown.",
                cut_qbo).format(count=cut_qbo) if cut_qbo else ""]
    sec.blocks.append(Table([_("Clockify user"), _("Status"), _("QuickBooks employee"),
                             _("Notes")], rows, tones, widths=[27, 21, 27, 25],
                            note=_cut_note(parts)))
    return sec


def _customers(result: RunResult, limits: Limits) -> Section:
    sec = Section("customers", _("Clockify clients and projects ↔ QuickBooks customers"),
                  new_page=True)
    items = [f for f in result.findings if f.subject_kind in ("client", "project")]
    if not items and not result.tables.customers:
        sec.blocks.append(Paragraph(result.check("customers").summary, "muted"))
        return sec
    sec.blocks.append(Paragraph(_(
        "A client must match a QuickBooks customer; a project with a client must match a "
        "sub-customer directly under it (shown as Parent:Child); a project without a client "
        "must match a top-level customer. Every QuickBooks customer is listed."), "muted"))
    rows, tones = [], []

    def add(f: Finding, client_cell: str, project_cell: str) -> None:
        row = name_row(f)
        word, tone = row_status(f)
        notes = [n for n in (_near_note(f), row.note) if n]
        if f.code == "PROJECT_IS_SUBCUSTOMER" and f.suggestion:
            notes.insert(0, _("Give it the client “{client}”.").format(client=f.suggestion))
        elif f.suggestion:
            notes.insert(0, _("Use “{name}”.").format(name=f.suggestion))
        if f.code == "PROJECT_WRONG_PARENT" and f.match and ":" in f.match:
            notes.insert(0, _("It is under “{parent}”, not “{client}”.").format(
                parent=f.match.rpartition(":")[0], client=f.client))
        rows.append([Cell(client_cell, strong=not project_cell), Cell(project_cell),
                     Cell(word, tone, strong=True), Cell(row.quickbooks),
                     Cell(" ".join(notes))])
        tones.append(tone)

    groups, loose = client_groups(items)
    for client, projects in groups:
        add(client, client.subject, "")
        for p in projects:
            add(p, "", p.subject)
    for p in loose:
        add(p, p.client or _("(no client)"), p.subject)
    rows, tones, cut = _cap(rows, tones, limits.rows)
    only = unused_records(result.tables.customers, items)
    for fqn, active in only[:limits.qbo_only]:
        row = qbo_only_row(fqn, active, "customer")
        word, tone = _qbo_only_status(row)
        rows.append([Cell("—"), Cell(""), Cell(word, tone, strong=True), Cell(row.quickbooks),
                     Cell(row.note)])
        tones.append(tone)
    cut_qbo = len(only) - min(len(only), limits.qbo_only)
    parts = [_n("{count:,} more Clockify client or project (matched ones first) is not shown.",
                "{count:,} more Clockify clients and projects (matched ones first) are not "
                "shown.", cut).format(count=cut) if cut else "",
             _n("{count:,} more QuickBooks customer with no Clockify client or project is not "
                "shown.",
                "{count:,} more QuickBooks customers with no Clockify client or project are not "
                "shown.", cut_qbo).format(count=cut_qbo) if cut_qbo else ""]
    sec.blocks.append(Table(
        [_("Clockify client"), _("Clockify project"), _("Status"), _("QuickBooks customer"),
         _("Notes")],
        rows, tones, widths=[17, 18, 15, 26, 24], note=_cut_note(parts)))
    return sec


def _qbo_only_status(row: NameRow) -> tuple[str, Tone]:
    """A QuickBooks-only record's word: the printed table says "inactive" in the word too."""
    return tag_of(Tag.QBO_ONLY if row.qbo_active else Tag.QBO_ONLY_INACTIVE)


def _cap(rows: list[list[Cell]], tones: list[Tone | None],
         limit: int) -> tuple[list[list[Cell]], list[Tone | None], int]:
    """The first `limit` rows, problems before matches; and how many were cut."""
    if len(rows) <= limit:
        return rows, tones, 0
    order = sorted(range(len(rows)), key=lambda i: tones[i] == "good")
    keep = sorted(order[:limit])
    return [rows[i] for i in keep], [tones[i] for i in keep], len(rows) - limit


def _cut_note(parts: list[str]) -> str | None:
    """The sentences about what was cut, then where the full list is; None when nothing was."""
    said = [p for p in parts if p]
    return " ".join([*said, _(FULL_LIST)]) if said else None


def _entries(result: RunResult, limit: int) -> Section:
    sec = Section("entries", _("Time entries that won't sync"), new_page=True)
    entries = result.entries
    sec.blocks.append(Paragraph(result.check("entries").summary))
    if entries is None or not entries.items:
        return sec
    by_reason = sorted(entries.by_reason.items(), key=lambda kv: -kv[1])
    sec.blocks.append(Table(
        [_("Entries"), _("Reason"), _("What it means")],
        [[Cell(f"{count:,}", strong=True), Cell(reason_short(code)),
          Cell(reason_words(code))] for code, count in by_reason],
        widths=[10, 22, 68]))
    shown = entries.items[:limit]
    rows, tones = [], []
    for item in shown:
        tone: Tone = "bad" if item.billable else "warn"
        if item.client and item.project:
            where = _("{client} → {project}").format(client=item.client, project=item.project)
        else:
            where = item.client or item.project or _("(no project)")
        rows.append([Cell(item.date.isoformat()), Cell(item.user or _("(unknown user)")),
                     Cell(where), Cell(_("Yes") if item.billable else _("No")),
                     Cell(_("Running") if item.hours is None else f"{item.hours:.2f}"),
                     Cell("; ".join(reason_short(r) for r in item.reasons))])
        tones.append(tone)
    note = None
    if len(entries.items) > len(shown):
        note = _("Showing the first {shown:,} of {total:,} entries that won't sync.").format(
            shown=len(shown), total=len(entries.items)) + " " + _(FULL_LIST)
    sec.blocks.append(Heading(_("The entries")))
    sec.blocks.append(Table([_("Date"), _("User"), _("Client → project"), _("Billable"),
                             _("Hours"), _("Why it won't sync")], rows, tones, note=note,
                            widths=[11, 15, 26, 8, 10, 30]))
    return sec


def _about(result: RunResult, ident: str) -> Section:
    del result
    sec = Section("about", _("How to read this report"))
    sec.blocks.append(Paragraph(_(
        "Every status is written as a word as well as a colour, so a black-and-white print "
        "reads the same."), "muted"))
    legend = (Tag.MATCHED, Tag.NEAR, Tag.MISSING, Tag.INACTIVE, Tag.VENDOR, Tag.WRONG_PARENT,
              Tag.CLIENT_FIRST, Tag.QBO_ONLY)
    sec.blocks.append(Table([_("Word"), _("What it means")],
                            [[Cell(tag_word(t), TONE_OF_TAG[t], strong=True),
                              Cell(tag_meaning(t))] for t in legend],
                            [TONE_OF_TAG[t] for t in legend], widths=[25, 75]))
    sec.blocks.append(Paragraph(_(
        "This report leaves out API keys, sign-in tokens and e-mail addresses. Send it to "
        "{email} and quote run {run}.").format(email=SUPPORT_EMAIL, run=ident), "muted"))
    return sec


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
        ("overview", _("Summary"), lambda: _overview(result, comparison, ident))]
    if comparison is not None:
        cmp_ = comparison
        plan.append(("changes", _("What changed since the previous run"),
                     lambda: _changes(result, cmp_)))
    plan += [
        ("findings", _("Problems and fixes"), lambda: _findings(result, comparison, limits)),
        ("users", _("Clockify users ↔ QuickBooks employees"), lambda: _users(result, limits)),
        ("customers", _("Clockify clients and projects ↔ QuickBooks customers"),
         lambda: _customers(result, limits)),
        ("entries", _("Time entries that won't sync"),
         lambda: _entries(result, limits.entries)),
        ("about", _("How to read this report"), lambda: _about(result, ident)),
    ]
    sections = [_gather(key, title, build) for key, title, build in plan]
    title = _("Sync Checkup — support report")
    footer = _("Sync Checkup {version} · run {run} · {when}").format(
        version=result.version, run=ident, when=when_text(result.generated_at))
    return Report(title=_clean(title), run_id=ident, footer=_clean(footer), sections=sections)


def iter_text(report: Report) -> Iterable[str]:
    """Every string a report holds (for tests and for the redaction guard)."""
    yield report.title
    yield report.footer
    for sec in report.sections:
        yield sec.title
        for block in sec.blocks:
            if isinstance(block, Paragraph | Heading):
                yield block.text
            elif isinstance(block, Facts):
                for k, v in block.pairs:
                    yield k
                    yield v
            elif isinstance(block, FindingBlock):
                yield from (block.heading, block.status_word, block.code, block.message,
                            block.fix, block.change or "")
            else:
                yield from block.columns
                for row in block.rows:
                    yield from (c.text for c in row)
                yield block.note or ""
