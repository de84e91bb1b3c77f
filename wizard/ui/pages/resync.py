"""Page 4: "Check for new users and customers" in Clockify, then Re-check to see what changed."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QWidget

from wizard.core import texts
from wizard.flow import Page
from wizard.text import _, paths
from wizard.ui.jobs import Loaded
from wizard.ui.models import ChangesModel
from wizard.ui.pages.base import StepPage, explanation
from wizard.ui.session import Session
from wizard.ui.tables import fit_columns


class ResyncPage(StepPage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, Page.RESYNC, parent)
        steps = [html.escape(s) for s in paths.steps(paths.CLOCKIFY_RESYNC)]
        self.body.addWidget(explanation(
            _("Clockify remembers the QuickBooks employees and customers it saw last. After you "
              "fix a name (in either app), Clockify only notices when you ask it to look again:")
            + "<ol>" + "".join(f"<li>{s}</li>" for s in steps) + "</ol>"
            + _("Then come back here and click <b>Re-check</b>: the list below shows what got "
                "fixed, what is new and what is still to fix."), self))
        self.changes_label = QLabel(self)
        self.changes_label.setWordWrap(True)
        self.body.addWidget(self.changes_label)
        self.model = ChangesModel(self)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("What changed since the Re-check"))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.body.addWidget(self.table, 1)

    def show_loaded(self, loaded: Loaded) -> None:
        del loaded
        changes = self.session.flow.recheck_changes(Page.RESYNC)
        if changes is None:
            result = self.session.flow.result
            todo = [f for f in (result.findings if result else ())
                    if f.check in ("users", "customers") and f.status.is_problem]
            self.model.set_rows([("todo", f) for f in todo])
            self.changes_label.setText(texts.resync_no_recheck_html(len(todo)))
        else:
            self.model.set_changes(changes)
            self.changes_label.setText(texts.since_last_check_html(
                *changes.counts, texts.check_titles(changes.not_compared)))
        fit_columns(self.table, (0, 1), icon_columns=(0,))
