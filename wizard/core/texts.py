"""Every sentence a bookkeeper reads about a finding: what is wrong, why it blocks the sync,
and exactly where to click. Whole sentences with named placeholders, translated through the
catalogue (`wizard.text`); click paths are data (`wizard.text.paths`).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from wizard.core.names import NearKind, describe_difference
from wizard.text import N_, _, _n
from wizard.text import paths as p

SUPPORT_EMAIL = "support@clockify.me"


@dataclass(frozen=True, slots=True)
class Text:
    message: str
    fix: str


def _q(name: str | None) -> str:
    """A name as the bookkeeper sees it, quoted, with invisible differences made visible."""
    if name is None:
        return _("(no name)")
    shown = name.replace("\u00a0", "·").replace("\t", "→")
    if shown != shown.strip() or "  " in shown:
        shown = shown.replace(" ", "·")
    return f"“{shown}”"


def resync() -> str:
    """The sentence that ends most fixes: ask Clockify to look at QuickBooks again."""
    return _("Then resync in Clockify: {path}.").format(path=p.inline(p.CLOCKIFY_RESYNC))


def api_key_where() -> str:
    return _("In Clockify: {path}. Give the key a name, click Generate and copy it at once: "
             "Clockify shows it only once.").format(path=p.inline(p.CLOCKIFY_API_KEY))


def plan_by_hand() -> str:
    return _("To look it up in QuickBooks: {path}.").format(path=p.inline(p.QBO_BILLING))


def _nothing() -> str:
    return _("Nothing to do.")


def _near_why(kind: NearKind) -> str:
    return _("The names are close but not identical: {difference}.").format(
        difference=describe_difference(kind))


def _deactivated(deactivated: bool) -> str:
    return (" " + _("This member is deactivated in Clockify, but their earlier entries can "
                    "still be sent.")) if deactivated else ""


# --- plan -------------------------------------------------------------------------------------

def plan_supported(plan: str) -> Text:
    return Text(_("{plan} works with Clockify, and payroll is off.").format(plan=plan),
                _nothing())


def plan_unsupported(plan: str) -> Text:
    return Text(
        _("{plan} cannot receive time from Clockify: the integration works only with "
          "QuickBooks Online Essentials or Plus.").format(plan=plan),
        _("Upgrade the QuickBooks subscription to Essentials or Plus ({path}), then reconnect "
          "Clockify.").format(path=p.inline(p.QBO_UPGRADE)))


def plan_advanced(plan: str) -> Text:
    return Text(
        _("{plan}: Clockify's troubleshooting article lists only Essentials and Plus, while its "
          "integration article also names Advanced. Sending time may or may not work.").format(
            plan=plan),
        _("If time still doesn't arrive after fixing everything else, ask {email} whether your "
          "Advanced company is supported, and attach this report.").format(email=SUPPORT_EMAIL))


def plan_payroll(plan: str) -> Text:
    return Text(
        _("Payroll is turned on in this QuickBooks company ({plan}). Clockify cannot send time "
          "to a QuickBooks company with payroll enabled, on any plan.").format(plan=plan),
        _("Time can't sync while payroll is on. Either use a QuickBooks company without payroll "
          "for time tracking, or ask {email} about alternatives. Check it in QuickBooks: "
          "{path}.").format(email=SUPPORT_EMAIL, path=p.inline(p.QBO_BILLING)))


def plan_unknown(raw: str | None) -> Text:
    if raw:
        message = _("QuickBooks reported the plan as {plan}, which this app doesn't recognise. "
                    "Only Essentials and Plus work with Clockify.").format(plan=_q(raw))
    else:
        message = _("QuickBooks did not say which plan this company has. Only Essentials and "
                    "Plus work with Clockify.")
    return Text(message, _("{how} If it says Essentials or Plus, you're fine.").format(
        how=plan_by_hand()))


def subscription_inactive(status: str) -> Text:
    return Text(
        _("The QuickBooks subscription is not active (QuickBooks says “{status}”). An expired, "
          "suspended or cancelled company is read-only, so Clockify can't add time to it.").format(
            status=status),
        _("Renew or reactivate the subscription in QuickBooks: {path}.").format(
            path=p.inline(p.QBO_BILLING)))


def time_tracking_off() -> Text:
    return Text(
        _("Time tracking is turned off in QuickBooks, so it has nowhere to put the hours."),
        _("In QuickBooks: {path}. Turn on time tracking and “Add Service field to timesheets”, "
          "then click Save.").format(path=p.inline(p.QBO_TIME_TRACKING)))


# --- users --------------------------------------------------------------------------------------

def user_pending(name: str | None) -> Text:
    if name:
        message = _("{name} has not accepted the Clockify invitation yet, so Clockify can't "
                    "match them to a QuickBooks employee.").format(name=_q(name))
    else:
        message = _("This invited member has not accepted the Clockify invitation yet (or has "
                    "no name), so Clockify can't match them to a QuickBooks employee.")
    return Text(message, _(
        "Ask them to accept the invitation e-mail and set their name, or re-send it in "
        "Clockify: {path}. {resync}").format(path=p.inline(p.CLOCKIFY_RESEND_INVITE),
                                              resync=resync()))


def user_matched(name: str, deactivated: bool) -> Text:
    return Text(_("{name} matches a QuickBooks employee exactly.").format(name=_q(name))
                + _deactivated(deactivated), _nothing())


def employee_inactive(name: str, deactivated: bool) -> Text:
    return Text(
        _("{name} matches a QuickBooks employee who is inactive, so QuickBooks refuses time for "
          "them.").format(name=_q(name)) + _deactivated(deactivated),
        _("In QuickBooks: {path}, filter Status: All (or Inactive), find {name} and click Make "
          "active. {resync}").format(path=p.inline(p.QBO_EMPLOYEES), name=_q(name),
                                     resync=resync()))


def user_is_vendor(name: str, deactivated: bool) -> Text:
    return Text(
        _("{name} exists in QuickBooks as a vendor (contractor), not as an employee. Clockify "
          "sends time only for employees.").format(name=_q(name)) + _deactivated(deactivated),
        _("In QuickBooks add an employee named exactly {name} ({path}). QuickBooks won't allow "
          "the same display name twice, so first rename the vendor ({vendor_path}), for example "
          "by adding “(vendor)”. {resync}").format(
            name=_q(name), path=p.inline(p.QBO_ADD_EMPLOYEE),
            vendor_path=p.inline(p.QBO_VENDOR_NAME), resync=resync()))


def user_near_match(name: str, employee: str, kind: NearKind, deactivated: bool) -> Text:
    return Text(
        _("Clockify user {name} is not exactly the QuickBooks employee {employee}. {why} "
          "Clockify needs the names identical.").format(name=_q(name), employee=_q(employee),
                                                        why=_near_why(kind))
        + _deactivated(deactivated),
        _("Make the names identical: either the member renames themselves in Clockify to "
          "{employee} ({path}), or change the employee's display name in QuickBooks "
          "({qbo_path} → {employee} → Edit). {resync}").format(
            employee=_q(employee), path=p.inline(p.CLOCKIFY_PROFILE_NAME),
            qbo_path=p.inline(p.QBO_EMPLOYEES), resync=resync()))


def user_not_in_qbo(name: str, deactivated: bool) -> Text:
    return Text(
        _("There is no QuickBooks employee named {name}, so this person's time can't be "
          "sent.").format(name=_q(name)) + _deactivated(deactivated),
        _("In QuickBooks add the employee with display name exactly {name} ({path}), or let "
          "Clockify create missing users when it syncs. {resync}").format(
            name=_q(name), path=p.inline(p.QBO_ADD_EMPLOYEE), resync=resync()))


# --- clients and projects ---------------------------------------------------------------------

def _what(kind: str, name: str, client: str | None = None) -> str:
    """The subject a sentence starts with: a client, or a project (under its client)."""
    if kind == "client":
        return _("Client {name}").format(name=_q(name))
    if client:
        return _("Project {name} (client {client})").format(name=_q(name), client=_q(client))
    return _("Project {name}").format(name=_q(name))


def _edit(kind: str) -> str:
    return _("In Clockify: {path}.").format(
        path=p.inline(p.CLOCKIFY_EDIT_CLIENT if kind == "client" else p.CLOCKIFY_EDIT_PROJECT))


def name_has_colon(kind: str, name: str, client: str | None,
                   existing: str | None = None) -> Text:
    message = _("{what} contains a colon (:). QuickBooks doesn't allow colons in customer names, "
                "so it can never match.").format(what=_what(kind, name, client))
    if existing:
        return Text(
            message + " " + _("QuickBooks has {existing}, which looks like the one meant.").format(
                existing=_q(existing)),
            _("Rename it in Clockify to exactly {existing}. {edit} {resync}").format(
                existing=_q(existing), edit=_edit(kind), resync=resync()))
    return Text(message, _(
        "Rename it in Clockify without the colon, for example {suggestion}. {edit} Then create "
        "the customer in QuickBooks with the same name.").format(
            suggestion=_q(name.replace(":", " -")), edit=_edit(kind)))


def project_client_unmatched(name: str, client: str) -> Text:
    return Text(
        _("Project {name} belongs to client {client}, which doesn't match a QuickBooks customer "
          "yet, so the project can't match a sub-customer either.").format(
            name=_q(name), client=_q(client)),
        _("Fix the client {client} first (see its own line), then run the check again.").format(
            client=_q(client)))


def client_matched(name: str, match: str) -> Text:
    return Text(_("Client {name} matches the QuickBooks customer {match}.").format(
        name=_q(name), match=_q(match)), _nothing())


def project_matched(name: str, client: str | None, match: str) -> Text:
    if client:
        message = _("{what} matches the QuickBooks sub-customer {match}.")
    else:
        message = _("{what} matches the QuickBooks customer {match}.")
    return Text(message.format(what=_what("project", name, client), match=_q(match)), _nothing())


def customer_inactive(kind: str, name: str, client: str | None, match: str) -> Text:
    return Text(
        _("{what} matches the QuickBooks customer {match}, but that customer is inactive, so "
          "QuickBooks refuses time for it.").format(what=_what(kind, name, client),
                                                    match=_q(match)),
        _("In QuickBooks: {path}, click the gear above the list, tick “Include inactive”, find "
          "{match} and click Make active. {resync}").format(
            path=p.inline(p.QBO_CUSTOMERS), match=_q(match), resync=resync()))


def project_wrong_parent(name: str, client: str, match: str, actual_parent: str) -> Text:
    return Text(
        _("{what}: QuickBooks has a sub-customer {name}, but under {parent} ({match}), not under "
          "{client}.").format(what=_what("project", name, client), name=_q(name),
                              parent=_q(actual_parent), match=_q(match), client=_q(client)),
        _("Either change the project's client in Clockify to {parent} ({path}) or, in "
          "QuickBooks, edit the sub-customer {name} and set “Parent customer” to {client}. "
          "{resync}").format(parent=_q(actual_parent), path=p.inline(p.CLOCKIFY_PROJECT_CLIENT),
                             name=_q(name), client=_q(client), resync=resync()))


def project_not_subcustomer(name: str, client: str) -> Text:
    return Text(
        _("{what}: in QuickBooks {name} is a customer of its own, not a sub-customer of "
          "{client}. A project with a client must be a sub-customer of that client.").format(
            what=_what("project", name, client), name=_q(name), client=_q(client)),
        _("In QuickBooks edit the customer {name}, tick “Is a sub-customer” and pick {client} as "
          "its parent, or remove the client from the project in Clockify ({path}). "
          "{resync}").format(name=_q(name), client=_q(client),
                             path=p.inline(p.CLOCKIFY_PROJECT_CLIENT), resync=resync()))


def project_is_subcustomer(name: str, match: str, parent: str) -> Text:
    return Text(
        _("Project {name} has no client in Clockify, but in QuickBooks it exists only as a "
          "sub-customer of {parent} ({match}).").format(name=_q(name), parent=_q(parent),
                                                        match=_q(match)),
        _("In Clockify set the project's client to {parent} ({path}); create that client first "
          "if needed (Clients → Add new client, with exactly the same name). {resync}").format(
            parent=_q(parent), path=p.inline(p.CLOCKIFY_PROJECT_CLIENT), resync=resync()))


def near_match(kind: str, name: str, client: str | None, match: str, suggestion: str,
               near: NearKind) -> Text:
    return Text(
        _("{what} is not exactly the QuickBooks customer {match}. {why} Clockify needs the names "
          "identical.").format(what=_what(kind, name, client), match=_q(match),
                               why=_near_why(near)),
        _("Rename it in Clockify to exactly {suggestion}. {edit} (Or rename the customer in "
          "QuickBooks to {name}.) {resync}").format(suggestion=_q(suggestion), edit=_edit(kind),
                                                    name=_q(name), resync=resync()))


_TAKEN_MESSAGE: dict[str, str] = {
    "employee": N_("{what} has no QuickBooks customer, and QuickBooks can't create one because "
                   "an employee already uses the name {name} (names must be unique across "
                   "customers, vendors and employees)."),
    "vendor": N_("{what} has no QuickBooks customer, and QuickBooks can't create one because a "
                 "vendor already uses the name {name} (names must be unique across customers, "
                 "vendors and employees)."),
}
_TAKEN_FIX: dict[tuple[str, str], str] = {
    ("employee", "client"): N_("Rename the employee in QuickBooks (for example add "
                               "“(employee)”), or rename the client in Clockify; then create "
                               "the customer. {resync}"),
    ("employee", "project"): N_("Rename the employee in QuickBooks (for example add "
                                "“(employee)”), or rename the project in Clockify; then create "
                                "the customer. {resync}"),
    ("vendor", "client"): N_("Rename the vendor in QuickBooks (for example add “(vendor)”), or "
                             "rename the client in Clockify; then create the customer. "
                             "{resync}"),
    ("vendor", "project"): N_("Rename the vendor in QuickBooks (for example add “(vendor)”), "
                              "or rename the project in Clockify; then create the customer. "
                              "{resync}"),
}


def name_taken(kind: str, name: str, client: str | None, taken_by: str) -> Text:
    """`taken_by` is "employee" or "vendor": the kind of QuickBooks record holding the name."""
    holder = taken_by if taken_by in _TAKEN_MESSAGE else "vendor"
    side = "client" if kind == "client" else "project"
    return Text(_(_TAKEN_MESSAGE[holder]).format(what=_what(kind, name, client), name=_q(name)),
                _(_TAKEN_FIX[holder, side]).format(resync=resync()))


def not_in_qbo(kind: str, name: str, client: str | None, leaf_of: str | None = None) -> Text:
    if kind == "client":
        message = _("There is no QuickBooks customer named {name}, so time for this client's "
                    "projects can't be sent.").format(name=_q(name))
        if leaf_of:
            message += " " + _("QuickBooks has {name} only as a sub-customer of {parent}, which "
                               "Clockify treats as a project, not a client.").format(
                name=_q(name), parent=_q(leaf_of))
        return Text(message, _(
            "In QuickBooks: {path}. Enter the customer display name exactly {name} and click "
            "Save. {resync}").format(path=p.inline(p.QBO_NEW_CUSTOMER), name=_q(name),
                                     resync=resync()))
    if client:
        return Text(
            _("{what}: QuickBooks has no sub-customer {name} under {client}.").format(
                what=_what(kind, name, client), name=_q(name), client=_q(client)),
            _("In QuickBooks: {path}. Enter the display name exactly {name}, tick “Is a "
              "sub-customer”, pick the parent {client} and click Save. {resync}").format(
                path=p.inline(p.QBO_NEW_CUSTOMER), name=_q(name), client=_q(client),
                resync=resync()))
    return Text(
        _("Project {name} has no client, so it must match a QuickBooks customer of the same "
          "name, and there is none.").format(name=_q(name)),
        _("In QuickBooks: {path}. Enter the customer display name exactly {name} and click "
          "Save. {resync}").format(path=p.inline(p.QBO_NEW_CUSTOMER), name=_q(name),
                                   resync=resync()))


# --- connection -------------------------------------------------------------------------------

def clockify_source(state: str, workspace: str | None) -> Text:
    """How the Clockify side was read when it was read: live, from export files, or the sample
    company. Only a live answer is called connected (SPEC §3.5)."""
    if state == "connected":
        if workspace:
            return Text(_("Connected to Clockify: workspace {workspace} answered.").format(
                workspace=_q(workspace)), _nothing())
        return Text(_("Connected to Clockify: the workspace answered."), _nothing())
    if state == "files":
        return Text(
            _("Clockify was read from exported files: nothing was connected, so nothing is "
              "known about the connection to Clockify."),
            _("Nothing to do for the export. To check the connection too, paste a Clockify API "
              "key on the first page."))
    fix = _("Nothing to do. To check your own workspace, paste your Clockify API key on the "
            "first page.")
    if workspace:
        return Text(_("Clockify is the sample company's workspace {workspace}, built into this "
                      "app: nothing was connected.").format(workspace=_q(workspace)), fix)
    return Text(_("Clockify is the sample company's workspace, built into this app: nothing was "
                  "connected."), fix)


def qbo_source(state: str, company: str | None) -> Text:
    """How the QuickBooks side was read when it was read (see clockify_source)."""
    if state == "connected":
        if company:
            return Text(_("Connected to QuickBooks: company {company} answered.").format(
                company=_q(company)), _nothing())
        return Text(_("Connected to QuickBooks: the company answered."), _nothing())
    if state == "files":
        return Text(
            _("QuickBooks was read from exported files: nothing was connected, so nothing is "
              "known about the connection to QuickBooks."),
            _("Nothing to do for the export. To check the connection too, click “Sign in with "
              "Intuit” on the first page."))
    fix = _("Nothing to do. To check your own company, click “Sign in with Intuit” on the first "
            "page.")
    if company:
        return Text(_("QuickBooks is the sample company {company}, built into this app: nothing "
                      "was connected.").format(company=_q(company)), fix)
    return Text(_("QuickBooks is the sample company, built into this app: nothing was "
                  "connected."), fix)


# marked here, translated where shown
RECONNECT_SAMPLE = N_("QuickBooks is the sample company, built into this app: nothing was "
                      "connected, so there is no QuickBooks sign-in to manage.")


def reconnect_files(sign_in_state: str) -> str:
    """The Reconnect page when QuickBooks was read from files; `sign_in_state` is the sentence
    about this app's stored sign-in (which the check did not use)."""
    return _("QuickBooks was read from exported files: nothing was connected for this check. "
             "This app's own sign-in: {sign_in}").format(sign_in=sign_in_state)


