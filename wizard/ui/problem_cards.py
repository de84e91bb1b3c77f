"""Problems as cards, each read in full without hovering: a status icon and word, what it is
about, what is wrong, the fix, and the actions (Copy name, Open in QuickBooks / Clockify, Fix
for me…). Used on the Summary and Resync pages."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from wizard.core.result import Finding, RunResult, Status
from wizard.text import N_, _, _n
from wizard.ui.action_bar import ActionBar, fixability
from wizard.ui.widgets import icon_label

if TYPE_CHECKING:
    from wizard.core.compare import Comparison
    from wizard.core.fixes import Plan

# how a row's change is shown: (status for the icon, or None = the finding's own; the word)
CHANGE_SHOWN: dict[str, tuple[Status | None, str]] = {
    "to fix": (None, N_("To fix")),
    "fixed": (Status.PASS, N_("Fixed")),
    "new": (Status.FAIL, N_("New")),
    "still to fix": (Status.WARN, N_("Still to fix")),
}
_KIND_HEADING = {
    "user": N_("User “{name}”"),
    "client": N_("Client “{name}”"),
    "project": N_("Project “{name}”"),
    "plan": N_("QuickBooks plan: {name}"),
    "connection": N_("Connection to {name}"),
}
MAX_CARDS = 150  # beyond this, a sentence says how many more are on the Names page
BUDGET_MS = 8  # GUI-thread time one event-loop pass may spend on cards: with its paint a pass stays
# near 12 ms of CPU, so a page switch and the first slice after it stay well under the 50 ms goal
AHEAD = 6  # cards a hidden list makes ready for its first screen (about five fit at 1180×820)
SPACING = 6


def change_rows(changes: Comparison | None) -> list[tuple[str, Finding]]:
    """Fixed, new and still to fix, in that order, as card rows."""
    if changes is None:
        return []
    return ([("fixed", c.problem) for c in changes.fixed]
            + [("new", c.problem) for c in changes.new]
            + [("still to fix", c.problem) for c in changes.still_failing])


def card_heading(f: Finding) -> str:
    if f.subject_kind == "project" and f.client:
        return _("Project “{name}” (client “{client}”)").format(name=f.subject, client=f.client)
    template = _KIND_HEADING.get(f.subject_kind)
    return _(template).format(name=f.subject) if template else f.subject


def _wrapped(text: str, parent: QWidget, selectable: bool = True) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ProblemCard(QFrame):
    """One problem, every word on show."""

    def __init__(self, change: str, finding: Finding, result: RunResult | None,
                 parent: QWidget | None = None, plan: Plan | None = None) -> None:
        super().__init__(parent)
        self.change = change
        self.finding = finding
        self.setFrameShape(QFrame.Shape.StyledPanel)
        status, word_id = CHANGE_SHOWN.get(change, (None, change))
        shown_status = status if status is not None else finding.status
        word = _(word_id)
        heading = card_heading(finding)
        self.setAccessibleName(_("{change}: {heading}").format(change=word, heading=heading))
        icon = icon_label(shown_status, 20, self)
        self.word = QLabel(_("<b>{change}:</b>").format(change=word), self)
        self.heading = _wrapped(heading, self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.word)
        top.addWidget(self.heading, 1)
        self.message = _wrapped(finding.message, self)
        self.fix = _wrapped(_("Fix: {fix}").format(fix=finding.fix), self) \
            if change != "fixed" else None
        self.actions = ActionBar(self)
        fixable, why = fixability(plan, finding)
        self.actions.show_for(finding if change != "fixed" else None, fixable, why,
                              result=result)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.message)
        if self.fix is not None:
            layout.addWidget(self.fix)
            layout.addWidget(self.actions)
        else:
            self.actions.hide()


class ProblemList(QScrollArea):
    """Cards for (change, finding) rows, in order; a sentence when there are none.

    The cards are made a few at a time, one short slice of work per event-loop pass, and
    placed by hand one under the other at the list's width. A large company's 150 cards of
    wrapped, selectable text, all made and laid out by one QVBoxLayout, held the GUI thread for
    over a second; added to that layout in batches, every batch re-measured every card before
    it. Here a card is measured once when it is placed (again only if the width changes), and a
    card is only shown and measured while the list is on screen. A hidden list makes only its
    first screenful (AHEAD): two hidden lists making 300 cards in the background added a slice
    to every pass while the person was on another page, and every page switch then walked their
    1,200 buttons (QDialog looks for its default button among all of them). When the list is
    shown, the cards that fill its screen are placed before the first paint and the rest follow
    a slice at a time. Each card keeps its real buttons: with a view and a delegate the buttons
    would only be painted, out of reach of Tab and of screen readers.

    Signals:
        fix_requested(object): a card's "Fix for me…" was clicked (the Finding).
    """

    fix_requested = Signal(object)

    def __init__(self, name: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setWidgetResizable(False)  # the column's size is set here, see _place
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty_text = empty_text
        self._rows: list[tuple[str, Finding]] = []
        self._result: RunResult | None = None
        self._plan: Plan | None = None
        self._built: list[ProblemCard] = []
        self._heights: dict[int, int] = {}  # card index → height, measured at _hint_width
        self._hint_width = -1  # the column width a hidden list expects (see _expected_width)
        self._placed = 0  # cards of _built measured, positioned and shown at _width
        self._bottom = 0  # where the next card goes
        self._width = -1
        self._tab_tail: QWidget = self
        self._column = QWidget()
        self._footer: QLabel | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.on_timer_timeout)
        self.set_rows((), None)

    def set_rows(self, rows: Sequence[tuple[str, Finding]], result: RunResult | None,
                 plan: Plan | None = None) -> None:
        """Show these rows; `plan` is the fix plan the check's worker made from `result` (a
        large company's takes a tenth of a second: never made here); None only with no rows."""
        self._timer.stop()
        self._built = []
        self._heights = {}
        self._hint_width = -1
        column = QWidget()
        column.setAccessibleName(self.accessibleName())
        self._rows = list(rows[:MAX_CARDS])
        self._result = result
        self._plan = plan
        more = len(rows) - MAX_CARDS
        footer: str | None = None
        if not rows:
            footer = self.empty_text
        elif more > 0:
            footer = _n("{count} more problem is listed on the Names page.",
                        "{count} more problems are listed on the Names page.", more).format(
                            count=f"{more:,}")
        self._footer = _wrapped(footer, column) if footer is not None else None
        if self._footer is not None:
            self._footer.hide()
        self._placed = 0
        self._bottom = 0
        self._width = -1
        self._tab_tail = self
        self.setWidget(column)  # the old one is deleted by the scroll area
        self._column = column
        if self.isVisible():  # on screen: its first cards at once, not after an empty paint
            self._work(BUDGET_MS)
        else:  # a page filled after a check: one page per pass, its cards in later ones
            self._timer.start()

    def count(self) -> int:
        """How many problem cards the list holds (some may still be on their way)."""
        return len(self._rows)

    @property
    def cards(self) -> list[ProblemCard]:
        """Every card, in order; those still to come are made now, in one go (for tests and
        for anyone who needs all of them at once: the window never waits for them)."""
        self._work(None, everything=True)
        return list(self._built)

    def pending(self) -> bool:
        """Whether cards are still to be made or placed."""
        return self._timer.isActive()

    # --- Qt ---

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # the cards on screen before the first paint, the rest after (a page switch sends two
        # show events: the second finds the screen full and leaves the rest to the timer)
        self._work(BUDGET_MS, fill=True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible() and self._column_width() != self._width:
            self._timer.start()

    # --- slots ---

    def on_timer_timeout(self) -> None:
        self._work(BUDGET_MS)

    # --- the cards, a slice at a time ---

    def _column_width(self) -> int:
        # room for the scroll bar is always kept, so it coming and going never re-measures
        reserve = self.verticalScrollBar().sizeHint().width() + 4
        return max(1, self.width() - 2 * self.frameWidth() - reserve)

    def _screen_full(self) -> bool:
        """Whether the placed cards reach below what the list shows."""
        # the viewport's height, without asking for the viewport: the horizontal bar is always
        # off, and the first viewport() of a process makes PySide build some forty enum classes
        # (about 12 ms, which fell on the first page switch to a list)
        shown = self.height() - 2 * self.frameWidth()
        return self._bottom >= self.verticalScrollBar().value() + shown

    def _work(self, budget_ms: float | None, *, fill: bool = False,
              everything: bool = False) -> None:
        """Make and place cards until the budget is spent (None: no limit). `fill` stops once
        the screen is full; a hidden list makes only its first AHEAD cards unless `everything`."""
        start = time.perf_counter()
        visible = self.isVisible()
        if visible and self._column_width() != self._width:
            self._width = self._column_width()
            self._placed = 0
            self._bottom = 0
        wanted = len(self._rows) if visible or everything else min(AHEAD, len(self._rows))
        if not visible and not everything and self._hint_width < 0:
            self._hint_width = self._expected_width()
        while not (fill and visible and self._screen_full()):
            if visible and self._placed < len(self._built):
                self._place(self._built[self._placed])
                self._placed += 1
            elif len(self._built) < wanted:
                self._build(*self._rows[len(self._built)])
            elif not visible and self._hint_width > 0 and len(self._heights) < wanted:
                at = len(self._heights)
                self._heights[at] = self._measure(self._built[at], self._hint_width)
            else:
                break
            if budget_ms is not None and (time.perf_counter() - start) * 1000 >= budget_ms:
                break
        done = len(self._built) == wanted and (
            self._placed == len(self._built) if visible
            else everything or self._hint_width <= 0 or len(self._heights) >= wanted)
        if visible:
            height = self._bottom
            if done and self._footer is not None:
                height += self._put(self._footer, self._bottom)
            self._column.resize(self._width, max(1, height))
        if done:
            self._timer.stop()
        else:
            self._timer.start()

    def _build(self, change: str, finding: Finding) -> None:
        card = ProblemCard(change, finding, self._result, self._column, self._plan)
        card.hide()  # until it is placed: a hidden page shows no half-measured card
        card.actions.fix_requested.connect(self.fix_requested)
        for button in card.actions.buttons:  # Tab goes card after card, right after the list
            QWidget.setTabOrder(self._tab_tail, button)
            self._tab_tail = button
        self._built.append(card)

    def _expected_width(self) -> int:
        """The column width this hidden list will have once its page is shown, or -1: a page
        never shown has no geometry yet, but it will be as wide as the wizard's page on show.
        Measuring its first cards while hidden takes that work (text layout, a few ms a card)
        off the page switch; a wrong guess only means they are measured again when shown."""
        page = self.parentWidget()
        wizard = page.wizard() if isinstance(page, QWizardPage) else None
        current = wizard.currentPage() if wizard is not None else None
        layout = page.layout() if page is not None else None
        if current is None or current is page or not current.isVisible() or layout is None:
            return -1
        margins = layout.contentsMargins()
        width = current.width() - margins.left() - margins.right()
        reserve = self.verticalScrollBar().sizeHint().width() + 4
        return max(-1, width - 2 * self.frameWidth() - reserve)

    def _place(self, card: ProblemCard) -> None:
        at = self._placed
        known = self._heights.get(at) if self._width == self._hint_width else None
        self._bottom += self._put(card, self._bottom, known) + SPACING

    def _put(self, widget: QWidget, top: int, height: int | None = None) -> int:
        """Measure `widget` at the column's width (unless its `height` there is known), put it
        at `top`, show it; its height."""
        width = self._width
        if height is None:
            height = self._measure(widget, width)
        widget.setGeometry(0, top, width, height)
        widget.show()
        return height

    @staticmethod
    def _measure(widget: QWidget, width: int) -> int:
        height = (widget.heightForWidth(width) if widget.hasHeightForWidth()
                  else widget.sizeHint().height())
        return max(height, widget.minimumSizeHint().height())
