"""Every sentence of "fix it for me" (SPEC §8): the plan's lines, what stays by hand and why, each
action's outcome, the confirmation, and the reminder to resync in Clockify.

Whole sentences with named placeholders; names from the user's data go in through placeholders
and are never translated. Marked with `N_` and translated where shown.
"""

from __future__ import annotations

from wizard.text import N_, _, _n

# --- what an action does: one line per kind ("before → after" comes with it) --------------------

KIND_LINE = {
    "rename_employee": N_("Rename the QuickBooks employee “{before}” to “{after}”."),
    "reactivate_employee": N_("Make the QuickBooks employee “{name}” active again."),
    "create_employee": N_("Add “{after}” to QuickBooks as a new employee."),
    "reactivate_customer": N_("Make the QuickBooks customer “{name}” active again."),
    "rename_customer": N_("Rename the QuickBooks customer “{before}” to “{after}”."),
    "create_customer": N_("Add “{after}” to QuickBooks as a new customer."),
    "create_sub_customer": N_("Add “{after}” to QuickBooks as a new sub-customer of "
                              "“{parent}”."),
    "rename_client": N_("Rename the Clockify client “{before}” to “{after}”."),
    "rename_project": N_("Rename the Clockify project “{before}” to “{after}”."),
    "set_project_client": N_("Give the Clockify project “{name}” the client “{after}”."),
    "deactivate_employee": N_("Make the QuickBooks employee “{name}” inactive again."),
    "deactivate_customer": N_("Make the QuickBooks customer “{name}” inactive again."),
}
ACTIVE = N_("active")
INACTIVE = N_("inactive")
NO_CLIENT = N_("no client")
NEW_RECORD = N_("new record")
CREATION_HINT = N_("Adds a new record to QuickBooks: tick it when that is right.")
ALTERNATIVE_HINT = N_("The other way round: changes QuickBooks instead of Clockify. Tick one of "
                      "the two, not both.")

# --- why a problem stays a fix by hand ---------------------------------------------------------

MANUAL_WHY = {
    "PLAN": N_("The QuickBooks plan and its settings are changed in QuickBooks' billing pages, "
               "not by this app."),
    "CONNECTION": N_("Connections and keys are set up by you; the steps are in the problem's "
                     "fix."),
    "USER_PENDING": N_("Only the invited person can accept the invitation."),
    "USER_IS_VENDOR": N_("Whether this person should be an employee is your decision: QuickBooks "
                         "can't turn a vendor into an employee."),
    "NAME_TAKEN_IN_QBO": N_("The name belongs to an employee or vendor in QuickBooks; choose "
                            "another name for the customer yourself."),
    "PROJECT_CLIENT_UNMATCHED": N_("Its client has to match first; fix the client, then check "
                                   "again."),
    "PROJECT_NOT_SUBCUSTOMER": N_("Making a top-level customer a sub-customer isn't something "
                                  "this app does; follow the fix by hand."),
    "ONE_WORD_NAME": N_("A one-word name can't be split into a first and last name for "
                        "QuickBooks; add the employee by hand."),
    "NO_SUGGESTION": N_("There is no QuickBooks name it was clearly meant to be; rename it "
                        "yourself."),
    "NAME_HAS_COLON": N_("QuickBooks names can't contain a colon; rename it yourself."),
    "NO_SUCH_CLIENT": N_("There is no Clockify client named like the QuickBooks parent; add it in "
                         "Clockify first."),
    "NAME_HELD": N_("QuickBooks already has a record with this name, so it can't be added "
                    "again."),
    "NO_RECORD_ID": N_("The record's id is not known (read from exported files or an older "
                       "run); check again with the live connection."),
    "NOT_LIVE": N_("This side was read from exported files: nothing can be changed from here."),
    "PARENT_UNKNOWN": N_("The QuickBooks customer for its client is not known; fix the client "
                         "first, then check again."),
    "ENTRIES": N_("Time entries are your own decisions: billable, project and the rest stay "
                  "yours to change."),
    "OTHER": N_("This one needs a person's judgement; follow its fix by hand."),
}

# --- outcomes ----------------------------------------------------------------------------------

STATUS_WORD = {
    "planned": N_("planned"),
    "sent": N_("sent"),
    "done": N_("done"),
    "stale": N_("changed since"),
    "failed": N_("failed"),
    "skipped": N_("skipped"),
    "undone": N_("undone"),
}
OUTCOME_LINE = {
    "done": N_("Done: {line}"),
    "stale": N_("Left as it is: {line} {message}"),
    "failed": N_("Not done: {line} {message}"),
    "skipped": N_("Skipped: {line} {message}"),
    "sent": N_("Sent, answer not known yet: {line}"),
}
STALE_CHANGED = N_("“{name}” was changed since the check, so it was left as it is now. Check "
                   "again to see it as it is.")
