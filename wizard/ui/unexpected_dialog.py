"""The one calm dialog for the unexpected (errors.py decides when), with "Copy details"."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from wizard.text import _


class UnexpectedDialog(QDialog):
    def __init__(self, sentence: str, details: str) -> None:
        super().__init__()
        self.setWindowTitle("Sync Checkup")
        self.details = details
        label = QLabel(sentence, self)
        label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy = buttons.addButton(_("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy.setAccessibleName(_("Copy the technical details to the clipboard"))
        self.copy.clicked.connect(self.on_copy_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(buttons)

    def on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy.setText(_("Copied"))
