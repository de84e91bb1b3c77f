"""Why a time entry won't sync, by reason code: a sentence for the detail and the report, and a
few words for a table cell."""

from __future__ import annotations

from wizard.text import N_, _

REASON_WORDS: dict[str, str] = {
    "ENTRY_NOT_BILLABLE": N_("Not billable: only billable entries are sent (tick the $ on the "
                             "entry)."),
    "ENTRY_NO_PROJECT": N_("No project: pick a project on the entry."),
    "ENTRY_USER_UNMAPPED": N_("Its user doesn't match a QuickBooks employee (see Names)."),
    "ENTRY_PROJECT_UNMAPPED": N_("Its project or client doesn't match QuickBooks (see Names)."),
    "ENTRY_RUNNING": N_("The timer is still running: stop it first."),
    "ENTRY_TOO_LONG": N_("Longer than 23 h 55 min: split it into shorter entries."),
    "ENTRY_BOOKS_CLOSED": N_("Its date is in a period closed in QuickBooks (closing date)."),
}

REASON_SHORT: dict[str, str] = {
    "ENTRY_NOT_BILLABLE": N_("not billable"),
    "ENTRY_NO_PROJECT": N_("no project"),
    "ENTRY_USER_UNMAPPED": N_("user not matched"),
    "ENTRY_PROJECT_UNMAPPED": N_("project not matched"),
    "ENTRY_RUNNING": N_("timer running"),
    "ENTRY_TOO_LONG": N_("over 23 h 55 min"),
    "ENTRY_BOOKS_CLOSED": N_("books closed"),
}

def reason_words(code: str) -> str:
    words = REASON_WORDS.get(code)
    return _(words) if words else code


def reason_short(code: str) -> str:
    words = REASON_SHORT.get(code)
    return _(words) if words else code
