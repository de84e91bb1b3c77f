"""Every sentence offline mode shows a bookkeeper about export files, in one place.

Each problem is one sentence that names the file, says what is wrong and gives the click path to
the export that works. File names are shown as given; cell values are shown only when short and
never when they look like an e-mail address. Sentences go through the catalogue (`wizard.text`);
the "how to export" clauses are whole clauses of their own, marked with `N_`.
"""

from __future__ import annotations

from collections.abc import Sequence

from wizard.text import N_, _, _n

# How to get each export (reference exports.md §1–§8): whole clauses that follow "; ".
DETAILED_PATH = N_("in Clockify open Reports → Detailed, set the date range to cover the period, "
                   "clear all filters and click Export → Save as CSV")
PROJECTS_PATH = N_("in Clockify open Projects, include archived projects in the filter and "
                   "click Export → CSV")
TEAM_PATH = N_("in Clockify open Team → Members, show all users and click Export → CSV")
CUSTOMERS_PATH = N_("in QuickBooks open Reports, search for Customer Contact List, open it and "
                    "click the export icon → Export to CSV")
VENDORS_PATH = N_("in QuickBooks open Reports, search for Vendor Contact List, open it and click "
                  "the export icon → Export to CSV")
EMPLOYEES_PATH = N_("in QuickBooks open Reports, search for Employee Contact List, open it and "
                    "click the export icon → Export to CSV")
CUSTOMERS_PAGE_PATH = N_("in QuickBooks open Sales → Customers, tick Include inactive under the "
                         "gear and click Export to Excel")

# Where the interface language is set (exports.md §1: Profile → Preferences → General →
# Language; clockify.md §2: the profile picture, top right, opens Preferences).
LANGUAGE_PATH = N_("switch Clockify's language to English (click your profile picture, top "
                   "right → Preferences → General → Language)")
LANGUAGE_NAMES = {"pt": N_("Portuguese"), "de": N_("German")}

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
    "clockify_detailed": N_("a Clockify Detailed report"),
    "clockify_projects": N_("a Clockify Projects export"),
    "clockify_team": N_("a Clockify Team export"),
    "qbo_customers": N_("a QuickBooks Customer Contact List"),
    "qbo_vendors": N_("a QuickBooks Vendor Contact List"),
    "qbo_employees": N_("a QuickBooks employee list"),
    "qbo_customers_page": N_("a QuickBooks Customers page export"),
}


def _q(name: str) -> str:
    return f"“{name}”"


def _path(kind: str) -> str:
    return _(PATHS[kind])


def shown_value(value: str) -> str:
    """A cell value fit to quote back: short, one line, no e-mail address."""
    value = " ".join(value.split())
    if "@" in value:
        return _("(a value)")
    return f"“{value[:40]}…”" if len(value) > 40 else f"“{value}”"


def cannot_open(name: str) -> str:
    return _("{name} can't be opened; check that it still exists, that it isn't open in another "
             "program, and that you may read it.").format(name=_q(name))


def empty(name: str) -> str:
    return _("{name} is empty; export it again ({how}, or in QuickBooks export the Customer "
             "Contact List as CSV) and open the new file.").format(name=_q(name),
                                                                   how=_(DETAILED_PATH))


def header_only(name: str, kind: str) -> str:
    return _("{name} has column names but no rows; {how} again, making sure the filters and "
             "date range include what should be checked.").format(name=_q(name), how=_path(kind))


def truncated(name: str, kind: str) -> str:
    return _("{name} stops in the middle of a row, so it was cut off while being saved or "
             "copied; {how} again and open the new file.").format(name=_q(name),
                                                                  how=_path(kind))


def damaged_xlsx(name: str) -> str:
    return _("{name} is an Excel file that can't be opened (it may be damaged or cut off); "
             "export it again, choosing CSV if Excel is offered, and open the new file.").format(
        name=_q(name))


def legacy_or_locked(name: str) -> str:
    return _("{name} is an old-style Excel (.xls) file or is protected with a password; open it "
             "in Excel and save it as an .xlsx workbook without a password, or export it again "
             "as CSV.").format(name=_q(name))


def pdf(name: str) -> str:
    return _("{name} is a PDF, which this app can't read; {how} (for QuickBooks lists, choose "
             "Export to CSV instead of PDF).").format(name=_q(name), how=_(DETAILED_PATH))


