"""Table helpers for the pages that show lists: the one read-only table view, sorting by a
clicked header, the Names legend, the delegate that highlights the characters two spellings
differ in, and column sizing."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from wizard.core.labels import Tag
from wizard.core.result import Status
from wizard.text import _
from wizard.text.status import tag_meaning, tag_word
from wizard.ui import theme
from wizard.ui.models import Role

Column = TypeVar("Column", bound=int)


def read_only_table(model: QAbstractItemModel, name: str, parent: QWidget, *,
                    row_padding: int = 8, stretch: int | None = None,
                    height_in_rows: int | None = None) -> QTableView:
    """The table every page shows its rows in: whole rows selected, never edited, one line per
    row at a fixed height (no per-row measuring, which large tables can't afford), no row
    numbers, and Tab leaving the table while the arrows move inside it."""
    view = QTableView(parent)
    view.setTabKeyNavigation(False)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    row_height = view.fontMetrics().height() + row_padding
    vertical = view.verticalHeader()
    vertical.hide()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(row_height)
    if stretch is not None:
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    if height_in_rows is not None:
        view.setFixedHeight(row_height * height_in_rows + 6)  # the header counts as a row
    return view


def sortable_by_header(view: QTableView) -> None:
    """Columns the person sizes, the last one filling the rest, and a sort arrow on the header;
    the page computes the order itself (on a worker) when a header is clicked."""
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSortIndicatorShown(True)
    show_sort(view, None)


def next_sort(current: tuple[Column, bool] | None, column: Column) -> tuple[Column, bool]:
    """A click on a header: ascending by that column, or the other way round on a second click."""
    descending = current is not None and current[0] == column and not current[1]
    return column, descending


def show_sort(view: QTableView, sort: tuple[int, bool] | None) -> None:
    """The header's arrow for the order on show (none when the rows are as given)."""
    if sort is None:
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        return
    column, descending = sort
    view.horizontalHeader().setSortIndicator(
        column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)


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
            word = QLabel(tag_word(tag), self)
            chip.setAccessibleName(_("Status icon: {tag}").format(tag=tag_word(tag)))
            bg = theme.tag_background(tag, dark).name()
            fg = theme.tag_foreground(dark).name()
            word.setStyleSheet(f"background-color:{bg}; color:{fg}; padding:1px 4px;")
            word.setToolTip(tag_meaning(tag))
            word.setAccessibleName(_("Legend: {word} — {meaning}").format(
                word=tag_word(tag), meaning=tag_meaning(tag)))
            pair = QHBoxLayout()
            pair.setSpacing(3)
            pair.addWidget(chip)
            pair.addWidget(word)
            layout.addLayout(pair)
        layout.addStretch(1)


class DiffDelegate(QStyledItemDelegate):
    """Paints a cell's rich-text difference (Role.DIFF) when it has one, else the usual text.

    The laid-out documents are kept for the cells last painted (KEPT of them): a document is
    parsed and laid out once, not at every repaint of its cell (hover, selection, scrolling
    back, the second paint after a page switch).
    """

    KEPT = 400  # about eight screens of near matches

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._docs: OrderedDict[tuple[str, str], QTextDocument] = OrderedDict()

    def _doc(self, font: QFont, text: str) -> QTextDocument:
        key = (text, font.key())
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
            return doc
        doc = QTextDocument()
        doc.setDefaultFont(font)
        doc.setDocumentMargin(2)
        doc.setHtml(text)
        self._docs[key] = doc
        if len(self._docs) > self.KEPT:
            self._docs.popitem(last=False)
        return doc

    def prepare(self, index: QModelIndex, font: QFont) -> None:
        """Lay out now the document a later paint of this cell will want, unselected in `font`
        (the view's): a page shown for the first time then paints from laid-out documents."""
        text = index.data(Role.DIFF)
        fg = index.data(Qt.ItemDataRole.ForegroundRole)
        if text and fg is not None:
            self._doc(font, _coloured(text, fg.name()))

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
        doc = self._doc(opt.font, _coloured(text, colour))
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
        doc = self._doc(option.font, text)
        return QSize(max(base.width(), int(doc.idealWidth()) + 8), base.height())


def _coloured(text: str, colour: str) -> str:
    return f'<span style="color:{colour}">{text}</span>'


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
