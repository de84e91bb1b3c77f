"""Starting the wizard: the application object, theme, logging, error handler, the window."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from wizard import __version__, logs
from wizard.flow import Flow, Page, today_for
from wizard.resources import resource_path
from wizard.text import _
from wizard.ui import errors, qtlog, startup_probe, theme
from wizard.ui.first_paint import after_first_paint
from wizard.ui.wizard_window import WizardWindow

log = logging.getLogger(__name__)

DARK_ENV = "SYNC_CHECKUP_DARK"  # "1" forces the dark palette (support, screenshots)


def make_app() -> QApplication:
    # The GUI thread gives up the GIL on many Qt calls and then waits for a worker to hand it
    # back; a shorter switch interval keeps those waits (and so repaint gaps) short.
    sys.setswitchinterval(0.001)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
        app.setStyle("Fusion")
    else:
        # Qt's own -style option: setStyle("Fusion") from Python would make PySide build the
        # Python side of QStyle (a dozen large enums) before the first paint, for nothing
        app = QApplication([*sys.argv[:1], "-style", "Fusion"])
    app.setApplicationName("Sync Checkup")
    app.setOrganizationName("SyncCheckup")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.png"))))
    hints = app.styleHints()
    if os.environ.get(DARK_ENV) == "1" or hints.colorScheme() is Qt.ColorScheme.Dark:
        app.setPalette(theme.dark_palette())
    return app


def run_app(demo: bool = False, screenshots: Path | None = None) -> int:
    """Open the wizard; with `screenshots`, walk every page, save PNGs there and quit."""
    logs.hold()  # the log file opens after the first paint (open_log_file); records wait
    if screenshots is not None and sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # pictures need no screen
    app = make_app()
    startup_probe.install(app)  # only with SYNC_CHECKUP_EXIT_AFTER_PAINT=1 (the start-up benchmark)
    qtlog.install()
    errors.install(headless=screenshots is not None)
    if screenshots is not None:
        demo = True
    home: CompaniesHome | None = None
    if not demo and screenshots is None and saved_companies_count() >= 2:
        home = CompaniesHome(today_for(demo))  # SPEC §9: opens on All companies
        after_first_paint(home.page, _after_first_paint)
        startup_probe.watch(home.page)
        home.page.show()
        try:
            code = app.exec()
            home.shutdown()
        finally:
            open_log_file()
        return code
    flow = Flow(today_for(demo))
    window = WizardWindow(flow)
    if demo:
        flow.choices.use_sample()
        window.welcome.show_choices()
    after_first_paint(window, _after_first_paint)
    startup_probe.watch(window)
    window.show()
    if screenshots is not None:
        def finished(files: list[Path]) -> None:
            log.info("saved %d screenshots in %s", len(files), screenshots)
            app.exit(0 if len(files) == len(Page) else 1)

        window.save_screenshots(Path(screenshots), finished)
    try:
        code = app.exec()
        window.shutdown()
    finally:
        open_log_file()  # closed before its first paint: the held records still reach the file
    return code


def open_log_file() -> None:
    with contextlib.suppress(OSError):  # a read-only home must not stop the app
        logs.setup()


def _after_first_paint() -> None:
    """What start-up put off until the window showed: the log file, and the cyclic garbage
    collector (wizard.ui.start.open_window pauses it while the window is built)."""
    gc.enable()
    open_log_file()


# wizard.storage.companies.SETTINGS_FILE (a test holds the two equal): looked for here without
# importing that module and the hashing library it loads, as most starts have no such file
COMPANIES_FILE = "companies.json"


def saved_companies_count() -> int:
    """How many companies are saved (0 when the list can't be read: the wizard opens as usual)."""
    try:
        from wizard.storage import paths
        if not (paths.config_dir() / COMPANIES_FILE).exists():
            return 0
        from wizard.storage import companies
        return len(companies.load())
    except Exception:  # a broken companies file must not stop the window from opening
        log.warning("the saved companies could not be read", exc_info=True)
        return 0


class CompaniesHome:
    """The All companies page as the window the app opens on, and the wizards it opens."""

    def __init__(self, today: dt.date) -> None:
        from wizard.ui.companies_page import CompaniesPage

        self.today = today
        self.page = CompaniesPage()
        self.page.setWindowTitle(_("Sync Checkup {version} — All companies").format(
            version=__version__))
        self.page.resize(1280, 560)
        self.page.open_requested.connect(self.on_page_open_requested)
        self.page.add_requested.connect(self.on_page_add_requested)
        self.windows: list[WizardWindow] = []

    def on_page_open_requested(self, company: object) -> WizardWindow:
        flow = Flow(self.today)
        flow.choices.open_company(company)  # type: ignore[arg-type]
        window = WizardWindow(flow)
        name = getattr(company, "name", "")
        window.setWindowTitle(f"Sync Checkup {__version__} — {name}")
        window.pages[Page.PLAN]  # built now, so the wizard can start on it
        window.setStartId(Page.PLAN)
        window.restart()
        window.session.recheck()
        window.show()
        self.windows.append(window)
        return window

    def on_page_add_requested(self) -> WizardWindow:
        window = WizardWindow(Flow(self.today))
        window.show()
        window.finished.connect(lambda _code: self.page.reload())
        self.windows.append(window)
        return window

    def shutdown(self) -> None:
        self.page.shutdown()
        for window in self.windows:
            window.shutdown()
