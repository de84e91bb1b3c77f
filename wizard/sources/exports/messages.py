"""Every sentence offline mode shows a bookkeeper about export files, in one place.

Each problem is one sentence that names the file, says what is wrong and gives the click path to
the export that works. File names are shown as given; cell values are shown only when short and
never when they look like an e-mail address.
"""

from __future__ import annotations

from collections.abc import Sequence

# How to get each export (reference exports.md §1–§8), written to follow "; " or start a clause.
DETAILED_PATH = ("in Clockify open Reports → Detailed, set the date range to cover the period, "
                 "clear all filters and click Export → Save as CSV")
PROJECTS_PATH = ("in Clockify open Projects, include archived projects in the filter and click "
                 "Export → CSV")
TEAM_PATH = "in Clockify open Team → Members, show all users and click Export → CSV"
CUSTOMERS_PATH = ("in QuickBooks open Reports, search for Customer Contact List, open it and "
                  "click the export icon → Export to CSV")
VENDORS_PATH = ("in QuickBooks open Reports, search for Vendor Contact List, open it and click "
                "the export icon → Export to CSV")
EMPLOYEES_PATH = ("in QuickBooks open Reports, search for Employee Contact List, open it and "
                  "click the export icon → Export to CSV")
CUSTOMERS_PAGE_PATH = ("in QuickBooks open Sales → Customers, tick Include inactive under the "
                       "gear and click Export to Excel")

# Where the interface language is set (exports.md §1: Profile → Preferences → General →
# Language; clockify.md §2: the profile picture, top right, opens Preferences).
LANGUAGE_PATH = ("switch Clockify's language to English (click your profile picture, top right "
                 "→ Preferences → General → Language)")
LANGUAGE_NAMES = {"pt": "Portuguese", "de": "German"}

PATHS = {
    "clockify_detailed": DETAILED_PATH,
    "clockify_projects": PROJECTS_PATH,
    "clockify_team": TEAM_PATH,
    "qbo_customers": CUSTOMERS_PATH,
    "qbo_vendors": VENDORS_PATH,
    "qbo_employees": EMPLOYEES_PATH,
    "qbo_customers_page": CUSTOMERS_PAGE_PATH,
}

LABELS = {
    "clockify_detailed": "a Clockify Detailed report",
    "clockify_projects": "a Clockify Projects export",
    "clockify_team": "a Clockify Team export",
    "qbo_customers": "a QuickBooks Customer Contact List",
    "qbo_vendors": "a QuickBooks Vendor Contact List",
    "qbo_employees": "a QuickBooks employee list",
    "qbo_customers_page": "a QuickBooks Customers page export",
}


def _q(name: str) -> str:
    return f"“{name}”"


def shown_value(value: str) -> str:
    """A cell value fit to quote back: short, one line, no e-mail address."""
    value = " ".join(value.split())
    if "@" in value:
        return "(a value)"
    return f"“{value[:40]}…”" if len(value) > 40 else f"“{value}”"


def cannot_open(name: str) -> str:
    return (f"{_q(name)} can't be opened; check that it still exists, that it isn't open in "
            "another program, and that you may read it.")


def empty(name: str) -> str:
    return (f"{_q(name)} is empty; export it again ({DETAILED_PATH}, or in QuickBooks export the "
            "Customer Contact List as CSV) and open the new file.")


def header_only(name: str, kind: str) -> str:
    return (f"{_q(name)} has column names but no rows; {PATHS[kind]} again, making sure the "
            "filters and date range include what should be checked.")


def truncated(name: str, kind: str) -> str:
    return (f"{_q(name)} stops in the middle of a row, so it was cut off while being saved or "
            f"copied; {PATHS[kind]} again and open the new file.")


def damaged_xlsx(name: str) -> str:
    return (f"{_q(name)} is an Excel file that can't be opened (it may be damaged or cut off); "
            "export it again, choosing CSV if Excel is offered, and open the new file.")


def legacy_or_locked(name: str) -> str:
    return (f"{_q(name)} is an old-style Excel (.xls) file or is protected with a password; open "
            "it in Excel and save it as an .xlsx workbook without a password, or export it "
            "again as CSV.")


