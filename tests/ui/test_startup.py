"""Start-up does only what the first picture needs (issue 7: start ≤ 1.5× a bare window).

Timing lives in benchmarks/bundle_size_start.py; these tests pin the causes instead: at the
first paint only the Welcome page exists, and the keyring, HTTP, Intuit and spreadsheet
libraries (and the other pages' modules) have not been imported yet; the log file is opened just
after it, with the records logged before it.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from tests.ui.conftest import make_window
from wizard.flow import Page

pytestmark = pytest.mark.gui

_PROBE = """
import gc, json, os, sys
before = set(sys.modules)  # a .pth file may import a package's bare name at start-up
from wizard.ui import startup_probe
from wizard.ui.wizard_window import WizardWindow

seen = {}
report = startup_probe._FirstPaintFilter._report
builds = []
build = WizardWindow.build_page

def counting_build(self, page):
    builds.append(page.name)
    return build(self, page)

def noting_report(self):
    seen["modules"] = sorted(m for m in set(sys.modules) - before if m.split(".")[0] in (
        "requests", "keyring", "intuitlib", "openpyxl", "secretstorage", "rapidfuzz")
        or m.startswith("wizard.ui.pages.") or m in ("wizard.core.checks", "wizard.ui.jobs"))
    seen["deferred"] = sorted(m for m in set(sys.modules) - before if m in (
        "logging.handlers", "platformdirs", "wizard.ui.rows", "wizard.sources.gather",
        "wizard.core.model", "wizard.accounts", "wizard.ui.unexpected_dialog",
        "wizard.core.result", "wizard.core.plans", "wizard.redact", "locale", "html",
        "dataclasses", "wizard.ui.workers"))
    seen["log_file_at_paint"] = os.path.exists(os.path.join(os.environ["SYNC_CHECKUP_HOME"],
                                                            "log", "sync-checkup.log"))
    seen["gc_at_paint"] = gc.isenabled()
    seen["built"] = list(builds)
    report(self)

WizardWindow.build_page = counting_build
startup_probe._FirstPaintFilter._report = noting_report
from wizard.__main__ import main  # the start of `python -m wizard` and the frozen app
code = main([])
seen["gc_after"] = gc.isenabled()
print("SEEN " + json.dumps(seen))
"""


def test_first_paint_needs_only_the_welcome_page(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {**os.environ, "SYNC_CHECKUP_EXIT_AFTER_PAINT": "1", "QT_QPA_PLATFORM": "offscreen",
           "SYNC_CHECKUP_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True,
                         text=True, timeout=60, check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("SEEN "))
    seen = json.loads(line[5:])
    assert seen["built"] == ["WELCOME"]
    assert seen["modules"] == ["wizard.ui.pages.base", "wizard.ui.pages.welcome",
                               *(f"wizard.ui.pages.welcome.{part}" for part in (
                                   "clockify_box", "files", "page", "quickbooks_box", "saved",
                                   "sides"))]
    # the rotating log file and its module wait for the paint (platformdirs too, with
    # SYNC_CHECKUP_HOME set as here); the table rows belong to later pages, the data model
    # and the request types to the first check, the account steps to the Welcome page's
    # first job and the error dialog to the first unexpected error; the result types (their
    # dataclasses take a while to build) to the first check: the first page needs only Status;
    # the plans to the first answer about the plan; the secret scrubber (its patterns) to the
    # first record written or problem shown; the language is read without `locale`; `html` is
    # imported only for text that needs escaping; the first page's records are no dataclasses;
    # the workers wait for the first job
    assert seen["deferred"] == []
    assert seen["log_file_at_paint"] is False
    # what was logged before the paint was held, then written once the file opened
    log_text = (tmp_path / "log" / "sync-checkup.log").read_text(encoding="utf-8")
    assert "startup probe armed" in log_text
    # no cyclic garbage collection while the window is built; on again afterwards
    assert seen["gc_at_paint"] is False
    assert seen["gc_after"] is True


def test_pages_are_built_when_first_visited_and_filled(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, prebuild=False)
    assert set(window.pages.built) == {Page.WELCOME}
    qtbot.mouseClick(window.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert window.currentId() == Page.PLAN
    assert set(window.pages.built) == {Page.WELCOME, Page.PLAN}
    qtbot.waitUntil(lambda: window.session.loaded_data is not None and not window.session.busy,
                    timeout=20_000)
    # a page looked up after the check is filled from it at once
    summary = window.pages[Page.SUMMARY]
    assert summary.checks.rowCount() == 5


def test_the_other_pages_are_built_ahead_after_the_first_paint(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample=False)
    qtbot.waitUntil(lambda: len(window.pages.built) == len(Page), timeout=10_000)
    assert window.currentId() == Page.WELCOME
    assert [window.page(p) for p in Page] == [window.pages.built[p] for p in Page]


def test_keyring_lookup_runs_after_the_first_paint(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.INFO, logger="wizard.ui.workers")
    window = make_window(qtbot, sample=False)
    # make_window showed it: the first paint starts the lookup on a worker, which reports back
    qtbot.waitUntil(lambda: "keyring lookup finished" in caplog.text
                    and not window.session._jobs, timeout=20_000)
    assert window.session.flow.choices.clockify_key_stored is False  # the test keyring is empty
    assert window.session.flow.choices.qbo_signed_in is False


def test_files_dropped_on_the_welcome_page_still_reach_it(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the drag-and-drop event classes are no longer imported before the first paint
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    window = make_window(qtbot, sample=False, prebuild=False)
    welcome = window.pages[Page.WELCOME]
    added: list[list[Path]] = []
    welcome.add_files = added.append  # type: ignore[attr-defined]
    export = tmp_path / "customers.csv"
    export.write_text("Name\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(export)), QUrl("https://example.com/x.csv")])
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    welcome.dropEvent(event)
    assert added == [[export]]
    assert event.isAccepted()


def test_the_window_shows_the_app_icon_without_loading_it_again(qtbot) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from PySide6.QtGui import QGuiApplication, QIcon

    from wizard.flow import Flow
    from wizard.resources import resource_path
    from wizard.ui.wizard_window import WizardWindow

    def window() -> WizardWindow:  # never shown: no first paint, so no keyring lookup starts
        built = WizardWindow(Flow(dt.date(2026, 11, 24)), prebuild=False)
        qtbot.addWidget(built, before_close_func=lambda w: w.shutdown())
        return built

    assert not window().windowIcon().isNull()  # its own icon, as tests set no app icon
    app_icon = QIcon(str(resource_path("icons", "app.png")))
    QGuiApplication.setWindowIcon(app_icon)
    try:
        assert window().windowIcon().cacheKey() == app_icon.cacheKey()  # the app's, shared
    finally:
        QGuiApplication.setWindowIcon(QIcon())


_DIRECT_PROBE = """
import json, runpy, sys
before = set(sys.modules)
from wizard.ui import startup_probe
from wizard.ui.wizard_window import WizardWindow

