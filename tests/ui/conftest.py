"""Strict Qt tests: any Qt warning fails the test, and so does a worker left running."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler

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
