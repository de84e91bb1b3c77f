"""The Welcome page's answers kept between runs (as values, never list positions), and
"Reconnect" on page 5 leading back to it through the window."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWizard

from tests.fakes.intuit_server import MemoryKeyring
from tests.ui.conftest import make_window
from wizard.core.errors import IntuitKeysMissing
from wizard.core.plans import plan_from_choice
from wizard.core.result import Status
from wizard.flow import Load, Page
from wizard.sources.request import Manual
from wizard.storage import paths
from wizard.text.status import status_word
from wizard.ui.pages.welcome import quickbooks_box, saved

pytestmark = pytest.mark.gui


def _window(qtbot, caplog):  # type: ignore[no-untyped-def]
    """A window on no data yet, once its first-paint follow-up (the keyring lookup) is done."""
    caplog.set_level(logging.INFO, logger="wizard.ui.workers")
    caplog.clear()
    window = make_window(qtbot, sample=False, prebuild=False)
    qtbot.waitUntil(lambda: "keyring lookup finished" in caplog.text, timeout=20_000)
    return window


def _settings() -> QSettings:
    return QSettings(str(paths.config_dir() / "wizard.ini"), QSettings.Format.IniFormat)


def test_answers_are_kept_as_values_so_a_reordered_plan_list_keeps_them(  # type: ignore[no-untyped-def]
        qtbot, caplog, monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, caplog)
    box = window.pages[Page.WELCOME].quickbooks
    box.plan_combo.setCurrentIndex(box.plan_combo.findData("plus"))
    box.payroll_combo.setCurrentIndex(box.payroll_combo.findData(False))
    assert window.session.flow.choices.manual == Manual(plan=plan_from_choice("plus"),
                                                        payroll=False)
    window.pages[Page.WELCOME].save()
    settings = _settings()
    assert settings.value(saved.PLAN_KEY) == "plus"
    assert settings.value(saved.PAYROLL_KEY) == "no"
    assert not settings.contains(saved.OLD_PLAN_KEY)
    window.shutdown()

    # a later version lists the plans in another order: the answer is still Plus
    monkeypatch.setattr(quickbooks_box, "PLANS", tuple(reversed(quickbooks_box.PLANS)))
    second = _window(qtbot, caplog)
    again = second.pages[Page.WELCOME].quickbooks
    assert again.plan_combo.itemData(0) == "advanced"
    assert again.plan_combo.currentData() == "plus"
    assert again.plan_combo.currentText() == "Plus"
    assert again.payroll_combo.currentData() is False


def test_positions_kept_by_version_0_1_0_are_read_once_as_values(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    old = _settings()
    old.setValue(saved.OLD_PLAN_KEY, 4)  # Plus, in the order 0.1.0 showed
    old.setValue(saved.OLD_PAYROLL_KEY, 2)  # Yes
    old.sync()
    window = _window(qtbot, caplog)
    box = window.pages[Page.WELCOME].quickbooks
    assert box.plan_combo.currentData() == "plus"
    assert box.payroll_combo.currentData() is True
    settings = _settings()
    assert settings.value(saved.PLAN_KEY) == "plus"
    assert settings.value(saved.PAYROLL_KEY) == "yes"
    assert not settings.contains(saved.OLD_PLAN_KEY)
    assert not settings.contains(saved.OLD_PAYROLL_KEY)


def test_reconnect_signs_in_again_from_the_welcome_page(  # type: ignore[no-untyped-def]
        qtbot, memory_keyring: MemoryKeyring) -> None:
    del memory_keyring
    window = make_window(qtbot)
    for _page in (Page.PLAN, Page.NAMES, Page.RESYNC, Page.RECONNECT):
        button = window.button(QWizard.WizardButton.NextButton)
        qtbot.waitUntil(button.isEnabled, timeout=20_000)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.currentId() == Page.RECONNECT
    assert window.session.flow.load is Load.READY
    reconnect = window.pages[Page.RECONNECT]
    reconnect.reconnect.setEnabled(True)  # the sample has no sign-in to renew; the route is tested
    with qtbot.waitSignal(reconnect.sign_in_requested, timeout=1000):
        qtbot.mouseClick(reconnect.reconnect, Qt.MouseButton.LeftButton)
    assert window.currentId() == Page.WELCOME
    message = window.pages[Page.WELCOME].quickbooks.message
    # this copy has no Intuit app keys: the sign-in that started says so on the Welcome page
    qtbot.waitUntil(lambda: message.text.text() == str(IntuitKeysMissing()), timeout=20_000)
    assert message.text.accessibleName().startswith(status_word(Status.FAIL))
