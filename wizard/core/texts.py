"""Every sentence a bookkeeper reads about a finding: what is wrong, why it blocks the sync,
and exactly where to click. Kept in one place so the wording stays consistent and reviewable.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from wizard.core.names import NearKind, describe_difference
from wizard.text import _n

SUPPORT_EMAIL = "support@clockify.me"

CLOCKIFY_RESYNC = ("In Clockify, open the ⋯ menu next to your workspace name → "
                   "Workspace settings → Integrations → QuickBooks → click “Check for new "
                   "users and customers”.")
CLOCKIFY_RECONNECT = ("In Clockify: Workspace settings → Integrations → the arrow next to "
                      "QuickBooks → Disconnect → confirm; then click “Connect to QuickBooks” "
                      "on the same page and sign in to QuickBooks as an administrator.")
CLOCKIFY_PROFILE_NAME = ("the member does this in Clockify: profile picture (top right) → "
                         "Preferences → Manage CAKE.com Account → Name")
CLOCKIFY_EDIT_CLIENT = "In Clockify: Clients (left sidebar) → find the client → ⋯ → Edit → Name."
CLOCKIFY_EDIT_PROJECT = "In Clockify: Projects (left sidebar) → open the project → Settings → Name."
CLOCKIFY_PROJECT_CLIENT = "In Clockify: Projects → open the project → Settings → Client."
QBO_EMPLOYEES = "In QuickBooks: Payroll (or Workers) → Employees"
QBO_CUSTOMERS = "In QuickBooks: Sales (or Get paid & pay) → Customers"
QBO_BILLING = ("the gear icon (top right) → Account and Settings → Billing and "
               "Subscription")
QBO_PLAN_BY_HAND = f"To look it up in QuickBooks: {QBO_BILLING}."
API_KEY_WHERE = ("In Clockify, click your profile picture (top right) → Preferences → "
                 "Advanced tab → Manage API keys → Generate new. Give it a name, click "
                 "Generate and copy it at once: Clockify shows it only once.")


@dataclass(frozen=True, slots=True)
class Text:
    message: str
    fix: str


def _q(name: str | None) -> str:
    """A name as the bookkeeper sees it, quoted, with invisible differences made visible."""
    if name is None:
        return "(no name)"
    shown = name.replace("\u00a0", "·").replace("\t", "→")
    if shown != shown.strip() or "  " in shown:
        shown = shown.replace(" ", "·")
    return f"“{shown}”"


def _near_why(kind: NearKind) -> str:
    return f"The names are close but not identical: {describe_difference(kind)}."


# --- plan -------------------------------------------------------------------------------------

def plan_supported(plan: str) -> Text:
    return Text(f"{plan} works with Clockify, and payroll is off.", "Nothing to do.")


def plan_unsupported(plan: str) -> Text:
    return Text(
        f"{plan} cannot receive time from Clockify: the integration works only with QuickBooks "
        "Online Essentials or Plus.",
        "Upgrade the QuickBooks subscription to Essentials or Plus (gear icon → Account and "
        "Settings → Billing and Subscription → Upgrade), then reconnect Clockify.")


def plan_advanced(plan: str) -> Text:
    return Text(
        f"{plan}: Clockify's troubleshooting article lists only Essentials and Plus, while its "
        "integration article also names Advanced. Sending time may or may not work.",
        f"If time still doesn't arrive after fixing everything else, ask {SUPPORT_EMAIL} whether "
        "your Advanced company is supported, and attach this report.")


def plan_payroll(plan: str) -> Text:
    return Text(
        f"Payroll is turned on in this QuickBooks company ({plan}). Clockify cannot send time to "
        "a QuickBooks company with payroll enabled, on any plan.",
        "Time can't sync while payroll is on. Either use a QuickBooks company without payroll for "
        f"time tracking, or ask {SUPPORT_EMAIL} about alternatives. Check it under the gear icon → "
        "Account and Settings → Billing and Subscription.")


def plan_unknown(raw: str | None) -> Text:
    seen = f"QuickBooks reported the plan as {_q(raw)}, which this app doesn't recognise." if raw \
        else "QuickBooks did not say which plan this company has."
    return Text(f"{seen} Only Essentials and Plus work with Clockify.",
                f"{QBO_PLAN_BY_HAND} If it says Essentials or Plus, you're fine.")


def subscription_inactive(status: str) -> Text:
    return Text(
        f"The QuickBooks subscription is not active (QuickBooks says “{status}”). An expired, "
        "suspended or cancelled company is read-only, so Clockify can't add time to it.",
        f"Renew or reactivate the subscription in QuickBooks: {QBO_BILLING}.")


def time_tracking_off() -> Text:
    return Text(
        "Time tracking is turned off in QuickBooks, so it has nowhere to put the hours.",
        "In QuickBooks: gear icon → Account and Settings → Time (or Advanced → Time tracking) → "
        "turn on time tracking and “Add Service field to timesheets” → Save.")


# --- users --------------------------------------------------------------------------------------

def _deactivated(deactivated: bool) -> str:
    return (" This member is deactivated in Clockify, but their earlier entries can still be "
            "sent.") if deactivated else ""


def user_pending(name: str | None) -> Text:
    who = _q(name) if name else "This invited member"
    return Text(
        f"{who} has not accepted the Clockify invitation yet (or has no name), so Clockify can't "
        "match them to a QuickBooks employee.",
        "Ask them to accept the invitation e-mail and set their name, or re-send it in Clockify: "
        "Team (left sidebar) → Members → ⋯ next to them → Resend invite. Then resync: "
        + CLOCKIFY_RESYNC)


def user_matched(name: str, deactivated: bool) -> Text:
    return Text(f"{_q(name)} matches a QuickBooks employee exactly.{_deactivated(deactivated)}",
                "Nothing to do.")


def employee_inactive(name: str, deactivated: bool) -> Text:
    return Text(
        f"{_q(name)} matches a QuickBooks employee who is inactive, so QuickBooks refuses time "
        f"for them.{_deactivated(deactivated)}",
        f"{QBO_EMPLOYEES} → filter Status: All (or Inactive) → find {_q(name)} → Make active. "
        "Then resync. " + CLOCKIFY_RESYNC)


def user_is_vendor(name: str, deactivated: bool) -> Text:
    return Text(
        f"{_q(name)} exists in QuickBooks as a vendor (contractor), not as an employee. Clockify "
        f"sends time only for employees.{_deactivated(deactivated)}",
        f"In QuickBooks add an employee named exactly {_q(name)} ({QBO_EMPLOYEES} → Add employee). "
        "QuickBooks won't allow the same display name twice, so first rename the vendor "
        "(Expenses → Vendors → the vendor → Edit → Display name, e.g. add “(vendor)”). "
        "Then resync. " + CLOCKIFY_RESYNC)


def user_near_match(name: str, employee: str, kind: NearKind, deactivated: bool) -> Text:
    return Text(
        f"Clockify user {_q(name)} is not exactly the QuickBooks employee {_q(employee)}. "
        f"{_near_why(kind)} Clockify needs the names identical.{_deactivated(deactivated)}",
        f"Make the names identical: either rename the Clockify user to {_q(employee)} "
        f"({CLOCKIFY_PROFILE_NAME}) or change the employee's Display name in QuickBooks "
        f"({QBO_EMPLOYEES} → {_q(employee)} → Edit). Then resync. " + CLOCKIFY_RESYNC)


def user_not_in_qbo(name: str, deactivated: bool) -> Text:
    return Text(
        f"There is no QuickBooks employee named {_q(name)}, so this person's time can't be "
        f"sent.{_deactivated(deactivated)}",
        f"In QuickBooks add the employee with Display name exactly {_q(name)} ({QBO_EMPLOYEES} → "
        "Add employee), or let Clockify create missing users when it syncs. "
        "Then resync. " + CLOCKIFY_RESYNC)


# --- clients and projects ---------------------------------------------------------------------

def _what(kind: str, name: str, client: str | None = None) -> str:
    if kind == "client":
        return f"Client {_q(name)}"
    return f"Project {_q(name)}" + (f" (client {_q(client)})" if client else "")


def name_has_colon(kind: str, name: str, client: str | None,
                   existing: str | None = None) -> Text:
    edit = CLOCKIFY_EDIT_CLIENT if kind == "client" else CLOCKIFY_EDIT_PROJECT
    message = (f"{_what(kind, name, client)} contains a colon (:). QuickBooks doesn't allow "
               "colons in customer names, so it can never match.")
    if existing:
        return Text(f"{message} QuickBooks has {_q(existing)}, which looks like the one meant.",
                    f"Rename it in Clockify to exactly {_q(existing)}. {edit} Then resync. "
                    + CLOCKIFY_RESYNC)
    return Text(message,
                f"Rename it in Clockify without the colon, e.g. {_q(name.replace(':', ' -'))}. "
                f"{edit} Then create the customer in QuickBooks with the same name.")


def project_client_unmatched(name: str, client: str) -> Text:
    return Text(
        f"Project {_q(name)} belongs to client {_q(client)}, which doesn't match a QuickBooks "
        "customer yet, so the project can't match a sub-customer either.",
        f"Fix the client {_q(client)} first (see its own line), then run the check again.")


def client_matched(name: str, match: str) -> Text:
    return Text(f"Client {_q(name)} matches the QuickBooks customer {_q(match)}.", "Nothing to do.")


def project_matched(name: str, client: str | None, match: str) -> Text:
    under = "sub-customer" if client else "customer"
    return Text(f"{_what('project', name, client)} matches the QuickBooks {under} {_q(match)}.",
                "Nothing to do.")


def customer_inactive(kind: str, name: str, client: str | None, match: str) -> Text:
    return Text(
        f"{_what(kind, name, client)} matches the QuickBooks customer {_q(match)}, but that "
        "customer is inactive, so QuickBooks refuses time for it.",
        f"{QBO_CUSTOMERS} → the gear above the list → tick “Include inactive” → find {_q(match)} "
        "→ Make active. Then resync. " + CLOCKIFY_RESYNC)


def project_wrong_parent(name: str, client: str, match: str, actual_parent: str) -> Text:
    return Text(
        f"{_what('project', name, client)}: QuickBooks has a sub-customer {_q(name)}, but under "
        f"{_q(actual_parent)} ({_q(match)}), not under {_q(client)}.",
        f"Either change the project's client in Clockify to {_q(actual_parent)} "
        f"({CLOCKIFY_PROJECT_CLIENT}) or, in QuickBooks, edit the sub-customer {_q(name)} and set "
        f"“Parent customer” to {_q(client)}. Then resync. " + CLOCKIFY_RESYNC)


def project_not_subcustomer(name: str, client: str) -> Text:
    return Text(
        f"{_what('project', name, client)}: in QuickBooks {_q(name)} is a customer of its own, "
        f"not a sub-customer of {_q(client)}. A project with a client must be a sub-customer of "
        "that client.",
        f"In QuickBooks edit the customer {_q(name)}, tick “Is a sub-customer” and pick "
        f"{_q(client)} as its parent — or remove the client from the project in Clockify "
        f"({CLOCKIFY_PROJECT_CLIENT}). Then resync. " + CLOCKIFY_RESYNC)


def project_is_subcustomer(name: str, match: str, parent: str) -> Text:
    return Text(
        f"Project {_q(name)} has no client in Clockify, but in QuickBooks it exists only as a "
        f"sub-customer of {_q(parent)} ({_q(match)}).",
        f"In Clockify set the project's client to {_q(parent)} ({CLOCKIFY_PROJECT_CLIENT}); create "
        "that client first if needed (Clients → Add new client, with exactly the same name). "
        "Then resync. " + CLOCKIFY_RESYNC)


def near_match(kind: str, name: str, client: str | None, match: str, suggestion: str,
               near: NearKind) -> Text:
    edit = CLOCKIFY_EDIT_CLIENT if kind == "client" else CLOCKIFY_EDIT_PROJECT
    return Text(
        f"{_what(kind, name, client)} is not exactly the QuickBooks customer {_q(match)}. "
        f"{_near_why(near)} Clockify needs the names identical.",
        f"Rename it in Clockify to exactly {_q(suggestion)}. {edit} (Or rename the customer in "
        f"QuickBooks to {_q(name)}.) Then resync. " + CLOCKIFY_RESYNC)


def name_taken(kind: str, name: str, client: str | None, taken_by: str) -> Text:
    return Text(
        f"{_what(kind, name, client)} has no QuickBooks customer, and QuickBooks can't create one "
        f"because a {taken_by} already uses the name {_q(name)} (names must be unique across "
        "customers, vendors and employees).",
        f"Rename the {taken_by} in QuickBooks (e.g. add “({taken_by})”), or rename the "
        f"{'client' if kind == 'client' else 'project'} in Clockify; then create the customer and "
        "resync. " + CLOCKIFY_RESYNC)


def not_in_qbo(kind: str, name: str, client: str | None, leaf_of: str | None = None) -> Text:
    if kind == "client":
        where = (f" QuickBooks has {_q(name)} only as a sub-customer of {_q(leaf_of)}, which "
                 "Clockify treats as a project, not a client.") if leaf_of else ""
        return Text(
            f"There is no QuickBooks customer named {_q(name)}, so time for this client's "
            f"projects can't be sent.{where}",
            f"{QBO_CUSTOMERS} → New customer → Customer display name exactly {_q(name)} → Save. "
            "Then resync. " + CLOCKIFY_RESYNC)
    if client:
        return Text(
            f"{_what(kind, name, client)}: QuickBooks has no sub-customer {_q(name)} under "
            f"{_q(client)}.",
            f"{QBO_CUSTOMERS} → New customer → display name exactly {_q(name)} → tick “Is a "
            f"sub-customer” → parent {_q(client)} → Save. Then resync. " + CLOCKIFY_RESYNC)
    return Text(
        f"Project {_q(name)} has no client, so it must match a QuickBooks customer of the same "
        "name, and there is none.",
        f"{QBO_CUSTOMERS} → New customer → Customer display name exactly {_q(name)} → Save. "
        "Then resync. " + CLOCKIFY_RESYNC)


# --- connection -------------------------------------------------------------------------------

def clockify_source(state: str, workspace: str | None) -> Text:
    """How the Clockify side was read when it was read: live, from export files, or the sample
    company. Only a live answer is called connected (SPEC §3.5)."""
    if state == "connected":
        if workspace:
            return Text(f"Connected to Clockify: workspace {_q(workspace)} answered.",
                        "Nothing to do.")
        return Text("Connected to Clockify: the workspace answered.", "Nothing to do.")
    if state == "files":
        return Text(
            "Clockify was read from exported files: nothing was connected, so nothing is known "
            "about the connection to Clockify.",
            "Nothing to do for the export. To check the connection too, paste a Clockify API "
            "key on the first page.")
    if workspace:
        return Text(f"Clockify is the sample company's workspace {_q(workspace)}, built into "
                    "this app: nothing was connected.",
                    "Nothing to do. To check your own workspace, paste your Clockify API key on "
                    "the first page.")
    return Text("Clockify is the sample company's workspace, built into this app: nothing was "
                "connected.",
                "Nothing to do. To check your own workspace, paste your Clockify API key on the "
                "first page.")


def qbo_source(state: str, company: str | None) -> Text:
    """How the QuickBooks side was read when it was read (see clockify_source)."""
    if state == "connected":
        if company:
            return Text(f"Connected to QuickBooks: company {_q(company)} answered.",
                        "Nothing to do.")
        return Text("Connected to QuickBooks: the company answered.", "Nothing to do.")
    if state == "files":
        return Text(
            "QuickBooks was read from exported files: nothing was connected, so nothing is "
            "known about the connection to QuickBooks.",
            "Nothing to do for the export. To check the connection too, click “Sign in with "
            "Intuit” on the first page.")
    if company:
        return Text(f"QuickBooks is the sample company {_q(company)}, built into this app: "
                    "nothing was connected.",
                    "Nothing to do. To check your own company, click “Sign in with Intuit” on "
                    "the first page.")
    return Text("QuickBooks is the sample company, built into this app: nothing was connected.",
                "Nothing to do. To check your own company, click “Sign in with Intuit” on the "
                "first page.")


RECONNECT_SAMPLE = ("QuickBooks is the sample company, built into this app: nothing was "
                    "connected, so there is no QuickBooks sign-in to manage.")


def reconnect_files(sign_in_state: str) -> str:
    """The Reconnect page when QuickBooks was read from files; `sign_in_state` is the sentence
    about this app's stored sign-in (which the check did not use)."""
    return (f"QuickBooks was read from exported files: nothing was connected for this check. "
            f"This app's own sign-in: {sign_in_state}")


