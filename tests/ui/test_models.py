"""Every table model passes Qt's own model checks, on the sample company's real rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from wizard.core.compare import compare, snapshot
from wizard.core.labels import Tag
from wizard.core.rows import customer_rows, user_rows
from wizard.ui.models import ChecksModel, EntriesModel, NamesModel, ReasonsModel, Role
from wizard.ui.problem_cards import change_rows
from wizard.ui.rows import (
    EntryColumn,
    NameColumn,
    diff_html,
    entries_order,
    flatten,
    names_order,
)

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("rows", [user_rows, customer_rows])
def test_names_model_filtered_and_sorted(qtmodeltester, qapp, sample_result, rows) -> None:  # type: ignore[no-untyped-def]
    model = NamesModel("Clockify", "QuickBooks")
    flat = flatten(rows(sample_result))
    model.set_rows(flat)
    everything = model.rowCount()
    assert everything > 5
    qtmodeltester.check(model)
    model.set_order(names_order(flat, True, "", NameColumn.STATUS))
    qtmodeltester.check(model)
    assert 0 < model.rowCount() < everything
    assert model.index(0, NameColumn.STATUS).data(Role.STATUS) == "fail"
    model.set_order(names_order(flat, False, "no such name anywhere"))
    assert model.rowCount() == 0


def test_projects_follow_their_client_and_stay_with_it(qapp, sample_result) -> None:  # type: ignore[no-untyped-def]
    flat = flatten(customer_rows(sample_result))
    model = NamesModel("Clockify", "QuickBooks")
    model.set_rows(flat)
    acme = model.find("Acme Corp").row()
    assert model.index(acme + 1, NameColumn.CLOCKIFY).data(Role.DEPTH) == 1
    assert model.index(acme + 1, NameColumn.CLOCKIFY).data().endswith("Website Redesign")
    # problems only: a matched client stays as the head of its failing projects
    model.set_order(names_order(flat, problems_only=True))
    acme = model.find("Acme Corp").row()
    assert model.index(acme + 1, 0).data(Role.ROW).clockify == "Annual Report"
    assert not model.find("Website Redesign").isValid()
    # sorting by name sorts the clients, and the projects inside each client
    model.set_order(names_order(flat, column=NameColumn.CLOCKIFY, descending=True))
    shown = [model.index(r, 0) for r in range(model.rowCount())]
    heads = [i.data(Role.ROW).clockify for i in shown
             if i.data(Role.DEPTH) == 0 and i.data(Role.ROW).clockify]
    assert heads == sorted(heads, key=str.casefold, reverse=True)


def test_entries_model(qtmodeltester, qapp, sample_result) -> None:  # type: ignore[no-untyped-def]
    assert sample_result.entries is not None
    items = sample_result.entries.items
    model = EntriesModel()
    model.set_items(items)
    qtmodeltester.check(model)
    order = entries_order(items, "ENTRY_NOT_BILLABLE", "", EntryColumn.DATE, True)
    model.set_order(order)
    assert model.rowCount() == sample_result.entries.by_reason["ENTRY_NOT_BILLABLE"]
    dates = [model.item_at(r).date for r in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    assert model.index(0, EntryColumn.REASONS).data().startswith(("not billable", "no project",
                                                                  "user", "project"))
    assert "billable" in model.index(0, EntryColumn.REASONS).data(Qt.ItemDataRole.ToolTipRole)
    qtmodeltester.check(model)


def test_small_models(qtmodeltester, qapp, sample_result) -> None:  # type: ignore[no-untyped-def]
    checks = ChecksModel()
    checks.set_checks(sample_result.checks)
    qtmodeltester.check(checks)
    assert checks.index(4, 0).data(Role.STATUS) == "info"  # the sample: never "connected"
    reasons = ReasonsModel()
    assert sample_result.entries is not None
    reasons.set_counts(sample_result.entries.by_reason)
    qtmodeltester.check(reasons)
    assert reasons.index(0, 0).data() == f"{max(sample_result.entries.by_reason.values()):,}"
    same = compare(snapshot(sample_result), snapshot(sample_result))
    rows = change_rows(same)  # the Summary's and Resync's cards
    assert len(rows) == len(same.still_failing)
    assert {word for word, _ in rows} == {"still to fix"}


def test_diff_marks_only_the_differing_characters() -> None:
    ours, theirs = diff_html("Aisha  Khan", "Aisha Khan")
    assert "·" in ours
    assert "<span" not in theirs
    ours, theirs = diff_html("Summit Outdoor Co", "Summit Outdoor Co.")
    assert theirs.endswith(">.</span>")
    assert ours == "Summit Outdoor Co"


def test_unknown_codes_still_get_a_word(sample_result) -> None:  # type: ignore[no-untyped-def]
    from msgspec.structs import replace

    from wizard.core.labels import tag_for
    from wizard.core.result import Status
    f = sample_result.findings_for("users")[0]
    assert tag_for(replace(f, code="SOMETHING_NEW", status=Status.FAIL)) is Tag.PROBLEM
    assert tag_for(replace(f, code="SOMETHING_NEW", status=Status.PASS)) is Tag.OK


def _counted_documents(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every text document the Names delegate makes from now on (its laid-out cells)."""
    from wizard.ui import tables

    documents: list[object] = []

    class CountedDocument(tables.QTextDocument):
        def __init__(self) -> None:
            super().__init__()
            documents.append(self)

    monkeypatch.setattr(tables, "QTextDocument", CountedDocument)
    return documents