# the connection check's summary: one short sentence per side, by how that side was read
CLOCKIFY_STATE: dict[str, str] = {
    "connected": N_("Clockify is connected."),
    "files": N_("Clockify was read from exported files."),
    "sample": N_("Clockify is the sample company."),
    "key_rejected": N_("Clockify rejected the API key."),
    "unreachable": N_("Clockify could not be reached."),
    "not_chosen": N_("Clockify was not chosen."),
}
QBO_STATE: dict[str, str] = {
    "connected": N_("QuickBooks is connected."),
    "files": N_("QuickBooks was read from exported files."),
    "sample": N_("QuickBooks is the sample company."),
    "sign_in_again": N_("QuickBooks needs you to sign in again."),
    "unreachable": N_("QuickBooks could not be reached."),
    "not_chosen": N_("QuickBooks was not chosen."),
}


BOTH_STATE: dict[str, str] = {
    "connected": N_("Both sides are connected."),
    "files": N_("Both sides were read from exported files."),
    "sample": N_("Both sides are the sample company."),
    "unreachable": N_("Neither Clockify nor QuickBooks could be reached."),
    "not_chosen": N_("No source was chosen for either side."),
}


def connection_summary(clockify_state: str, qbo_state: str) -> str:
    if clockify_state == qbo_state and clockify_state in BOTH_STATE:
        return _(BOTH_STATE[clockify_state])
    return f"{_(CLOCKIFY_STATE[clockify_state])} {_(QBO_STATE[qbo_state])}"