# the connection check's summary: one short sentence per side, by how that side was read
CLOCKIFY_STATE: dict[str, str] = {
    "connected": "Clockify is connected.",
    "files": "Clockify was read from exported files.",
    "sample": "Clockify is the sample company.",
    "key_rejected": "Clockify rejected the API key.",
    "unreachable": "Clockify could not be reached.",
    "not_chosen": "Clockify was not chosen.",
}
QBO_STATE: dict[str, str] = {
    "connected": "QuickBooks is connected.",
    "files": "QuickBooks was read from exported files.",
    "sample": "QuickBooks is the sample company.",
    "sign_in_again": "QuickBooks needs you to sign in again.",
    "unreachable": "QuickBooks could not be reached.",
    "not_chosen": "QuickBooks was not chosen.",
}


BOTH_STATE: dict[str, str] = {
    "connected": "Both sides are connected.",
    "files": "Both sides were read from exported files.",
    "sample": "Both sides are the sample company.",
    "unreachable": "Neither Clockify nor QuickBooks could be reached.",
    "not_chosen": "No source was chosen for either side.",
}


def connection_summary(clockify_state: str, qbo_state: str) -> str:
    if clockify_state == qbo_state and clockify_state in BOTH_STATE:
        return BOTH_STATE[clockify_state]
    return f"{CLOCKIFY_STATE[clockify_state]} {QBO_STATE[qbo_state]}"


