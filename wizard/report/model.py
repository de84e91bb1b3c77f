"""The support report as plain data: sections of paragraphs, facts, findings and tables.

The HTML and PDF writers only lay this out. Redaction is by allow-list: a section copies only
fields known to be safe (names, codes, dates, counts, the texts of `wizard.core.texts`), and
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
from wizard.core.labels import TAG_OF_CODE, TONE_OF_TAG, Tone
from wizard.core.names import NearKind, describe_difference
from wizard.core.result import Finding, RunResult, Status
from wizard.core.texts import CHECK_TITLES, REASON_SHORT, REASON_WORDS, SUPPORT_EMAIL
from wizard.logs import scrub
from wizard.text import _

log = logging.getLogger(__name__)

# The same words as the wizard's Names page: (status word, tone) per code.
ROW_STATUS: dict[str, tuple[str, Tone]] = {
    code: (tag.value, TONE_OF_TAG[tag]) for code, tag in TAG_OF_CODE.items()}
QBO_ONLY: tuple[str, Tone] = ("only in QuickBooks", "neutral")
QBO_ONLY_INACTIVE: tuple[str, Tone] = ("inactive, only in QuickBooks", "neutral")

STATUS_WORDS: dict[Status, tuple[str, Tone]] = {
    Status.PASS: ("OK", "good"),
    Status.INFO: ("info", "info"),
    Status.WARN: ("warning", "warn"),
    Status.FAIL: ("problem", "bad"),
    Status.NOT_CHECKED: ("not checked", "neutral"),
}

SOURCE_WORDS = {"api": "live connection", "file": "export files", "demo": "the sample company"}
FACT_LABELS = (  # the only facts a report shows, in this order
    ("plan", "QuickBooks plan"), ("payroll", "Payroll"), ("subscription", "Subscription"),
    ("time_tracking", "Time tracking in QuickBooks"), ("closing_date", "QuickBooks closing date"),
    ("company", "QuickBooks company"), ("workspace", "Clockify workspace"),
    ("time_zone", "Clockify time zone"),
)
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
FULL_LIST = "The full list is in the HTML report and in the JSON of “sync-checkup check --json”."
BROKEN_SECTION = ("This part of the report could not be put together because of an internal "
                  "problem; the rest of the report is complete. The log file has the details.")


def row_status(code: str) -> tuple[str, Tone]:
    """The word and tone for a name-table row; unknown codes get a neutral 'see finding'."""
    return ROW_STATUS.get(code, ("see finding", "neutral"))


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
    parts = []
    for side, label in (("clockify", "Clockify"), ("quickbooks", "QuickBooks")):
        kind = result.sources.get(side)
        parts.append(f"{label}: {SOURCE_WORDS.get(kind or '', 'not chosen')}")
    return "; ".join(parts)


def subject_label(f: Finding) -> str:
    if f.subject_kind == "project" and f.client:
        return f"{f.client} → {f.subject}"
    return f.subject


def kind_word(f: Finding) -> str:
    return {"user": "user", "client": "client", "project": "project", "plan": "plan",
            "connection": "connection"}.get(f.subject_kind, f.subject_kind or "item")


def _near_note(f: Finding) -> str:
    if not f.near_kind:
        return ""
    try:
        return "differs: " + describe_difference(NearKind(f.near_kind))
    except ValueError:
        return ""


def short_problem(f: Finding) -> str:
    """One line per problem, for the summary, the e-mail and the before/after list."""
    word, _ = row_status(f.code) if f.code in ROW_STATUS else (
        STATUS_WORDS[f.status][0], "neutral")
    what = f"{subject_label(f)} ({kind_word(f)}): {word}"
    if f.code == "PROJECT_IS_SUBCUSTOMER" and f.suggestion:
        what += f" — give it the client “{f.suggestion}”"
    elif f.suggestion:
        what += f" — use “{f.suggestion}”"
    elif f.match and f.code not in ("USER_MATCHED", "CLIENT_MATCHED", "PROJECT_MATCHED"):
        what += f" — QuickBooks: “{f.match}”"
    if f.subject_kind in ("plan", "connection"):
        what = f"{f.subject}: {f.message}"
    return f"{what} [{f.code}]"


def _problems(result: RunResult) -> list[Finding]:
    return [f for f in result.findings if f.status.is_problem]


# --- the sections -------------------------------------------------------------------------------

def _overview(result: RunResult, comparison: Comparison | None, ident: str) -> Section:
    sec = Section("overview", "Summary")
    facts = [("Run id (quote it to support)", ident),
             ("Time of the run", when_text(result.generated_at)),
             ("App", f"Sync Checkup {result.version}"),
             ("Period checked", f"{result.period[0]:%Y-%m-%d} to {result.period[1]:%Y-%m-%d}"),
             ("Sources", sources_text(result))]
    for key, label in FACT_LABELS:
        value = result.facts.get(key)
        if value:
            facts.append((label, value))
    if "plan" not in result.facts:
        facts.append(("QuickBooks plan", "not known (QuickBooks was not read)"))
    sec.blocks.append(Facts(facts))
    rows, tones = [], []
    for check in result.checks:
        word, tone = STATUS_WORDS.get(check.status, ("?", "neutral"))
        rows.append([Cell(check.title, strong=True), Cell(word.upper(), tone, strong=True),
                     Cell(check.summary)])
        tones.append(tone)
    sec.blocks.append(Heading("Verdict per check"))
    sec.blocks.append(Table(["Check", "Status", "What was found"], rows, tones,
                            widths=[24, 14, 62]))
    problems = _problems(result)
    fails = sum(1 for f in problems if f.status is Status.FAIL)
    if problems:
        sec.blocks.append(Paragraph(
            f"{len(problems)} thing(s) to fix ({fails} blocking, {len(problems) - fails} "
            "warnings). Each is listed with its fix under “Problems and fixes”.", "lead"))
    else:
        sec.blocks.append(Paragraph("No problems found by the checks that ran.", "lead"))
    if comparison is not None:
        sec.blocks.append(Paragraph(_comparison_line(comparison), "lead"))
    if problems:
        sec.blocks.append(Heading("Problems at a glance"))
        shown = problems[:GLANCE_LIMIT]
        rows, tones = [], []
        for f in shown:
            word, tone = row_status(f.code) if f.code in ROW_STATUS else (
                STATUS_WORDS[f.status][0], STATUS_WORDS[f.status][1])
            rows.append([Cell(subject_label(f)), Cell(kind_word(f)),
                         Cell(word.upper(), tone, strong=True), Cell(_glance_detail(f))])
            tones.append(tone)
        note = (f"… and {len(problems) - len(shown)} more under “Problems and fixes”."
                if len(problems) > len(shown) else None)
        sec.blocks.append(Table(["Subject", "Kind", "Status", "QuickBooks side"], rows,
                                tones, note=note, widths=[32, 9, 19, 40]))
    return sec


def _glance_detail(f: Finding) -> str:
    if f.subject_kind in ("plan", "connection"):
        return f.message
    if f.code == "PROJECT_IS_SUBCUSTOMER" and f.suggestion:
        return f"{f.match} (set client “{f.suggestion}”)"
    if f.suggestion and f.suggestion != f.match:
        return f"{f.match} (type “{f.suggestion}”)"
    return f.match or "—"


def _comparison_line(c: Comparison) -> str:
    line = (f"Since the previous run ({when_text(c.previous_at)}, run {c.previous_run_id}): "
            f"{len(c.fixed)} fixed, {len(c.new)} new, {len(c.still_failing)} still failing.")
    if c.wont_sync_before is not None and c.wont_sync_after is not None:
        line += (f" Entries that won't sync: {c.wont_sync_before} before, "
                 f"{c.wont_sync_after} now.")
    return line


def _changes(result: RunResult, comparison: Comparison) -> Section:
    del result
    sec = Section("changes", "What changed since the previous run")
    sec.blocks.append(Paragraph(_comparison_line(comparison)))
    if comparison.not_compared:
        names = ", ".join(CHECK_TITLES.get(c, c) for c in comparison.not_compared)
        sec.blocks.append(Paragraph(f"Not compared, because the check didn't run both times: "
                                    f"{names}.", "muted"))
    groups: list[tuple[str, Tone, tuple[ChangedFinding, ...]]] = [
        ("fixed", "good", comparison.fixed), ("new", "bad", comparison.new),
        ("still failing", "warn", comparison.still_failing)]
    rows, tones = [], []
    for word, tone, items in groups:
        for item in items:
            f = item.finding
            was = f" (was {item.before.code})" if (
                item.code_changed and item.before and item.change.value != "fixed") else ""
            now = ("now " + row_status(item.after.code)[0]) if (
                item.change.value == "fixed" and item.after is not None) else (
                "no longer listed" if item.after is None else "")
            rows.append([Cell(word.upper(), tone, strong=True),
                         Cell(CHECK_TITLES.get(f.check, f.check)),
                         Cell(f"{subject_label(f)} ({kind_word(f)})"),
                         Cell((item.before.code if item.change.value == "fixed" and item.before
                               else f.code) + was + (f"; {now}" if now else ""))])
            tones.append(tone)
    if rows:
        sec.blocks.append(Table(["Change", "Check", "Subject", "Finding"], rows, tones,
                                widths=[15, 18, 35, 32]))
    else:
        sec.blocks.append(Paragraph("Nothing was failing either time.", "muted"))
    return sec


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
    sec = Section("findings", "Problems and fixes", new_page=True)
    changes: dict[str, str] = {}
    if comparison is not None:
        changes.update({c.key: "new since the previous run" for c in comparison.new})
        changes.update({c.key: "still failing since the previous run"
                        for c in comparison.still_failing})
    problems = _problems(result)
    if not problems:
        sec.blocks.append(Paragraph("No problems found by the checks that ran."))
    detailed, rest = _detail_split(problems, limits.details)
    current = None
    for f in detailed:
        if f.check != current:
            current = f.check
            sec.blocks.append(Heading(CHECK_TITLES.get(f.check, f.check)))
        word, tone = STATUS_WORDS[f.status]
        if f.code in ROW_STATUS:
            word = f"{word}: {ROW_STATUS[f.code][0]}"
        sec.blocks.append(FindingBlock(
            heading=f"{subject_label(f)} ({kind_word(f)})", status_word=word.upper(), tone=tone,
            code=f.code, message=f.message, fix=f.fix, change=changes.get(f.key),
            links=_link_words(f)))
    if rest:
        shown = rest[:limits.rows]
        sec.blocks.append(Heading(f"{len(rest):,} more problems of the same kinds"))
        sec.blocks.append(Paragraph(
            "Each has the same fix as the example of its kind written out above, with its own "
            "names.", "muted"))
        rows, tones = [], []
        for f in shown:
            word, tone = row_status(f.code) if f.code in ROW_STATUS else STATUS_WORDS[f.status]
            rows.append([Cell(f"{subject_label(f)} ({kind_word(f)})"),
                         Cell(word.upper(), tone, strong=True), Cell(_glance_detail(f)),
                         Cell(f.code)])
            tones.append(tone)
        note = (f"Showing {len(shown):,} of {len(rest):,}. {FULL_LIST}"
                if len(rest) > len(shown) else None)
        sec.blocks.append(Table(["Subject", "Status", "QuickBooks side", "Code"], rows, tones,
                                note=note, widths=[34, 17, 30, 19]))
    not_checked = [c for c in result.checks if c.status is Status.NOT_CHECKED]
    if not_checked:
        sec.blocks.append(Heading("Checks that could not run"))
        for c in not_checked:
            sec.blocks.append(Paragraph(f"{c.title}: {c.summary}"))
    fine = [f for f in result.findings if f.status in (Status.PASS, Status.INFO)]
    if fine:
        shown_fine = fine[:limits.fine]
        sec.blocks.append(Heading("Checked and fine"))
        sec.blocks.append(Table(
            ["Status", "Subject", "What was found", "Code"],
            [[Cell(STATUS_WORDS[f.status][0].upper(), STATUS_WORDS[f.status][1], strong=True),
              Cell(f"{subject_label(f)} ({kind_word(f)})"), Cell(f.message), Cell(f.code)]
             for f in shown_fine],
            [STATUS_WORDS[f.status][1] for f in shown_fine], widths=[8, 26, 43, 23],
            note=(f"Showing {len(shown_fine):,} of {len(fine):,}. {FULL_LIST}"
                  if len(fine) > len(shown_fine) else None)))
    return sec


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
    sec = Section("users", "Clockify users ↔ QuickBooks employees", new_page=True)
    users = [f for f in result.findings if f.subject_kind == "user"]
    if not users and not result.tables.employees:
        sec.blocks.append(Paragraph(result.check("users").summary, "muted"))
        return sec
    sec.blocks.append(Paragraph(
        "Clockify sends time only for members whose name is identical to an active QuickBooks "
        "employee's display name. Every QuickBooks employee is listed, including those with no "
        "Clockify user.", "muted"))
    rows, tones = [], []
    referenced: set[str] = set()
    for f in users:
        word, tone = row_status(f.code)
        notes = [n for n in (_near_note(f),
                             "deactivated in Clockify" if f.deactivated else "") if n]
        qbo = f.match or ""
        if f.code == "USER_IS_VENDOR":
            qbo = f"{f.match} (vendor)"
        if f.match:
            referenced.add(f.match)
        rows.append([Cell(f.subject), Cell(word.upper(), tone, strong=True), Cell(qbo),
                     Cell("; ".join(notes))])
        tones.append(tone)
    rows, tones, cut = _cap(rows, tones, limits.rows)
    only = [(n, a) for n, a in result.tables.employees if n not in referenced]
    for name, active in only[:limits.qbo_only]:
        word, tone = QBO_ONLY if active else QBO_ONLY_INACTIVE
        rows.append([Cell("—"), Cell(word.upper(), tone, strong=True), Cell(name),
                     Cell("" if active else "inactive in QuickBooks")])
        tones.append(tone)
    sec.blocks.append(Table(["Clockify user", "Status", "QuickBooks employee", "Notes"], rows,
                            tones, widths=[27, 21, 27, 25],
                            note=_cut_note(cut, "Clockify users",
                                           len(only) - min(len(only), limits.qbo_only),
                                           "QuickBooks employees with no Clockify user")))
    return sec


def _customers(result: RunResult, limits: Limits) -> Section:
    sec = Section("customers", "Clockify clients and projects ↔ QuickBooks customers",
                  new_page=True)
    items = [f for f in result.findings if f.subject_kind in ("client", "project")]
    if not items and not result.tables.customers:
        sec.blocks.append(Paragraph(result.check("customers").summary, "muted"))
        return sec
    sec.blocks.append(Paragraph(
        "A client must match a QuickBooks customer; a project with a client must match a "
        "sub-customer directly under it (shown as Parent:Child); a project without a client "
        "must match a top-level customer. Every QuickBooks customer is listed.", "muted"))
    rows, tones = [], []
    referenced: set[str] = set()

    def add(f: Finding, client_cell: str, project_cell: str) -> None:
        word, tone = row_status(f.code)
        notes = [n for n in (_near_note(f), "archived in Clockify" if f.archived else "") if n]
        if f.code == "PROJECT_IS_SUBCUSTOMER" and f.suggestion:
            notes.insert(0, f"give it the client “{f.suggestion}”")
        elif f.suggestion:
            notes.insert(0, f"use “{f.suggestion}”")
        if f.code == "PROJECT_WRONG_PARENT" and f.match and ":" in f.match:
            notes.insert(0, f"is under “{f.match.rpartition(':')[0]}”, not “{f.client}”")
        if f.match:
            referenced.add(f.match)
        rows.append([Cell(client_cell, strong=not project_cell), Cell(project_cell),
                     Cell(word.upper(), tone, strong=True), Cell(f.match or ""),
                     Cell("; ".join(notes))])
        tones.append(tone)

    clients = [f for f in items if f.subject_kind == "client"]
    projects = [f for f in items if f.subject_kind == "project"]
    placed: set[int] = set()
    for c in clients:
        add(c, c.subject, "")
        for i, p in enumerate(projects):
            if i not in placed and p.client == c.subject:
                placed.add(i)
                add(p, "", p.subject)
    for i, p in enumerate(projects):
        if i not in placed:
            add(p, p.client or "(no client)", p.subject)
    rows, tones, cut = _cap(rows, tones, limits.rows)
    only = [(n, a) for n, a in result.tables.customers if n not in referenced]
    for fqn, active in only[:limits.qbo_only]:
        word, tone = QBO_ONLY if active else QBO_ONLY_INACTIVE
        rows.append([Cell("—"), Cell(""), Cell(word.upper(), tone, strong=True), Cell(fqn),
                     Cell("" if active else "inactive in QuickBooks")])
        tones.append(tone)
    sec.blocks.append(Table(
        ["Clockify client", "Clockify project", "Status", "QuickBooks customer", "Notes"],
        rows, tones, widths=[17, 18, 15, 26, 24],
        note=_cut_note(cut, "Clockify clients and projects",
                       len(only) - min(len(only), limits.qbo_only),
                       "QuickBooks customers with no Clockify client or project")))
    return sec


def _cap(rows: list[list[Cell]], tones: list[Tone | None],
         limit: int) -> tuple[list[list[Cell]], list[Tone | None], int]:
    """The first `limit` rows, problems before matches; and how many were cut."""
    if len(rows) <= limit:
        return rows, tones, 0
    order = sorted(range(len(rows)), key=lambda i: tones[i] == "good")
    keep = sorted(order[:limit])
    return [rows[i] for i in keep], [tones[i] for i in keep], len(rows) - limit


def _cut_note(cut: int, what: str, cut_qbo: int, what_qbo: str) -> str | None:
    parts = []
    if cut:
        parts.append(f"{cut:,} more {what} (matched ones first) are not shown.")
    if cut_qbo:
        parts.append(f"{cut_qbo:,} more {what_qbo} are not shown.")
    return " ".join([*parts, FULL_LIST]) if parts else None


def _entries(result: RunResult, limit: int) -> Section:
    sec = Section("entries", "Time entries that won't sync", new_page=True)
    entries = result.entries
    sec.blocks.append(Paragraph(result.check("entries").summary))
    if entries is None or not entries.items:
        return sec
    by_reason = sorted(entries.by_reason.items(), key=lambda kv: -kv[1])
    sec.blocks.append(Table(
        ["Entries", "Reason", "What it means"],
        [[Cell(f"{count:,}", strong=True), Cell(REASON_SHORT.get(code, code)),
          Cell(REASON_WORDS.get(code, code))] for code, count in by_reason],
        widths=[10, 22, 68]))
    shown = entries.items[:limit]
    rows, tones = [], []
    for item in shown:
        tone: Tone = "bad" if item.billable else "warn"
        where = " → ".join(x for x in (item.client, item.project) if x) or "(no project)"
        rows.append([Cell(item.date.isoformat()), Cell(item.user or "(unknown user)"),
                     Cell(where), Cell("yes" if item.billable else "no"),
                     Cell("running" if item.hours is None else f"{item.hours:.2f}"),
                     Cell("; ".join(REASON_SHORT.get(r, r) for r in item.reasons))])
        tones.append(tone)
    note = None
    if len(entries.items) > len(shown):
        note = (f"Showing the first {len(shown):,} of {len(entries.items):,} entries that won't "
                f"sync. {FULL_LIST}")
    sec.blocks.append(Heading("The entries"))
    sec.blocks.append(Table(["Date", "User", "Client → project", "Billable", "Hours",
                             "Why it won't sync"], rows, tones, note=note,
                            widths=[11, 15, 26, 8, 10, 30]))
    return sec


def _about(result: RunResult, ident: str) -> Section:
    del result
    sec = Section("about", "How to read this report")
    sec.blocks.append(Paragraph(
        "Every status is written as a word as well as a colour, so a black-and-white print "
        "reads the same. MATCHED: identical names, nothing to do. NEAR MATCH: close but not "
        "identical — Clockify needs identical names. MISSING: no counterpart in QuickBooks. "
        "INACTIVE: the QuickBooks record exists but is inactive. VENDOR: set up as a vendor, not "
        "an employee. WRONG PARENT: the sub-customer sits under another customer. FIX CLIENT "
        "FIRST: the project's client doesn't match yet. ONLY IN QUICKBOOKS: a QuickBooks record "
        "nothing in Clockify points to (usually fine).", "muted"))
    sec.blocks.append(Paragraph(
        f"This report leaves out API keys, sign-in tokens and e-mail addresses. Send it to "
        f"{SUPPORT_EMAIL} and quote run {ident}.", "muted"))
    return sec


def _gather(key: str, title: str, build: Callable[[], Section]) -> Section:
    try:
        return build()
    except Exception:  # one broken section must not lose the whole report
        log.exception("report section %s could not be gathered", key)
        return Section(key, title, [Paragraph(BROKEN_SECTION, "warning")], broken=True)


def build_report(result: RunResult, comparison: Comparison | None = None, *,
                 limits: Limits = PDF_LIMITS) -> Report:
    ident = run_id(result)
    plan: list[tuple[str, str, Callable[[], Section]]] = [
        ("overview", "Summary", lambda: _overview(result, comparison, ident))]
    if comparison is not None:
        cmp_ = comparison
        plan.append(("changes", "What changed since the previous run",
                     lambda: _changes(result, cmp_)))
    plan += [
        ("findings", "Problems and fixes", lambda: _findings(result, comparison, limits)),
        ("users", "Clockify users ↔ QuickBooks employees", lambda: _users(result, limits)),
        ("customers", "Clockify clients and projects ↔ QuickBooks customers",
         lambda: _customers(result, limits)),
        ("entries", "Time entries that won't sync", lambda: _entries(result, limits.entries)),
        ("about", "How to read this report", lambda: _about(result, ident)),
    ]
    sections = [_gather(key, title, build) for key, title, build in plan]
    title = "Sync Checkup — support report"
    footer = f"Sync Checkup {result.version} · run {ident} · {when_text(result.generated_at)}"
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
