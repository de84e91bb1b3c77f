"""Every sentence a bookkeeper reads about a finding of the plan, users and customers checks:
what is wrong, why it blocks the sync, and exactly where to click. Whole sentences with named
placeholders; click paths are data (`wizard.text.paths`). How two names differ is passed in as the
near-match kind's value (`wizard.core.names.NearKind` is a `StrEnum`), so this stays a leaf.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.text import N_, _
from wizard.text import paths as p
from wizard.text.report import difference

SUPPORT_EMAIL = "support@clockify.me"


@dataclass(frozen=True, slots=True)
class Text:
    message: str
    fix: str


def quote(name: str | None) -> str:
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


def nothing() -> str:
    return _("Nothing to do.")


def _near_why(kind: str) -> str:
    return _("The names are close but not identical: {difference}.").format(
        difference=difference(kind))


def _deactivated(deactivated: bool) -> str:
    return (" " + _("This member is deactivated in Clockify, but their earlier entries can "
                    "still be sent.")) if deactivated else ""


# --- plan -------------------------------------------------------------------------------------

def plan_supported(plan: str) -> Text:
    return Text(_("{plan} works with Clockify, and payroll is off.").format(plan=plan),
                nothing())


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
                    "Only Essentials and Plus work with Clockify.").format(plan=quote(raw))
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
                    "match them to a QuickBooks employee.").format(name=quote(name))
    else:
        message = _("This invited member has not accepted the Clockify invitation yet (or has "
                    "no name), so Clockify can't match them to a QuickBooks employee.")
    return Text(message, _(
        "Ask them to accept the invitation e-mail and set their name, or re-send it in "
        "Clockify: {path}. {resync}").format(path=p.inline(p.CLOCKIFY_RESEND_INVITE),
                                              resync=resync()))


def user_matched(name: str, deactivated: bool) -> Text:
    return Text(_("{name} matches a QuickBooks employee exactly.").format(name=quote(name))
                + _deactivated(deactivated), nothing())


def employee_inactive(name: str, deactivated: bool) -> Text:
    return Text(
        _("{name} matches a QuickBooks employee who is inactive, so QuickBooks refuses time for "
          "them.").format(name=quote(name)) + _deactivated(deactivated),
        _("In QuickBooks: {path}, filter Status: All (or Inactive), find {name} and click Make "
          "active. {resync}").format(path=p.inline(p.QBO_EMPLOYEES), name=quote(name),
                                     resync=resync()))


def user_is_vendor(name: str, deactivated: bool) -> Text:
    return Text(
        _("{name} exists in QuickBooks as a vendor (contractor), not as an employee. Clockify "
          "sends time only for employees.").format(name=quote(name)) + _deactivated(deactivated),
        _("In QuickBooks add an employee named exactly {name} ({path}). QuickBooks won't allow "
          "the same display name twice, so first rename the vendor ({vendor_path}), for example "
          "by adding “(vendor)”. {resync}").format(
            name=quote(name), path=p.inline(p.QBO_ADD_EMPLOYEE),
            vendor_path=p.inline(p.QBO_VENDOR_NAME), resync=resync()))


def user_near_match(name: str, employee: str, kind: str, deactivated: bool) -> Text:
    return Text(
        _("Clockify user {name} is not exactly the QuickBooks employee {employee}. {why} "
          "Clockify needs the names identical.").format(name=quote(name), employee=quote(employee),
                                                        why=_near_why(kind))
        + _deactivated(deactivated),
        _("Make the names identical: either the member renames themselves in Clockify to "
          "{employee} ({path}), or change the employee's display name in QuickBooks "
          "({qbo_path} → {employee} → Edit). {resync}").format(
            employee=quote(employee), path=p.inline(p.CLOCKIFY_PROFILE_NAME),
            qbo_path=p.inline(p.QBO_EMPLOYEES), resync=resync()))


def user_not_in_qbo(name: str, deactivated: bool) -> Text:
    return Text(
        _("There is no QuickBooks employee named {name}, so this person's time can't be "
          "sent.").format(name=quote(name)) + _deactivated(deactivated),
        _("In QuickBooks add the employee with display name exactly {name} ({path}), or let "
          "Clockify create missing users when it syncs. {resync}").format(
            name=quote(name), path=p.inline(p.QBO_ADD_EMPLOYEE), resync=resync()))


# --- clients and projects ---------------------------------------------------------------------

def _what(kind: str, name: str, client: str | None = None) -> str:
    """The subject a sentence starts with: a client, or a project (under its client)."""
    if kind == "client":
        return _("Client {name}").format(name=quote(name))
    if client:
        return _("Project {name} (client {client})").format(name=quote(name), client=quote(client))
    return _("Project {name}").format(name=quote(name))


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
                existing=quote(existing)),
            _("Rename it in Clockify to exactly {existing}. {edit} {resync}").format(
                existing=quote(existing), edit=_edit(kind), resync=resync()))
    return Text(message, _(
        "Rename it in Clockify without the colon, for example {suggestion}. {edit} Then create "
        "the customer in QuickBooks with the same name.").format(
            suggestion=quote(name.replace(":", " -")), edit=_edit(kind)))


def project_client_unmatched(name: str, client: str) -> Text:
    return Text(
        _("Project {name} belongs to client {client}, which doesn't match a QuickBooks customer "
          "yet, so the project can't match a sub-customer either.").format(
            name=quote(name), client=quote(client)),
        _("Fix the client {client} first (see its own line), then run the check again.").format(
            client=quote(client)))


def client_matched(name: str, match: str) -> Text:
    return Text(_("Client {name} matches the QuickBooks customer {match}.").format(
        name=quote(name), match=quote(match)), nothing())


def project_matched(name: str, client: str | None, match: str) -> Text:
    if client:
        message = _("{what} matches the QuickBooks sub-customer {match}.")
    else:
        message = _("{what} matches the QuickBooks customer {match}.")
    return Text(message.format(what=_what("project", name, client), match=quote(match)), nothing())


def customer_inactive(kind: str, name: str, client: str | None, match: str) -> Text:
    return Text(
        _("{what} matches the QuickBooks customer {match}, but that customer is inactive, so "
          "QuickBooks refuses time for it.").format(what=_what(kind, name, client),
                                                    match=quote(match)),
        _("In QuickBooks: {path}, click the gear above the list, tick “Include inactive”, find "
          "{match} and click Make active. {resync}").format(
            path=p.inline(p.QBO_CUSTOMERS), match=quote(match), resync=resync()))


def project_wrong_parent(name: str, client: str, match: str, actual_parent: str) -> Text:
    return Text(
        _("{what}: QuickBooks has a sub-customer {name}, but under {parent} ({match}), not under "
          "{client}.").format(what=_what("project", name, client), name=quote(name),
                              parent=quote(actual_parent), match=quote(match),
                              client=quote(client)),
        _("Either change the project's client in Clockify to {parent} ({path}) or, in "
          "QuickBooks, edit the sub-customer {name} and set “Parent customer” to {client}. "
          "{resync}").format(parent=quote(actual_parent), path=p.inline(p.CLOCKIFY_PROJECT_CLIENT),
                             name=quote(name), client=quote(client), resync=resync()))


def project_not_subcustomer(name: str, client: str) -> Text:
    return Text(
        _("{what}: in QuickBooks {name} is a customer of its own, not a sub-customer of "
          "{client}. A project with a client must be a sub-customer of that client.").format(
            what=_what("project", name, client), name=quote(name), client=quote(client)),
        _("In QuickBooks edit the customer {name}, tick “Is a sub-customer” and pick {client} as "
          "its parent, or remove the client from the project in Clockify ({path}). "
          "{resync}").format(name=quote(name), client=quote(client),
                             path=p.inline(p.CLOCKIFY_PROJECT_CLIENT), resync=resync()))


def project_is_subcustomer(name: str, match: str, parent: str) -> Text:
    return Text(
        _("Project {name} has no client in Clockify, but in QuickBooks it exists only as a "
          "sub-customer of {parent} ({match}).").format(name=quote(name), parent=quote(parent),
                                                        match=quote(match)),
        _("In Clockify set the project's client to {parent} ({path}); create that client first "
          "if needed (Clients → Add new client, with exactly the same name). {resync}").format(
            parent=quote(parent), path=p.inline(p.CLOCKIFY_PROJECT_CLIENT), resync=resync()))


def near_match(kind: str, name: str, client: str | None, match: str, suggestion: str,
               near: str) -> Text:
    return Text(
        _("{what} is not exactly the QuickBooks customer {match}. {why} Clockify needs the names "
          "identical.").format(what=_what(kind, name, client), match=quote(match),
                               why=_near_why(near)),
        _("Rename it in Clockify to exactly {suggestion}. {edit} (Or rename the customer in "
          "QuickBooks to {name}.) {resync}").format(suggestion=quote(suggestion), edit=_edit(kind),
                                                    name=quote(name), resync=resync()))


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
    return Text(_(_TAKEN_MESSAGE[holder]).format(what=_what(kind, name, client), name=quote(name)),
                _(_TAKEN_FIX[holder, side]).format(resync=resync()))


def not_in_qbo(kind: str, name: str, client: str | None, leaf_of: str | None = None) -> Text:
    if kind == "client":
        message = _("There is no QuickBooks customer named {name}, so time for this client's "
                    "projects can't be sent.").format(name=quote(name))
        if leaf_of:
            message += " " + _("QuickBooks has {name} only as a sub-customer of {parent}, which "
                               "Clockify treats as a project, not a client.").format(
                name=quote(name), parent=quote(leaf_of))
        return Text(message, _(
            "In QuickBooks: {path}. Enter the customer display name exactly {name} and click "
            "Save. {resync}").format(path=p.inline(p.QBO_NEW_CUSTOMER), name=quote(name),
                                     resync=resync()))
    if client:
        return Text(
            _("{what}: QuickBooks has no sub-customer {name} under {client}.").format(
                what=_what(kind, name, client), name=quote(name), client=quote(client)),
            _("In QuickBooks: {path}. Enter the display name exactly {name}, tick “Is a "
              "sub-customer”, pick the parent {client} and click Save. {resync}").format(
                path=p.inline(p.QBO_NEW_CUSTOMER), name=quote(name), client=quote(client),
                resync=resync()))
    return Text(
        _("Project {name} has no client, so it must match a QuickBooks customer of the same "
          "name, and there is none.").format(name=quote(name)),
        _("In QuickBooks: {path}. Enter the customer display name exactly {name} and click "
          "Save. {resync}").format(path=p.inline(p.QBO_NEW_CUSTOMER), name=quote(name),
                                   resync=resync()))


# --- not found in a file that may leave inactive records out (exports.md §10) ------------------

def not_in_file(kind: str, name: str, client: str | None, how_to_include: str) -> Text:
    """CLIENT_/PROJECT_NOT_IN_QBO when the customers came from a file that may leave inactive
    customers out: not found in the file is not the same as missing from QuickBooks."""
    if kind == "client":
        message = _("Client {name} was not found in the QuickBooks file (inactive customers may "
                    "be left out of this export). If it isn't in QuickBooks at all, time for this "
                    "client's projects can't be sent.").format(name=quote(name))
        create = _("If {name} is there but inactive, make it active (find it, then Make "
                   "active); if it is missing, create it: {path}, customer display name exactly "
                   "{name}, then Save.").format(name=quote(name), path=p.inline(p.QBO_NEW_CUSTOMER))
    elif client:
        message = _("{what}: the sub-customer {name} under {client} was not found in the "
                    "QuickBooks file (inactive customers may be left out of this export).").format(
            what=_what(kind, name, client), name=quote(name), client=quote(client))
        create = _("If {name} is there but inactive, make it active (find it, then Make "
                   "active); if it is missing, create it: {path}, display name exactly {name}, "
                   "tick “Is a sub-customer”, parent {client}, then Save.").format(
            name=quote(name), client=quote(client), path=p.inline(p.QBO_NEW_CUSTOMER))
    else:
        message = _("Project {name} has no client, so it must match a QuickBooks customer of the "
                    "same name, which was not found in the QuickBooks file (inactive customers "
                    "may be left out of this export).").format(name=quote(name))
        create = _("If {name} is there but inactive, make it active (find it, then Make "
                   "active); if it is missing, create it: {path}, customer display name exactly "
                   "{name}, then Save.").format(name=quote(name), path=p.inline(p.QBO_NEW_CUSTOMER))
    return Text(message, " ".join((how_to_include, create, resync())))


def user_not_in_file(name: str, deactivated: bool, how_to_include: str) -> Text:
    """USER_NOT_IN_QBO when the employees came from a file that may leave inactive ones out."""
    return Text(
        _("No QuickBooks employee named {name} was found in the file (inactive employees may be "
          "left out of this export). If there is none in QuickBooks, this person's time can't be "
          "sent.").format(name=quote(name)) + _deactivated(deactivated),
        " ".join((how_to_include, _(
            "If the employee is there but inactive, make them active; if there is none, add the "
            "employee with display name exactly {name} ({path}), or let Clockify create missing "
            "users when it syncs.").format(name=quote(name), path=p.inline(p.QBO_ADD_EMPLOYEE)),
            resync())))