def test_a_near_match_is_marked_up_once_however_often_it_is_painted(  # type: ignore[no-untyped-def]
        qtbot, sample_result, monkeypatch) -> None:
    from wizard.ui import models, tables

    made: list[tuple[str, str]] = []

    def counted(a: str, b: str, **kwargs: str) -> tuple[str, str]:
        made.append((a, b))
        return diff_html(a, b, **kwargs)

    monkeypatch.setattr(models, "diff_html", counted)
    flat = flatten(customer_rows(sample_result))
    model = NamesModel("Clockify", "QuickBooks")
    model.set_rows(flat)
    near = [r for r in range(model.rowCount()) if model.index(r, 0).data(Role.ROW).near]
    assert near
    cells = [model.index(r, c) for r in near for c in (NameColumn.CLOCKIFY, NameColumn.QUICKBOOKS)]
    first = [cell.data(Role.DIFF) for cell in cells]
    assert all(isinstance(text, str) for text in first)
    assert any("<span" in text for text in first)
    model.set_order(list(reversed(range(len(flat.rows)))))  # a new order keeps what was made
    again = [model.index(model.rowCount() - 1 - c.row(), c.column()).data(Role.DIFF) for c in cells]
    assert again == first
    assert len(made) == len(near)  # one difflib run per row, for both of its cells
    model.set_rows(flat)  # new rows (or a new theme): made afresh
    assert model.index(near[0], NameColumn.CLOCKIFY).data(Role.DIFF) == first[0]
    assert len(made) == len(near) + 1

    # the delegate lays each marked-up cell out once, not at every repaint
    documents = _counted_documents(monkeypatch)
    view = tables.read_only_table(model, "Names", None)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    delegate = tables.DiffDelegate(view)
    view.setItemDelegateForColumn(NameColumn.CLOCKIFY, delegate)
    view.setItemDelegateForColumn(NameColumn.QUICKBOOKS, delegate)
    view.resize(900, 600)
    view.scrollTo(model.index(near[0], 0))
    view.grab()
    painted = len(documents)
    assert painted >= 1
    view.viewport().update()
    view.grab()  # the same cells painted again
    assert len(documents) == painted


def test_a_hidden_names_table_lays_out_its_first_marked_up_cells_before_its_first_paint(  # type: ignore[no-untyped-def]
        qtbot, sample_result, monkeypatch) -> None:
    from wizard.ui.pages.names import NamesTable

    documents = _counted_documents(monkeypatch)
    table = NamesTable(None, "Customers", "Clockify", "QuickBooks")  # type: ignore[arg-type]
    qtbot.addWidget(table)
    table.resize(900, 600)
    table.set_rows(flatten(customer_rows(sample_result)))  # a few rows: ordered at once
    near = [r for r in range(table.model.rowCount())
            if table.model.index(r, 0).data(Role.ROW).near]
    assert near
    assert near[0] < 10  # on the first screen
    qtbot.waitUntil(lambda: not table._prepare_timer.isActive())
    prepared = len(documents)
    assert prepared >= 2  # both spellings of each near match on the first screen, made hidden
    table.show()
    qtbot.waitExposed(table)
    table.grab()  # the first paint: every marked-up cell it shows was laid out ahead
    assert len(documents) == prepared