def _with_detail(sentence: str, detail: str) -> str:
    """A finding's first sentence, then the source's own second sentence (already translated)."""
    return f"{sentence} {detail}".strip()


def clockify_key_invalid(detail: str) -> Text:
    return Text(
        _with_detail(_("Clockify did not accept the API key."), detail),
        _("Create a new key and paste it into this app. {where}").format(where=api_key_where()))


def clockify_unreachable(detail: str) -> Text:
    return Text(
        _with_detail(_("Clockify could not be reached."), detail),
        _("Check the internet connection, then click Re-check. If it keeps failing, Clockify may "
          "be down for a while: try again later."))


def clockify_not_admin() -> Text:
    return Text(
        _("The API key belongs to someone who is not an owner or admin of this Clockify "
          "workspace. Only their own time entries can be read, and only admins can send time to "
          "QuickBooks."),
        _("Ask a workspace owner or admin to run this check with their own API key."))


def clockify_no_quickbooks(workspace: str | None) -> Text:
    if workspace:
        message = _("The Clockify workspace {workspace} doesn't include the QuickBooks "
                    "integration. It comes with paid Clockify plans (Standard, Pro or "
                    "Enterprise).").format(workspace=_q(workspace))
    else:
        message = _("The Clockify workspace doesn't include the QuickBooks integration. It comes "
                    "with paid Clockify plans (Standard, Pro or Enterprise).")
    return Text(message, _("In Clockify: {path}, then choose a plan that includes "
                           "QuickBooks.").format(path=p.inline(p.CLOCKIFY_SUBSCRIPTION)))


