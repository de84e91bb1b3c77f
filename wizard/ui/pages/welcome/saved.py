"""The Welcome page's answers kept between runs, stored as values, never as positions in a list.

The plan is kept as its code ("plus") and payroll as "yes"/"no", so reordering or extending the
plan picker can't change what someone answered before. Version 0.1.0 kept the two pickers'
positions (`manual/plan`, `manual/payroll`); those are read once, in the order that version
showed, written back as values, and removed. Secrets never come here (the keyring holds them).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QSettings

from wizard.flow import Choices
from wizard.ui.pages.welcome.sides import SOURCES
from wizard.ui.session import file_list, open_settings

PLAN_KEY = "answers/plan"  # a plan code as `plan_from_choice` takes it; "" = not sure
PAYROLL_KEY = "answers/payroll"  # "yes", "no"; "" = not sure

# what 0.1.0 stored: a position in these lists (its plan picker, its payroll picker)
OLD_PLAN_KEY = "manual/plan"
OLD_PAYROLL_KEY = "manual/payroll"
OLD_PLAN_ORDER = (None, "simple start", "easystart", "essentials", "plus", "advanced")
OLD_PAYROLL_ORDER: tuple[bool | None, ...] = (None, False, True)

_PAYROLL_VALUE = {None: "", False: "no", True: "yes"}


class Answers(NamedTuple):
    """What export files can't tell: the QuickBooks plan's code and whether payroll is on
    (None: "I'm not sure")."""

    plan: str | None = None
    payroll: bool | None = None


def restore(choices: Choices) -> Answers:
    """Put the saved sources and files into `choices`; the saved plan and payroll answers."""
    settings = open_settings()
    c = settings.value("sources/clockify")
    q = settings.value("sources/quickbooks")
    choices.clockify = c if c in SOURCES else choices.clockify
    choices.quickbooks = q if q in SOURCES else choices.quickbooks
    choices.clockify_files = file_list(settings.value("files/clockify"))
    choices.qbo_files = file_list(settings.value("files/quickbooks"))
    if not settings.contains(PLAN_KEY) and (settings.contains(OLD_PLAN_KEY)
                                            or settings.contains(OLD_PAYROLL_KEY)):
        _store_answers(settings, _from_positions(settings))
        settings.remove(OLD_PLAN_KEY)
        settings.remove(OLD_PAYROLL_KEY)
        settings.sync()
    plan = str(settings.value(PLAN_KEY, "") or "")
    payroll = str(settings.value(PAYROLL_KEY, "") or "")
    return Answers(plan or None, {"yes": True, "no": False}.get(payroll))


def save(choices: Choices, answers: Answers) -> None:
    settings = open_settings()
    settings.setValue("sources/clockify", choices.clockify or "")
    settings.setValue("sources/quickbooks", choices.quickbooks or "")
    settings.setValue("files/clockify", [str(p) for p in choices.clockify_files])
    settings.setValue("files/quickbooks", [str(p) for p in choices.qbo_files])
    _store_answers(settings, answers)
    settings.sync()


def _store_answers(settings: QSettings, answers: Answers) -> None:
    settings.setValue(PLAN_KEY, answers.plan or "")
    settings.setValue(PAYROLL_KEY, _PAYROLL_VALUE[answers.payroll])


def _position(value: Any, length: int) -> int:
    """A stored position as 0.1.0 read it (wrapped into range); 0 for anything unreadable."""
    try:
        return int(value or 0) % length
    except (TypeError, ValueError):
        return 0


def _from_positions(settings: QSettings) -> Answers:
    plan = OLD_PLAN_ORDER[_position(settings.value(OLD_PLAN_KEY), len(OLD_PLAN_ORDER))]
    payroll = OLD_PAYROLL_ORDER[_position(settings.value(OLD_PAYROLL_KEY),
                                          len(OLD_PAYROLL_ORDER))]
    return Answers(plan, payroll)
