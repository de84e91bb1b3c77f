""""Changes made by Sync Checkup" (SPEC §8.2, on the Reconnect page): each applied plan with
its undo, "Reset the sample", and the start-up read-back of a change an earlier run left
unanswered. The writes run on a worker, like the fix dialog's."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from wizard.text import _, _n
from wizard.text import fixes as T

if TYPE_CHECKING:
    from wizard.sources.progress import CancelToken, Progress
    from wizard.ui.session import Session

log = logging.getLogger(__name__)

RESOLVED: list[str] = []  # what the start-up read-back found, shown under the applied fixes


class FixHistory(QWidget):
    """"Changes made by Sync Checkup": each applied plan, with Undo (the Reconnect page)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        title = QLabel(f"<b>{_('Changes made by Sync Checkup')}</b>", self)
        box.addWidget(title)
        self.runs = QListWidget(self)
        self.runs.setAccessibleName(_("Changes made by Sync Checkup"))
        self.runs.setMaximumHeight(120)
        box.addWidget(self.runs)
        row = QHBoxLayout()
        self.undo_button = QPushButton(_("Undo the selected changes"), self)
        self.undo_button.setAccessibleName(_("Undo the selected changes"))
        self.undo_button.clicked.connect(self.on_undo_clicked)
        self.reset_button = QPushButton(_("Reset the sample"), self)
        self.reset_button.setAccessibleName(_("Reset the sample company to how it was built in"))
        self.reset_button.clicked.connect(self.on_reset_clicked)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        row.addWidget(self.undo_button)
        row.addWidget(self.reset_button)
        row.addWidget(self.message, 1)
        box.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        from wizard.storage import journal
        self.runs.clear()
        self._journals = [j for j in journal.runs() if j.undoable]
        for run in self._journals:
            self.runs.addItem(_n_changes(len(run.undoable), run.created_at,
                                         run.company.get("name") or "",
                                         run.workspace.get("name") or ""))
        if self._journals:
            self.runs.setCurrentRow(0)
        self.undo_button.setEnabled(bool(self._journals))
        from wizard.sources import sample_store
        self.reset_button.setVisible(sample_store.is_changed())
        if RESOLVED:
            self.message.setText(" ".join(RESOLVED))

    def on_reset_clicked(self) -> None:
        from wizard.sources import sample_store
        sample_store.reset()
        self.message.setText(_("The sample company is back to how it was built in."))
        self.refresh()
        self.session.recheck()

    def on_undo_clicked(self) -> None:
        row = self.runs.currentRow()
        if row < 0 or row >= len(self._journals):
            return
        chosen = self._journals[row]
        from wizard import fixing

        def job(progress: Progress, cancel: CancelToken) -> Any:
            del progress
            fixing.resolve_all()
            writers = fixing.writers_for(chosen.sources, chosen.workspace.get("id"))
            return fixing.undo_run(chosen, writers, cancel=cancel)

        def finished(undone: list[Any]) -> None:
            done = sum(1 for _a, o in undone if o.status == "done")
            self.message.setText(T.undo_summary(done, len(undone)))
            self.refresh()
            self.session.recheck()

        def failed(message: str, details: str) -> None:
            del details
            self.message.setText(message)

        self.undo_button.setEnabled(False)
        self.session.run_job(job, "undo fixes", finished, failed)


def resolve_at_start(session: Session, tell: Any) -> None:
    """At start-up: read back any change an earlier run left unanswered (on a worker); `tell`
    gets one sentence per resolved change."""
    if session.closed:
        return

    def job(progress: Progress, cancel: CancelToken) -> list[str]:
        del progress, cancel
        from wizard import fixing
        return fixing.resolve_all() if fixing.interrupted_runs() else []

    def failed(message: str, details: str) -> None:
        del details
        log.warning("interrupted fixes not resolved yet: %s", message)

    session.run_job(job, "resolve interrupted fixes", tell, failed)


def _n_changes(count: int, when: str, company: str, workspace: str) -> str:
    return _n("{when}: {count} change in “{company}” and “{workspace}”",
              "{when}: {count} changes in “{company}” and “{workspace}”", count).format(
        when=when.replace("T", " ").removesuffix("Z"), count=count, company=company,
        workspace=workspace)