STALE_GONE = N_("“{name}” is no longer there (deleted or made inactive), so nothing was "
                "changed.")
STALE_NAME_TAKEN = N_("The name “{name}” was taken in QuickBooks since the check, so nothing "
                      "was added.")
STALE_UNDO = N_("“{name}” was changed since Sync Checkup changed it, so it was left as it is.")
FAILED_NAME_HELD = N_("QuickBooks refused the name “{name}”: the {holder} “{holder_name}” "
                      "already has it (inactive records count too).")
FAILED_NAME_HELD_UNKNOWN = N_("QuickBooks refused the name “{name}”: another customer, vendor "
                              "or employee already has it (inactive records count too).")
FAILED_DUPLICATE_CLOCKIFY = N_("Clockify refused the name “{name}”: another client or project "
                               "already has it.")
FAILED_REFUSED = N_("{system} refused the change to “{name}”; the details are in the log file.")
FAILED_NOT_ALLOWED = N_("{system} didn't allow the change to “{name}”: the account needs to be "
                        "an administrator.")
FAILED_NOT_LANDED = N_("The connection broke while changing “{name}”, and the change did not "
                       "arrive. It was not sent again: apply again to retry.")
FAILED_UNREACHABLE = N_("{system} could not be reached, so “{name}” was not changed.")
SKIPPED_PARENT = N_("Not done because adding its parent “{parent}” did not succeed.")
SKIPPED_ALTERNATIVE = N_("Not done: the other way of fixing the same problem was chosen.")
SKIPPED_CANCELLED = N_("Not done: you cancelled before it.")
DONE = N_("Done.")
HOLDER = {"Customer": N_("customer"), "Vendor": N_("vendor"), "Employee": N_("employee")}
SYSTEM = {"quickbooks": N_("QuickBooks"), "clockify": N_("Clockify")}
RESOLVED_LANDED = N_("An interrupted change to “{name}” did arrive; it is recorded as done.")
RESOLVED_NOT_LANDED = N_("An interrupted change to “{name}” did not arrive; it was not sent "
                         "again.")

# --- around the apply --------------------------------------------------------------------------

RESYNC_REMINDER = N_("Clockify sees QuickBooks changes only after you click “Check for new users "
                     "and customers”: in Clockify, open the ⋯ menu next to your workspace name "
                     "→ Workspace settings → Integrations → QuickBooks → Check for new users "
                     "and customers.")
CONFIRM = N_("Change {count} record in the QuickBooks company “{company}” and the Clockify "
             "workspace “{workspace}”?")
CONFIRM_PLURAL = N_("Change {count} records in the QuickBooks company “{company}” and the "
                    "Clockify workspace “{workspace}”?")
NO_TERMINAL = N_("Nothing was changed: confirm with --yes, since there is no terminal to ask "
                 "on.")
UNDO_NO_TERMINAL = N_("Nothing was undone: confirm with --yes, since there is no terminal to "
                      "ask on.")
PLAN_OTHER_COMPANY = N_("This plan was made for another Clockify workspace or QuickBooks company "
                        "(“{workspace}”, “{company}”); make a new plan with fix --plan-out.")
PLAN_UNREADABLE = N_("The plan {path} can't be read as a Sync Checkup fix plan; make a new one "
                     "with fix --plan-out.")
PLAN_NOT_LIVE = N_("Fix plans can be applied only to live connections or the sample company, "
                   "not to exported files.")
NO_RUN = N_("There is no applied fix to undo.")
UNKNOWN_RUN = N_("There is no applied fix called {run}; the applied fixes are listed on the "
                 "Reconnect page.")


def kind_line(kind: str, **names: str) -> str:
    return _(KIND_LINE[kind]).format(**names)


def confirm(count: int, company: str, workspace: str) -> str:
    return _n(CONFIRM, CONFIRM_PLURAL, count).format(count=count, company=company,
                                                     workspace=workspace)


def changes_count(count: int) -> str:
    return _n("Apply {count} change", "Apply {count} changes", count).format(count=count)


def undo_count(count: int) -> str:
    return _n("Undo {count} change", "Undo {count} changes", count).format(count=count)


def outcome_summary(done: int, total: int) -> str:
    return _n("{done} of {total} change was made.", "{done} of {total} changes were made.",
              total).format(done=done, total=total)


def undo_summary(done: int, total: int) -> str:
    return _n("{done} of {total} change was undone.", "{done} of {total} changes were undone.",
              total).format(done=done, total=total)