def clockify_key_invalid(detail: str) -> Text:
    return Text(
        f"Clockify did not accept the API key. {detail}".strip(),
        "Create a new key and paste it into this app. " + API_KEY_WHERE)


def clockify_unreachable(detail: str) -> Text:
    return Text(
        f"Clockify could not be reached. {detail}".strip(),
        "Check the internet connection, then click Re-check. If it keeps failing, Clockify may be "
        "down for a while: try again later.")


def clockify_not_admin() -> Text:
    return Text(
        "The API key belongs to someone who is not an owner or admin of this Clockify workspace. "
        "Only their own time entries can be read, and only admins can send time to QuickBooks.",
        "Ask a workspace owner or admin to run this check with their own API key.")


def clockify_no_quickbooks(workspace: str | None) -> Text:
    ws = f" {_q(workspace)}" if workspace else ""
    return Text(
        f"The Clockify workspace{ws} doesn't include the QuickBooks integration. It comes with "
        "paid Clockify plans (Standard, Pro or Enterprise).",
        "In Clockify: ⋯ next to the workspace name → Workspace settings → Subscription (or "
        "Upgrade) → choose a plan that includes QuickBooks.")


def qbo_unreachable(detail: str) -> Text:
    return Text(
        f"QuickBooks could not be reached. {detail}".strip(),
        "Check the internet connection, then click Re-check. If it keeps failing, try again later.")


