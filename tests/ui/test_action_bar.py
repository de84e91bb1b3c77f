"""The actions on each problem, on the sample company (no web pages) and by keyboard alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard

from tests.ui.conftest import make_window
from wizard.core.fixes import actions_for, plan_for
from wizard.flow import Load, Page
from wizard.ui.fix_dialog import FixDialog

pytestmark = pytest.mark.gui


def _to_summary(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.flow.load is Load.READY and not window.session.busy,
                    timeout=20_000)
    while window.currentId() != Page.SUMMARY:
        qtbot.mouseClick(window.button(QWizard.WizardButton.NextButton),
                         Qt.MouseButton.LeftButton)


def test_sample_cards_copy_names_and_say_why_nothing_opens(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    _to_summary(qtbot, window)
    cards = window.pages[Page.SUMMARY].problems.cards
    plan = plan_for(window.session.loaded_data.result)
    by_subject = {c.finding.subject: c for c in cards}
    clipboard = QGuiApplication.clipboard()
    qtbot.mouseClick(by_subject["Jon Smith"].actions.copy_name, Qt.MouseButton.LeftButton)
    assert clipboard.text() == "Jon Smith"  # typed into QuickBooks' Display name
    qtbot.mouseClick(by_subject["Book-keeping Setup"].actions.copy_name,
                     Qt.MouseButton.LeftButton)
    assert clipboard.text() == "Bookkeeping Setup"  # the QuickBooks name, typed in Clockify
    for card in cards:
        bar = card.actions
        assert not bar.open_quickbooks.isEnabled()
        assert not bar.open_clockify.isEnabled()
        assert bar.open_quickbooks.toolTip() == "The sample company has no web pages to open."
        # the sample fixes a copy of itself: Fix for me… is on exactly where the plan has a change
        assert bar.fix.isEnabled() == bool(actions_for(plan, card.finding.key))
        for button in bar.buttons:
            assert button.accessibleName()
            assert button.toolTip()
    entries = window.pages[Page.ENTRIES]
    assert not entries.open_report.isEnabled()
    assert entries.open_report.toolTip() == "The sample company has no web pages to open."
    # every word of every problem is on show: nothing cut off, nothing only in a tooltip
    for card in cards:
        assert card.message.text() == card.finding.message
        assert card.message.wordWrap()
        assert card.fix is not None
        assert card.fix.text().endswith(card.finding.fix)


def test_the_detail_pane_actions_are_reached_and_used_by_keyboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    _to_summary(qtbot, window)
    while window.currentId() != Page.NAMES:
        qtbot.mouseClick(window.button(QWizard.WizardButton.BackButton),
                         Qt.MouseButton.LeftButton)
    names = window.pages[Page.NAMES]
    assert names.select("Jon Smith")
    names.detail.setFocus()
    qtbot.keyClick(names.detail, Qt.Key.Key_Tab)
    assert QGuiApplication.focusObject() is names.actions.copy_name
    qtbot.keyClick(names.actions.copy_name, Qt.Key.Key_Space)
    assert QGuiApplication.clipboard().text() == "Jon Smith"
    assert names.actions.copy_name.accessibleName() == "Copy the name “Jon Smith”"


def test_fix_for_me_on_a_card_opens_the_plan_for_that_problem(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    _to_summary(qtbot, window)
    cards = {c.finding.subject: c for c in window.pages[Page.SUMMARY].problems.cards}
    bar = cards["Jon Smith"].actions
    assert bar.fix.isEnabled(), bar.fix.toolTip()
    assert "confirm" in bar.fix.toolTip()
    vendor = cards["Priya Natarajan"].actions  # a vendor: the person decides
    assert not vendor.fix.isEnabled()
    assert vendor.fix.toolTip().startswith("Whether this person should be an employee")
    qtbot.mouseClick(bar.fix, Qt.MouseButton.LeftButton)
    dialog = window.fix_dialog
    assert isinstance(dialog, FixDialog)
    assert {a.finding_key for a in dialog.plan.actions} == {cards["Jon Smith"].finding.key}
    assert any(a.kind == "rename_employee" and a.after == "Jon Smith"
               for a in dialog.plan.actions)
    dialog.reject()
