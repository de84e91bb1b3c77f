"""Pieces every page uses: the header (step, status icon, verdict), the load bar (progress,
Cancel, Re-check), the inline message, the legend and the delegate that highlights differences."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QGuiApplication, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from wizard.core.result import Status
from wizard.ui import theme
from wizard.ui.models import Role
from wizard.ui.rows import TAG_MEANING, Tag


def icon_label(status: Status, size: int = 32, parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    set_status_icon(label, status, size)
    return label


def set_status_icon(label: QLabel, status: Status, size: int = 32) -> None:
    label.setPixmap(theme.status_icon(status).pixmap(QSize(size, size),
                                                     label.devicePixelRatioF()))
    label.setAccessibleName(f"Status: {theme.STATUS_WORD[status]}")
    label.setToolTip(theme.STATUS_WORD[status])


class PageHeader(QWidget):
    """Step n of 7, the page's status icon and word, its title and a one-line verdict."""

    def __init__(self, step: int, total: int, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = icon_label(Status.NOT_CHECKED, 40, self)
        self.step = QLabel(f"Step {step} of {total}", self)
        self.step.setAccessibleName(f"Step {step} of {total}")
        self.title = QLabel(title, self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAccessibleName(title)
        self.status_word = QLabel(self)
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
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
        word = theme.STATUS_WORD[status]
        self.status_word.setText(f"<b>{html.escape(word)}:</b>")
        self.verdict.setText(verdict)
        self.verdict.setAccessibleName(f"{word}: {verdict}")


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
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy = QPushButton("Copy details", self)
        self.copy.setAccessibleName("Copy the technical details of this problem")
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
        self.text.setAccessibleName(f"{theme.STATUS_WORD[status]}: {text}")
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
        self.bar.setAccessibleName("Progress of the check")
        self.bar.setTextVisible(True)
        self.cancel = QPushButton("Cancel", self)
        self.cancel.setAccessibleName("Cancel the check that is running")
        self.recheck = QPushButton("Re-check", self)
        self.recheck.setAccessibleName("Re-check: fetch both sides again and run every check")
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
            self.bar.setFormat(f"{done:,} of {total:,}")
        else:
            self.bar.setRange(0, 0)  # busy indicator when the total isn't known
            self.bar.setFormat("")


class Legend(QWidget):
    """Icon + word + meaning for each status tag shown in the Names tables."""

    TAGS = (Tag.MATCHED, Tag.NEAR, Tag.MISSING, Tag.INACTIVE, Tag.VENDOR, Tag.WRONG_PARENT,
            Tag.PENDING, Tag.QBO_ONLY)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        dark = theme.is_dark()
        for tag in self.TAGS:
            chip = QLabel(self)
            icon = theme.tag_icon(tag, Status.FAIL)
            chip.setPixmap(icon.pixmap(QSize(16, 16), chip.devicePixelRatioF()))
            word = QLabel(str(tag), self)
            bg = theme.tag_background(tag, dark).name()
            fg = theme.tag_foreground(dark).name()
            word.setStyleSheet(f"background-color:{bg}; color:{fg}; padding:1px 4px;")
            word.setToolTip(TAG_MEANING.get(tag, ""))
            word.setAccessibleName(f"Legend: {tag} — {TAG_MEANING.get(tag, '')}")
            pair = QHBoxLayout()
            pair.setSpacing(3)
            pair.addWidget(chip)
            pair.addWidget(word)
            layout.addLayout(pair)
        layout.addStretch(1)


class DiffDelegate(QStyledItemDelegate):
    """Paints a cell's rich-text difference (Role.DIFF) when it has one, else the usual text."""

    def _doc(self, option: QStyleOptionViewItem, text: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        doc.setHtml(text)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        text = index.data(Role.DIFF)
        if not text:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        fg = index.data(Qt.ItemDataRole.ForegroundRole)
        if opt.state & QStyle.StateFlag.State_Selected:
            colour = opt.palette.highlightedText().color().name()
        else:
            colour = fg.name() if fg is not None else opt.palette.text().color().name()
        doc = self._doc(opt, f'<span style="color:{colour}">{text}</span>')
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        painter.save()
        painter.translate(text_rect.topLeft())
        y = max(0.0, (text_rect.height() - doc.size().height()) / 2)
        painter.translate(0, y)
        clip = QRectF(0, -y, text_rect.width(), text_rect.height())
        painter.setClipRect(clip)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        text = index.data(Role.DIFF)
        if not text:
            return base
        doc = self._doc(option, text)
        return QSize(max(base.width(), int(doc.idealWidth()) + 8), base.height())


def bold(text: str) -> str:
    return f"<b>{html.escape(text)}</b>"


def set_accessible(widget: QWidget, name: str, description: str = "") -> Any:
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def fit_columns(view: QAbstractItemView, columns: Sequence[int], sample_rows: int = 60,
                icon_columns: Sequence[int] = (), limit: int = 420) -> None:
    """Size columns to their text over the first rows only: resizeColumnToContents asks the
    delegate about up to a thousand rows, which is slow for large tables."""
    model = view.model()
    metrics = view.fontMetrics()
    pad = metrics.averageCharWidth() * 3
    for col in columns:
        header = model.headerData(col, Qt.Orientation.Horizontal) or ""
        width = metrics.horizontalAdvance(str(header)) + pad * 2
        for row in range(min(sample_rows, model.rowCount())):
            text = model.index(row, col).data()
            if text:
                width = max(width, metrics.horizontalAdvance(str(text)) + pad)
        if col in icon_columns:
            width += view.iconSize().width() if view.iconSize().isValid() else 20
            width += 8
        view.setColumnWidth(col, min(width, limit))