def qbo_reconnect_needed(detail: str) -> Text:
    return Text(
        f"This app's connection to QuickBooks has expired or was refused. {detail}".strip(),
        "Click Reconnect (or Sign in with Intuit) and sign in as a QuickBooks administrator.")


def qbo_not_connected() -> Text:
    return Text("No QuickBooks source was chosen, so the checks that need QuickBooks didn't run.",
                "Sign in with Intuit, open QuickBooks export files, or try the sample company.")


# --- entry reasons ------------------------------------------------------------------------------

REASON_WORDS: dict[str, str] = {
    "ENTRY_NOT_BILLABLE": "Not billable: only billable entries are sent (tick the $ on the entry).",
    "ENTRY_NO_PROJECT": "No project: pick a project on the entry.",
    "ENTRY_USER_UNMAPPED": "Its user doesn't match a QuickBooks employee (see Names).",
    "ENTRY_PROJECT_UNMAPPED": "Its project or client doesn't match QuickBooks (see Names).",
    "ENTRY_RUNNING": "The timer is still running: stop it first.",
    "ENTRY_TOO_LONG": "Longer than 23 h 55 min: split it into shorter entries.",
    "ENTRY_BOOKS_CLOSED": "Its date is in a period closed in QuickBooks (closing date).",
}

