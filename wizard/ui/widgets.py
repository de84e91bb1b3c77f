"""Pieces every page uses: the header (step, status icon, verdict), the load bar (progress,
Cancel, Re-check) and the inline message. Table helpers live in tables.py, so the Welcome page
(the only one built before the window first paints) doesn't load the table code."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.status import Status
from wizard.text import _
from wizard.text.status import status_word
from wizard.ui import theme

_HTML_SPECIAL = frozenset("&<>\"'")


def html_escaped(text: str) -> str:
    """`html.escape(text)`, for the modules the window's first paint needs: the `html` package
    (its entity tables take a few milliseconds to load) is imported only when `text` has a
    character to escape, which the first page's words never have."""
    if _HTML_SPECIAL.isdisjoint(text):
        return text
    import html

    return html.escape(text)


def html_unescaped(text: str) -> str:
    """`html.unescape(text)`, importing `html` only when `text` holds an entity (see
    html_escaped)."""
    if "&" not in text:
        return text
    import html

    return html.unescape(text)


class WrappedLabel(QLabel):
    """A word-wrapped label that remembers its height for the last few widths it was asked.

    Qt lays a wrapped label's whole text out again each time a layout asks its height for a
    width, rich text even for the width it had just laid out; before a page first paints, its
    layouts ask each label dozens of times at a handful of widths. The answer depends only on
    the text and the width once everything else is set, so the remembered heights are dropped
    whenever anything else that shapes the text changes: the font, style or contents margins
    (each reaches changeEvent), the text format, the indent or the margin.
    """

    KEPT = 8  # widths remembered per label; a resize asks a few, a text change clears none

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._heights: dict[tuple[str, int], int] = {}

    def heightForWidth(self, width: int) -> int:
        key = (self.text(), width)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) >= self.KEPT:
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        self._heights.clear()
        super().changeEvent(event)

    def setTextFormat(self, format: Qt.TextFormat) -> None:
        self._heights.clear()
        super().setTextFormat(format)

    def setIndent(self, indent: int) -> None:
        self._heights.clear()
        super().setIndent(indent)

    def setMargin(self, margin: int) -> None:
        self._heights.clear()
        super().setMargin(margin)


def icon_label(status: Status, size: int = 32, parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    set_status_icon(label, status, size)
    return label


def set_status_icon(label: QLabel, status: Status, size: int = 32) -> None:
    label.setPixmap(theme.status_icon(status).pixmap(QSize(size, size),
                                                     label.devicePixelRatioF()))
    label.setAccessibleName(_("Status: {word}").format(word=status_word(status)))
    label.setToolTip(status_word(status))


class PageHeader(QWidget):
    """Step n of 7, the page's status icon and word, its title and a one-line verdict."""

    def __init__(self, step: int, total: int, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = icon_label(Status.NOT_CHECKED, 40, self)
        self.step = QLabel(_("Step {step} of {total}").format(step=step, total=total), self)
        self.step.setAccessibleName(self.step.text())
        self.title = QLabel(title, self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAccessibleName(title)
        self.status_word = QLabel(self)
        self.verdict = WrappedLabel(parent=self)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        vfont = self.verdict.font()
        vfont.setPointSizeF(vfont.pointSizeF() * 1.1)
        self.verdict.setFont(vfont)
        text = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.step)
        text.addLayout(top)
        line = QHBoxLayout()
        line.addWidget(self.status_word)
        line.addWidget(self.verdict, 1)
        text.addLayout(line)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)

    def set_state(self, status: Status, verdict: str) -> None:
        set_status_icon(self.icon, status, 40)
        word = status_word(status)
        self.status_word.setText(_("<b>{word}:</b>").format(word=html_escaped(word)))
        self.verdict.setText(verdict)
        self.verdict.setAccessibleName(_("{word}: {verdict}").format(word=word, verdict=verdict))


class InlineMessage(QFrame):
    """A sentence on the page itself (never a pop-up); errors can offer "Copy details".

    Signals:
        copy_requested(): the user clicked Copy details.
    """

    copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.icon = QLabel(self)
        self.text = WrappedLabel(parent=self)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy = QPushButton(_("Copy details"), self)
        self.copy.setAccessibleName(_("Copy the technical details of this problem"))
        self.copy.clicked.connect(self.on_copy_clicked)
        layout = QHBoxLayout(self)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignTop)
        self.details = ""
        self.hide()

    def show_message(self, status: Status, text: str, details: str = "") -> None:
        set_status_icon(self.icon, status, 24)
        self.text.setText(text)
        self.text.setAccessibleName(_("{word}: {verdict}").format(word=status_word(status),
                                                                   verdict=text))
        self.details = details
        self.copy.setVisible(bool(details))
        self.show()

    def clear(self) -> None:
        self.details = ""
        self.hide()

    def on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_requested.emit()


class LoadBar(QWidget):
    """Progress with counts while loading, Cancel, and Re-check.

    Signals:
        cancel_clicked(), recheck_clicked()
    """

    cancel_clicked = Signal()
    recheck_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(_("Progress of the check"))
        self.bar.setTextVisible(True)
        self.cancel = QPushButton(_("Cancel"), self)
        self.cancel.setAccessibleName(_("Cancel the check that is running"))
        self.recheck = QPushButton(_("Re-check"), self)
        self.recheck.setAccessibleName(_("Re-check: fetch both sides again and run every check"))
        for button in (self.cancel, self.recheck):
            # inside the wizard (a dialog) a focused button would take Enter from Next
            button.setAutoDefault(False)
        self.cancel.clicked.connect(self.cancel_clicked)
        self.recheck.clicked.connect(self.recheck_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel)
        layout.addWidget(self.recheck)
        self.set_busy(False)

    def set_busy(self, busy: bool, can_recheck: bool = True) -> None:
        self.bar.setVisible(busy)
        self.cancel.setVisible(busy)
        self.recheck.setEnabled(not busy and can_recheck)
        if not busy:
            self.label.clear()

    def set_progress(self, message: str, done: int, total: int) -> None:
        self.label.setText(message)
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.bar.setFormat(_("{done:,} of {total:,}").format(done=done, total=total))
        else:
            self.bar.setRange(0, 0)  # busy indicator when the total isn't known
            self.bar.setFormat("")


def bold(text: str) -> str:
    return f"<b>{html_escaped(text)}</b>"


def set_accessible(widget: QWidget, name: str, description: str = "") -> Any:
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget
