"""The All companies page (SPEC §9) driven through its buttons, against the loopback fakes and the
real keyring: Check all fills each row (status icon and word per check, problems, changes), a
company whose sign-in expired says so while the others run, Open names the company, Remove asks
first and takes the secrets with it. Saves docs/screenshots/08-all-companies.png."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path

import keyring.backend
import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.fakes.quickbooks_server import FakeQuickBooks, company_info
from tests.test_companies_cli import (  # the same firm as the command-line tests
    Firm,
    _add_both,
    _stored,
    firm,  # noqa: F401 (a fixture)
)
from wizard.storage import companies
from wizard.ui.companies_page import Column, CompaniesPage

SAVE_SCREENSHOTS_ENV = "SAVE_PAGE_SCREENSHOTS"  # not SYNC_CHECKUP_: the home fixture clears those
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
REALM_C = "9130350000000033"
TOKEN_C = "access-C-" + "w" * 30


@pytest.fixture
def three(firm: Firm, real_keyring: keyring.backend.KeyringBackend,  # noqa: F811
          monkeypatch: pytest.MonkeyPatch,
          capsys: pytest.CaptureFixture[str]) -> Iterator[Firm]:
    """North (many problems), South (healthy), West (its QuickBooks sign-in has expired)."""
    del real_keyring
    _add_both(monkeypatch, firm, capsys)
    north = companies.find("North")
    with FakeQuickBooks(realm=REALM_C, tokens=set()) as qbo_c:
        qbo_c.company = company_info(name="West Books LLC")
        west = dataclasses.replace(north, name="West", id=companies.new_id(), realm_id=REALM_C,
                                   qbo_company_name="West Books LLC", qbo_api_url=qbo_c.url,
                                   added_at="")
        companies.add(west, companies.clockify_key(north) or "", None, TOKEN_C, None)
        yield firm


def _check_all(qtbot: QtBot, page: CompaniesPage) -> None:
    qtbot.mouseClick(page.check_all_button, _left())
    assert page.worker is not None
    assert page.cancel_button.isEnabled()
    assert not page.check_all_button.isEnabled()
    with qtbot.waitSignal(page.worker.signals.done, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: page.worker is None)


def _left():
    from PySide6.QtCore import Qt
    return Qt.MouseButton.LeftButton


def _cell(page: CompaniesPage, row: int, column: Column) -> str:
    item = page.table.item(row, column)
    return item.text() if item is not None else ""


def test_check_all_fills_each_row_and_the_expired_one_says_so(
        qtbot: QtBot, three: Firm) -> None:
    del three
    page = CompaniesPage()
    qtbot.addWidget(page)
    page.resize(1400, 420)
    page.show()
    assert [_cell(page, r, Column.NAME) for r in range(3)] == ["North", "South", "West"]
    assert _cell(page, 2, Column.LAST_CHECKED) == "Never checked"
    _check_all(qtbot, page)
    assert page.status.text() == "Every company was checked."
    rows = {_cell(page, r, Column.NAME): r for r in range(3)}
    north, south, west = rows["North"], rows["South"], rows["West"]
    assert _cell(page, north, Column.USERS) == "Problem"  # one word per status (SPEC §11)
    assert _cell(page, south, Column.USERS) == "OK"
    assert not page.table.item(south, Column.USERS).icon().isNull()  # icon and word
    assert _cell(page, west, Column.CONNECTION) == "Problem"
    assert _cell(page, west, Column.USERS) == "Not checked"
    assert _cell(page, north, Column.CONNECTION) == "OK"
    problems = {name: int(_cell(page, r, Column.PROBLEMS).split()[0]) for name, r in rows.items()}
    assert problems["South"] < problems["North"]
    assert _cell(page, west, Column.CHANGES) == "First run of this company."
    assert "fixed" in _cell(page, north, Column.CHANGES)  # compared with the run `add` made
    assert _cell(page, north, Column.LAST_CHECKED) != "Never checked"
    page.table.clearSelection()
    shot = page.grab()
    assert shot.width() >= 1400
    if os.environ.get(SAVE_SCREENSHOTS_ENV) == "1":  # docs/screenshots, on request
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        assert shot.save(str(SCREENSHOTS / "08-all-companies.png"))


def test_cancel_stops_check_all(qtbot: QtBot, three: Firm) -> None:
    three.clockify.latency = 0.05
    page = CompaniesPage()
    qtbot.addWidget(page)
    qtbot.mouseClick(page.check_all_button, _left())
    assert page.worker is not None
    done = page.worker.signals.done
    qtbot.mouseClick(page.cancel_button, _left())
    with qtbot.waitSignal(done, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: page.worker is None)
    assert page.status.text().startswith("Cancelled")
    assert page.check_all_button.isEnabled()


def test_open_names_the_selected_company(qtbot: QtBot, three: Firm) -> None:
    del three
    page = CompaniesPage()
    qtbot.addWidget(page)
    assert not page.open_button.isEnabled()
    page.table.selectRow(1)
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.mouseClick(page.open_button, _left())
    assert opened.args[0].name == "South"


def test_remove_asks_then_takes_secrets_and_history(
        qtbot: QtBot, three: Firm, real_keyring: keyring.backend.KeyringBackend) -> None:
    del three
    page = CompaniesPage()
    qtbot.addWidget(page)
    page.table.selectRow(2)  # West
    qtbot.mouseClick(page.remove_button, _left())
    box = page.confirm_box
    assert "West" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert page.table.rowCount() == 3
    page.table.selectRow(2)
    qtbot.mouseClick(page.remove_button, _left())
    box = page.confirm_box
    remove = next(b for b in box.buttons() if b.text() == "Remove")
    remove.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 2)
    assert [c.name for c in companies.load()] == ["North", "South"]
    assert not any(REALM_C in name for name in _stored(real_keyring))


def test_open_runs_the_seven_pages_on_that_company(qtbot: QtBot, three: Firm) -> None:
    import datetime as dt

    from wizard.flow import Page
    from wizard.storage import history
    from wizard.ui.app import CompaniesHome

    del three
    home = CompaniesHome(dt.date(2026, 11, 24))
    qtbot.addWidget(home.page)
    south = companies.find("South")
    runs_before = len(history.load_all(companies.history_folder(south)))
    window = home.on_page_open_requested(south)
    qtbot.addWidget(window)
    assert window.currentId() == Page.PLAN
    assert "South" in window.windowTitle()
    qtbot.waitUntil(lambda: window.session.loaded_data is not None, timeout=60_000)
    result = window.session.loaded_data.result
    assert result.facts["workspace"] == "Studio South"
    assert result.facts["company"] == "South Books LLC"
    assert len(history.load_all(companies.history_folder(south))) == runs_before + 1
    home.shutdown()


def test_check_all_runs_two_at_a_time_never_two_on_one_workspace(three: Firm) -> None:
    """West reads North's workspace: the two never run together; at most two run at once."""
    import threading

    from wizard.company_checks import check_all

    del three
    lock = threading.Lock()
    running: set[str] = set()
    seen_together: list[frozenset[str]] = []

    def on_progress(company: companies.Company, text: str, done: int, total: int) -> None:
        del text, done, total
        with lock:
            running.add(company.name)
            seen_together.append(frozenset(running))

    def on_done(company: companies.Company, run: object) -> None:
        assert run is not None
        with lock:
            running.discard(company.name)

    runs = check_all(companies.load(), on_progress=on_progress, on_done=on_done)
    assert [r.company.name for r in runs] == ["North", "South", "West"]
    assert max(len(s) for s in seen_together) <= 2
    assert not any({"North", "West"} <= s for s in seen_together)
