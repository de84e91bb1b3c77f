"""Every table model passes Qt's own model checks, on the sample company's real rows."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt

from wizard.core.checks import run_checks
from wizard.core.result import RunResult
from wizard.flow import compare
from wizard.sources import demo
from wizard.ui.models import (
    ChangesModel,
    ChecksModel,
    EntriesModel,
    NameColumn,
    NamesFilter,
    NamesModel,
    ReasonsModel,
    Role,
)
from wizard.ui.rows import EntryColumn, Tag, customer_rows, diff_html, entries_order, user_rows

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def result() -> RunResult:
    today = demo.sample_info().today
    return run_checks(demo.clockify_side(), demo.quickbooks_side(),
                      (today - dt.timedelta(days=29), today),
                      dt.datetime(2026, 11, 24, tzinfo=dt.UTC), "test")


@pytest.mark.parametrize("rows", [user_rows, customer_rows])
def test_names_model_and_its_filter(qtmodeltester, qapp, result, rows) -> None:  # type: ignore[no-untyped-def]
    model = NamesModel("Clockify", "QuickBooks")
    model.set_rows(rows(result))
    assert model.rowCount() > 5
    qtmodeltester.check(model)
    proxy = NamesFilter()
    proxy.setSourceModel(model)
    proxy.set_problems_only(True)
    proxy.sort(NameColumn.STATUS, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(proxy)
    assert 0 < proxy.rowCount() < model.rowCount() + 1


def test_customers_are_a_tree_of_clients_and_projects(qapp, result) -> None:  # type: ignore[no-untyped-def]
    model = NamesModel("Clockify", "QuickBooks")
    model.set_rows(customer_rows(result))
    acme = next(model.index(r, NameColumn.CLOCKIFY) for r in range(model.rowCount())
                if model.index(r, NameColumn.CLOCKIFY).data() == "Acme Corp")
    first = acme.siblingAtColumn(0)
    kids = [model.index(r, NameColumn.CLOCKIFY, first).data() for r in range(model.rowCount(first))]
    assert "Website Redesign" in kids
    child = model.index(0, 0, first)
    assert child.parent() == first
    assert model.parent(first) == QModelIndex()


def test_entries_model(qtmodeltester, qapp, result) -> None:  # type: ignore[no-untyped-def]
    assert result.entries is not None
    items = result.entries.items
    model = EntriesModel()
    model.set_items(items)
    qtmodeltester.check(model)
    order = entries_order(items, "ENTRY_NOT_BILLABLE", "", EntryColumn.DATE, True)
    model.set_order(order)
    assert model.rowCount() == result.entries.by_reason["ENTRY_NOT_BILLABLE"]
    dates = [model.item_at(r).date for r in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    assert model.index(0, EntryColumn.REASONS).data().startswith(("not billable", "no project",
                                                                  "user", "project"))
    assert "billable" in model.index(0, EntryColumn.REASONS).data(Qt.ItemDataRole.ToolTipRole)
    qtmodeltester.check(model)


def test_small_models(qtmodeltester, qapp, result) -> None:  # type: ignore[no-untyped-def]
    checks = ChecksModel()
    checks.set_checks(result.checks)
    qtmodeltester.check(checks)
    assert checks.index(4, 0).data(Role.STATUS) == "pass"
    reasons = ReasonsModel()
    assert result.entries is not None
    reasons.set_counts(result.entries.by_reason)
    qtmodeltester.check(reasons)
    assert reasons.index(0, 0).data() == f"{max(result.entries.by_reason.values()):,}"
    changes = ChangesModel()
    changes.set_changes(compare(result, result))
    qtmodeltester.check(changes)
    assert changes.rowCount() == len(compare(result, result).still)


def test_diff_marks_only_the_differing_characters() -> None:
    ours, theirs = diff_html("Aisha  Khan", "Aisha Khan")
    assert "·" in ours
    assert "<span" not in theirs
    ours, theirs = diff_html("Summit Outdoor Co", "Summit Outdoor Co.")
    assert theirs.endswith(">.</span>")
    assert ours == "Summit Outdoor Co"


def test_unknown_codes_still_get_a_word(result) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from wizard.core.result import Status
    from wizard.ui.rows import tag_for
    f = result.findings_for("users")[0]
    assert tag_for(dataclasses.replace(f, code="SOMETHING_NEW", status=Status.FAIL)) is Tag.PROBLEM
    assert tag_for(dataclasses.replace(f, code="SOMETHING_NEW", status=Status.PASS)) is Tag.OK