def qbo_unreachable(detail: str) -> Text:
    return Text(
        _with_detail(_("QuickBooks could not be reached."), detail),
        _("Check the internet connection, then click Re-check. If it keeps failing, try again "
          "later."))


def qbo_reconnect_needed(detail: str) -> Text:
    return Text(
        _with_detail(_("This app's connection to QuickBooks has expired or was refused."),
                     detail),
        _("Click Reconnect (or Sign in with Intuit) and sign in as a QuickBooks administrator."))


def qbo_not_connected() -> Text:
    return Text(
        _("No QuickBooks source was chosen, so the checks that need QuickBooks didn't run."),
        _("Sign in with Intuit, open QuickBooks export files, or try the sample company."))


# --- entry reasons ------------------------------------------------------------------------------

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


def reason_words(code: str) -> str:
    words = REASON_WORDS.get(code)
    return _(words) if words else code


def reason_short(code: str) -> str:
    words = REASON_SHORT.get(code)
    return _(words) if words else code


# --- Clockify connection: the second sentence of CLOCKIFY_KEY_INVALID / CLOCKIFY_UNREACHABLE ----

CLOCKIFY_DETAIL: dict[str, str] = {
    "key_rejected": N_("It may have been mistyped or deleted; no Clockify data region accepted "
                       "it."),
    "no_answer": N_("There was no answer from its servers: check the internet connection, or a "
                    "firewall or proxy may be blocking it."),
    "tls": N_("The secure connection failed: a proxy or security program on this computer may "
              "be in the way."),
    "timeout": N_("Its servers took too long to answer."),
    "keeps_failing": N_("Its servers kept answering with an error, even after several tries."),
    "rate_limited": N_("It kept asking this app to slow down (too many requests for this "
                       "workspace); on a free Clockify plan wait an hour, otherwise a minute."),
    "garbage": N_("It sent an answer this app can't read."),
    "refused": N_("It refused to show this workspace's data to this API key."),
}


