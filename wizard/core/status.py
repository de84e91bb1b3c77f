"""A check's status and the ids of the checks: what every page header and box shows before any
check has run, apart from the result types (their dataclasses cost the window's first paint time
to build, and the Welcome page needs none of them). `wizard.core.result` gives the same names."""

from __future__ import annotations

from enum import StrEnum

CHECK_IDS = ("plan", "users", "customers", "entries", "connection")


class Status(StrEnum):
    PASS = "pass"
    INFO = "info"
    WARN = "warn"
    FAIL = "fail"
    NOT_CHECKED = "not_checked"

    @property
    def is_problem(self) -> bool:
        """Warn or fail: something the user should fix (the one place this is decided)."""
        return self in _PROBLEMS


_PROBLEMS = frozenset({Status.WARN, Status.FAIL})
_SEVERITY = {Status.PASS: 0, Status.INFO: 1, Status.NOT_CHECKED: 2, Status.WARN: 3, Status.FAIL: 4}


def worst(statuses: list[Status], default: Status = Status.PASS) -> Status:
    return max(statuses, key=_SEVERITY.__getitem__, default=default)