REASON_SHORT: dict[str, str] = {
    "ENTRY_NOT_BILLABLE": "not billable",
    "ENTRY_NO_PROJECT": "no project",
    "ENTRY_USER_UNMAPPED": "user not matched",
    "ENTRY_PROJECT_UNMAPPED": "project not matched",
    "ENTRY_RUNNING": "timer running",
    "ENTRY_TOO_LONG": "over 23 h 55 min",
    "ENTRY_BOOKS_CLOSED": "books closed",
}

CHECK_TITLES: dict[str, str] = {
    "plan": "QuickBooks plan",
    "users": "Users and employees",
    "customers": "Clients, projects and customers",
    "entries": "Billable time entries",
    "connection": "Connections",
}

# --- Clockify connection: the second sentence of CLOCKIFY_KEY_INVALID / CLOCKIFY_UNREACHABLE ----

CLOCKIFY_DETAIL: dict[str, str] = {
    "key_rejected": "It may have been mistyped or deleted; no Clockify data region accepted it.",
    "no_answer": "There was no answer from its servers: check the internet connection, or a "
                 "firewall or proxy may be blocking it.",
    "tls": "The secure connection failed: a proxy or security program on this computer may be "
           "in the way.",
    "timeout": "Its servers took too long to answer.",
    "keeps_failing": "Its servers kept answering with an error, even after several tries.",
    "rate_limited": "It kept asking this app to slow down (too many requests for this "
                    "workspace); on a free Clockify plan wait an hour, otherwise a minute.",
    "garbage": "It sent an answer this app can't read.",
    "refused": "It refused to show this workspace's data to this API key.",
}


