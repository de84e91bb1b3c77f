"""The problem cards arrive a slice at a time, in order, each at the height its words need,
reached by Tab card after card; a hidden page's cards are shown only once the page is."""

from __future__ import annotations

import itertools

import pytest
from msgspec.structs import replace
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

from wizard.core.fixes import Plan, plan_for
from wizard.core.result import RunResult
from wizard.ui import problem_cards
from wizard.ui.problem_cards import ProblemCard, ProblemList

pytestmark = pytest.mark.gui

SHOWN = 30  # cards the list holds in these tests (the real limit is 150: slower, same code)


@pytest.fixture
def one_card_a_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(problem_cards, "MAX_CARDS", SHOWN)
    monkeypatch.setattr(problem_cards, "BUDGET_MS", 0)  # each pass makes or places one card


def _rows(sample_result: RunResult, n: int) -> list[tuple[str, problem_cards.Finding]]:
    todo = [f for f in sample_result.findings if f.status.is_problem]
    return [("to fix", replace(todo[i % len(todo)], subject=f"{todo[i % len(todo)].subject} {i}"))
            for i in range(n)]


def _host(qtbot, width: int = 700) -> tuple[QWidget, ProblemList]:  # type: ignore[no-untyped-def]
    host = QWidget()
    qtbot.addWidget(host)
    problems = ProblemList("Problems to fix", "Nothing to fix.", host)
    QVBoxLayout(host).addWidget(problems)
    host.resize(width, 500)
    return host, problems


def _shown(problems: ProblemList) -> list[ProblemCard]:
    return [c for c in problems.findChildren(ProblemCard) if c.isVisible()]


def _assert_placed(problems: ProblemList, subjects: list[str]) -> None:
    cards = _shown(problems)
    cards.sort(key=lambda c: c.y())
    assert [c.finding.subject for c in cards] == subjects  # in row order, top to bottom
    width = cards[0].width()
    assert width > 300
    for above, below in itertools.pairwise(cards):
        assert below.y() >= above.y() + above.height()  # no card over another
    for card in cards:
        assert card.width() == width
        # every word on show: the card is as tall as its wrapped text needs at that width
        assert card.height() >= card.heightForWidth(width)


@pytest.mark.usefixtures("one_card_a_pass")
def test_cards_come_a_slice_at_a_time_in_order(qtbot, sample_result) -> None:  # type: ignore[no-untyped-def]
    host, problems = _host(qtbot)
    host.show()
    qtbot.waitExposed(host)
    rows = _rows(sample_result, SHOWN + 5)
    problems.set_rows(rows, sample_result, plan_for(sample_result))
    assert problems.count() == SHOWN  # every card it will hold, made or not
    assert len(_shown(problems)) <= 1  # nothing more than one slice on the GUI thread at once
    assert problems.pending()
    qtbot.waitUntil(lambda: not problems.pending(), timeout=20_000)
    _assert_placed(problems, [f.subject for _c, f in rows[:SHOWN]])
    footer = [label for label in problems.widget().findChildren(problem_cards.QLabel)
              if label.text() == "5 more problems are listed on the Names page."]
    assert len(footer) == 1
    assert footer[0].isVisible()
    last = max(_shown(problems), key=lambda c: c.y())
    assert footer[0].y() >= last.y() + last.height()
    assert problems.widget().height() >= footer[0].y() + footer[0].height()  # scrolls to it

    wide = _shown(problems)[0].width()
    host.resize(450, 500)  # narrower: taller cards, placed again
    qtbot.waitUntil(lambda: not problems.pending() and _shown(problems)[0].width() < wide - 200,
                    timeout=20_000)
    _assert_placed(problems, [f.subject for _c, f in rows[:SHOWN]])


@pytest.mark.usefixtures("one_card_a_pass")
def test_a_hidden_list_makes_its_first_screen_and_shows_it_when_shown(qtbot, sample_result) -> None:  # type: ignore[no-untyped-def]
    host, problems = _host(qtbot)
    rows = _rows(sample_result, SHOWN)
    problems.set_rows(rows, sample_result, plan_for(sample_result))
    qtbot.waitUntil(lambda: not problems.pending(), timeout=20_000)
    made = problems.findChildren(ProblemCard)
    # the first screen is ready; the rest wait until the page is shown (a hidden page's 150
    # cards made in the background slowed every pass and every page switch elsewhere)
    assert len(made) == problem_cards.AHEAD < SHOWN
    assert problems.count() == SHOWN
    assert not any(card.isVisibleTo(host) for card in made)  # showing the page shows none yet
    host.show()
    qtbot.waitExposed(host)
    assert len(_shown(problems)) <= 1
    qtbot.waitUntil(lambda: not problems.pending(), timeout=20_000)
    _assert_placed(problems, [f.subject for _c, f in rows])
    assert len(problems.cards) == SHOWN


