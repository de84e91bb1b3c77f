"""Under the pseudo-language every wizard page shows no English sentence of the app's own:
every widget's text, tooltip, accessible name, placeholder and list items, and every table's
cells and headers, are walked on all seven pages of the sample company."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTextEdit,
    QWidget,
    QWizard,
)

from tests.test_companies_cli import (
    Firm,
    firm,  # noqa: F401 (a fixture)
)
from tests.text.english import english_words, names_in
from tests.ui.conftest import make_window
from tests.ui.test_companies_page import (
    SAVE_SCREENSHOTS_ENV,
    three,  # noqa: F401 (a fixture)
)
from wizard import __version__, text
from wizard.flow import Load, Page
from wizard.storage import companies
from wizard.ui.app import CompaniesHome

pytestmark = pytest.mark.gui

_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
          Qt.ItemDataRole.AccessibleTextRole)


@pytest.fixture
def pseudo() -> Iterator[None]:
    text.set_language("pseudo")
    yield
    text.set_language(None)


def _plain(value: object) -> str:
    return re.sub(r"<[^>]+>", " ", value) if isinstance(value, str) else ""


def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model (QCompleter's, a combo box's): one column
        columns = 1
    for col in range(columns):
        yield _plain(model.headerData(col, Qt.Orientation.Horizontal))
    for row in range(min(model.rowCount(QModelIndex()), 300)):
        for col in range(columns):
            index = model.index(row, col, QModelIndex())
            for role in _ROLES:
                yield _plain(model.data(index, role))


def widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a person can see or hear on `root` and its children."""
    for w in [root, *root.findChildren(QWidget)]:
        where = f"{type(w).__name__} {w.objectName()}"
        yield where, w.toolTip()
        yield where, w.accessibleName()
        yield where, w.accessibleDescription()
        yield where, w.windowTitle() if w.isWindow() else ""
        if isinstance(w, QLabel | QAbstractButton):
            yield where, _plain(w.text())
        if isinstance(w, QLineEdit):
            yield where, w.placeholderText()
        if isinstance(w, QGroupBox):
            yield where, w.title()
        if isinstance(w, QComboBox):
            yield from ((where, w.itemText(i)) for i in range(w.count()))
        if isinstance(w, QTextEdit):
            yield where, w.toPlainText()
        if isinstance(w, QAbstractItemView):
            yield from ((where, t) for t in _model_texts(w))


def test_every_page_in_pseudo_shows_no_english_sentence(qtbot, pseudo: None) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    seen: list[tuple[str, str]] = []
    for page in Page:
        if page is not Page.WELCOME:
            window.button(QWizard.WizardButton.NextButton).click()
            qtbot.waitUntil(lambda: window.session.flow.load is Load.READY
                            and not window.session.busy, timeout=20_000)
        assert window.currentId() == page
        seen += [(f"{page.name}: {where}", t) for where, t in widget_texts(window) if t]
    result = window.session.flow.result
    names = [*names_in(result), "Sync Checkup", __version__]
    english = sorted({f"{where}: {' '.join(english_words(t, names))} — {t[:80]!r}"
                      for where, t in seen if english_words(t, names)})
    assert english == []
    assert any("~" in t for _where, t in seen)  # really the pseudo-language


# --- the All companies window (SPEC §9) ---------------------------------------------------------

PSEUDO_SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "pseudo"


def test_all_companies_in_pseudo_shows_no_english_sentence(  # type: ignore[no-untyped-def]
        qtbot, three: Firm, pseudo: None) -> None:  # noqa: F811
    """The window the app opens on when companies are saved, after Check all: its title, lead,
    buttons, headers and every row (a company with problems, a healthy one, one whose sign-in
    expired) are in the pseudo-language; only the companies' own names stay as they are.
    With SAVE_PAGE_SCREENSHOTS=1 it saves docs/screenshots/pseudo/100 (or /200 under
    QT_SCALE_FACTOR=2)/08-all-companies.png."""
    del three
    home = CompaniesHome(dt.date.today())
    page = home.page
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.check_all_button, Qt.MouseButton.LeftButton)
    assert page.worker is not None
    with qtbot.waitSignal(page.worker.signals.done, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: page.worker is None)
    names = ["Sync Checkup", __version__]
    for company in companies.load():
        names += [company.name, company.workspace_name, company.qbo_company_name]
    seen = [(where, t) for where, t in widget_texts(page) if t]
    english = sorted({f"{where}: {' '.join(english_words(t, names))} — {t[:80]!r}"
                      for where, t in seen if english_words(t, names)})
    assert english == []
    assert any("~" in t for _where, t in seen)  # really the pseudo-language
    # nothing clipped at the window's own size: no column off to the right, no row too short
    # for its wrapped text (it would end in "…")
    table = page.table
    assert table.horizontalScrollBar().maximum() == 0
    assert all(table.rowHeight(r) >= table.sizeHintForRow(r) for r in range(table.rowCount()))
    page.table.clearSelection()
    if os.environ.get(SAVE_SCREENSHOTS_ENV) == "1":
        scale = "200" if os.environ.get("QT_SCALE_FACTOR") == "2" else "100"
        folder = PSEUDO_SHOTS / scale
        folder.mkdir(parents=True, exist_ok=True)
        assert page.grab().save(str(folder / "08-all-companies.png"))
