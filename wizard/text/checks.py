"""Each check's title and one-line summary (SPEC §3), as whole sentences in the right number,
including the entries check's summary when users or projects could not be checked.

A summary is one or more whole sentences side by side (`sentences`), never clauses glued with
"; ": each sentence stands on its own, so a translation never depends on the one beside it.
"""

from __future__ import annotations

from wizard.text import N_, _, _n

# what a check was waiting for when it could not run
_NEEDS: dict[str, str] = {
    "clockify": N_("Not checked: this needs Clockify."),
    "quickbooks": N_("Not checked: this needs QuickBooks."),
    "employees": N_("Not checked: this needs the QuickBooks employee list."),
    "customers": N_("Not checked: this needs the QuickBooks customer list."),
    "entries": N_("Not checked: this needs the Clockify time entries."),
}

# the plan check's summary, by whether payroll is on (True/False/None)
_PAYROLL: dict[bool | None, str] = {
    True: N_("{plan}, payroll on."),
    False: N_("{plan}, payroll off."),
    None: N_("{plan}, payroll not known."),
}


def sentences(*parts: str) -> str:
    """Whole sentences, each already translated, side by side."""
    return " ".join(part for part in parts if part)


def needs(what: str) -> str:
    """A check that could not run: `what` is clockify, quickbooks, employees, customers or
    entries."""
    return _(_NEEDS[what])


def plan(plan_name: str, payroll: bool | None) -> str:
    return _(_PAYROLL[payroll]).format(plan=plan_name)


def plan_not_checked(reasons: list[str]) -> str:
    """The plan or payroll could not be read; `reasons` are whole sentences saying why."""
    if not reasons:
        return _("Not checked: whether payroll is on is not known.")
    return _("Not checked: {reasons}").format(reasons=" ".join(reasons))


def time_tracking_unknown() -> str:
    return _("Whether QuickBooks time tracking is on is not known (export files don't say).")


def _problems(count: int) -> str:
    return _n("{count:,} problem.", "{count:,} problems.", count).format(
        count=count) if count else ""


def users(matched: int, total: int, problems: int, pending: int, vendors_known: bool) -> str:
    return sentences(
        _n("{matched:,} of {total:,} member matches a QuickBooks employee.",
           "{matched:,} of {total:,} members match a QuickBooks employee.",
           total).format(matched=matched, total=total),
        _problems(problems),
        _n("{count:,} invitation pending.", "{count:,} invitations pending.",
           pending).format(count=pending) if pending else "",
        "" if vendors_known else _("Vendors were not checked (there is no vendor list)."))


def customers(matched: int, total: int, problems: int, archived_skipped: int) -> str:
    return sentences(
        _n("{matched:,} of {total:,} client or project matches QuickBooks.",
           "{matched:,} of {total:,} clients and projects match QuickBooks.",
           total).format(matched=matched, total=total),
        _problems(problems),
        _n("{count:,} archived one unused in the period is not listed.",
           "{count:,} archived ones unused in the period are not listed.",
           archived_skipped).format(count=archived_skipped) if archived_skipped else "")


def entries(will_sync: int, total: int, wont_sync: int, not_admin: bool,
            mapping_known: bool, closing_known: bool) -> str:
    text = sentences(
        _n("{will:,} of {total:,} entry in the period will sync.",
           "{will:,} of {total:,} entries in the period will sync.",
           total).format(will=will_sync, total=total),
        # Translators: follows "{will} of {total} entries in the period will sync.": how many
        # of those entries won't.
        _n("{count:,} won't sync.", "{count:,} won't sync.",
           wont_sync).format(count=wont_sync) if wont_sync else "",
        _("Only the key owner's own entries could be read (the key is not an admin's).")
        if not_admin else "",
        _("The QuickBooks closing date is not known, so closed periods were not checked.")
        if mapping_known and not closing_known else "")
    if not mapping_known:
        return _("Not checked: this needs QuickBooks to finish. {so_far}").format(so_far=text)
    return text


# the run's facts, as the report shows them
_ON_OFF: dict[bool | None, str] = {True: N_("On"), False: N_("Off"), None: N_("Not known")}


def on_off(value: bool | None, unknown: str | None = None) -> str:
    """"On", "Off", or `unknown` (default "Not known") for a setting that was not read."""
    if value is None and unknown is not None:
        return unknown
    return _(_ON_OFF[value])


