"""What both side boxes of the Welcome page share: the live-or-files choice, each radio button
with what it needs, and telling the page when a side is chosen."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QLabel, QRadioButton, QWidget

from wizard.flow import Choices
from wizard.text import _
from wizard.ui.session import Session
from wizard.ui.widgets import WrappedLabel

SOURCES = ("api", "file", "demo")  # the button id of a side's choice is its index here


def choice(box: QGroupBox, group: QButtonGroup, button_id: int, text: str, side: str,
           needs: str) -> tuple[QRadioButton, QLabel]:
    """A radio button for one way of reading a side, and the note saying what it needs."""
    radio = QRadioButton(text, box)
    radio.setAccessibleName(_("{side}: {choice}").format(side=side, choice=text))
    group.addButton(radio, button_id)
    note = WrappedLabel(needs, box)
    note.setIndent(22)
    note.setEnabled(True)
    font = note.font()
    font.setPointSizeF(font.pointSizeF() * 0.95)
    note.setFont(font)
    return radio, note


def show_source(group: QButtonGroup, kind: str | None) -> None:
    """Check the button of a live or files choice; the sample, or nothing, checks none."""
    button = group.button(SOURCES.index(kind)) if kind in ("api", "file") else None
    if button is not None:
        button.setChecked(True)
    elif group.checkedButton() is not None:
        group.setExclusive(False)
        group.checkedButton().setChecked(False)
        group.setExclusive(True)


def choose(choices: Choices, side: str, button_id: int) -> bool:
    """Record a side's choice; True when it is exported files and none are open yet."""
    kind = SOURCES[button_id]
    if side == "clockify":
        choices.clockify = kind  # type: ignore[assignment]
        files = choices.clockify_files
    else:
        choices.quickbooks = kind  # type: ignore[assignment]
        files = choices.qbo_files
    return kind == "file" and not files


class SideBox(QGroupBox):
    """One side's box: "live" (button 0) or "exported files" (button 1).

    Signals:
        changed(): the choices changed (a side chosen, a login kept); the page shows them.
        files_wanted(): the box's "Open … exports", or files chosen with none open yet.
    """

    changed = Signal()
    files_wanted = Signal()

    def __init__(self, session: Session, side: str, title: str, side_word: str, live: str,
                 live_needs: str, files_needs: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.session = session
        self.side = side
        self.group = QButtonGroup(self)
        self.live_choice, self.live_needs = choice(self, self.group, 0, live, side_word,
                                                   live_needs)
        self.files_choice, self.files_needs = choice(
            self, self.group, 1, _("Use exported files"), side_word, files_needs)
        self.group.idClicked.connect(self.on_group_id_clicked)

    def on_group_id_clicked(self, button_id: int) -> None:
        if choose(self.session.flow.choices, self.side, button_id):
            self.files_wanted.emit()
        self.changed.emit()
