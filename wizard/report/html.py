"""The report as HTML: a self-contained page (inline CSS, no scripts, no outside files) for a
browser, and a simpler flavour that Qt's rich-text engine lays out for the PDF.
"""

from __future__ import annotations

from html import escape

from wizard.report.blocks import (
    Cell,
    Facts,
    FindingBlock,
    Heading,
    Paragraph,
    Report,
    Section,
    Table,
    Tone,
)
from wizard.text import _

# Light fills with dark text: readable on screen and still distinct when printed in grey.
TONE_FILL: dict[Tone, str] = {
    "good": "#dcefdc", "near": "#fff0b8", "bad": "#f6d0d0", "warn": "#fde0bf",
    "info": "#dbe7f5", "neutral": "#ececec",
}
TONE_INK: dict[Tone, str] = {
    "good": "#1f5f1f", "near": "#6b4e00", "bad": "#8a1717", "warn": "#7a4100",
    "info": "#1d4470", "neutral": "#444444",
}

_WEB_CSS = """
body { font-family: "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
       font-size: 14px; color: #1b1b1b; max-width: 1100px; margin: 24px auto; padding: 0 16px;
       line-height: 1.4; }
h1 { font-size: 24px; margin-bottom: 2px; }
h2 { font-size: 19px; border-bottom: 2px solid #3b6ea8; padding-bottom: 3px; margin-top: 34px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.runid { font-size: 15px; color: #333; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid #b9b9b9; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #e4e9f0; }
table.facts td:first-child { width: 34%; font-weight: bold; background: #f4f6f9; }
.muted { color: #555; }
.lead { font-weight: bold; }
.warning { color: #8a1717; font-weight: bold; }
.finding { border: 1px solid #b9b9b9; border-left-width: 6px; padding: 6px 10px;
           margin: 8px 0; page-break-inside: avoid; }
.finding .code { color: #555; font-size: 12px; }
.finding .change { font-style: italic; color: #555; }
.word { font-weight: bold; white-space: nowrap; }
.note { color: #555; font-style: italic; }
footer { margin-top: 30px; color: #666; font-size: 12px; border-top: 1px solid #ccc; }
@media print { body { margin: 0; max-width: none; } h2.newpage { page-break-before: always; } }
"""

# Qt's rich text understands a subset of CSS 2.1; keep to it (no max-width, no media queries).
_QT_CSS = """
body { color: #1b1b1b; }
h1 { font-size: 17pt; margin-bottom: 2px; }
h2 { font-size: 13pt; margin-top: 10px; margin-bottom: 4px; color: #1d4470; }
h3 { font-size: 10.5pt; margin-top: 10px; margin-bottom: 3px; }
th { background-color: #e4e9f0; font-weight: bold; }
.muted { color: #555555; }
.lead { font-weight: bold; }
.warning { color: #8a1717; font-weight: bold; }
.code { color: #555555; font-size: 7.5pt; }
.change { font-style: italic; color: #555555; }
.note { color: #555555; font-style: italic; }
"""


def _e(text: str) -> str:
    """Escaped, with doubled, leading and trailing spaces kept (they are often the problem)."""
    out = escape(text, quote=True)
    if "  " in out or out[:1] == " " or out[-1:] == " ":
        out = out.replace("  ", "&nbsp; ").replace("  ", "&nbsp; ")
        if out.startswith(" "):
            out = "&nbsp;" + out[1:]
        if out.endswith(" "):
            out = out[:-1] + "&nbsp;"
    return out


def _cell(cell: Cell, tag: str = "td", width: int | None = None, qt: bool = False) -> str:
    attrs = []
    style = []
    if cell.tone is not None:
        attrs.append(f'bgcolor="{TONE_FILL[cell.tone]}"')
        style.append(f"color: {TONE_INK[cell.tone]}")
        style.append(f"background-color: {TONE_FILL[cell.tone]}")
    if width and qt:
        attrs.append(f'width="{width}%"')
    if style:
        attrs.append(f'style="{"; ".join(style)}"')
    if cell.tone is not None and not qt:
        attrs.append('class="word"')
    text = _e(cell.text) or "&nbsp;"
    if cell.strong:
        text = f"<b>{text}</b>"
    joined = (" " + " ".join(attrs)) if attrs else ""
    return f"<{tag}{joined}>{text}</{tag}>"