def not_a_table(name: str) -> str:
    return _("{name} isn't a CSV or Excel file; {how}, and in QuickBooks export the Customer "
             "Contact List as CSV, then open those files.").format(name=_q(name),
                                                                   how=_(DETAILED_PATH))


def unreadable_csv(name: str) -> str:
    return _("{name} can't be read as a CSV file (its quotes or line breaks are broken); export "
             "it again and open the new file without saving it in another program first.").format(
        name=_q(name))


def unrecognised(name: str) -> str:
    return _("{name} isn't a Clockify or QuickBooks export this app knows (no column such as "
             "Project, User, Start Date, Customer full name, Vendor or Employee was found); "
             "{clockify_how}, and {quickbooks_how}.").format(
        name=_q(name), clockify_how=_(DETAILED_PATH), quickbooks_how=_(CUSTOMERS_PATH))


def summary_report(name: str) -> str:
    return _("{name} is a Clockify Summary report, which has no start and end times; {how} "
             "instead and open that file.").format(name=_q(name), how=_(DETAILED_PATH))


def renamed(name: str, kind: str) -> str:
    return _("{name} looks like {label} but its column names are renamed or in another "
             "language; {switch}, then export it again: {how}.").format(
        name=_q(name), label=_(LABELS[kind]), switch=_(LANGUAGE_PATH), how=_path(kind))


def other_language(name: str, language: str | None) -> str:
    """A Clockify export whose header is in a language (code, or None: unknown) not read."""
    if language is None:
        return _("{name} looks like a Clockify export with its column names in another "
                 "language, which this app can't read; {switch}, then export the file again and "
                 "open the new one.").format(name=_q(name), switch=_(LANGUAGE_PATH))
    return _("{name} looks like a Clockify export with its column names in {language}, which "
             "this app can't read for this kind of export; {switch}, then export the file again "
             "and open the new one.").format(name=_q(name),
                                             language=_(LANGUAGE_NAMES[language]),
                                             switch=_(LANGUAGE_PATH))


def missing_columns(name: str, kind: str, columns: Sequence[str]) -> str:
    cols = ", ".join(columns)
    if kind == "clockify_detailed":
        return _n("{name} looks like {label} but has no {columns} column; tick it under Export → "
                  "Customize (and choose Show amount) in Clockify's Detailed report, then export "
                  "again.",
                  "{name} looks like {label} but has no {columns} columns; tick them under "
                  "Export → Customize (and choose Show amount) in Clockify's Detailed report, "
                  "then export again.", len(columns)).format(
            name=_q(name), label=_(LABELS[kind]), columns=cols)
    return _n("{name} looks like {label} but has no {columns} column; {how} again without "
              "removing columns.",
              "{name} looks like {label} but has no {columns} columns; {how} again without "
              "removing columns.", len(columns)).format(
        name=_q(name), label=_(LABELS[kind]), columns=cols, how=_path(kind))


def bad_value(name: str, row: int, what: str, value: str) -> str:
    """`what` names the column's kind of value (marked with `N_`)."""
    return _("{name}, row {row}: the {what} {value} can't be read; export the file again and "
             "open it here without saving it in another program first.").format(
        name=_q(name), row=row, what=_(what), value=shown_value(value))


def mixed_dates(name: str) -> str:
    return _("{name} mixes day-first and month-first dates, so its dates can't be trusted; {how} "
             "again and open it here without saving it in Excel first.").format(
        name=_q(name), how=_(DETAILED_PATH))


def no_side_file(names: Sequence[str], side: str) -> str:
    listed = ", ".join(_q(n) for n in names) or _("none")
    if side == "clockify":
        return _("None of the files given ({files}) is a Clockify export; {how}, and open that "
                 "file too.").format(files=listed, how=_(DETAILED_PATH))
    return _("None of the files given ({files}) is a QuickBooks export; {how}, and open that "
             "file too.").format(files=listed, how=_(CUSTOMERS_PATH))


def no_people(names: Sequence[str]) -> str:
    listed = ", ".join(_q(n) for n in names)
    return _("The Clockify files given ({files}) name no users; {detailed_how}, or {team_how}, "
             "and open that file too.").format(files=listed, detailed_how=_(DETAILED_PATH),
                                               team_how=_(TEAM_PATH))


# --- notes: true but not blocking -----------------------------------------------------------

def note_cp1252(name: str) -> str:
    return _("{name} is not saved as UTF-8, so it was read as Windows text; check accented names "
             "carefully.").format(name=_q(name))


