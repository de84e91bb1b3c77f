"""The report as plain data: its blocks (paragraphs, facts, findings, tables, headings), its
sections, and how much of a long list each format shows. The HTML and PDF writers only lay this
out.

Redaction is by allow-list: a section copies only fields known to be safe (names, codes, dates,
counts, the texts of `wizard.text`), and every string passes through `wizard.redact.scrub` on its
way into a block as a second guard.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from wizard.core.labels import Tone
from wizard.redact import scrub
from wizard.text import N_

__all__ = ["FULL_LIST", "HTML_LIMITS", "PDF_LIMITS", "Block", "Cell", "Facts", "FindingBlock",
           "Heading", "Limits", "Paragraph", "Report", "Section", "Table", "Tone", "iter_text"]


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
FULL_LIST = N_("The full list is in the HTML report and in the JSON of "
               "`sync-checkup check --json`.")


def _clean(text: object) -> str:
    return scrub(str(text))


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