def clockify_unknown_workspace(wanted: str, visible: list[str]) -> str:
    """No workspace with that id or exact name: say which ones the key can see."""
    if not visible:
        return f"There is no Clockify workspace {_q(wanted)}: this API key can't see any workspace."
    names = ", ".join(_q(name) for name in visible)
    return (f"There is no Clockify workspace {_q(wanted)} that this API key can see; it can see "
            f"{names}. Choose one of these (by its exact name).")


# --- what changed between two runs (SPEC §7) ----------------------------------------------------

def _plural(n: int, one: str, many: str, **names: object) -> str:
    """The sentence in the right number for `n`, with its named placeholders filled in."""
    return (one if n == 1 else many).format(n=n, **names)


def changes_line(fixed: int, new: int, still: int) -> str:
    """What changed, as three short sentences: "1 problem fixed. 2 new problems. 5 still to
    fix."."""
    return " ".join((_plural(fixed, "{n} problem fixed.", "{n} problems fixed."),
                     _plural(new, "{n} new problem.", "{n} new problems."),
                     _plural(still, "{n} problem still to fix.", "{n} problems still to fix.")))


def not_compared_line(titles: list[str]) -> str:
    """Checks that didn't run in one of the two runs: why they are left out of the counts."""
    return _plural(len(titles),
                   "Not compared: {names} (it could not be checked in one of the two runs, so "
                   "nothing in it is counted as fixed or new).",
                   "Not compared: {names} (they could not be checked in one of the two runs, "
                   "so nothing in them is counted as fixed or new).",
                   names=", ".join(titles))


