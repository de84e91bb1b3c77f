"""The Names page at a real firm's size (benchmarks/firm_company.py: 70 members, 130 clients and
projects, 1,200 QuickBooks customers, 78 name problems), read through the live clients."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from benchmarks.firm_company import firm_sides
from tests.ui.conftest import make_window
from wizard.core.labels import Tag
from wizard.flow import Load, Page
from wizard.ui.jobs import Readers
from wizard.ui.models import Role

pytestmark = pytest.mark.gui


def _rows(table) -> list:  # type: ignore[no-untyped-def]
    model = table.model
    return [model.index(r, 0).data(Role.ROW) for r in range(model.rowCount())]


def test_a_firm_opens_on_its_problems_with_a_count_of_what_is_hidden(qtbot) -> None:  # type: ignore[no-untyped-def]
    clockify, quickbooks = firm_sides()
    window = make_window(qtbot, Readers(clockify=lambda request, progress, cancel: clockify,
                                        quickbooks=lambda request, progress, cancel: quickbooks))
    qtbot.mouseClick(window.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.flow.load is Load.READY and not window.session.busy,
                    timeout=30_000)
    qtbot.mouseClick(window.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    names = window.pages[Page.NAMES]
    qtbot.waitUntil(lambda: not names.filtering and names.hidden_label.text() != "",
                    timeout=10_000)
    assert names.problems_only.isChecked()
    assert not names.qbo_only.isChecked()
    shown = _rows(names.users) + _rows(names.customers)
    problems = [r for r in shown if r.is_problem]
    assert len(problems) == 78
    assert all(r.is_problem or any(c.is_problem for c in r.children) for r in shown)
    assert not any(r.tag is Tag.QBO_ONLY for r in shown)
    total = len(names.users.model.flat.rows) + len(names.customers.model.flat.rows)
    qbo_only = sum(1 for flat in (names.users.model.flat, names.customers.model.flat)
                   for r in flat.rows if r.tag is Tag.QBO_ONLY)
    assert qbo_only > 1000
    text = names.hidden_label.text()
    assert f"{qbo_only:,} QuickBooks records that no Clockify name uses are hidden." in text
    assert f"{total - qbo_only - len(shown):,} names without a problem are hidden" in text

    # asked for, everything comes back: problems first, QuickBooks-only records last
    names.problems_only.setChecked(False)
    names.qbo_only.setChecked(True)
    qtbot.waitUntil(lambda: not names.filtering and names.hidden_label.text() == "",
                    timeout=10_000)
    users = _rows(names.users)
    assert len(users) == len(names.users.model.flat.rows)
    first_fine = next(i for i, r in enumerate(users) if not r.is_problem)
    assert all(not r.is_problem for r in users[first_fine:])
    customers = _rows(names.customers)
    assert customers[-1].tag is Tag.QBO_ONLY  # QuickBooks' own records come last
    assert customers[0].is_problem or any(c.is_problem for c in customers[0].children)