seen = {}
report = startup_probe._FirstPaintFilter._report
made = WizardWindow.__init__

flows = []

def noting_init(self, flow, *args, **kwargs):
    made(self, flow, *args, **kwargs)
    flows.append(flow)

def noting_report(self):
    seen["modules"] = sorted(m for m in set(sys.modules) - before if m in (
        "wizard.cli", "wizard.cli.main", "wizard.cli.common", "wizard.cli.fix",
        "wizard.cli.companies", "wizard.cli.check", "wizard.core.fixes",
        "wizard.storage.companies", "json", "wizard.ui.unexpected_dialog"))
    seen["sample"] = [flow.choices.clockify == "demo" for flow in flows]
    report(self)

WizardWindow.__init__ = noting_init
startup_probe._FirstPaintFilter._report = noting_report
sys.argv = ["sync-checkup", *sys.argv[1:]]
try:
    runpy.run_module("wizard", run_name="__main__")
except SystemExit as stop:
    seen["code"] = stop.code
print("SEEN " + json.dumps(seen))
"""


@pytest.mark.parametrize("args", [[], ["--demo"]])
def test_the_window_opens_without_building_the_command_line(tmp_path, args) -> None:  # type: ignore[no-untyped-def]
    """`python -m wizard` (and the frozen app, through build/entry.py) with no command goes
    straight to the window: not through the command line's package (its parser's subcommands
    import the fix planner and the companies commands, its shared module the JSON output), nor
    the unexpected-error dialog, none of which the first picture needs (issue 15)."""
    env = {**os.environ, "SYNC_CHECKUP_EXIT_AFTER_PAINT": "1", "QT_QPA_PLATFORM": "offscreen",
           "SYNC_CHECKUP_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", _DIRECT_PROBE, *args], env=env,
                         capture_output=True, text=True, timeout=60, check=True).stdout
    seen = json.loads(next(x for x in out.splitlines() if x.startswith("SEEN "))[5:])
    assert seen["code"] == 0
    assert seen["sample"] == [bool(args)]  # one window, on the sample company with --demo
    assert seen["modules"] == []


def test_a_command_still_goes_to_the_command_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {**os.environ, "SYNC_CHECKUP_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "wizard", "--version"], env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0
    assert done.stdout.startswith("Sync Checkup ")
    done = subprocess.run([sys.executable, "-m", "wizard", "--no-such-option"], env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2  # the command line's one sentence, not a window
    assert "--no-such-option" in done.stderr


def test_the_companies_file_looked_for_at_start_is_the_one_saved() -> None:
    from wizard.storage import companies
    from wizard.ui import app

    assert app.COMPANIES_FILE == companies.SETTINGS_FILE
    assert companies.settings_path().name == app.COMPANIES_FILE
