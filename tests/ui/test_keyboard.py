"""The whole wizard with the keyboard alone: Tab to "Try the sample company", Space, then Tab to
Next and Space through every page (Alt+N is Next's shortcut too, but the offscreen test platform
has no key map to deliver mnemonics, so the test presses the button the way Tab reaches it);
and everything Tab reaches has a name a screen reader can say."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from tests.ui.conftest import make_window
from wizard.flow import Load, Page

pytestmark = pytest.mark.gui


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def _tab(qtbot, window) -> QWidget | None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(_focused() or window, Qt.Key.Key_Tab)
    return _focused()


def _spoken_name(widget: QWidget) -> str:
    """The name assistive technology reads: the accessible name, else the one Qt derives (a
    button's text, a label's buddy)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return (iface.text(QAccessible.Text.Name) if iface is not None else "") or ""


def _tab_chain(qtbot, window, limit: int = 80) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Every widget Tab visits on the current page (and the wizard's buttons), once round."""
    seen: list[QWidget] = []
    for _ in range(limit):
        widget = _tab(qtbot, window)
        if widget is None or widget in seen:
            break
        seen.append(widget)
    return seen


def _press(qtbot, window, which: QWizard.WizardButton) -> None:  # type: ignore[no-untyped-def]
    """Tab to one of the wizard's buttons and press Space."""
    button = window.button(which)
    for _ in range(80):
        if _focused() is button:
            break
        _tab(qtbot, window)
    assert _focused() is button, f"Tab never reached {button.text()}"
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_walk_all_seven_pages_with_the_keyboard_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample=False)
    window.activateWindow()
    qtbot.waitUntil(lambda: _focused() is not None, timeout=5000)
    welcome = window.pages[Page.WELCOME]
    flow = window.session.flow
    assert flow.choices.clockify is None  # a first start: nothing chosen yet
    assert not window.button(QWizard.WizardButton.NextButton).isEnabled()

    for _ in range(60):  # Tab to the sample-company button
        if _focused() is welcome.sample:
            break
        _tab(qtbot, window)
    assert _focused() is welcome.sample
    qtbot.keyClick(welcome.sample, Qt.Key.Key_Space)
    assert window.currentId() == Page.PLAN
    assert flow.choices.clockify == "demo"
    qtbot.waitUntil(lambda: flow.load is Load.READY and not window.session.busy, timeout=20_000)

    unnamed: list[str] = []
    for page in (Page.NAMES, Page.RESYNC, Page.RECONNECT, Page.ENTRIES, Page.SUMMARY):
        current = window.currentId()
        for widget in _tab_chain(qtbot, window):
            if not _spoken_name(widget):
                unnamed.append(f"{Page(current).name}: {type(widget).__name__} "
                               f"{widget.objectName()}")
        _press(qtbot, window, QWizard.WizardButton.NextButton)
        assert window.currentId() == page, f"Next didn't leave {Page(current).name}"
    for widget in _tab_chain(qtbot, window):
        if not _spoken_name(widget):
            unnamed.append(f"SUMMARY: {type(widget).__name__} {widget.objectName()}")
    assert unnamed == []
    _press(qtbot, window, QWizard.WizardButton.BackButton)
    assert window.currentId() == Page.ENTRIES
    assert window.button(QWizard.WizardButton.NextButton).shortcut().toString() == "Alt+N"


def test_every_control_tab_reaches_on_the_welcome_page_has_a_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: _focused() is not None, timeout=5000)
    chain = _tab_chain(qtbot, window)
    welcome = window.pages[Page.WELCOME]
    assert welcome.sample in chain
    assert welcome.clockify.key_edit in chain or not welcome.clockify.key_edit.isEnabled()
    assert [type(w).__name__ for w in chain if not _spoken_name(w)] == []


def test_enter_on_a_page_goes_next_not_re_check(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    flow = window.session.flow
    window.next()
    qtbot.waitUntil(lambda: flow.load is Load.READY and not window.session.busy, timeout=20_000)
    assert window.currentId() == Page.PLAN
    recheck = window.pages[Page.PLAN].loadbar.recheck
    recheck.setFocus()
    qtbot.keyClick(recheck, Qt.Key.Key_Return)
    assert window.currentId() == Page.NAMES
    assert not window.session.busy  # Enter did not start another check
