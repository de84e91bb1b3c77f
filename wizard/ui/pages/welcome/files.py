"""The Welcome page's exported files: the open dialog, identifying each file on a worker and
giving it to its side, and the list of what is open."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from wizard.core.status import Status
from wizard.text import _
from wizard.ui.session import Session
from wizard.ui.widgets import InlineMessage, WrappedLabel, html_escaped

if TYPE_CHECKING:
    from wizard.sources.files import FileInfo


def ask_for_files(parent: QWidget) -> list[Path]:
    """The system's open dialog, for export files of either side."""
    from PySide6.QtWidgets import QFileDialog

    names, _filter = QFileDialog.getOpenFileNames(
        parent, _("Open exported files"), str(Path.home()),
        _("Exports (*.csv *.xlsx *.xls);;All files (*)"))
    return [Path(n) for n in names]


class OpenedFiles(WrappedLabel):
    """The files in use, one line each; adding files identifies them first (on a worker).

    Signals:
        changed(): files were given to a side (the page shows the choices again).
    """

    changed = Signal()

    def __init__(self, session: Session, message: InlineMessage,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.session = session
        self.message = message  # where what became of the files is said
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAccessibleName(_("Opened files"))

    def add(self, paths: Sequence[Path]) -> None:
        from wizard import accounts  # loaded on first use, not before the first paint

        self.message.clear()
        self.session.run_job(partial(accounts.identify_files, list(paths)), "identify files",
                             self.on_identified, self.on_failed)

    def on_identified(self, infos: list[FileInfo]) -> None:
        from wizard import accounts

        choices = self.session.flow.choices
        sorted_files = accounts.sort_files(infos, choices.clockify_files, choices.qbo_files)
        choices.clockify_files = sorted_files.clockify
        choices.qbo_files = sorted_files.quickbooks
        if sorted_files.clockify and choices.clockify != "api":
            choices.clockify = "file"
        if sorted_files.quickbooks and choices.quickbooks != "api":
            choices.quickbooks = "file"
        if sorted_files.problems:
            self.message.show_message(Status.FAIL, " ".join(sorted_files.problems))
        else:
            described = "; ".join(_("{name}: {description}").format(
                name=i.path.name, description=i.description) for i in infos)
            self.message.show_message(Status.PASS, _("Opened {files}.").format(
                files=described))
        self.changed.emit()

    def on_failed(self, message: str, details: str) -> None:
        self.message.show_message(Status.FAIL, message, details)

    def show_choices(self) -> None:
        choices = self.session.flow.choices
        lines = []
        if choices.clockify == "file":
            lines += [_("Clockify file: {name}").format(name=html_escaped(p.name))
                      for p in choices.clockify_files]
        if choices.quickbooks == "file":
            lines += [_("QuickBooks file: {name}").format(name=html_escaped(p.name))
                      for p in choices.qbo_files]
        self.setText("<br>".join(lines))
        self.setVisible(bool(lines))
