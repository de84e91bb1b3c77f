"""The one word per status, shared by the screen, the report and the command line, and the
words of the Names tables' rows with what each means.

Keys are the codes (`Status` and `Tag` values, which are `StrEnum`s and so look these up
directly); code compares codes, never these words.
"""

from __future__ import annotations

from wizard.text import N_, _

# by Status value
_STATUS: dict[str, str] = {
    "pass": N_("OK"),
    "info": N_("Info"),
    "warn": N_("Warning"),
    "fail": N_("Problem"),
    "not_checked": N_("Not checked"),
}

# by Tag value: the word shown next to a name row's icon
_TAG: dict[str, str] = {
    "matched": N_("Matched"),
    "near": N_("Near match"),
    "missing": N_("Missing"),
    "inactive": N_("Inactive"),
    "vendor": N_("Vendor"),
    "wrong_parent": N_("Wrong parent"),
    "not_sub": N_("Not a sub-customer"),
    "only_sub": N_("Only a sub-customer"),
    "name_taken": N_("Name taken"),
    "colon": N_("Colon in name"),
    "client_first": N_("Fix client first"),
    "pending": N_("Invite pending"),
    "qbo_only": N_("Only in QuickBooks"),
    "qbo_only_inactive": N_("Inactive, only in QuickBooks"),
    "problem": N_("Problem"),
    "ok": N_("OK"),
}

# by Tag value: what the legend says about each word
_MEANING: dict[str, str] = {
    "matched": N_("Identical on both sides."),
    "near": N_("Close, but not identical; the difference is highlighted."),
    "missing": N_("Not in QuickBooks."),
    "inactive": N_("In QuickBooks, but inactive."),
    "vendor": N_("Set up in QuickBooks as a vendor, not as an employee."),
    "wrong_parent": N_("The sub-customer is under another customer."),
    "not_sub": N_("In QuickBooks a customer of its own, not a sub-customer."),
    "only_sub": N_("In QuickBooks only a sub-customer."),
    "name_taken": N_("An employee or vendor already uses the name."),
    "colon": N_("The name has a colon, which QuickBooks doesn't allow."),
    "client_first": N_("Its client doesn't match yet."),
    "pending": N_("Hasn't accepted the Clockify invitation yet."),
    "qbo_only": N_("Only in QuickBooks: no Clockify name uses it."),
}


def status_word(status: str) -> str:
    """The word for a `Status`, the same on screen, in the report and on the command line."""
    return _(_STATUS[status])


def tag_word(tag: str) -> str:
    """The word next to a name row's icon."""
    return _(_TAG[tag])


def tag_meaning(tag: str) -> str:
    """What a row word means, for the legend (empty for words the legend doesn't show)."""
    meaning = _MEANING.get(tag)
    return _(meaning) if meaning else ""


__all__ = ["status_word", "tag_meaning", "tag_word"]
