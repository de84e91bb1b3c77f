"""Draws the app icon with QPainter and writes resources/icons/app.png, app.ico and app.icns.

The generated files are committed; run this again only when the drawing changes:
    .venv/bin/python build/make_icons.py
ICO and ICNS are written here (PNG entries in both formats) so the build needs neither Pillow
nor Apple's iconutil.
"""

from __future__ import annotations

import math
import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types that may hold PNG data, with their pixel size.
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("ic11", 32), ("icp6", 64), ("ic12", 64),
              ("ic07", 128), ("ic13", 256), ("ic08", 256), ("ic14", 512), ("ic09", 512),
              ("ic10", 1024))


def _arrow_head(p: QPainter, tip: QPointF, angle: float, size: float) -> None:
    """A filled triangle pointing along `angle` (radians) with its tip at `tip`."""
    back = QPointF(tip.x() - size * math.cos(angle), tip.y() - size * math.sin(angle))
    side = QPointF(-math.sin(angle) * size * 0.6, math.cos(angle) * size * 0.6)
    p.drawPolygon(QPolygonF([tip, back + side, back - side]))


def draw(size: int) -> QImage:
    """The icon at `size` pixels: two sync arrows around a check mark on a blue tile."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 100.0, size / 100.0)  # draw in a 100 × 100 box

    tile = QRectF(4, 4, 92, 92)
    gradient = QLinearGradient(tile.topLeft(), tile.bottomRight())
    gradient.setColorAt(0.0, QColor("#2f80ed"))
    gradient.setColorAt(1.0, QColor("#1b4fa8"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gradient))
    p.drawRoundedRect(tile, 20, 20)

    # Two arcs with arrow heads: "sync".
    white = QColor("#ffffff")
    ring = QRectF(20, 20, 60, 60)
    p.setPen(QPen(white, 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
    p.setBrush(Qt.BrushStyle.NoBrush)
    for start in (100, 280):  # degrees, Qt counts counter-clockwise from 3 o'clock
        p.drawArc(ring, start * 16, 130 * 16)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(white)
    for end in (230, 50):  # each arc's end, where it turns into an arrow head
        a = math.radians(end + 16)
        tip = QPointF(50 + 30 * math.cos(a), 50 - 30 * math.sin(a))
        mid = math.radians(end + 8)  # counter-clockwise on screen (y points down)
        _arrow_head(p, tip, math.atan2(-math.cos(mid), -math.sin(mid)), 13)

    # The check mark in the middle.
    check = QPainterPath(QPointF(37, 51))
    check.lineTo(46, 60)
    check.lineTo(64, 40)
    p.setPen(QPen(QColor("#6fe3a1"), 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                  Qt.PenJoinStyle.RoundJoin))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(check)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("PNG encoding failed")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG per size (Vista and later read PNG entries)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in sorted(images.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def icns(elements: list[tuple[str, bytes]]) -> bytes:
    """An Apple .icns: a header, then one (type, length, PNG) element per size."""
    body = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(blob)) + blob
                    for kind, blob in elements)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    sizes = sorted({*ICO_SIZES, *(s for _, s in ICNS_TYPES), 512})
    pngs = {size: png_bytes(draw(size)) for size in sizes}
    (OUT / "app.png").write_bytes(pngs[512])
    (OUT / "app.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (OUT / "app.icns").write_bytes(icns([(kind, pngs[s]) for kind, s in ICNS_TYPES]))
    for name in ("app.png", "app.ico", "app.icns"):
        print(f"wrote {OUT / name} ({(OUT / name).stat().st_size:,} bytes)")  # noqa: T201
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