def clockify_detail(key: str) -> str:
    return _(CLOCKIFY_DETAIL[key])


def clockify_unknown_workspace(wanted: str, visible: list[str]) -> str:
    """No workspace with that id or exact name: say which ones the key can see."""
    if not visible:
        return _("There is no Clockify workspace {name}: this API key can't see any "
                 "workspace.").format(name=_q(wanted))
    names = ", ".join(_q(name) for name in visible)
    return _("There is no Clockify workspace {name} that this API key can see; it can see "
             "{names}. Choose one of these (by its exact name).").format(name=_q(wanted),
                                                                         names=names)


# --- what changed between two runs (SPEC §7) ----------------------------------------------------

def changes_line(fixed: int, new: int, still: int) -> str:
    """What changed, as three short sentences: "1 problem fixed. 2 new problems. 5 problems
    still to fix."."""
    return " ".join((
        _n("{count} problem fixed.", "{count} problems fixed.", fixed).format(count=fixed),
        _n("{count} new problem.", "{count} new problems.", new).format(count=new),
        _n("{count} problem still to fix.", "{count} problems still to fix.", still).format(
            count=still)))


def not_compared_line(titles: list[str]) -> str:
    """Checks that didn't run in one of the two runs: why they are left out of the counts."""
    return _n("Not compared: {names} (it could not be checked in one of the two runs, so "
              "nothing in it is counted as fixed or new).",
              "Not compared: {names} (they could not be checked in one of the two runs, so "
              "nothing in them is counted as fixed or new).", len(titles)).format(
        names=", ".join(titles))


