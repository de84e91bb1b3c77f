"""The QWizard shell: pages in the flow's order, Next as the flow allows, size remembered.

Only the Welcome page is built before the window first paints; every other page (and its module)
is built the first time it is needed — when Next leads to it, or when code asks for it through
`window.pages` — so start-up pays for one page, not seven.
"""

from __future__ import annotations

import importlib
import logging
import sys
import weakref
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QWidget, QWizard

from wizard import __version__
from wizard.flow import Flow, Page
from wizard.resources import resource_path
from wizard.text import _
from wizard.ui.first_paint import after_first_paint
from wizard.ui.pages.base import StepPage
from wizard.ui.session import Session, open_settings

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from wizard.core.result import Finding
    from wizard.ui.fix_dialog import FixDialog
    from wizard.ui.jobs import Readers
    from wizard.ui.pages.names import NamesPage
    from wizard.ui.pages.summary import SummaryPage
    from wizard.ui.pages.welcome import WelcomePage

log = logging.getLogger(__name__)

SCREENSHOT_NAMES = {Page.WELCOME: "01-welcome", Page.PLAN: "02-plan", Page.NAMES: "03-names",
                    Page.RESYNC: "04-resync", Page.RECONNECT: "05-reconnect",
                    Page.ENTRIES: "06-entries", Page.SUMMARY: "07-summary"}

# where each page's class lives: imported only when the page is first built
PAGE_CLASSES: dict[Page, tuple[str, str]] = {
    Page.WELCOME: ("wizard.ui.pages.welcome", "WelcomePage"),
    Page.PLAN: ("wizard.ui.pages.plan", "PlanPage"),
    Page.NAMES: ("wizard.ui.pages.names", "NamesPage"),
    Page.RESYNC: ("wizard.ui.pages.resync", "ResyncPage"),
    Page.RECONNECT: ("wizard.ui.pages.reconnect", "ReconnectPage"),
    Page.ENTRIES: ("wizard.ui.pages.entries", "EntriesPage"),
    Page.SUMMARY: ("wizard.ui.pages.summary", "SummaryPage"),
}


class LazyPages(Mapping[Page, StepPage]):
    """The wizard's pages by id; a page not built yet is built (and added) when looked up.

    It holds its window weakly. A strong reference back would put every window in a reference
    cycle, and a window kept only by a cycle is destroyed wherever the cyclic garbage collector
    next runs: often on a worker's thread, which then deletes widgets the GUI thread is painting
    (a segfault) or waits for its own thread pool to finish (a hang). Without the cycle a window
    goes when its last reference does, on the thread that drops it; drop it only once it has
    been shut down and closed and its pending events handled (the app at exit, the tests at
    teardown), since Qt deletes it there and then.
    """

    def __init__(self, window: WizardWindow) -> None:
        self._window = weakref.ref(window)
        self.built: dict[Page, StepPage] = {}

    def __getitem__(self, page: Page) -> StepPage:
        built = self.built.get(page)
        if built is None:
            window = self._window()
            if window is None:  # only a page built before the window went can be looked up
                raise KeyError(page)
            built = window.build_page(Page(page))
        return built

    def __iter__(self) -> Iterator[Page]:
        return iter(Page)

    def __len__(self) -> int:
        return len(Page)


