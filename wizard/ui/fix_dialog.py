""""Fix for me…" (SPEC §8.4): the plan as a checklist, a confirmation naming the company and the
workspace, progress per action with Cancel between actions, then the re-check and what changed,
and "Undo these changes". The applied fixes, each with its undo, are listed by fix_history.py.

The writes run on a worker (never the GUI thread); the dialog learns of each action's outcome
through the worker's signals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard.core.fixes import Action, Plan, action_line
from wizard.text import _
from wizard.text import fixes as T
from wizard.ui.workers import Worker

if TYPE_CHECKING:
    from wizard.sources.progress import CancelToken, Progress
    from wizard.sources.writers import Outcome
    from wizard.ui.jobs import Loaded
    from wizard.ui.session import Session

ACTION_ROLE = Qt.ItemDataRole.UserRole + 1


def _value(action: Action, value: Any) -> str:
    if action.field == "Active":
        return _(T.ACTIVE) if value else _(T.INACTIVE)
    if action.field == "clientId" and value is None:
        return _(T.NO_CLIENT)
    if value is None:
        return _(T.NEW_RECORD)
    return f"“{value}”"


def before_after(action: Action) -> str:
    return _("{before} → {after}").format(before=_value(action, action.before),
                                          after=_value(action, action.after))


def fixes_line(action: Action) -> str:
    """The problem it fixes, with the status word the Names page shows for it."""
    from wizard.core.labels import TAG_OF_CODE
    tag = TAG_OF_CODE.get(action.finding_code)
    word = tag.value if tag is not None else action.finding_code
    if action.finding_client:
        return _("Fixes “{subject}” (client “{client}”): {problem}.").format(
            subject=action.finding_subject, client=action.finding_client, problem=word)
    return _("Fixes “{subject}”: {problem}.").format(subject=action.finding_subject,
                                                     problem=word)


class _Relay(QObject):
    """Carries each action's outcome from the worker to the dialog.

    Signals:
        step(int, int, object, object): index, total, the action, its outcome (None: sending).
    """

    step = Signal(int, int, object, object)


class FixDialog(QDialog):
    """Signals:
        applied(str): a plan was applied; the journal's run id.
    """

    applied = Signal(str)

    def __init__(self, session: Session, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.plan = plan
        self.setWindowTitle(_("Fix for me"))
        self.setAccessibleName(_("Fix for me"))
        self.resize(1180, 680)
        self.worker: Worker | None = None
        self.journal: Any = None
        self.relay = _Relay(self)
        self.relay.step.connect(self.on_worker_step)
        self._awaiting_recheck = False
        self._summary = ""
        layout = QVBoxLayout(self)
        self.stages = QStackedWidget(self)
        layout.addWidget(self.stages, 1)
        self._build_plan_stage()
        self._build_run_stage()
        self.session.loaded.connect(self.on_session_loaded)

    # --- stage 1: the plan ------------------------------------------------------------------

    def _build_plan_stage(self) -> None:
        page = QWidget(self)
        box = QVBoxLayout(page)
        intro = QLabel(_("These changes would fix the problems below. Nothing changes until you "
                         "click Apply. Each record is read again just before its change, and "
                         "every change can be undone."), page)
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.tree = QTreeWidget(page)
        self.tree.setAccessibleName(_("The changes to make, grouped by QuickBooks and Clockify"))
        self.tree.setHeaderLabels([_("Change"), _("Before → after"), _("The problem it fixes")])
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setRootIsDecorated(True)
        self.items: dict[str, QTreeWidgetItem] = {}
        for system in ("quickbooks", "clockify"):
            actions = [a for a in self.plan.actions if a.system == system]
            if not actions:
                continue
            group = QTreeWidgetItem(self.tree, [_(T.SYSTEM[system])])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for action in actions:
                item = QTreeWidgetItem(group, [action_line(action), before_after(action),
                                               fixes_line(action)])
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                              | Qt.ItemFlag.ItemIsSelectable)
                item.setCheckState(0, Qt.CheckState.Checked if action.selected
                                   else Qt.CheckState.Unchecked)
                hint = fixes_line(action)
                if action.creates:
                    hint += " " + _(T.CREATION_HINT)
                if action.alternative_to:
                    hint += " " + _(T.ALTERNATIVE_HINT)
                item.setToolTip(0, hint)
                item.setData(0, ACTION_ROLE, action.id)
                self.items[action.id] = item
            group.setExpanded(True)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.tree.itemChanged.connect(self.on_tree_item_changed)
        box.addWidget(self.tree, 1)
        self.manual_label = QLabel(page)
        self.manual_label.setWordWrap(True)
        self.manual_label.setText(_n_manual(len(self.plan.manual)))
        box.addWidget(self.manual_label)
        row = QHBoxLayout()
        self.apply_button = QPushButton(page)
        self.apply_button.setAccessibleName(_("Apply the ticked changes"))
        self.apply_button.clicked.connect(self.on_apply_clicked)
        self.close_button = QPushButton(_("Close"), page)
        self.close_button.setAccessibleName(_("Close without changing anything"))
        self.close_button.clicked.connect(self.reject)
        row.addStretch(1)
        row.addWidget(self.close_button)
        row.addWidget(self.apply_button)
        box.addLayout(row)
        self.stages.addWidget(page)
        self.on_tree_item_changed()

    def chosen(self) -> list[str]:
        return [aid for aid, item in self.items.items()
                if item.checkState(0) == Qt.CheckState.Checked]

    def on_tree_item_changed(self, *args: Any) -> None:
        del args
        count = len(self.chosen())
        self.apply_button.setText(T.changes_count(count))
        self.apply_button.setEnabled(count > 0)

    def confirm(self) -> bool:
        """Ask once, naming the company and the workspace (tests answer through `answer`)."""
        question = T.confirm(len(self.chosen()), self.plan.company.get("name") or "",
                             self.plan.workspace.get("name") or "")
        answer = QMessageBox.question(self, _("Fix for me"), question)
        return answer == QMessageBox.StandardButton.Yes

    def on_apply_clicked(self) -> None:
        if not self.chosen() or not self.confirm():
            return
        self.start_apply()

    # --- stage 2: progress, then the outcome, the re-check and undo ------------------------

    def _build_run_stage(self) -> None:
        page = QWidget(self)
        box = QVBoxLayout(page)
        self.status = QLabel(page)
        self.status.setWordWrap(True)
        box.addWidget(self.status)
        self.progress = QProgressBar(page)
        self.progress.setAccessibleName(_("How many changes are done"))
        box.addWidget(self.progress)
        self.outcomes = QListWidget(page)
        self.outcomes.setAccessibleName(_("What became of each change"))
        self.outcomes.setWordWrap(True)
        box.addWidget(self.outcomes, 1)
        self.changes_label = QLabel(page)
        self.changes_label.setWordWrap(True)
        box.addWidget(self.changes_label)
        self.reminder = QLabel(_(T.RESYNC_REMINDER), page)
        self.reminder.setWordWrap(True)
        self.reminder.hide()
        box.addWidget(self.reminder)
        row = QHBoxLayout()
        self.cancel_button = QPushButton(_("Cancel"), page)
        self.cancel_button.setAccessibleName(_("Stop after the change being made now"))
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        self.undo_button = QPushButton(_("Undo these changes"), page)
        self.undo_button.setAccessibleName(_("Undo these changes"))
        self.undo_button.clicked.connect(self.on_undo_clicked)
        self.undo_button.hide()
        self.done_button = QPushButton(_("Close"), page)
        self.done_button.setAccessibleName(_("Close this window"))
        self.done_button.clicked.connect(self.accept)
        self.done_button.setEnabled(False)
        row.addStretch(1)
        for button in (self.cancel_button, self.undo_button, self.done_button):
            row.addWidget(button)
        box.addLayout(row)
        self.stages.addWidget(page)

    def start_apply(self) -> None:
        from wizard import fixing

        plan = self.plan.with_selection(self.chosen())
        total = len(plan.selected)
        self.stages.setCurrentIndex(1)
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.status.setText(_("Making the changes…"))
        relay = self.relay

        def job(progress: Progress, cancel: CancelToken) -> Any:
            del progress
            fixing.resolve_all()  # an earlier interrupted change first: never sent twice
            writers = fixing.writers_for(plan.sources, plan.workspace.get("id"))
            return fixing.apply_plan(plan, writers, relay.step.emit, cancel)

        self._run(job, "apply fixes", self.on_apply_finished)

    def _run(self, job: Any, name: str, finished: Any) -> None:
        self.cancel_button.setEnabled(True)
        self.done_button.setEnabled(False)
        self.undo_button.setEnabled(False)
        self.worker = Worker(job, name=name)
        self.worker.signals.finished.connect(finished)
        self.worker.signals.failed.connect(self.on_worker_failed)
        self.worker.signals.done.connect(self.on_worker_done)
        self.worker.start(self.session.pool)

    def on_worker_step(self, index: int, total: int, action: Action,
                       outcome: Outcome | None) -> None:
        if outcome is None:
            self.status.setText(_("Changing {done} of {total}: {line}").format(
                done=index + 1, total=total, line=action_line(action)))
            return
        self.progress.setValue(index + 1)
        self.outcomes.addItem(_(T.OUTCOME_LINE[outcome.status]).format(
            line=action_line(action), message=outcome.message))

    def on_cancel_clicked(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
        self.cancel_button.setEnabled(False)

    def on_worker_failed(self, message: str, details: str) -> None:
        del details
        self.status.setText(message)

    def on_worker_done(self) -> None:
        self.worker = None
        self.cancel_button.setEnabled(False)
        self.done_button.setEnabled(True)

    def on_apply_finished(self, journal: Any) -> None:
        self.journal = journal
        statuses = [e["status"] for e in journal.entries]
        done = statuses.count("done")
        self._summary = T.outcome_summary(done, len(statuses))
        self.status.setText(self._summary + " " + _("Checking again to see what changed…"))
        self.reminder.setVisible(done > 0)
        self.undo_button.setVisible(done > 0)
        self.undo_button.setEnabled(done > 0)
        self.applied.emit(journal.run_id)
        self._awaiting_recheck = True
        self.session.recheck()

    def on_session_loaded(self, loaded: Loaded) -> None:
        if not self._awaiting_recheck:
            return
        self._awaiting_recheck = False
        comparison = loaded.comparison
        if comparison is None:
            self.changes_label.setText(_("Checked again."))
            return
        from wizard.text.changes import changes_summary
        from wizard.text.checks import check_titles
        self.changes_label.setText(_("Checked again: {changes}").format(
            changes=changes_summary(*comparison.counts, check_titles(comparison.not_compared))))
        self.status.setText(self._summary)

    def on_undo_clicked(self) -> None:
        if self.journal is None:
            return
        from wizard import fixing

        journal = self.journal
        relay = self.relay
        self.outcomes.clear()
        total = len(journal.undoable)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
        self.status.setText(_("Undoing the changes…"))

        def job(progress: Progress, cancel: CancelToken) -> Any:
            del progress
            fixing.resolve_all()
            writers = fixing.writers_for(journal.sources, journal.workspace.get("id"))
            return fixing.undo_run(journal, writers, relay.step.emit, cancel)

        self._run(job, "undo fixes", self.on_undo_finished)

    def on_undo_finished(self, undone: list[Any]) -> None:
        done = sum(1 for _a, o in undone if o.status == "done")
        self._summary = T.undo_summary(done, len(undone))
        self.status.setText(self._summary + " " + _("Checking again to see what changed…"))
        self.undo_button.hide()
        self._awaiting_recheck = True
        self.session.recheck()

    def done(self, result: int) -> None:
        if self.worker is not None:  # closing stops after the change in flight
            self.worker.cancel()
        super().done(result)


def _n_manual(count: int) -> str:
    from wizard.text import _n
    return _n("{count} problem stays a fix by hand; its steps are on the pages of the wizard.",
              "{count} problems stay a fix by hand; their steps are on the pages of the wizard.",
              count).format(count=count)
