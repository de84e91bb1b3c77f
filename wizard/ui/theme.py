"""Colours, icons and words for statuses: one place, so every page says a status the same way.

A status is never shown by colour alone: each has an icon and a word too. Row colours come in a
light and a dark set, picked from the palette's window colour, so text stays readable in a dark
theme.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from wizard.core.labels import Tag
from wizard.core.status import Status
from wizard.resources import resource_path

_STATUS_ICON = {
    Status.PASS: "status-pass.svg",
    Status.INFO: "status-info.svg",
    Status.WARN: "status-warn.svg",
    Status.FAIL: "status-fail.svg",
    Status.NOT_CHECKED: "status-not-checked.svg",
}

_TAG_ICON = {
    Tag.MATCHED: "status-pass.svg",
    Tag.OK: "status-pass.svg",
    Tag.NEAR: "name-near.svg",
    Tag.INACTIVE: "name-inactive.svg",
    Tag.VENDOR: "name-vendor.svg",
    Tag.WRONG_PARENT: "name-parent.svg",
    Tag.NOT_SUB: "name-parent.svg",
    Tag.ONLY_SUB: "status-warn.svg",
    Tag.PENDING: "status-warn.svg",
    Tag.QBO_ONLY: "name-qbo-only.svg",
    Tag.CLIENT_FIRST: "status-not-checked.svg",
}

# (light background, dark background) per tag; text colour follows the palette
_TAG_COLOURS: dict[Tag, tuple[str, str]] = {
    Tag.MATCHED: ("#dff3e4", "#1f3d27"),
    Tag.OK: ("#dff3e4", "#1f3d27"),
    Tag.NEAR: ("#ffe6cc", "#4d3015"),
    Tag.MISSING: ("#fbdcdc", "#4f2222"),
    Tag.INACTIVE: ("#e4e4e4", "#3a3a3a"),
    Tag.VENDOR: ("#eadcf5", "#3d2750"),
    Tag.WRONG_PARENT: ("#f8d9e7", "#4d2238"),
    Tag.NOT_SUB: ("#f8d9e7", "#4d2238"),
    Tag.ONLY_SUB: ("#fff4c2", "#4a4215"),
    Tag.PENDING: ("#fff4c2", "#4a4215"),
    Tag.NAME_TAKEN: ("#fbdcdc", "#4f2222"),
    Tag.COLON: ("#fbdcdc", "#4f2222"),
    Tag.CLIENT_FIRST: ("#efe7dc", "#3b342a"),
    Tag.PROBLEM: ("#fbdcdc", "#4f2222"),
    Tag.QBO_ONLY: ("#e3eefb", "#1f3049"),
}

# highlight for the characters that differ between two spellings
DIFF_MARK = {False: "#ffd54f", True: "#ffb300"}


def is_dark() -> bool:
    app = QApplication.instance()
    palette = app.palette() if isinstance(app, QApplication) else QPalette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


@cache
def _icon(name: str) -> QIcon:
    return QIcon(str(resource_path("icons", name)))


def status_icon(status: Status) -> QIcon:
    return _icon(_STATUS_ICON[status])


def status_icon_path(status: Status) -> str:
    return str(resource_path("icons", _STATUS_ICON[status]))


def tag_icon(tag: Tag, status: Status) -> QIcon:
    name = _TAG_ICON.get(tag)
    return _icon(name) if name else status_icon(status)


def tag_background(tag: Tag, dark: bool) -> QColor:
    light_hex, dark_hex = _TAG_COLOURS.get(tag, _TAG_COLOURS[Tag.PROBLEM])
    return QColor(dark_hex if dark else light_hex)


def tag_foreground(dark: bool) -> QColor:
    return QColor("#f2f2f2" if dark else "#1a1a1a")


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style (used when the system asks for dark, and in tests)."""
    p = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
            (roles.Window, "#2b2b2b"), (roles.WindowText, "#eeeeee"), (roles.Base, "#1f1f1f"),
            (roles.AlternateBase, "#2a2a2a"), (roles.ToolTipBase, "#3a3a3a"),
            (roles.ToolTipText, "#eeeeee"), (roles.Text, "#eeeeee"), (roles.Button, "#353535"),
            (roles.ButtonText, "#eeeeee"), (roles.BrightText, "#ff6b6b"),
            (roles.Link, "#6cb4ff"), (roles.Highlight, "#3d7bd9"),
            (roles.HighlightedText, "#ffffff"), (roles.PlaceholderText, "#9a9a9a")):
        p.setColor(role, QColor(colour))
    p.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor("#7a7a7a"))
    p.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor("#7a7a7a"))
    p.setColor(QPalette.ColorGroup.Disabled, roles.WindowText, QColor("#7a7a7a"))
    return p
