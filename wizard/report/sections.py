"""The report's sections about the run as a whole: the summary, what changed since the previous
run, the problems with their fixes, the time entries that won't sync, and how to read it. (The
two name tables are in `name_tables`.) Each returns one Section; `model.build_report` gathers
them one by one, so a section that breaks doesn't take the others with it."""

from __future__ import annotations

from wizard.core.compare import ChangedFinding, Comparison
from wizard.core.labels import TAG_OF_CODE, TONE_OF_TAG, Tag, Tone
from wizard.core.result import Finding, RunResult, Status
from wizard.report.blocks import (
    FULL_LIST,
    Cell,
    Facts,
    FindingBlock,
    Heading,
    Limits,
    Paragraph,
    Section,
    Table,
)
from wizard.report.phrases import (
    comparison_line,
    glance_detail,
    problems_of,
    row_status,
    sources_text,
    status_of,
    subject_kind,
    when_text,
)
from wizard.text import _, _n
from wizard.text.checks import check_title
from wizard.text.entries import reason_short, reason_words
from wizard.text.findings import SUPPORT_EMAIL
from wizard.text.report import FACT_LABELS, kind_word, subject_label
from wizard.text.status import tag_meaning, tag_word

GLANCE_LIMIT = 40  # problems in the summary's table; all of them are under "Problems and fixes"


def overview_section(result: RunResult, comparison: Comparison | None, ident: str) -> Section:
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
    problems = problems_of(result)
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
        sec.blocks.append(Paragraph(comparison_line(comparison), "lead"))
    if problems:
        sec.blocks.append(Heading(_("Problems at a glance")))
        shown = problems[:GLANCE_LIMIT]
        rows, tones = [], []
        for f in shown:
            word, tone = row_status(f)
            rows.append([Cell(subject_label(f)), Cell(kind_word(f.subject_kind)),
                         Cell(word, tone, strong=True), Cell(glance_detail(f))])
            tones.append(tone)
        more = len(problems) - len(shown)
        note = _n("… and {count} more under “Problems and fixes”.",
                  "… and {count} more under “Problems and fixes”.", more).format(
            count=more) if more > 0 else None
        sec.blocks.append(Table([_("Subject"), _("Kind"), _("Status"), _("QuickBooks side")],
                                rows, tones, note=note, widths=[32, 9, 19, 40]))
    return sec


def changes_section(result: RunResult, comparison: Comparison) -> Section:
    del result
    sec = Section("changes", _("What changed since the previous run"))
    sec.blocks.append(Paragraph(comparison_line(comparison)))
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
                         Cell(subject_kind(f)), Cell(finding)])
            tones.append(tone)
    if rows:
        sec.blocks.append(Table([_("Change"), _("Check"), _("Subject"), _("Finding")], rows,
                                tones, widths=[15, 18, 35, 32]))
    else:
        sec.blocks.append(Paragraph(_("Nothing was failing either time."), "muted"))
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


def findings_section(result: RunResult, comparison: Comparison | None, limits: Limits) -> Section:
    sec = Section("findings", _("Problems and fixes"), new_page=True)
    changes: dict[str, str] = {}
    if comparison is not None:
        changes.update({c.key: _("New since the previous run") for c in comparison.new})
        changes.update({c.key: _("Still failing since the previous run")
                        for c in comparison.still_failing})
    problems = problems_of(result)
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
            heading=subject_kind(f), status_word=word, tone=tone,
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
            rows.append([Cell(subject_kind(f)),
                         Cell(word, tone, strong=True), Cell(glance_detail(f)),
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
              Cell(subject_kind(f)), Cell(f.message), Cell(f.code)]
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


def entries_section(result: RunResult, limit: int) -> Section:
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


def about_section(result: RunResult, ident: str) -> Section:
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