def pdf(name: str) -> str:
    return (f"{_q(name)} is a PDF, which this app can't read; {DETAILED_PATH} (for QuickBooks "
            "lists, choose Export to CSV instead of PDF).")


def not_a_table(name: str) -> str:
    return (f"{_q(name)} isn't a CSV or Excel file; {DETAILED_PATH}, and in QuickBooks export "
            "the Customer Contact List as CSV, then open those files.")


def unreadable_csv(name: str) -> str:
    return (f"{_q(name)} can't be read as a CSV file (its quotes or line breaks are broken); "
            "export it again and open the new file without saving it in another program first.")


def unrecognised(name: str) -> str:
    return (f"{_q(name)} isn't a Clockify or QuickBooks export this app knows (no column such "
            "as Project, User, Start Date, Customer full name, Vendor or Employee was found); "
            f"{DETAILED_PATH}, and {CUSTOMERS_PATH}.")


def summary_report(name: str) -> str:
    return (f"{_q(name)} is a Clockify Summary report, which has no start and end times; "
            f"{DETAILED_PATH} instead and open that file.")


def renamed(name: str, kind: str) -> str:
    return (f"{_q(name)} looks like {LABELS[kind]} but its column names are renamed or in "
            f"another language; {LANGUAGE_PATH}, then {PATHS[kind].removeprefix('in Clockify ')} "
            "again.")


def other_language(name: str, language: str | None) -> str:
    """A Clockify export whose header is in a language (code, or None: unknown) not read."""
    if language is None:
        return (f"{_q(name)} looks like a Clockify export with its column names in another "
                f"language, which this app can't read; {LANGUAGE_PATH}, then export the file "
                "again and open the new one.")
    return (f"{_q(name)} looks like a Clockify export with its column names in "
            f"{LANGUAGE_NAMES[language]}, which this app can't read for this kind of export; "
            f"{LANGUAGE_PATH}, then export the file again and open the new one.")


def missing_columns(name: str, kind: str, columns: Sequence[str]) -> str:
    cols = ", ".join(columns)
    how = ("tick them under Export → Customize (and choose Show amount) in Clockify's "
           "Detailed report, then export again" if kind == "clockify_detailed"
           else f"{PATHS[kind]} again without removing columns")
    word = "column" if len(columns) == 1 else "columns"
    return f"{_q(name)} looks like {LABELS[kind]} but has no {cols} {word}; {how}."


def bad_value(name: str, row: int, what: str, value: str) -> str:
    return (f"{_q(name)}, row {row}: the {what} {shown_value(value)} can't be read; export the "
            "file again and open it here without saving it in another program first.")


def mixed_dates(name: str) -> str:
    return (f"{_q(name)} mixes day-first and month-first dates, so its dates can't be trusted; "
            f"{DETAILED_PATH} again and open it here without saving it in Excel first.")


def no_side_file(names: Sequence[str], side: str) -> str:
    listed = ", ".join(_q(n) for n in names) or "none"
    if side == "clockify":
        return (f"None of the files given ({listed}) is a Clockify export; {DETAILED_PATH}, "
                "and open that file too.")
    return (f"None of the files given ({listed}) is a QuickBooks export; {CUSTOMERS_PATH}, "
            "and open that file too.")


def no_people(names: Sequence[str]) -> str:
    listed = ", ".join(_q(n) for n in names)
    return (f"The Clockify files given ({listed}) name no users; {DETAILED_PATH}, or "
            f"{TEAM_PATH.removeprefix('in Clockify ')}, and open that file too.")


# --- notes: true but not blocking -----------------------------------------------------------

def note_cp1252(name: str) -> str:
    return (f"{_q(name)} is not saved as UTF-8, so it was read as Windows text; check accented "
            "names carefully.")


def note_uncalculated(name: str, count: int) -> str:
    return (f"{_q(name)} has {count:,} formula cells with no calculated value, read as empty; "
            "open it in Excel, save it, and open it here again.") if count != 1 else (
        f"{_q(name)} has a formula cell with no calculated value, read as empty; open it in "
        "Excel, save it, and open it here again.")


def note_date_order_assumed(name: str, example: str) -> str:
    return (f"{_q(name)}: every date could be month-first or day-first (e.g. {example}); they "
            "were read month-first (US); if that is wrong, set the date range so it includes a "
            "day after the 12th and export again.")