def note_uncalculated(name: str, count: int) -> str:
    return _n("{name} has {count:,} formula cell with no calculated value, read as empty; open "
              "it in Excel, save it, and open it here again.",
              "{name} has {count:,} formula cells with no calculated value, read as empty; open "
              "it in Excel, save it, and open it here again.", count).format(
        name=_q(name), count=count)


def note_date_order_assumed(name: str, example: str) -> str:
    return _("{name}: every date could be month-first or day-first (for example {example}); "
             "they were read month-first (US). If that is wrong, set the date range so it "
             "includes a day after the 12th and export again.").format(name=_q(name),
                                                                       example=example)


def note_no_billable(name: str) -> str:
    return _("{name} has no Billable column, so every entry was treated as billable; tick "
             "Billable under Export → Customize in Clockify to check that too.").format(
        name=_q(name))


def note_language(name: str, language: str) -> str:
    return _("{name} has its column names in {language}; they were read as Clockify's English "
             "ones.").format(name=_q(name), language=_(LANGUAGE_NAMES[language]))


def note_day_first(name: str) -> str:
    return _("{name}: dates were read day-first (day/month/year), as its dates show.").format(
        name=_q(name))


def note_several_currencies(name: str) -> str:
    return _("{name} has amounts in several currencies; they were not compared.").format(
        name=_q(name))


def note_no_subcustomers(name: str) -> str:
    return _("{name} shows no sub-customers as Parent:Child, so which project sits under which "
             "client can't be told from it; {how} for that.").format(name=_q(name),
                                                                    how=_(CUSTOMERS_PATH))


def note_inactive_unmarked(name: str) -> str:
    return _("{name} marks no record as inactive, so inactive ones may be missing from it; names "
             "reported as not found may exist but be inactive.").format(name=_q(name))


# --- what files can't tell (QuickBooksData.unknown) ---------------------------------------
# Marked here, translated where shown (`unknown`); the wizard asks the plan and payroll on its
# first page ("Plan (for files)", "Payroll on"); the closing date only the command line takes.

UNKNOWN_PLAN = N_("The QuickBooks plan can't be read from export files; look it up in QuickBooks "
                  "under Account and Settings → Billing and Subscription and choose it on the "
                  "first page under “Plan (for files)” (on the command line: `--plan`).")
UNKNOWN_PAYROLL = N_("Whether QuickBooks Payroll is on can't be read from export files; look it "
                     "up in QuickBooks under Account and Settings → Billing and Subscription and "
                     "answer it on the first page under “Payroll on” (on the command line: "
                     "`--payroll`).")
UNKNOWN_CLOSING = N_("The QuickBooks closing date can't be read from export files, so entries in "
                     "closed periods were not checked; look it up in QuickBooks under Account "
                     "and Settings → Advanced → Accounting → Close the books (the command line "
                     "takes it as `--closing-date`).")
UNKNOWN_TIME_TRACKING = N_("Whether time tracking is turned on in QuickBooks can't be read from "
                           "export files; it is on under Account and Settings → Advanced → Time "
                           "tracking.")

# --- how to see inactive records a list may have left out (QuickBooksData.unknown) ------------

INACTIVE_CUSTOMERS_HOW = N_("To include inactive customers, export the Customer Contact List "
                            "again after turning on inactive customers under Customize → Filter "
                            "in the report (where QuickBooks offers it), or look the name up in "
                            "QuickBooks under Sales → Customers with Include inactive ticked "
                            "under the gear above the list.")
INACTIVE_EMPLOYEES_HOW = N_("The employee list may leave inactive employees out: look the name "
                            "up in QuickBooks under Payroll (or Workers) → Employees, inactive "
                            "employees included.")
INACTIVE_VENDORS_HOW = N_("The vendor list marks no vendor inactive, so inactive vendors may be "
                          "missing from it.")

# --- what is still missing to run each check --------------------------------------------------
# Each a whole sentence with the export's click path as {how}; translated where shown
# (`missing`).

MISSING_DETAILED = N_("To check time entries, add Clockify's Detailed report: {how}.")
MISSING_TEAM = N_("To check users without time in the report and pending invitations, add "
                  "Clockify's Team export: {how}.")
MISSING_PROJECTS = N_("To check projects without time in the report, add Clockify's Projects "
                      "export: {how}.")
MISSING_CUSTOMERS = N_("To check clients and projects, add QuickBooks' Customer Contact List: "
                       "{how}.")
