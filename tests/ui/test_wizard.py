"""The wizard on the sample company, driven through its own widgets (offscreen)."""

from __future__ import annotations

import logging
import re
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLineEdit,
    QWizard,
)

from tests.ui.conftest import make_window
from wizard import __version__
from wizard.core.errors import SyncCheckupError
from wizard.core.model import ClockifySide, QuickBooksSide, SideProblem
from wizard.core.result import Status
from wizard.flow import Load, Page
from wizard.sources import gather
from wizard.sources.progress import CancelToken, Progress
from wizard.sources.request import Request
from wizard.storage import paths
from wizard.text.unexpected import UNEXPECTED
from wizard.ui import errors, theme
from wizard.ui.jobs import Readers
from wizard.ui.models import Role
from wizard.ui.rows import NameColumn, Tag
from wizard.ui.workers import Worker, running_workers

pytestmark = pytest.mark.gui


def _next(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    button = window.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), window.session.flow.blocked(Page(window.currentId()))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _loaded(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.session.flow.load is Load.READY and not window.session.busy,
                    timeout=20_000)


def _header_status(window, page: Page) -> str:  # type: ignore[no-untyped-def]
    return window.pages[page].header.icon.accessibleName()


def test_walk_every_page_on_the_sample_company(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    assert window.currentId() == Page.WELCOME
    assert window.button(QWizard.WizardButton.NextButton).isEnabled()
    _next(qtbot, window)
    assert window.currentId() == Page.PLAN
    _loaded(qtbot, window)
    plan = window.pages[Page.PLAN]
    assert _header_status(window, Page.PLAN) == "Status: Warning"
    assert plan.values["plan"].text() == "QuickBooks Online Plus"
    assert "Time tracking is turned off" in plan.problems.text()
    assert "works with Clockify, and payroll is off" in plan.problems.text()

    _next(qtbot, window)
    assert _header_status(window, Page.NAMES) == "Status: Problem"
    for page in (Page.RESYNC, Page.RECONNECT, Page.ENTRIES, Page.SUMMARY):
        _next(qtbot, window)
        assert window.currentId() == page
    assert _header_status(window, Page.RECONNECT) == "Status: Info"  # the sample, not connected
    reconnect = window.pages[Page.RECONNECT]
    assert "QuickBooks is the sample company" in reconnect.problems.text()
    assert "connected" not in window.pages[Page.RECONNECT].header.verdict.text()
    assert "sample company" in reconnect.header.verdict.text()
    assert _header_status(window, Page.ENTRIES) == "Status: Problem"
    summary = window.pages[Page.SUMMARY]
    assert [summary.checks.index(r, 0).data() for r in range(5)] == [
        "Warning", "Problem", "Problem", "Problem", "Info"]
    assert summary.problems.count() > 10  # every problem, "to fix"
    assert window.button(QWizard.WizardButton.FinishButton).isVisible()
    qtbot.mouseClick(window.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    assert window.currentId() == Page.ENTRIES


def test_names_rows_carry_status_colour_icon_word_and_fix(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    _next(qtbot, window)
    _loaded(qtbot, window)
    _next(qtbot, window)
    names = window.pages[Page.NAMES]
    users = names.users
    index = users.find("Jon Smith")
    assert index.isValid()
    row = index.data(Role.ROW)
    assert row.tag is Tag.NEAR
    assert row.finding.suggestion == "John Smith"
    status_cell = index.siblingAtColumn(NameColumn.STATUS)
    assert status_cell.data() == "Near match"
    assert status_cell.data(Qt.ItemDataRole.DecorationRole) is not None
    assert status_cell.data(Qt.ItemDataRole.BackgroundRole) == theme.tag_background(Tag.NEAR,
                                                                                    False)
    assert "John Smith" in index.data(Qt.ItemDataRole.ToolTipRole)
    qbo_cell = index.siblingAtColumn(NameColumn.QUICKBOOKS)
    assert qbo_cell.data() == "John Smith"
    assert "Jo<span" in qbo_cell.data(Role.DIFF)  # the extra "h" is highlighted
    assert names.select("Jon Smith")
    assert "Use exactly: John Smith" in names.detail.toPlainText()

    matched = users.find("Olivia Bennett")
    assert matched.siblingAtColumn(NameColumn.STATUS).data() == "Matched"
    assert users.find("Priya Natarajan").data(Role.ROW).tag is Tag.VENDOR
    assert users.find("Dana Reyes").data(Role.ROW).tag is Tag.INACTIVE

    # projects sit under their client
    acme = names.customers.find("Acme Corp")
    assert names.customers.find("Website Redesign").row() == acme.row() + 1
    assert names.customers.find("Website Redesign").data(Role.DEPTH) == 1
    assert names.customers.find("Annual Report").data(Role.ROW).tag is Tag.WRONG_PARENT


def test_problems_only_and_search_filter_both_tables(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    _next(qtbot, window)
    _loaded(qtbot, window)
    _next(qtbot, window)
    names = window.pages[Page.NAMES]
    users, customers = names.users.model, names.customers.model
    all_users = users.rowCount()
    names.problems_only.setChecked(True)
    qtbot.waitUntil(lambda: not names.filtering, timeout=5000)
    assert users.rowCount() < all_users
    assert not users.find("Olivia Bennett").isValid()
    assert users.find("Jon Smith").isValid()
    # a matched client stays when one of its projects has a problem
    assert customers.find("Acme Corp").isValid()
    assert not customers.find("Website Redesign").isValid()
    names.problems_only.setChecked(False)
    qtbot.keyClicks(names.search, "smith")
    qtbot.waitUntil(lambda: not names.filtering, timeout=5000)
    assert users.rowCount() == 1
    assert customers.rowCount() == 0
    names.search.clear()
    qtbot.waitUntil(lambda: not names.filtering, timeout=5000)
    assert users.rowCount() == all_users
    # sorting by status puts failures first
    names.users.on_header_section_clicked(NameColumn.STATUS)
    qtbot.waitUntil(lambda: not names.filtering, timeout=5000)
    assert users.index(0, NameColumn.STATUS).data(Role.STATUS) == Status.FAIL.value
    assert users.index(all_users - 1, NameColumn.STATUS).data(Role.STATUS) in ("pass", "info")


def test_next_waits_for_the_check_and_welcome_needs_a_source(qtbot) -> None:  # type: ignore[no-untyped-def]
    gate = threading.Event()

    def slow_clockify(request: Request, progress: Progress, cancel: CancelToken) -> ClockifySide:
        gate.wait(10)
        return gather.read_clockify(request, progress, cancel)

    window = make_window(qtbot, Readers(clockify=slow_clockify), sample=False)
    flow = window.session.flow
    flow.choices.clockify = None
    flow.choices.quickbooks = None
    window.pages[Page.WELCOME].show_choices()
    assert not window.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.mouseClick(window.pages[Page.WELCOME].sample, Qt.MouseButton.LeftButton)
    assert window.currentId() == Page.PLAN
    assert window.session.busy
    assert not window.button(QWizard.WizardButton.NextButton).isEnabled()
    assert window.pages[Page.PLAN].loadbar.cancel.isVisible()
    gate.set()
    _loaded(qtbot, window)
    assert window.button(QWizard.WizardButton.NextButton).isEnabled()
    assert not window.pages[Page.PLAN].loadbar.cancel.isVisible()


def test_cancel_mid_load(qtbot) -> None:  # type: ignore[no-untyped-def]
    def endless(request: Request, progress: Progress, cancel: CancelToken) -> ClockifySide:
        for done in range(10_000):
            cancel.raise_if_cancelled()
            progress("Reading Clockify time entries", done, 10_000)
            time.sleep(0.005)
        raise AssertionError("the cancel never arrived")

    window = make_window(qtbot, Readers(clockify=endless))
    _next(qtbot, window)
    page = window.pages[Page.PLAN]
    qtbot.waitUntil(lambda: page.loadbar.bar.maximum() == 10_000, timeout=5000)
    assert "of 10,000" in page.loadbar.bar.format()
    qtbot.mouseClick(page.loadbar.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    assert window.session.flow.load is Load.CANCELLED
    assert page.load_message.isVisible()
    assert "cancelled" in page.load_message.text.text()
    assert not window.button(QWizard.WizardButton.NextButton).isEnabled()
    assert page.loadbar.recheck.isEnabled()


def test_next_on_welcome_shows_the_plan_page_before_the_check_starts(  # type: ignore[no-untyped-def]
        qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check's thread starts after the switch, so it can't slow the switch down."""
    window = make_window(qtbot)
    shown_at_start: list[int] = []
    real_start = Worker.start

    def start(worker: Worker, pool=None) -> Worker:  # type: ignore[no-untyped-def]
        if worker.name == "check":
            shown_at_start.append(window.currentId())
        return real_start(worker, pool)

    monkeypatch.setattr(Worker, "start", start)
    _next(qtbot, window)
    _loaded(qtbot, window)
    assert shown_at_start == [Page.PLAN]


def test_unexpected_error_mid_load_is_shown_inline(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    def broken(request: Request, progress: Progress, cancel: CancelToken) -> ClockifySide:
        progress("Reading Clockify", 1, 3)
        raise RuntimeError("the source broke in the middle")

    window = make_window(qtbot, Readers(clockify=broken))
    caplog.set_level(logging.ERROR, logger="wizard.ui.errors")
    _next(qtbot, window)
    qtbot.waitUntil(lambda: window.session.flow.load is Load.ERROR and not window.session.busy,
                    timeout=5000)
    page = window.pages[Page.PLAN]
    # the worker handed the exception to the global handler, which logged it once
    assert "unexpected error in the check job" in caplog.text
    assert page.load_message.isVisible()
    assert page.load_message.text.text() == UNEXPECTED
    assert page.load_message.copy.isVisible()
    assert "the source broke in the middle" in page.load_message.details
    # the same details the global handler gives a dialog: the version header first
    assert page.load_message.details.startswith(f"Sync Checkup {__version__}, Python ")
    assert _header_status(window, Page.PLAN) == "Status: Not checked"
    assert page.header.verdict.text() == UNEXPECTED
    qtbot.mouseClick(page.load_message.copy, Qt.MouseButton.LeftButton)
    assert "RuntimeError" in QApplication.clipboard().text()


def test_expected_error_mid_load_is_one_sentence(qtbot) -> None:  # type: ignore[no-untyped-def]
    sentence = "The export file users.csv can't be read; export it again from Clockify."

    def refused(request: Request, progress: Progress, cancel: CancelToken) -> ClockifySide:
        raise SyncCheckupError(sentence)

    window = make_window(qtbot, Readers(clockify=refused))
    _next(qtbot, window)
    qtbot.waitUntil(lambda: window.session.flow.load is Load.ERROR and not window.session.busy,
                    timeout=5000)
    page = window.pages[Page.PLAN]
    assert page.load_message.text.text() == sentence
    assert not page.load_message.copy.isVisible()


def test_entries_filter_by_reason_and_search(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    _next(qtbot, window)
    _loaded(qtbot, window)
    for _ in range(4):
        _next(qtbot, window)
    page = window.pages[Page.ENTRIES]
    summary = window.session.flow.result.entries
    assert page.model.rowCount() == summary.wont_sync == 92
    closed = page.reason_filter.findData("ENTRY_BOOKS_CLOSED")
    page.reason_filter.setCurrentIndex(closed)
    expected = summary.by_reason["ENTRY_BOOKS_CLOSED"]
    qtbot.waitUntil(lambda: page.model.rowCount() == expected, timeout=5000)
    assert all("ENTRY_BOOKS_CLOSED" in page.model.item_at(r).reasons
               for r in range(page.model.rowCount()))
    qtbot.keyClicks(page.search, "Ben Carter")
    qtbot.waitUntil(lambda: page.model.rowCount() < expected, timeout=5000)
    assert {page.model.item_at(r).user for r in range(page.model.rowCount())} == {"Ben Carter"}
    assert page.shown.text().startswith(f"Showing {page.model.rowCount()} of 92")
    page.on_header_section_clicked(5)  # hours, ascending
    qtbot.waitUntil(lambda: page.table.horizontalHeader().sortIndicatorSection() == 5)
    qtbot.waitUntil(lambda: running_workers() == 0 and not page._filter_timer.isActive(),
                    timeout=5000)
    hours = [page.model.item_at(r).hours or 0 for r in range(page.model.rowCount())]
    assert hours == sorted(hours)


def test_period_picker_rejects_a_reversed_period_inline(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    _next(qtbot, window)
    _loaded(qtbot, window)
    for _ in range(4):
        _next(qtbot, window)
    page = window.pages[Page.ENTRIES]
    page.date_from.setDate(page.date_to.date().addDays(3))
    page.on_apply_clicked()
    assert page.period_message.isVisible()
    assert "swap" in page.period_message.text.text()
    assert not window.session.busy


def test_choices_and_window_size_are_remembered(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    window.resize(760, 560)
    _next(qtbot, window)
    _loaded(qtbot, window)
    window.shutdown()
    settings = QSettings(str(paths.config_dir() / "wizard.ini"), QSettings.Format.IniFormat)
    assert settings.value("sources/clockify") == "demo"
    assert settings.value("sources/quickbooks") == "demo"
    text = (paths.config_dir() / "wizard.ini").read_text(encoding="utf-8")
    assert re.search(r"[\w.+-]+@[\w-]+\.\w", text) is None  # no e-mail address in settings
    again = make_window(qtbot, sample=False)
    assert again.session.flow.choices.clockify == "demo"
    assert (again.size().width(), again.size().height()) == (760, 560)


def test_screenshots_walk_saves_every_page(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    saved: list[list[Path]] = []
    window.save_screenshots(tmp_path, saved.append, settle_ms=50)
    qtbot.waitUntil(lambda: bool(saved), timeout=30_000)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["01-welcome.png", "02-plan.png", "03-names.png", "04-resync.png",
                     "05-reconnect.png", "06-entries.png", "07-summary.png"]
    assert all(p.stat().st_size > 10_000 for p in tmp_path.iterdir())


def test_save_screenshots_on_the_summary_page_goes_through_the_window(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wizard.ui.pages import summary as summary_module

    window = make_window(qtbot)
    _next(qtbot, window)
    _loaded(qtbot, window)
    while window.currentId() != Page.SUMMARY:
        _next(qtbot, window)
    page = window.pages[Page.SUMMARY]
    monkeypatch.setattr(summary_module.QFileDialog, "getExistingDirectory",
                        lambda *_args: str(tmp_path))
    with qtbot.waitSignal(page.screenshots_requested, timeout=1000):
        qtbot.mouseClick(page.save_shots, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved 7 screenshots" in page.report_message.text.text(),
                    timeout=30_000)
    assert len(list(tmp_path.glob("*.png"))) == 7
    assert window.currentId() == Page.SUMMARY  # the walk ends where it was asked for


def _inside_a_control(widget, page) -> bool:  # type: ignore[no-untyped-def]
    parent = widget.parent()
    while parent is not None and parent is not page:
        if isinstance(parent, QLineEdit | QDateEdit | QComboBox | QAbstractItemView):
            return True
        parent = parent.parent()
    return widget.window() is not page.window()  # a popup owned by a control


def test_every_control_has_an_accessible_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    unnamed = []
    for page in window.pages.values():
        for cls in (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QDateEdit):
            for widget in page.findChildren(cls):
                if isinstance(widget, QHeaderView) or _inside_a_control(widget, page):
                    continue  # parts of a named control
                text = widget.text() if isinstance(widget, QAbstractButton) else ""
                if not (widget.accessibleName() or text):
                    unnamed.append(f"{page.objectName()}: {type(widget).__name__}")
    assert unnamed == []


def test_dark_palette_gives_dark_rows(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    old = app.palette()
    app.setPalette(theme.dark_palette())
    try:
        window = make_window(qtbot)
        _next(qtbot, window)
        _loaded(qtbot, window)
        index = window.pages[Page.NAMES].users.find("Olivia Bennett")
        colour = index.data(Qt.ItemDataRole.BackgroundRole)
        assert colour == theme.tag_background(Tag.MATCHED, True)
        assert colour.lightness() < 100
        assert index.data(Qt.ItemDataRole.ForegroundRole).lightness() > 200
    finally:
        app.setPalette(old)


def test_unexpected_exception_in_headless_mode_is_a_log_line(caplog) -> None:  # type: ignore[no-untyped-def]
    errors.set_headless(True)
    try:
        raise ValueError("surprise with key=abcdefabcdefabcdefabcdefabcdefabcdef12")
    except ValueError as exc:
        with caplog.at_level(logging.ERROR, logger="wizard.ui.errors"):
            errors.excepthook(type(exc), exc, exc.__traceback__)
    assert "surprise" in caplog.text
    assert "abcdefabcdefabcdefabcdef" not in caplog.text


def test_summary_saves_the_report_and_copies_the_summary(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    _next(qtbot, window)
    _loaded(qtbot, window)
    summary = window.pages[Page.SUMMARY]
    target = tmp_path / "report.pdf"
    summary.write_report(target)
    qtbot.waitUntil(lambda: running_workers() == 0, timeout=30_000)
    assert summary.last_report == target, summary.report_message.text.text()
    assert target.read_bytes().startswith(b"%PDF")
    summary.on_copy_summary_clicked()
    copied = QApplication.clipboard().text()
    assert "Jon Smith" in copied
    assert re.search(r"[\w.+-]+@[\w-]+\.\w", copied.replace("support@clockify.me", "")) is None


def test_recheck_with_quickbooks_unreachable_fixes_no_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 11: QuickBooks down on the Re-check used to read "1 fixed" on the Resync page."""
    calls: list[int] = []

    def quickbooks_then_down(request: Request, progress: Progress,
                             cancel: CancelToken) -> QuickBooksSide:
        calls.append(1)
        if len(calls) == 1:
            return gather.read_quickbooks(request, progress, cancel)
        return QuickBooksSide(source="demo", problem=SideProblem(
            "QBO_UNREACHABLE", "There was no answer from its servers."))

    window = make_window(qtbot, Readers(quickbooks=quickbooks_then_down))
    _next(qtbot, window)
    _loaded(qtbot, window)
    for _ in range(2):
        _next(qtbot, window)
    page = window.pages[Page.RESYNC]
    assert window.currentId() == Page.RESYNC
    assert "name problems to fix" in page.changes_label.text()
    qtbot.mouseClick(page.loadbar.recheck, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=20_000)
    _loaded(qtbot, window)
    qtbot.waitUntil(lambda: "Since the last check" in page.changes_label.text(), timeout=20_000)
    words = [card.change for card in page.problems.cards]  # each card's change
    assert "fixed" not in words
    assert words == []  # names were not compared at all
    assert "0 problems fixed" in page.changes_label.text()
    assert "Not compared: Users and employees" in page.changes_label.text()
    assert "0 problems fixed" in page.header.verdict.text()
    # the Summary page compares with the stored run the same way
    summary = window.pages[Page.SUMMARY]
    assert window.session.flow.since_last_run is not None
    rows = [(card.change, card.finding.subject) for card in summary.problems.cards]
    assert ("new", "QuickBooks") in rows
    assert not any(word == "fixed" for word, _ in rows)
    assert "Not compared" in summary.changes_label.text()


def test_reconnect_page_says_read_from_exported_files(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 11 / SPEC §3.5: both sides from files are never "connected"."""
    import dataclasses

    def clockify_files(request: Request, progress: Progress, cancel: CancelToken) -> ClockifySide:
        return dataclasses.replace(gather.read_clockify(
            dataclasses.replace(request, clockify="demo"), progress, cancel), source="file")

    def qbo_files(request: Request, progress: Progress, cancel: CancelToken) -> QuickBooksSide:
        return dataclasses.replace(gather.read_quickbooks(
            dataclasses.replace(request, quickbooks="demo"), progress, cancel), source="file")

    window = make_window(qtbot, Readers(clockify=clockify_files, quickbooks=qbo_files),
                         sample=False)
    choices = window.session.flow.choices
    choices.clockify, choices.quickbooks = "file", "file"
    choices.clockify_files, choices.qbo_files = (Path("team.csv"),), (Path("customers.csv"),)
    window.pages[Page.WELCOME].show_choices()
    _next(qtbot, window)
    _loaded(qtbot, window)
    for _ in range(3):
        _next(qtbot, window)
    page = window.pages[Page.RECONNECT]
    assert window.currentId() == Page.RECONNECT
    assert _header_status(window, Page.RECONNECT) == "Status: Info"
    assert page.header.verdict.text() == "Both sides were read from exported files."
    assert "Clockify was read from exported files" in page.problems.text()
    assert "QuickBooks was read from exported files" in page.problems.text()
    qtbot.waitUntil(lambda: "read from exported files" in page.state.text(), timeout=10_000)
    assert "Connected" not in page.problems.text()


def test_a_filled_hidden_page_is_laid_out_ahead_as_it_is_when_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    window = make_window(qtbot)
    _next(qtbot, window)
    _loaded(qtbot, window)
    plan = window.pages[Page.PLAN]
    page = window.pages[Page.RECONNECT]
    qtbot.waitUntil(lambda: page.geometry() == plan.geometry())
    # its word-wrapped labels already have their final width while hidden, so their text is
    # laid out at that width before the page switch, not in it (the header's verdict is
    # refreshed on show, and its width follows its status word)
    ahead = {label: label.width() for label in page.findChildren(QLabel)
             if label.wordWrap() and label.isVisibleTo(page)
             and not page.header.isAncestorOf(label)}
    assert len(ahead) >= 3
    assert max(ahead.values()) > plan.width() // 2
    while window.currentId() != Page.RECONNECT:
        window.next()
    assert page.isVisible()
    assert page.geometry() == plan.geometry()
    assert {label: label.width() for label in ahead} == ahead