def test_showing_places_the_cards_that_fill_the_screen(qtbot, sample_result, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(problem_cards, "MAX_CARDS", SHOWN)
    monkeypatch.setattr(problem_cards, "BUDGET_MS", 60_000)  # only a full screen stops a slice
    host, problems = _host(qtbot)
    rows = _rows(sample_result, SHOWN)
    problems.set_rows(rows, sample_result, plan_for(sample_result))
    host.show()  # the page switch: its show events place cards before the first paint
    shown = sorted(_shown(problems), key=lambda c: c.y())
    screen = problems.viewport().height()
    assert 1 <= len(shown) < SHOWN
    assert shown[-1].y() + shown[-1].height() >= screen  # the screen is full…
    assert all(card.y() < screen for card in shown)  # …and nothing below it was measured yet
    assert problems.pending()
    qtbot.waitUntil(lambda: not problems.pending(), timeout=20_000)
    _assert_placed(problems, [f.subject for _c, f in rows])


@pytest.mark.usefixtures("one_card_a_pass")
def test_cards_gives_every_card_at_once_and_tab_goes_card_after_card(qtbot, sample_result) -> None:  # type: ignore[no-untyped-def]
    host, problems = _host(qtbot)
    after = QPushButton("After the list", host)  # what follows the list on its page
    host.layout().addWidget(after)
    host.show()
    host.activateWindow()
    qtbot.waitExposed(host)
    plan: Plan = plan_for(sample_result)
    rows = _rows(sample_result, 4)
    problems.set_rows(rows, sample_result, plan)
    cards = problems.cards  # made and placed now, in one go
    assert [c.finding.subject for c in cards] == [f.subject for _c, f in rows]
    assert not problems.pending()
    reachable = [b for card in cards for b in card.actions.buttons if b.isEnabled()]
    assert len(reachable) >= 4
    reachable[0].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is reachable[0])
    visited = [reachable[0]]
    for _ in range(len(reachable)):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [*reachable, after]  # card by card, then on past the list
    assert all(b.accessibleName() for b in reachable)
    assert all(card.accessibleName().startswith("To fix: ") for card in cards)


def test_a_hidden_list_measures_its_first_cards_at_the_width_its_page_will_have(  # type: ignore[no-untyped-def]
        qtbot, sample_result, monkeypatch) -> None:
    from PySide6.QtWidgets import QWizard, QWizardPage

    monkeypatch.setattr(problem_cards, "MAX_CARDS", SHOWN)
    monkeypatch.setattr(problem_cards, "BUDGET_MS", 60_000)
    measured: list[ProblemCard] = []
    measure = ProblemList._measure

    def counted(widget: QWidget, width: int) -> int:
        if isinstance(widget, ProblemCard):
            measured.append(widget)
        return measure(widget, width)

    monkeypatch.setattr(ProblemList, "_measure", staticmethod(counted))
    wizard = QWizard()
    qtbot.addWidget(wizard)
    wizard.addPage(QWizardPage())
    page = QWizardPage()
    problems = ProblemList("Problems to fix", "Nothing to fix.", page)
    QVBoxLayout(page).addWidget(problems)
    wizard.addPage(page)
    wizard.resize(900, 600)
    wizard.show()
    qtbot.waitExposed(wizard)
    rows = _rows(sample_result, SHOWN)
    problems.set_rows(rows, sample_result, plan_for(sample_result))
    qtbot.waitUntil(lambda: not problems.pending(), timeout=20_000)
    # while the page is hidden its first cards are made and measured (text layout, the bulk of
    # a card's cost), at the width the page will give the list: none of it falls on the switch
    assert len(measured) == problem_cards.AHEAD
    wizard.next()
    qtbot.waitUntil(lambda: not problems.pending(), timeout=20_000)
    _assert_placed(problems, [f.subject for _c, f in rows])
    assert len(measured) == SHOWN  # each card measured once: the guessed width was the right one
    for card in _shown(problems):  # and placed exactly as a card measured on show would be
        assert card.height() == measure(card, card.width())
