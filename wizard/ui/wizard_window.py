"""The QWizard shell: pages in the flow's order, Next as the flow allows, size remembered."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import QWidget, QWizard

from wizard import __version__
from wizard.flow import Flow, Page
from wizard.resources import resource_path
from wizard.ui.jobs import Readers
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.entries import EntriesPage
from wizard.ui.pages.names import NamesPage
from wizard.ui.pages.plan import PlanPage
from wizard.ui.pages.reconnect import ReconnectPage
from wizard.ui.pages.resync import ResyncPage
from wizard.ui.pages.summary import SummaryPage
from wizard.ui.pages.welcome import WelcomePage
from wizard.ui.session import Session, open_settings

log = logging.getLogger(__name__)

SCREENSHOT_NAMES = {Page.WELCOME: "01-welcome", Page.PLAN: "02-plan", Page.NAMES: "03-names",
                    Page.RESYNC: "04-resync", Page.RECONNECT: "05-reconnect",
                    Page.ENTRIES: "06-entries", Page.SUMMARY: "07-summary"}


class WizardWindow(QWizard):
    def __init__(self, flow: Flow, readers: Readers | None = None, record_history: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Sync Checkup {__version__} — Clockify to QuickBooks")
        self.setAccessibleName("Sync Checkup")
        icon = resource_path("icons", "app.png")
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, "Close")
        self.session = Session(flow, readers, record_history, self)
        self.pages: dict[Page, StepPage] = {
            Page.WELCOME: WelcomePage(self.session), Page.PLAN: PlanPage(self.session),
            Page.NAMES: NamesPage(self.session), Page.RESYNC: ResyncPage(self.session),
            Page.RECONNECT: ReconnectPage(self.session), Page.ENTRIES: EntriesPage(self.session),
            Page.SUMMARY: SummaryPage(self.session)}
        for page_id, page in self.pages.items():
            self.setPage(page_id, page)
        self.setStartId(Page.WELCOME)
        self.resize(1180, 820)
        geometry = open_settings().value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def nextId(self) -> int:
        current = self.currentId()
        if current < 0:
            return int(Page.WELCOME)
        following = self.session.flow.next_page(Page(current))
        return -1 if following is None else int(following)

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
        while self.currentId() > Page.WELCOME:
            self.back()
        saved: list[Path] = []

        def shoot() -> None:
            if self.session.busy:
                QTimer.singleShot(100, shoot)
                return
            page = Page(self.currentId())
            if page is Page.NAMES:
                self.pages[Page.NAMES].select("Jon Smith")  # type: ignore[attr-defined]
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
