"""Strict Qt tests: any Qt warning fails the test, and so does a worker left running; every
widget a test hands to qtbot is deleted at its teardown, on the GUI thread."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from wizard.core.checks import run_checks
from wizard.core.result import RunResult
from wizard.flow import Flow
from wizard.sources import demo
from wizard.sources.sample import sample_info
from wizard.ui.jobs import Readers
from wizard.ui.workers import running_workers

# noise of the offscreen test platform itself, not of the app
_IGNORED = ("This plugin does not support propagateSizeHints()",
            "This plugin does not support raise()",
            "This plugin does not support grabbing the keyboard")


@pytest.fixture(autouse=True)
def fail_on_qt_warnings() -> Iterator[list[str]]:
    seen: list[str] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        del context
        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            return
        if any(message.startswith(text) for text in _IGNORED):
            return
        seen.append(f"{kind.name}: {message}")

    previous = qInstallMessageHandler(handler)
    yield seen
    qInstallMessageHandler(previous)
    if seen:
        pytest.fail("Qt warned during the test:\n" + "\n".join(seen))


@pytest.fixture(autouse=True)
def widgets_deleted_at_teardown(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Hold every widget given to `qtbot.addWidget` until the test's teardown, then delete it.

    qtbot keeps only a weak reference, and a window is kept by reference cycles of its own
    (Python wrappers referring to each other), so a window the test stopped referring to was
    left to the cyclic garbage collector. That runs on whichever thread allocates next, often a
    worker's: it then deleted the window's widgets while the GUI thread painted them (a segfault
    in pytest-qt's event processing at teardown), or, from one of the window's own pool threads,
    waited in the pool's destructor for itself (a hang). Here the window lives until qtbot has
    closed it (and shut it down), and is then deleted at once, on the GUI thread, after the
    workers have stopped (this fixture is torn down after `no_worker_left_running`).
    """
    held: list[QWidget] = []
    add_widget = QtBot.addWidget

    def add_and_hold(bot: QtBot, widget: QWidget, **kwargs: Any) -> None:
        held.append(widget)
        add_widget(bot, widget, **kwargs)

    monkeypatch.setattr(QtBot, "addWidget", add_and_hold)
    yield
    while held:
        widget = held.pop()
        if shiboken6.isValid(widget):  # not already gone with its parent or on close
            shiboken6.delete(widget)


@pytest.fixture(autouse=True)
def no_worker_left_running() -> Iterator[None]:
    """Fail a test that leaves a worker running (its signals still to be delivered)."""
    yield
    deadline = time.monotonic() + 10
    while running_workers() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    if running_workers():
        pytest.fail(f"{running_workers()} worker(s) still running after the test")


def make_window(qtbot, readers: Readers | None = None, sample: bool = True,  # type: ignore[no-untyped-def]
                prebuild: bool = True):
    from wizard.flow import Page
    from wizard.ui.wizard_window import WizardWindow

    flow = Flow(sample_info().today)
    window = WizardWindow(flow, readers=readers, prebuild=prebuild)
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    if sample:
        flow.choices.use_sample()
        window.pages[Page.WELCOME].show_choices()
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture(scope="session")
def sample_result() -> RunResult:
    """The sample company's checks over its usual 30 days, for tests of what the pages show."""
    today = sample_info().today
    return run_checks(demo.clockify_side(), demo.quickbooks_side(),
                      (today - dt.timedelta(days=29), today),
                      dt.datetime(2026, 11, 24, tzinfo=dt.UTC), "test")