def _table(table: Table, qt: bool) -> str:
    widths = table.widths or [None] * len(table.columns)
    head_cells = []
    for col, width in zip(table.columns, widths, strict=False):
        w = f' width="{width}%"' if width else ""
        head_cells.append(f"<th{w}>{_e(col)}</th>")
    table_attrs = ('border="1" cellspacing="0" cellpadding="3" width="100%" '
                   'style="border-collapse: collapse; border-color: #9a9a9a"') if qt else ""
    out = [f"<table {table_attrs}>".replace("<table >", "<table>"),
           "<thead><tr>" + "".join(head_cells) + "</tr></thead><tbody>"]
    for row in table.rows:
        out.append("<tr>" + "".join(
            _cell(c, width=w, qt=qt) for c, w in zip(row, widths, strict=False)) + "</tr>")
    out.append("</tbody></table>")
    if table.note:
        out.append(f'<p class="note">{_e(table.note)}</p>')
    return "\n".join(out)


def _facts(block: Facts, qt: bool) -> str:
    attrs = ('border="1" cellspacing="0" cellpadding="3" width="100%" '
             'style="border-collapse: collapse; border-color: #9a9a9a"') if qt else 'class="facts"'
    rows = []
    for key, value in block.pairs:
        key_cell = (f'<td width="34%" bgcolor="#f4f6f9"><b>{_e(key)}</b></td>' if qt
                    else f"<td>{_e(key)}</td>")
        rows.append(f"<tr>{key_cell}<td>{_e(value)}</td></tr>")
    return f"<table {attrs}>" + "".join(rows) + "</table>"


def _finding(block: FindingBlock, qt: bool) -> str:
    fill, ink = TONE_FILL[block.tone], TONE_INK[block.tone]
    change = f' <span class="change">({_e(block.change)})</span>' if block.change else ""
    head = (f'<span style="color: {ink}; background-color: {fill}"><b>&nbsp;{_e(block.status_word)}'
            f'&nbsp;</b></span> <b>{_e(block.heading)}</b>{change} '
            f'<span class="code">{_e(block.code)}</span>')
    body = (f"<p style=\"margin-top: 2px; margin-bottom: 2px\">{_e(block.message)}</p>"
            "<p style=\"margin-top: 2px; margin-bottom: 2px\">"
            + _("<b>Fix:</b> {fix}").format(fix=_e(block.fix)) + "</p>")
    if block.links:
        anchors = " &nbsp; ".join(f'<a href="{_e(url)}">{_e(words)}</a>'
                                  for words, url in block.links)
        body += f"<p style=\"margin-top: 2px; margin-bottom: 2px\">{anchors}</p>"
    if qt:
        # a one-cell table keeps the block together visually and carries the coloured edge
        return (f'<table width="100%" cellspacing="0" cellpadding="4" border="0" '
                f'style="margin-top: 5px; margin-bottom: 3px; border-left: 4px solid {ink}">'
                f'<tr><td width="1%" bgcolor="{ink}"></td>'
                f'<td>{head}{body}</td></tr></table>')
    return (f'<div class="finding" style="border-left-color: {ink}">'
            f"<div>{head}</div>{body}</div>")


def _block(block: object, qt: bool) -> str:
    if isinstance(block, Paragraph):
        cls = f' class="{block.kind}"' if block.kind != "normal" else ""
        return f"<p{cls}>{_e(block.text)}</p>"
    if isinstance(block, Heading):
        return f"<h3>{_e(block.text)}</h3>"
    if isinstance(block, Facts):
        return _facts(block, qt)
    if isinstance(block, FindingBlock):
        return _finding(block, qt)
    if isinstance(block, Table):
        return _table(block, qt)
    return ""


def _section(section: Section, qt: bool, first: bool) -> str:
    if qt:
        brk = ' style="page-break-before: always"' if section.new_page and not first else ""
        parts = [f"<h2{brk}>{_e(section.title)}</h2>"]
    else:
        cls = ' class="newpage"' if section.new_page else ""
        parts = [f'<section id="{_e(section.key)}"><h2{cls}>{_e(section.title)}</h2>']
    parts += [_block(b, qt) for b in section.blocks]
    if not qt:
        parts.append("</section>")
    return "\n".join(parts)


def render(report: Report, *, qt: bool = False) -> str:
    """The whole report as one HTML document."""
    css = _QT_CSS if qt else _WEB_CSS
    body = [f"<h1>{_e(report.title)}</h1>",
            '<p class="runid">' + _("Run id for support: <b>{run}</b>").format(
                run=_e(report.run_id)) + "</p>"]
    body += [_section(s, qt, i == 0) for i, s in enumerate(report.sections)]
    if not qt:
        body.append(f"<footer>{_e(report.footer)}</footer>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{_e(report.title)} — {_e(report.run_id)}</title>"
            f"<style>{css}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")
