"""A word-wrapped label that remembers its heights answers exactly as a plain QLabel would.

WrappedLabel keeps the height it laid out for each of the last few widths (the Welcome page's
layouts ask its labels nearly two hundred times before the first paint); whatever else shapes
the text must make it lay the text out again.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from wizard.ui.widgets import WrappedLabel

pytestmark = pytest.mark.gui

WIDTHS = (-32, 4, 16, 90, 180, 181, 400, 1100)
RICH = ("<ul style=\"margin-left: -20px\"><li>A Clockify workspace <b>owner or admin</b>: their "
        "API key reads the workspace.</li><li>About <b>five minutes</b>.</li></ul>")
PLAIN = ("Needs the Customer, Vendor and Employee contact lists from QuickBooks (CSV or Excel), "
         "and your answers about the plan and payroll.")


class _CountingLabel(QLabel):
    """Counts the heights Qt actually lays out, below WrappedLabel's memory."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        self.laid_out = 0
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def heightForWidth(self, width: int) -> int:
        self.laid_out += 1
        return super().heightForWidth(width)


class _Probe(WrappedLabel, _CountingLabel):
    pass


def _pair(qtbot, text: str) -> tuple[_Probe, QLabel]:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    remembering = _Probe(text, parent)
    plain = QLabel(text, parent)
    plain.setWordWrap(True)
    return remembering, plain


def _same(remembering: QLabel, plain: QLabel) -> None:
    for width in WIDTHS + WIDTHS:  # the second round comes from memory
        assert remembering.heightForWidth(width) == plain.heightForWidth(width), width


@pytest.mark.parametrize("text", [RICH, PLAIN, ""])
def test_heights_are_laid_out_once_per_width_and_equal_a_plain_label(qtbot, text) -> None:  # type: ignore[no-untyped-def]
    remembering, plain = _pair(qtbot, text)
    _same(remembering, plain)
    assert remembering.laid_out == len(WIDTHS)


def test_each_change_that_shapes_the_text_lays_it_out_again(qtbot) -> None:  # type: ignore[no-untyped-def]
    remembering, plain = _pair(qtbot, RICH)
    _same(remembering, plain)
    changes = [
        lambda label: label.setText(PLAIN),
        lambda label: label.setTextFormat(Qt.TextFormat.PlainText),
        lambda label: label.setIndent(22),
        lambda label: label.setMargin(7),
        lambda label: label.setContentsMargins(5, 3, 11, 2),
        lambda label: label.setFont(_bigger(label)),
        lambda label: label.setStyleSheet("font-size: 19px"),
        lambda label: label.setText(RICH),
    ]
    for change in changes:
        before = remembering.laid_out
        change(remembering)
        change(plain)
        _same(remembering, plain)
        assert remembering.laid_out > before  # it did not answer from a stale memory


def test_memory_stays_small_over_many_widths(qtbot) -> None:  # type: ignore[no-untyped-def]
    remembering, plain = _pair(qtbot, PLAIN)
    for width in range(100, 400):
        assert remembering.heightForWidth(width) == plain.heightForWidth(width)
    assert len(remembering._heights) <= WrappedLabel.KEPT


def _bigger(label: QLabel):  # type: ignore[no-untyped-def]
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.7)
    return font