def changes_summary(fixed: int, new: int, still: int, not_compared: list[str]) -> str:
    """The counts, then which checks were left out of them (by their titles), if any."""
    text = changes_line(fixed, new, still)
    return f"{text} {not_compared_line(not_compared)}" if not_compared else text


def since_recheck(fixed: int, new: int, still: int, not_compared: list[str]) -> str:
    return _("Since the Re-check: {changes}").format(
        changes=changes_summary(fixed, new, still, not_compared))


def resync_todo(problems: int) -> str:
    if not problems:
        return _("All names match: nothing to resync.")
    return _n("{count} name problem to fix; after fixing it, resync in Clockify and click "
              "Re-check.",
              "{count} name problems to fix; after fixing them, resync in Clockify and click "
              "Re-check.", problems).format(count=problems)


def check_titles(check_ids: tuple[str, ...] | list[str]) -> list[str]:
    return [check_title(c) for c in check_ids]


def resync_no_recheck_html(problems: int) -> str:
    """The Resync page before any Re-check in this session (rich text)."""
    return _n("<b>{count} name problem to fix</b> (details on the Names page). No Re-check in "
              "this session yet: fix it, resync in Clockify, then click Re-check.",
              "<b>{count} name problems to fix</b> (details on the Names page). No Re-check in "
              "this session yet: fix them, resync in Clockify, then click Re-check.",
              problems).format(count=problems)


