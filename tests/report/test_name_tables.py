"""The report's two name tables hold the Names page's rows: the same names on both sides, the
same QuickBooks-only records and the same notes (both build from wizard.core.rows)."""

from __future__ import annotations

import dataclasses

import pytest
from msgspec import structs

from tests.report.samples import sample_result
from wizard.core.result import RunResult
from wizard.core.rows import NameRow, customer_rows, user_rows
from wizard.report import blocks, model


def _table(result: RunResult, key: str) -> blocks.Table:
    report = model.build_report(result, limits=model.HTML_LIMITS)
    section = next(s for s in report.sections if s.key == key)
    return next(b for b in section.blocks if isinstance(b, blocks.Table))


def _screen(rows: tuple[NameRow, ...]) -> list[NameRow]:
    return [r for top in rows for r in (top, *top.children)]


def _clockify(row: list[blocks.Cell], cells: tuple[int, ...]) -> str:
    """The Clockify name a printed row is about: its project, else its client or user."""
    return next(row[i].text for i in reversed(cells) if row[i].text)


def _with_notes(result: RunResult) -> RunResult:
    """The sample with one user deactivated and one project archived, so notes show."""
    users = [f for f in result.findings if f.subject_kind == "user"]
    projects = [f for f in result.findings if f.subject_kind == "project"]
    changed = {id(users[0]): structs.replace(users[0], deactivated=True),
               id(projects[0]): structs.replace(projects[0], archived=True)}
    return dataclasses.replace(result, findings=tuple(changed.get(id(f), f)
                                                      for f in result.findings))


@pytest.mark.parametrize(("key", "rows", "clockify_cells", "notes_cell"),
                         [("users", user_rows, (0,), 3), ("customers", customer_rows, (0, 1), 4)])
def test_the_report_lists_the_rows_of_the_names_page(key, rows, clockify_cells,  # type: ignore[no-untyped-def]
                                                     notes_cell) -> None:
    result = _with_notes(sample_result())
    table = _table(result, key)
    screen = _screen(rows(result))
    qbo_cell = notes_cell - 1
    printed_names = sorted(_clockify(row, clockify_cells) for row in table.rows
                           if row[0].text != "—")
    assert printed_names == sorted(r.clockify for r in screen if r.clockify)
    printed_only = [(row[qbo_cell].text, row[notes_cell].text) for row in table.rows
                    if row[0].text == "—"]
    assert sorted(printed_only) == sorted((r.quickbooks, r.note) for r in screen
                                          if not r.clockify)
    assert any(not active for _name, active in result.tables.customers + result.tables.employees)
    printed_notes = {_clockify(row, clockify_cells): row[notes_cell].text
                     for row in table.rows if row[0].text != "—"}
    noted = [r for r in screen if r.clockify and r.note]
    assert noted  # the deactivated user or the archived project
    for r in noted:
        assert r.note in printed_notes[r.clockify], r.clockify