def changes_summary(fixed: int, new: int, still: int, not_compared: list[str]) -> str:
    """The counts, then which checks were left out of them (by their titles), if any."""
    text = changes_line(fixed, new, still)
    return f"{text} {not_compared_line(not_compared)}" if not_compared else text


def since_recheck(fixed: int, new: int, still: int, not_compared: list[str]) -> str:
    return "Since the Re-check: " + changes_summary(fixed, new, still, not_compared)


def resync_todo(problems: int) -> str:
    if not problems:
        return "All names match: nothing to resync."
    return _plural(problems,
                   "{n} name problem to fix; after fixing, resync in Clockify and click "
                   "Re-check.",
                   "{n} name problems to fix; after fixing, resync in Clockify and click "
                   "Re-check.")


def check_titles(check_ids: tuple[str, ...] | list[str]) -> list[str]:
    return [CHECK_TITLES.get(c, c) for c in check_ids]


def resync_no_recheck_html(problems: int) -> str:
    """The Resync page before any Re-check in this session (rich text)."""
    return _plural(problems,
                   "<b>{n} name problem to fix</b> (details on the Names page). No Re-check in "
                   "this session yet: fix it, resync in Clockify, then click Re-check.",
                   "<b>{n} name problems to fix</b> (details on the Names page). No Re-check in "
                   "this session yet: fix them, resync in Clockify, then click Re-check.")


def since_last_check_html(fixed: int, new: int, still: int, not_compared: list[str]) -> str:
    """The Resync page after a Re-check (rich text)."""
    return ("<b>Since the last check:</b> "
            + html.escape(changes_summary(fixed, new, still, not_compared)))


def first_run_html(problems: int) -> str:
    """The Summary page when the history has no earlier run of this workspace and company."""
    return _plural(problems,
                   "<b>{n} thing to fix</b>, listed below with its fix. This is the first "
                   "run for this workspace and company on this computer: run the checkup again "
                   "after fixing things to see what changed.",
                   "<b>{n} things to fix</b>, listed below, each with its fix. This is the "
                   "first run for this workspace and company on this computer: run the checkup "
                   "again after fixing things to see what changed.")


def since_last_run_html(when: str, fixed: int, new: int, still: int,
                        not_compared: list[str]) -> str:
    """The Summary page against the previous stored run (rich text)."""
    return (f"<b>Since the last run ({html.escape(when)}):</b> "
            + html.escape(changes_summary(fixed, new, still, not_compared)))


# --- the command line: exit 2 (SPEC §4: one sentence naming the value and the option) ----------

def cli_bad_date(value: str, option: str) -> str:
    return (f"“{value}” given to {option} is not a date; write it as YYYY-MM-DD, for example "
            "2026-11-01.")


def cli_bad_plan(value: str, option: str, choices: tuple[str, ...] | list[str]) -> str:
    return (f"“{value}” given to {option} is not a QuickBooks plan this app knows; use one of: "
            f"{', '.join(choices)}.")


def cli_bad_yes_no(value: str, option: str) -> str:
    return f"“{value}” given to {option} is not yes or no."


def cli_missing_file(path: str, option: str) -> str:
    return (f"The file {path} given to {option} doesn't exist or can't be opened; check the "
            "name and folder.")


def cli_unknown_options(options: list[str], prog: str) -> str:
    return _plural(len(options), "Unknown option {names} for “{prog}”.",
                   "Unknown options {names} for “{prog}”.", names=" ".join(options), prog=prog)


def cli_help_hint(prog: str) -> str:
    return f"Run `{prog} --help` for the options."


# --- time entries: the summary when some reasons could not be checked (SPEC §3.4) ----------------

# what was left out → the words naming it, and what is needed to finish
_ENTRIES_LEFT_OUT: dict[frozenset[str], tuple[str, str]] = {
    frozenset({"users"}): (
        "Users were not checked (there is no QuickBooks employee list)",
        "QuickBooks employees"),
    frozenset({"projects"}): (
        "Projects were not checked (there is no QuickBooks customer list)",
        "QuickBooks customers"),
    frozenset({"users", "projects"}): (
        "Users and projects were not checked (there are no QuickBooks employee and customer "
        "lists)", "QuickBooks employees and customers"),
}