class WizardWindow(QWizard):
    PREBUILD_GAP_MS = 60  # idle time between two pages built ahead

    def __init__(self, flow: Flow, readers: Readers | None = None, record_history: bool = True,
                 parent: QWidget | None = None, prebuild: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Sync Checkup {version} — Clockify to QuickBooks").format(
            version=__version__))
        self.setAccessibleName("Sync Checkup")  # the product's name
        icon = resource_path("icons", "app.png")
        # the window shows the application's icon when it has one (run_app sets the same file):
        # loading the large PNG a second time would only delay the first paint
        if QGuiApplication.windowIcon().isNull() and icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        # Qt's own button words, from the catalogue like every other word
        for button, text in ((QWizard.WizardButton.BackButton, _("< &Back")),
                             (QWizard.WizardButton.NextButton, _("&Next >")),
                             (QWizard.WizardButton.CommitButton, _("Co&mmit")),
                             (QWizard.WizardButton.CancelButton, _("Cancel")),
                             (QWizard.WizardButton.HelpButton, _("&Help")),
                             (QWizard.WizardButton.FinishButton, _("Close"))):
            self.setButtonText(button, text)
        self.session = Session(flow, readers, record_history, self)
        self.pages = LazyPages(self)
        welcome = self.build_page(Page.WELCOME)
        self.setStartId(Page.WELCOME)
        if prebuild:
            # while the bookkeeper reads the Welcome page, build the others one at a time, so
            # Next later only switches pages instead of importing and building one; and read
            # back any fix an earlier run left unanswered
            after_first_paint(welcome, self.on_first_paint)
        self.resize(1180, 820)
        geometry = open_settings().value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def build_page(self, page: Page) -> StepPage:
        """Import and build one page, add it to the wizard, and fill it from the shown check."""
        module, name = PAGE_CLASSES[page]
        widget: StepPage = getattr(importlib.import_module(module), name)(self.session)
        self.pages.built[page] = widget
        self.setPage(page, widget)
        # pages emit, the window routes: no page calls another page
        fix_requested = getattr(widget, "fix_requested", None)
        if fix_requested is not None:
            fix_requested.connect(self.open_fix_plan)
        sign_in_requested = getattr(widget, "sign_in_requested", None)
        if sign_in_requested is not None:
            sign_in_requested.connect(self.on_sign_in_requested)
        screenshots_requested = getattr(widget, "screenshots_requested", None)
        if screenshots_requested is not None:
            screenshots_requested.connect(self.on_screenshots_requested)
        loaded = self.session.loaded_data
        if loaded is not None:  # a page built after the check finished
            widget.on_session_loaded(loaded)
        log.debug("built the %s page", page.name.lower())
        return widget

    def prebuild_next_page(self) -> None:
        """Build one page not built yet, then come back after a pause; waits while a check
        runs (the worker needs the GIL then) and stops once the window has closed."""
        if self.session.closed:
            return
        missing = [page for page in Page if page not in self.pages.built]
        if not missing:
            return
        if not self.session.busy:
            if "wizard.ui.jobs" not in sys.modules:
                # the check's module loads the whole engine: load it while idle, not on Next
                importlib.import_module("wizard.ui.jobs")
            else:
                self.build_page(missing[0])
        QTimer.singleShot(self.PREBUILD_GAP_MS, self, self.prebuild_next_page)

    def validateCurrentPage(self) -> bool:
        """QWizard.next() asks this before it moves on: the page it moves to must exist by then."""
        if not super().validateCurrentPage():
            return False
        following = self.nextId()
        if following >= 0 and Page(following) not in self.pages.built:
            self.build_page(Page(following))
        return True

    def nextId(self) -> int:
        current = self.currentId()
        if current < 0:
            return int(Page.WELCOME)
        following = self.session.flow.next_page(Page(current))
        return -1 if following is None else int(following)

    def go_to(self, page: Page) -> None:
        """Go back to an earlier page, the way Back does (each page left is cleaned up)."""
        while self.currentId() > page:
            self.back()

    @property
    def welcome(self) -> WelcomePage:
        return cast("WelcomePage", self.pages[Page.WELCOME])

    def on_sign_in_requested(self) -> None:
        """"Reconnect" on a later page: sign in with Intuit again, from the Welcome page."""
        self.go_to(Page.WELCOME)
        self.welcome.sign_in_again()

    def on_screenshots_requested(self, folder: Path) -> None:
        """"Save screenshots…" on the Summary page: every page into `folder`, then back there."""
        summary = cast("SummaryPage", self.pages[Page.SUMMARY])
        self.save_screenshots(folder, summary.on_screenshots_saved)

    def on_first_paint(self) -> None:
        self.resolve_interrupted_fixes()
        self.prebuild_next_page()

    def resolve_interrupted_fixes(self) -> None:
        """A change an earlier run sent without an answer is read back now (SPEC §8.2)."""
        from wizard.ui.fix_history import resolve_at_start
        resolve_at_start(self.session, self.on_fixes_resolved)

    def on_fixes_resolved(self, sentences: list[str]) -> None:
        from wizard.ui import fix_history
        fix_history.RESOLVED[:] = sentences
        for sentence in sentences:
            log.info("fix journal: %s", sentence)

    def open_fix_plan(self, finding: Finding | None = None) -> FixDialog | None:
        """"Fix for me…": the whole plan (None) or the plan for one problem, in a dialog."""
        loaded = self.session.loaded_data
        if loaded is None:
            return None
        from wizard.core.fixes import only
        from wizard.ui.fix_dialog import FixDialog

        plan = loaded.plan if finding is None else only(loaded.plan, finding.key)
        dialog = FixDialog(self.session, plan, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.fix_dialog = dialog
        dialog.open()
        return dialog

    def page_widget(self, page: Page) -> StepPage:
        return self.pages[page]

    def save_geometry(self) -> None:
        settings = open_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.sync()

    def shutdown(self) -> None:
        """Remember the size, stop every worker."""
        self.save_geometry()
        if not self.session.shutdown():
            log.warning("some background work didn't stop in time")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.shutdown()
        super().done(result)

    # --- screenshots ------------------------------------------------------------------------------

    def save_screenshots(self, folder: Path, then: Callable[[list[Path]], None],
                         settle_ms: int = 250) -> None:
        """Walk from the first page to the last, saving a PNG of each (SCREENSHOT_NAMES)."""
        folder.mkdir(parents=True, exist_ok=True)
        self.go_to(Page.WELCOME)
        saved: list[Path] = []

        def shoot() -> None:
            if self.session.busy:
                QTimer.singleShot(100, shoot)
                return
            page = Page(self.currentId())
            if page is Page.NAMES:
                cast("NamesPage", self.pages[Page.NAMES]).select("Jon Smith")
            target = folder / f"{SCREENSHOT_NAMES[page]}.png"
            if not self.grab().save(str(target)):
                log.warning("could not save %s", target.name)
            saved.append(target)
            if page is Page.SUMMARY:
                then(saved)
                return
            if not self.session.flow.can_leave(page) and page is not Page.WELCOME:
                log.warning("screenshots stopped at %s: %s", page.name,
                            self.session.flow.blocked(page))
                then(saved)
                return
            self.next()
            QTimer.singleShot(settle_ms, shoot)

        QTimer.singleShot(settle_ms, shoot)
