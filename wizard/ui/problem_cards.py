"""Problems as cards, each read in full without hovering: a status icon and word, what it is
about, what is wrong, the fix, and the actions (Copy name, Open in QuickBooks / Clockify, Fix
for me…). Used on the Summary and Resync pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wizard.core.result import Finding, RunResult, Status
from wizard.text import N_, _, _n
from wizard.ui.action_bar import ActionBar, fix_plan, fixability
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

    Signals:
        fix_requested(object): a card's "Fix for me…" was clicked (the Finding).
    """

    fix_requested = Signal(object)

    def __init__(self, name: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty_text = empty_text
        self.cards: list[ProblemCard] = []
        self._inner: QWidget | None = None
        self.set_rows((), None)

    def set_rows(self, rows: Sequence[tuple[str, Finding]], result: RunResult | None) -> None:
        inner = QWidget()
        inner.setAccessibleName(self.accessibleName())
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(6)
        self.cards = []
        plan = fix_plan(result) if rows else None
        for change, finding in rows[:MAX_CARDS]:
            card = ProblemCard(change, finding, result, inner, plan)
            card.actions.fix_requested.connect(self.fix_requested)
            self.cards.append(card)
            layout.addWidget(card)
        if not rows:
            layout.addWidget(_wrapped(self.empty_text, inner))
        elif len(rows) > MAX_CARDS:
            more = len(rows) - MAX_CARDS
            layout.addWidget(_wrapped(_n(
                "{count} more problem is listed on the Names page.",
                "{count} more problems are listed on the Names page.", more).format(
                    count=f"{more:,}"), inner))
        layout.addStretch(1)
        self.setWidget(inner)  # the old one is deleted by the scroll area
        self._inner = inner

    def count(self) -> int:
        return len(self.cards)
