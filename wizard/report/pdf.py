"""The report as PDF, laid out by Qt's rich-text engine and painted page by page onto a
QPdfWriter (no web engine), with a footer carrying the run id and the page number.
"""

from __future__ import annotations

import atexit
import logging
import os
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from wizard.report import html
from wizard.report.blocks import Report
from wizard.text import _

log = logging.getLogger(__name__)

_app: QGuiApplication | None = None  # kept alive when this module had to create it
RESOLUTION = 300  # the PDF's coordinate units per inch; text and lines stay vectors
FOOTER_MM = 10.0


def ensure_app() -> None:
    """Qt needs a QGuiApplication for fonts and painting; make one when running headless."""
    global _app
    if QGuiApplication.instance() is not None:
        return
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:  # a full QApplication, so widgets made later in this process (the wizard) still work
        from PySide6.QtWidgets import QApplication
        _app = QApplication(["sync-checkup"])
    except ImportError:
        _app = QGuiApplication(["sync-checkup"])
    atexit.register(_release_app)


def _release_app() -> None:
    """Tear down the application we made before Python's own shutdown: left to interpreter
    finalization, PySide6 can free it in the wrong order and abort the process."""
    global _app
    if _app is not None:
        _app.shutdown()
        _app = None


def _page_size() -> QPageSize:
    letter = QLocale.system().territory() in (QLocale.Country.UnitedStates,
                                              QLocale.Country.Canada)
    return QPageSize(QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4)


def render_pdf(report: Report, *, landscape: bool = False) -> bytes:
    """The whole PDF in memory, so a failed save never leaves half a file."""
    ensure_app()
    buffer = QBuffer()
    buffer.setData(QByteArray())
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(f"{report.title} — {report.run_id}")
    writer.setCreator("Sync Checkup")
    orientation = (QPageLayout.Orientation.Landscape if landscape
                   else QPageLayout.Orientation.Portrait)
    writer.setPageLayout(QPageLayout(_page_size(), orientation,
                                     QMarginsF(15, 14, 15, 12), QPageLayout.Unit.Millimeter))
    paint_rect = writer.pageLayout().paintRectPixels(writer.resolution())
    footer_h = FOOTER_MM / 25.4 * RESOLUTION
    width, height = float(paint_rect.width()), float(paint_rect.height()) - footer_h

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(8.5)
    for tag in ("liga", "clig"):  # "off" must stay three letters when copied or searched
        font.setFeature(QFont.Tag(tag), 0)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml(html.render(report, qt=True))
    doc.setPageSize(QSizeF(width, height))
    pages = max(1, doc.pageCount())

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(_("The PDF could not be started."))
    try:
        footer_font = QFont(font)
        footer_font.setPointSizeF(7.5)
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * height)
            doc.drawContents(painter, QRectF(0, page * height, width, height))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QPen(QColor("#9a9a9a"), 2))
            top = height + footer_h * 0.25
            painter.drawLine(0, int(top), int(width), int(top))
            painter.setPen(QColor("#444444"))
            area = QRectF(0, top, width, footer_h * 0.75)
            painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             report.footer)
            painter.drawText(area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             _("Page {page} of {pages}").format(page=page + 1, pages=pages))
    finally:
        painter.end()
    buffer.close()
    log.info("report PDF laid out: %d pages", pages)
    return bytes(buffer.data().data())