def since_last_check_html(fixed: int, new: int, still: int, not_compared: list[str]) -> str:
    """The Resync page after a Re-check (rich text)."""
    return _("<b>Since the last check:</b> {changes}").format(
        changes=html.escape(changes_summary(fixed, new, still, not_compared)))


def first_run_html(problems: int) -> str:
    """The Summary page when the history has no earlier run of this workspace and company."""
    return _n("<b>{count} thing to fix</b>, listed below with its fix. This is the first run "
              "for this workspace and company on this computer: run the checkup again after "
              "fixing things to see what changed.",
              "<b>{count} things to fix</b>, listed below with their fixes. This is the first "
              "run for this workspace and company on this computer: run the checkup again after "
              "fixing things to see what changed.", problems).format(count=problems)


def since_last_run_html(when: str, fixed: int, new: int, still: int,
                        not_compared: list[str]) -> str:
    """The Summary page against the previous stored run (rich text)."""
    return _("<b>Since the last run ({when}):</b> {changes}").format(
        when=html.escape(when), changes=html.escape(changes_summary(fixed, new, still,
                                                                      not_compared)))


# --- the command line: exit 2 (SPEC §4: one sentence naming the value and the option) ----------

def cli_bad_date(value: str, option: str) -> str:
    return _("“{value}” given to {option} is not a date; write it as YYYY-MM-DD, for example "
             "2026-11-01.").format(value=value, option=option)


