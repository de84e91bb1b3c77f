"""The Welcome page fits its window: at the default size, in English and under the longer
pseudo-language, every part of both side boxes gets at least the height it needs and lies
inside its box; the steps overview below gives up its room first (and scrolls)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QGroupBox, QWidget

from tests.ui.conftest import make_window
from wizard import text
from wizard.flow import Page

pytestmark = pytest.mark.gui


@pytest.fixture(params=[None, "pseudo"], ids=["english", "pseudo"])
def language(request: pytest.FixtureRequest) -> Iterator[str | None]:
    text.set_language(request.param)
    yield request.param
    text.set_language(None)


def _clipped(box: QGroupBox) -> list[str]:
    """Each visible child of `box` squeezed below its minimum height or sticking out of it."""
    inside = box.contentsRect()
    problems = []
    for child in box.findChildren(QWidget):
        if not child.isVisibleTo(box):
            continue
        where = QRect(child.mapTo(box, child.rect().topLeft()), child.size())
        needed = (child.heightForWidth(child.width()) if child.hasHeightForWidth()
                  else child.minimumSizeHint().height())
        if child.height() < needed or not inside.contains(where):
            name = child.accessibleName() or type(child).__name__
            problems.append(f"{name!r} at {where.getRect()} needs {needed} px high; "
                            f"the box holds {inside.getRect()}")
    return problems


def test_both_side_boxes_fit_at_the_default_size(qtbot, language: str | None) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, sample=False, prebuild=False)
    assert window.size().toTuple() == (1180, 820)
    QApplication.processEvents()
    page = window.pages[Page.WELCOME]
    for box in (page.clockify, page.quickbooks):
        assert box.height() >= box.heightForWidth(box.width()), box.title()
        assert _clipped(box) == [], box.title()
    # the last rows the pseudo-language used to cut in half
    box = page.quickbooks
    for combo in (box.plan_combo, box.payroll_combo):
        assert combo.height() >= combo.minimumSizeHint().height()
    # the overview is still there, below the boxes, and can be scrolled to its end
    steps = page.steps
    assert steps.isVisible()
    assert steps.geometry().top() >= box.geometry().bottom()
    assert steps.height() > 0