MISSING_CUSTOMERS_LIST = N_("To check which project sits under which client, add QuickBooks' "
                            "Customer Contact List: {how}.")
MISSING_EMPLOYEES = N_("To check users against QuickBooks employees, add QuickBooks' employee "
                       "list: {how}.")
MISSING_VENDORS = N_("To find users set up as vendors (contractors), add QuickBooks' Vendor "
                     "Contact List: {how}.")
MISSING_CLOCKIFY = N_("To check anything, add a Clockify export: {how}.")
MISSING_MANUAL = N_("The QuickBooks plan, payroll and closing date can't be read from files: "
                    "choose the plan and payroll on the first page, under “Plan (for files)” and "
                    "“Payroll on” (on the command line: `--plan`, `--payroll` and "
                    "`--closing-date`).")

_MISSING_HOW = {MISSING_DETAILED: DETAILED_PATH, MISSING_TEAM: TEAM_PATH,
                MISSING_PROJECTS: PROJECTS_PATH, MISSING_CUSTOMERS: CUSTOMERS_PATH,
                MISSING_CUSTOMERS_LIST: CUSTOMERS_PATH, MISSING_EMPLOYEES: EMPLOYEES_PATH,
                MISSING_VENDORS: VENDORS_PATH, MISSING_CLOCKIFY: DETAILED_PATH}


def unknown(sentence: str) -> str:
    """An UNKNOWN_* sentence in the chosen language."""
    return _(sentence)


def missing(sentence: str) -> str:
    """A MISSING_* sentence in the chosen language, with its click path."""
    how = _MISSING_HOW.get(sentence)
    return _(sentence).format(how=_(how)) if how else _(sentence)


# --- what each file was read as (one line per file) -----------------------------------------

def _count(n: int, one: str, many: str) -> str:
    return _n(one, many, n).format(count=n)


def describe_detailed(period: str, entries: int, users: int, currency: str | None) -> str:
    text = _("Clockify detailed report, {period}, {entries}, {users}").format(
        period=period, entries=_count(entries, N_("{count:,} entry"), N_("{count:,} entries")),
        users=_count(users, N_("{count:,} user"), N_("{count:,} users")))
    if currency:
        text = _("{description}, amounts in {currency}").format(description=text,
                                                                currency=currency)
    return text


def describe_projects(projects: int, archived: int, clients: int) -> str:
    counted = _count(projects, N_("{count:,} project"), N_("{count:,} projects"))
    if archived:
        counted = _("{projects} ({archived:,} archived)").format(projects=counted,
                                                                 archived=archived)
    return _("Clockify projects export, {projects}, {clients}").format(
        projects=counted,
        clients=_count(clients, N_("{count:,} client"), N_("{count:,} clients")))


def describe_team(members: int, deactivated: int, invited: int) -> str:
    text = _("Clockify team export, {members}").format(
        members=_count(members, N_("{count:,} member"), N_("{count:,} members")))
    extra = []
    if deactivated:
        extra.append(_("{count:,} deactivated").format(count=deactivated))
    if invited:
        extra.append(_("{count:,} invited").format(count=invited))
    return f"{text} ({', '.join(extra)})" if extra else text


_QBO_DESCRIPTION = {
    "qbo_customers": (N_("QuickBooks customer contact list, {count:,} customer"),
                      N_("QuickBooks customer contact list, {count:,} customers")),
    "qbo_customers_page": (N_("QuickBooks customers page export, {count:,} customer"),
                           N_("QuickBooks customers page export, {count:,} customers")),
    "qbo_vendors": (N_("QuickBooks vendor contact list, {count:,} vendor"),
                    N_("QuickBooks vendor contact list, {count:,} vendors")),
    "qbo_employees": (N_("QuickBooks employee list, {count:,} employee"),
                      N_("QuickBooks employee list, {count:,} employees")),
}


def describe_qbo(kind: str, records: int, subcustomers: int | None, inactive: int) -> str:
    one, many = _QBO_DESCRIPTION[kind]
    text = _count(records, one, many)
    extra = []
    if subcustomers is not None:
        extra.append(_count(subcustomers, N_("{count:,} sub-customer"),
                            N_("{count:,} sub-customers")))
    if inactive:
        extra.append(_("{count:,} inactive").format(count=inactive))
    return f"{text} ({', '.join(extra)})" if extra else text


def reading(name: str) -> str:
    return _("Reading {name}").format(name=name)


def files_read() -> str:
    return _("Files read")