def note_no_billable(name: str) -> str:
    return (f"{_q(name)} has no Billable column, so every entry was treated as billable; tick "
            "Billable under Export → Customize in Clockify to check that too.")


def note_language(name: str, language: str) -> str:
    return (f"{_q(name)} has its column names in {LANGUAGE_NAMES[language]}; they were read as "
            "Clockify's English ones.")


def note_day_first(name: str) -> str:
    return f"{_q(name)}: dates were read day-first (day/month/year), as its dates show."


def note_several_currencies(name: str) -> str:
    return f"{_q(name)} has amounts in several currencies; they were not compared."


def note_no_subcustomers(name: str) -> str:
    return (f"{_q(name)} shows no sub-customers as Parent:Child, so which project sits under "
            f"which client can't be told from it; {CUSTOMERS_PATH} for that.")


def note_inactive_unmarked(name: str) -> str:
    return (f"{_q(name)} marks no record as inactive, so inactive ones may be missing from it; "
            "names reported as not found may exist but be inactive.")


# --- what files can't tell (QuickBooksData.unknown) ---------------------------------------

UNKNOWN_PLAN = ("The QuickBooks plan can't be read from export files; look it up in QuickBooks "
                "under Account and Settings → Billing and Subscription and pick it here (or pass "
                "--plan).")
UNKNOWN_PAYROLL = ("Whether QuickBooks Payroll is on can't be read from export files; look it "
                   "up in QuickBooks under Account and Settings → Billing and Subscription and "
                   "answer yes or no here (or pass --payroll).")
UNKNOWN_CLOSING = ("The QuickBooks closing date can't be read from export files; look it up in "
                   "QuickBooks under Account and Settings → Advanced → Accounting → Close the "
                   "books and enter it here (or pass --closing-date).")
UNKNOWN_TIME_TRACKING = ("Whether time tracking is turned on in QuickBooks can't be read from "
                         "export files; it is on under Account and Settings → Advanced → Time "
                         "tracking.")

# --- how to see inactive records a list may have left out (QuickBooksData.unknown) ------------

INACTIVE_CUSTOMERS_HOW = ("To include inactive customers, export the Customer Contact List again "
                          "after turning on inactive customers under Customize → Filter in the "
                          "report (where QuickBooks offers it), or look the name up in QuickBooks "
                          "under Sales → Customers with Include inactive ticked under the gear "
                          "above the list.")
INACTIVE_EMPLOYEES_HOW = ("The employee list may leave inactive employees out: look the name up "
                          "in QuickBooks under Payroll (or Workers) → Employees, inactive "
                          "employees included.")
INACTIVE_VENDORS_HOW = ("The vendor list marks no vendor inactive, so inactive vendors may be "
                        "missing from it.")

# --- what is still missing to run each check --------------------------------------------------

MISSING_DETAILED = ("To check time entries, add Clockify's Detailed report: "
                    f"{DETAILED_PATH}.")
MISSING_TEAM = ("To check users without time in the report and pending invitations, add "
                f"Clockify's Team export: {TEAM_PATH}.")
MISSING_PROJECTS = ("To check projects without time in the report, add Clockify's Projects "
                    f"export: {PROJECTS_PATH}.")
MISSING_CUSTOMERS = ("To check clients and projects, add QuickBooks' Customer Contact List: "
                     f"{CUSTOMERS_PATH}.")
MISSING_CUSTOMERS_LIST = ("To check which project sits under which client, add QuickBooks' "
                          f"Customer Contact List: {CUSTOMERS_PATH}.")
MISSING_EMPLOYEES = ("To check users against QuickBooks employees, add QuickBooks' employee "
                     f"list: {EMPLOYEES_PATH}.")
MISSING_VENDORS = ("To find users set up as vendors (contractors), add QuickBooks' Vendor "
                   f"Contact List: {VENDORS_PATH}.")
MISSING_CLOCKIFY = f"To check anything, add a Clockify export: {DETAILED_PATH}."
MISSING_MANUAL = ("The QuickBooks plan, payroll and closing date can't be read from files: "
                  "answer them on the plan page (or pass --plan, --payroll and --closing-date).")
