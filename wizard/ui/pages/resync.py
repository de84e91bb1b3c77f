"""Page 4: "Check for new users and customers" in Clockify, then Re-check to see what changed."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from wizard.flow import Page
from wizard.text import _, paths
from wizard.text.changes import resync_no_recheck_html, since_last_check_html
from wizard.text.checks import check_titles
from wizard.ui.jobs import Loaded
from wizard.ui.pages.base import StepPage, explanation
from wizard.ui.problem_cards import ProblemList, change_rows
from wizard.ui.session import Session


class ResyncPage(StepPage):
    """Signals:
        fix_requested(object): "Fix for me…" on one problem (the Finding); the window routes it.
    """

    fix_requested = Signal(object)

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
        self.problems = ProblemList(_("What changed since the Re-check, and what is left to fix"),
                                    _("No name problems to fix."), self)
        self.problems.fix_requested.connect(self.fix_requested)
        self.body.addWidget(self.problems, 1)

    def show_loaded(self, loaded: Loaded) -> None:
        changes = self.session.flow.recheck_changes(Page.RESYNC)
        if changes is None:
            result = self.session.flow.result
            todo = [f for f in (result.findings if result else ())
                    if f.check in ("users", "customers") and f.status.is_problem]
            self.problems.set_rows([("to fix", f) for f in todo], loaded.result,
                                  loaded.plan)
            self.changes_label.setText(resync_no_recheck_html(len(todo)))
        else:
            self.problems.set_rows(change_rows(changes), loaded.result, loaded.plan)
            self.changes_label.setText(since_last_check_html(
                *changes.counts, check_titles(changes.not_compared)))