def not_known() -> str:
    return _("Not known")


def not_stated() -> str:
    return _("Not stated")


def no_closing_date() -> str:
    return _("None")


__all__ = ["customers", "entries", "needs", "no_closing_date", "not_known", "not_stated",
           "on_off", "plan", "plan_not_checked", "sentences", "time_tracking_unknown", "users"]


# --- the checks' titles -----------------------------------------------------------------------

# Marked for the catalogue; translate where shown (`check_title`).
CHECK_TITLES: dict[str, str] = {
    "plan": N_("QuickBooks plan"),
    "users": N_("Users and employees"),
    "customers": N_("Clients, projects and customers"),
    "entries": N_("Billable time entries"),
    "connection": N_("Connections"),
}


def check_title(check_id: str) -> str:
    title = CHECK_TITLES.get(check_id)
    return _(title) if title else check_id


def check_titles(check_ids: tuple[str, ...] | list[str]) -> list[str]:
    return [check_title(c) for c in check_ids]


# --- time entries: the summary when some reasons could not be checked (SPEC §3.4) ----------------

# (what was left out, whether the check fails) → the whole summary around {counts}
_PARTLY: dict[tuple[str, bool], str] = {
    ("users", True): N_("{counts}. Users were not checked (there is no QuickBooks employee list), "
                        "so no entry is said to sync yet: this check needs QuickBooks employees "
                        "to finish."),
    ("users", False): N_("Not checked: needs QuickBooks employees to finish. {counts}. Users were "
                         "not checked (there is no QuickBooks employee list), so no entry is said "
                         "to sync yet."),
    ("projects", True): N_("{counts}. Projects were not checked (there is no QuickBooks customer "
                           "list), so no entry is said to sync yet: this check needs QuickBooks "
                           "customers to finish."),
    ("projects", False): N_("Not checked: needs QuickBooks customers to finish. {counts}. "
                            "Projects were not checked (there is no QuickBooks customer list), so "
                            "no entry is said to sync yet."),
    ("both", True): N_("{counts}. Users and projects were not checked (there are no QuickBooks "
                       "employee and customer lists), so no entry is said to sync yet: this "
                       "check needs QuickBooks employees and customers to finish."),
    ("both", False): N_("Not checked: needs QuickBooks employees and customers to finish. "
                        "{counts}. Users and projects were not checked (there are no QuickBooks "
                        "employee and customer lists), so no entry is said to sync yet."),
    ("unread", True): N_("{counts}. Users, projects and the closing date were not checked "
                         "(QuickBooks was not read), so no entry is said to sync yet: this check "
                         "needs QuickBooks to finish."),
    ("unread", False): N_("Not checked: needs QuickBooks to finish. {counts}. Users, projects "
                          "and the closing date were not checked (QuickBooks was not read), so "
                          "no entry is said to sync yet."),
}
_LEFT_OUT = {frozenset({"users"}): "users", frozenset({"projects"}): "projects",
             frozenset({"users", "projects"}): "both"}


def entries_partly_checked(total: int, wont: int, left_out: frozenset[str],
                           quickbooks_read: bool, failing: bool) -> str:
    """The entries check's summary when users and/or projects could not be checked: no entry is
    said to sync, and the "needs … to finish" qualifier stays, whether the check fails or not."""
    case = _LEFT_OUT[left_out] if quickbooks_read else "unread"
    rest = total - wont
    if wont and rest:
        counts = _n("{wont:,} of {total:,} entry in the period won't sync; no problem was found "
                    "so far in the other {rest:,}",
                    "{wont:,} of {total:,} entries in the period won't sync; no problem was "
                    "found so far in the other {rest:,}", total).format(wont=wont, total=total,
                                                                         rest=rest)
    elif wont:
        counts = _n("{wont:,} of {total:,} entry in the period won't sync",
                    "{wont:,} of {total:,} entries in the period won't sync",
                    total).format(wont=wont, total=total)
    else:
        counts = _n("No problem was found so far in the {total:,} entry in the period",
                    "No problem was found so far in the {total:,} entries in the period",
                    total).format(total=total)
    return _(_PARTLY[case, failing]).format(counts=counts)