def cli_bad_plan(value: str, option: str, choices: tuple[str, ...] | list[str]) -> str:
    return _("“{value}” given to {option} is not a QuickBooks plan this app knows; use one of: "
             "{choices}.").format(value=value, option=option, choices=", ".join(choices))


def cli_bad_yes_no(value: str, option: str) -> str:
    return _("“{value}” given to {option} is not yes or no.").format(value=value, option=option)


def cli_missing_file(path: str, option: str) -> str:
    return _("The file {path} given to {option} doesn't exist or can't be opened; check the "
             "name and folder.").format(path=path, option=option)


def cli_unknown_options(options: list[str], prog: str) -> str:
    return _n("Unknown option {names} for “{prog}”.", "Unknown options {names} for “{prog}”.",
              len(options)).format(names=" ".join(options), prog=prog)


def cli_help_hint(prog: str) -> str:
    return _("Run {command} for the options.").format(command=f"`{prog} --help`")


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


# --- not found in a file that may leave inactive records out (exports.md §10) ------------------

def not_in_file(kind: str, name: str, client: str | None, how_to_include: str) -> Text:
    """CLIENT_/PROJECT_NOT_IN_QBO when the customers came from a file that may leave inactive
    customers out: not found in the file is not the same as missing from QuickBooks."""
    if kind == "client":
        message = _("Client {name} was not found in the QuickBooks file (inactive customers may "
                    "be left out of this export). If it isn't in QuickBooks at all, time for this "
                    "client's projects can't be sent.").format(name=_q(name))
        create = _("If {name} is there but inactive, make it active (find it, then Make "
                   "active); if it is missing, create it: {path}, customer display name exactly "
                   "{name}, then Save.").format(name=_q(name), path=p.inline(p.QBO_NEW_CUSTOMER))
    elif client:
        message = _("{what}: the sub-customer {name} under {client} was not found in the "
                    "QuickBooks file (inactive customers may be left out of this export).").format(
            what=_what(kind, name, client), name=_q(name), client=_q(client))
        create = _("If {name} is there but inactive, make it active (find it, then Make "
                   "active); if it is missing, create it: {path}, display name exactly {name}, "
                   "tick “Is a sub-customer”, parent {client}, then Save.").format(
            name=_q(name), client=_q(client), path=p.inline(p.QBO_NEW_CUSTOMER))
    else:
        message = _("Project {name} has no client, so it must match a QuickBooks customer of the "
                    "same name, which was not found in the QuickBooks file (inactive customers "
                    "may be left out of this export).").format(name=_q(name))
        create = _("If {name} is there but inactive, make it active (find it, then Make "
                   "active); if it is missing, create it: {path}, customer display name exactly "
                   "{name}, then Save.").format(name=_q(name), path=p.inline(p.QBO_NEW_CUSTOMER))
    return Text(message, " ".join((how_to_include, create, resync())))


def user_not_in_file(name: str, deactivated: bool, how_to_include: str) -> Text:
    """USER_NOT_IN_QBO when the employees came from a file that may leave inactive ones out."""
    return Text(
        _("No QuickBooks employee named {name} was found in the file (inactive employees may be "
          "left out of this export). If there is none in QuickBooks, this person's time can't be "
          "sent.").format(name=_q(name)) + _deactivated(deactivated),
        " ".join((how_to_include, _(
            "If the employee is there but inactive, make them active; if there is none, add the "
            "employee with display name exactly {name} ({path}), or let Clockify create missing "
            "users when it syncs.").format(name=_q(name), path=p.inline(p.QBO_ADD_EMPLOYEE)),
            resync())))
