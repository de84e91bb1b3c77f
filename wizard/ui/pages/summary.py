"""Page 7: every check with its status, what changed since the last run, and the report."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from wizard.core.result import Status
from wizard.flow import Page
from wizard.sources.progress import CancelToken, Progress
from wizard.storage import paths
from wizard.text import _, _n
from wizard.text.changes import first_run_html, since_last_run_html
from wizard.text.checks import check_titles
from wizard.text.findings import SUPPORT_EMAIL
from wizard.ui.jobs import Loaded
from wizard.ui.models import CheckColumn, ChecksModel
from wizard.ui.pages.base import StepPage, explanation
from wizard.ui.problem_cards import ProblemList, change_rows
from wizard.ui.session import Session
from wizard.ui.tables import fit_columns, read_only_table
from wizard.ui.widgets import InlineMessage

log = logging.getLogger(__name__)


class SummaryPage(StepPage):
    """Signals:
        fix_requested(object): "Fix for me…" was clicked: None for the whole plan (the page's
            button), a Finding for that one problem (a card's button). The window routes it.
        screenshots_requested(object): "Save screenshots…" with the folder (a Path) chosen;
            the window walks its pages and calls `on_screenshots_saved`.
    """

    fix_requested = Signal(object)
    screenshots_requested = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, Page.SUMMARY, parent)
        self.body.addWidget(explanation(
            _("Every check at a glance. Save the report and send it to Clockify support "
              "({email}) if time still doesn't sync after the fixes: it holds no passwords, keys "
              "or e-mail addresses.").format(email=SUPPORT_EMAIL), self))
        self.checks = ChecksModel(self)
        self.checks_view = read_only_table(self.checks, _("Every check with its status"), self,
                                           row_padding=10, stretch=CheckColumn.SUMMARY,
                                           height_in_rows=6)
        self.body.addWidget(self.checks_view)
        self.changes_label = QLabel(self)
        self.changes_label.setWordWrap(True)
        self.body.addWidget(self.changes_label)
        self.problems = ProblemList(_("What changed since the last run, and what is left to fix"),
                                    _("Nothing to fix: every check that ran passed."), self)
        self.problems.fix_requested.connect(self.fix_requested)
        self.body.addWidget(self.problems, 1)

        self.save_report = QPushButton(_("Save report (PDF)…"), self)
        self.save_report.setAccessibleName(_("Save the support report as a PDF file"))
        self.save_shots = QPushButton(_("Save screenshots…"), self)
        self.save_shots.setAccessibleName(_("Save a picture of every page into a folder"))
        self.copy_summary = QPushButton(_("Copy summary"), self)
        self.copy_summary.setAccessibleName(_("Copy a text summary to the clipboard"))
        self.email = QPushButton(_("Email support"), self)
        self.email.setAccessibleName(_("Email support: a prefilled message to {email}").format(
            email=SUPPORT_EMAIL))
        self.save_report.clicked.connect(self.on_save_report_clicked)
        self.save_shots.clicked.connect(self.on_save_shots_clicked)
        self.copy_summary.clicked.connect(self.on_copy_summary_clicked)
        self.email.clicked.connect(self.on_email_clicked)
        self.fix = QPushButton(_("Fix for me…"), self)
        self.fix.setAccessibleName(_("Fix for me: see the changes that would fix these problems"))
        self.fix.clicked.connect(self.on_fix_clicked)
        self.save_company = QPushButton(_("Save as a company…"), self)
        self.save_company.setAccessibleName(_("Save this workspace and QuickBooks company as a "
                                              "company for the All companies page"))
        self.save_company.clicked.connect(self.on_save_company_clicked)
        self.save_company.setVisible(False)
        row = QHBoxLayout()
        for b in (self.fix, self.save_report, self.save_shots, self.copy_summary, self.email,
                  self.save_company):
            row.addWidget(b)
        row.addStretch(1)
        self.body.addLayout(row)
        self.report_message = InlineMessage(self)
        self.body.addWidget(self.report_message)
        self.last_report: Path | None = None

    def show_loaded(self, loaded: Loaded) -> None:
        self.checks.set_checks(loaded.result.checks)
        fit_columns(self.checks_view, (CheckColumn.STATUS, CheckColumn.CHECK),
                    icon_columns=(CheckColumn.STATUS,))
        changes = self.session.flow.since_last_run
        if changes is None:
            todo = [f for f in loaded.result.findings if f.status.is_problem]
            self.problems.set_rows([("to fix", f) for f in todo], loaded.result,
                                  loaded.plan)
            self.changes_label.setText(first_run_html(len(todo)))
        else:
            self.problems.set_rows(change_rows(changes), loaded.result, loaded.plan)
            self.changes_label.setText(since_last_run_html(
                f"{changes.previous_at.astimezone():%Y-%m-%d %H:%M}", *changes.counts,
                check_titles(changes.not_compared)))
        sources = loaded.result.sources
        self.save_company.setVisible(
            sources.get("clockify") == "api" and sources.get("quickbooks") == "api"
            and self.session.flow.choices.company is None)

    def on_save_company_clicked(self) -> None:
        loaded = self._loaded()
        if loaded is None:
            return
        from PySide6.QtWidgets import QInputDialog

        from wizard.text.companies import message

        dialog = QInputDialog(self)
        dialog.setWindowTitle(_("Save as a company"))
        dialog.setLabelText(message("save_as_prompt"))
        dialog.setTextValue(loaded.result.facts.get("company", ""))
        dialog.textValueSelected.connect(self.save_as_company)
        self.company_dialog = dialog
        dialog.open()

    def save_as_company(self, name: str) -> None:
        """Keep this live connection as a saved company (SPEC §9), on a worker."""
        loaded = self._loaded()
        if loaded is None:
            return
        result = loaded.result
        from wizard.text.companies import message

        def job(progress: Progress, cancel: CancelToken) -> object:
            del progress, cancel
            from wizard.company_checks import save_current
            return save_current(name, result)

        def finished(company: object) -> None:
            self.report_message.show_message(
                Status.PASS, message("saved_as", name=getattr(company, "name", name)))
            self.save_company.setVisible(False)

        def failed(sentence: str, details: str) -> None:
            self.report_message.show_message(Status.FAIL, sentence, details)

        self.session.run_job(job, "save company", finished, failed)

    def on_fix_clicked(self) -> None:
        if self._loaded() is not None:
            self.fix_requested.emit(None)

    # --- the buttons ------------------------------------------------------------------------

    def _loaded(self) -> Loaded | None:
        loaded = self.session.loaded_data
        if loaded is None:
            self.report_message.show_message(Status.WARN, _("Run the check first."))
        return loaded

    def default_report_path(self) -> Path:
        loaded = self.session.loaded_data
        day = loaded.result.generated_at.astimezone().date() if loaded else dt.date.today()
        return paths.reports_dir() / f"sync-checkup-report-{day.isoformat()}.pdf"

    def on_save_report_clicked(self) -> None:
        if self._loaded() is None:
            return
        name, _filter = QFileDialog.getSaveFileName(self, _("Save the support report"),
                                              str(self.default_report_path()),
                                              _("PDF report (*.pdf);;Web page (*.html)"))
        if name:
            self.write_report(Path(name))

    def write_report(self, path: Path, then: Callable[[Path], None] | None = None) -> None:
        loaded = self._loaded()
        if loaded is None:
            return

        def job(progress: Progress, cancel: CancelToken) -> Path:
            del progress, cancel
            from wizard.report import write_report
            return write_report(loaded.result, path, loaded.comparison)

        def finished(saved: Path) -> None:
            self.last_report = saved
            self.report_message.show_message(Status.PASS, _("Report saved: {path}").format(
                path=saved))
            if then is not None:
                then(saved)

        def failed(message: str, details: str) -> None:
            self.report_message.show_message(Status.FAIL, message, details)

        self.report_message.show_message(Status.NOT_CHECKED, _("Saving the report…"))
        self.session.run_job(job, "write report", finished, failed)

    def on_save_shots_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Save screenshots into this folder"),
                                                  str(paths.reports_dir()))
        if folder:
            self.screenshots_requested.emit(Path(folder))

    def on_screenshots_saved(self, files: list[Path]) -> None:
        folder = files[0].parent if files else ""
        self.report_message.show_message(Status.PASS, _n(
            "Saved {count} screenshot in {folder}", "Saved {count} screenshots in {folder}",
            len(files)).format(count=len(files), folder=folder))

    def summary_text(self) -> str:
        loaded = self.session.loaded_data
        if loaded is None:
            return ""
        from wizard.report import summary_text

        return summary_text(loaded.result, loaded.comparison)

    def on_copy_summary_clicked(self) -> None:
        if self._loaded() is None:
            return
        QGuiApplication.clipboard().setText(self.summary_text())
        self.report_message.show_message(Status.PASS, _("Summary copied: paste it into an e-mail "
                                                        "or a chat with support."))

    def on_email_clicked(self) -> None:
        loaded = self._loaded()
        if loaded is None:
            return
        from wizard.report import mailto_url

        url = mailto_url(loaded.result, loaded.comparison)

        def open_mail(report: Path) -> None:
            QDesktopServices.openUrl(QUrl(url))
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(report.parent)))
            self.report_message.show_message(
                Status.INFO, _("A message to {email} is open in your e-mail app. Attach the "
                               "report from the folder that opened: {name}").format(
                    email=SUPPORT_EMAIL, name=report.name))

        if self.last_report is not None and self.last_report.exists():
            open_mail(self.last_report)
        else:
            self.write_report(self.default_report_path(), then=open_mail)
