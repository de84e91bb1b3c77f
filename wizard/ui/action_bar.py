"""What a person can do right where a problem is shown (SPEC §5 "Acting on a problem"):
copy the exact name to type, open the record's page in QuickBooks or Clockify, or have it
fixed. Used in every problem card and in the Names page's detail pane."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget

from wizard.core.fixes import Plan, actions_for, manual_for
from wizard.core.links import name_to_type
from wizard.core.result import Finding, RunResult
from wizard.text import _, _n
from wizard.text.fixes import MANUAL_WHY


def open_web_page(url: str) -> bool:
    """Hand a record's page to the browser (the one place the wizard opens a web page, so a
    test can catch the address through `QDesktopServices.setUrlHandler`)."""
    return QDesktopServices.openUrl(QUrl(url))


def fixability(plan: Plan | None, finding: Finding | None) -> tuple[bool, str]:
    """Whether "Fix for me…" can fix this finding, and the sentence for the button's tip."""
    if plan is None or finding is None:
        return False, ""
    actions = actions_for(plan, finding.key)
    if actions:
        return True, _n("Shows the change that fixes it, and makes it only when you confirm.",
                        "Shows the {count} changes that fix it, and makes them only when you "
                        "confirm.", len(actions)).format(count=len(actions))
    manual = manual_for(plan, finding.key)
    if manual is not None and manual.why in MANUAL_WHY:
        return False, _(MANUAL_WHY[manual.why])
    return False, ""


def side_why(system: str, source: str | None, has_problem: bool) -> str:
    """Why a side's button is off, as a whole sentence."""
    if source == "file":
        return (_("QuickBooks was read from exported files: there is no web page to open.")
                if system == "quickbooks" else
                _("Clockify was read from exported files: there is no web page to open."))
    if source == "demo":
        return _("The sample company has no web pages to open.")
    if source is None or has_problem:
        return (_("QuickBooks was not read in this check.") if system == "quickbooks"
                else _("Clockify was not read in this check."))
    return (_("QuickBooks has no page for this problem: the record is not in QuickBooks yet.")
            if system == "quickbooks" else _("Clockify has no page for this problem."))


def _point(button: QPushButton, url: str | None, name: str, opens: str, why_not: str) -> None:
    """An "Open in …" button: enabled with where it opens when there is a page, else disabled
    with the reason there is none."""
    button.setEnabled(bool(url))
    button.setAccessibleName(name)
    button.setToolTip(opens if url else why_not)


class ActionBar(QWidget):
    """Copy name, Open in QuickBooks, Open in Clockify, Fix for me… — in that order.

    Signals:
        fix_requested(object): the Finding the person wants fixed for them.
        copied(str): the name just put on the clipboard.
    """

    fix_requested = Signal(object)
    copied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.copy_name = QPushButton(_("Copy name"), self)
        self.open_quickbooks = QPushButton(_("Open in QuickBooks"), self)
        self.open_clockify = QPushButton(_("Open in Clockify"), self)
        self.fix = QPushButton(_("Fix for me…"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in self.buttons:
            button.setAutoDefault(False)  # Enter still means Next
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            layout.addWidget(button)
        layout.addStretch(1)
        self.copy_name.clicked.connect(self.on_copy_name_clicked)
        self.open_quickbooks.clicked.connect(self.on_open_quickbooks_clicked)
        self.open_clockify.clicked.connect(self.on_open_clockify_clicked)
        self.fix.clicked.connect(self.on_fix_clicked)
        self.finding: Finding | None = None
        self.name: str | None = None
        self.show_for(None)

    @property
    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.copy_name, self.open_quickbooks, self.open_clockify, self.fix)

    def show_for(self, finding: Finding | None, fixable: bool = False, fix_why: str = "", *,
                 result: RunResult | None = None) -> None:
        """Point the buttons at this finding; `result` tells where its sides came from."""
        self.finding = finding
        typed = name_to_type(finding) if finding is not None else None
        self.name = typed[0] if typed else None
        subject = finding.subject if finding is not None else ""
        links = finding.links if finding is not None else None
        sources = result.sources if result is not None else {}
        company = result.facts.get("company") if result is not None else None
        workspace = result.facts.get("workspace") if result is not None else None

        if self.name:
            self.copy_name.setEnabled(True)
            in_quickbooks = typed is not None and typed[1] == "quickbooks"
            self.copy_name.setToolTip(
                (_("Copies “{name}”, the exact name to type in QuickBooks.") if in_quickbooks
                 else _("Copies “{name}”, the exact name to type in Clockify."))
                .format(name=self.name))
            self.copy_name.setAccessibleName(_("Copy the name “{name}”").format(name=self.name))
        else:
            self.copy_name.setEnabled(False)
            self.copy_name.setToolTip(_("There is no name to type for this problem."))
            self.copy_name.setAccessibleName(_("Copy name"))

        _point(self.open_quickbooks, links.quickbooks if links is not None else None,
               _("Open “{name}” in QuickBooks").format(name=subject) if subject
               else _("Open in QuickBooks"),
               _("Opens it in QuickBooks in your browser. Your browser must have the QuickBooks "
                 "company “{company}” open: QuickBooks shows the record of whichever company "
                 "is open.").format(company=company) if company else
               _("Opens it in QuickBooks in your browser, in whichever QuickBooks company your "
                 "browser has open."),
               side_why("quickbooks", sources.get("quickbooks"), finding is None))
        _point(self.open_clockify, links.clockify if links is not None else None,
               _("Open “{name}” in Clockify").format(name=subject) if subject
               else _("Open in Clockify"),
               _("Opens it in Clockify in your browser, in the workspace “{workspace}”.")
               .format(workspace=workspace) if workspace else
               _("Opens it in Clockify in your browser."),
               side_why("clockify", sources.get("clockify"), finding is None))

        self.fix.setEnabled(finding is not None and fixable)
        self.fix.setAccessibleName(_("Fix “{name}” for me").format(name=subject) if subject
                                   else _("Fix for me"))
        self.fix.setToolTip(
            (fix_why or _("Shows exactly what would change, and asks before changing it."))
            if fixable else (fix_why or _("Fixing for you is not available for this problem.")))

    # --- slots ---

    def on_copy_name_clicked(self) -> None:
        if self.name:
            QGuiApplication.clipboard().setText(self.name)
            self.copied.emit(self.name)

    def on_open_quickbooks_clicked(self) -> None:
        if self.finding is not None and self.finding.links and self.finding.links.quickbooks:
            open_web_page(self.finding.links.quickbooks)

    def on_open_clockify_clicked(self) -> None:
        if self.finding is not None and self.finding.links and self.finding.links.clockify:
            open_web_page(self.finding.links.clockify)

    def on_fix_clicked(self) -> None:
        if self.finding is not None:
            self.fix_requested.emit(self.finding)