def entries_partly_checked(total: int, wont: int, left_out: frozenset[str],
                           quickbooks_read: bool, failing: bool) -> str:
    """The entries check's summary when users and/or projects could not be checked: no entry is
    said to sync, and the "needs … to finish" qualifier stays, whether the check fails or not."""
    if quickbooks_read:
        what, needs = _ENTRIES_LEFT_OUT[left_out]
    else:
        what = "Users, projects and the closing date were not checked (QuickBooks was not read)"
        needs = "QuickBooks"
    rest = total - wont
    if wont:
        counts = _n("{wont:,} of {total:,} entry in the period won't sync",
                    "{wont:,} of {total:,} entries in the period won't sync",
                    total).format(wont=wont, total=total)
        found = _n("no problem was found so far in the other {rest:,}",
                   "no problem was found so far in the other {rest:,}",
                   rest).format(rest=rest)
        counts = f"{counts}; {found}" if rest else counts
    else:
        counts = _n("No problem was found so far in the {total:,} entry in the period",
                    "No problem was found so far in the {total:,} entries in the period",
                    total).format(total=total)
    if failing:
        return (f"{counts}. {what}, so no entry is said to sync yet: this check needs "
                f"{needs} to finish.")
    return (f"Not checked: needs {needs} to finish. {counts}. {what}, so no entry is said to "
            "sync yet.")


# --- not found in a file that may leave inactive records out (exports.md §10) ------------------

def _where_inactive(name: str) -> str:
    return (f"If {_q(name)} is there but inactive, make it active (find it → Make active); "
            "if it is missing, ")


def not_in_file(kind: str, name: str, client: str | None, how_to_include: str) -> Text:
    """CLIENT_/PROJECT_NOT_IN_QBO when the customers came from a file that may leave inactive
    customers out: not found in the file is not the same as missing from QuickBooks."""
    maybe = "(inactive customers may be left out of this export)"
    if kind == "client":
        message = (f"Client {_q(name)} was not found in the QuickBooks file {maybe}. If it isn't "
                   "in QuickBooks at all, time for this client's projects can't be sent.")
        create = f"create it: {QBO_CUSTOMERS} → New customer → Customer display name exactly"
        create += f" {_q(name)} → Save."
    elif client:
        message = (f"{_what(kind, name, client)}: the sub-customer {_q(name)} under {_q(client)} "
                   f"was not found in the QuickBooks file {maybe}.")
        create = (f"create it: {QBO_CUSTOMERS} → New customer → display name exactly {_q(name)} "
                  f"→ tick “Is a sub-customer” → parent {_q(client)} → Save.")
    else:
        message = (f"Project {_q(name)} has no client, so it must match a QuickBooks customer of "
                   f"the same name, which was not found in the QuickBooks file {maybe}.")
        create = f"create it: {QBO_CUSTOMERS} → New customer → Customer display name exactly"
        create += f" {_q(name)} → Save."
    return Text(message, f"{how_to_include} {_where_inactive(name)}{create} Then resync. "
                + CLOCKIFY_RESYNC)


def user_not_in_file(name: str, deactivated: bool, how_to_include: str) -> Text:
    """USER_NOT_IN_QBO when the employees came from a file that may leave inactive ones out."""
    return Text(
        f"No QuickBooks employee named {_q(name)} was found in the file (inactive employees may "
        "be left out of this export). If there is none in QuickBooks, this person's time can't "
        f"be sent.{_deactivated(deactivated)}",
        f"{how_to_include} If the employee is there but inactive, make them active; if there is "
        f"none, add the employee with Display name exactly {_q(name)} ({QBO_EMPLOYEES} → Add "
        "employee), or let Clockify create missing users when it syncs. Then resync. "
        + CLOCKIFY_RESYNC)
