"""Every sentence about saved companies (SPEC §9): the command line's companies commands, the
All companies page and the overview report.

Whole sentences with named placeholders; company, workspace and person names go in through
placeholders and are never translated. Marked with `N_` and translated where shown.
"""

from __future__ import annotations

from wizard.text import N_, _, _n

MESSAGES = {
    "settings_unreadable": N_("The list of saved companies in {path} can't be read; move that "
                              "file away and add the companies again."),
    "none_saved": N_("No company is saved under the name “{name}”; no company is saved yet. Add "
                     "one with “sync-checkup companies add NAME”."),
    "not_found": N_("No company is saved under the name “{name}”; the saved ones are {names}."),
    "name_empty": N_("Give the company a name."),
    "name_taken": N_("A company is already saved under the name “{name}”; pick another name or "
                     "remove that one first."),
    "add_needs_clockify": N_("To add a company, set SYNC_CHECKUP_CLOCKIFY_API_KEY (and "
                             "SYNC_CHECKUP_CLOCKIFY_WORKSPACE to pick the workspace)."),
    "add_needs_quickbooks": N_("To add a company, set SYNC_CHECKUP_QBO_REALM_ID and "
                               "SYNC_CHECKUP_QBO_REFRESH_TOKEN (or "
                               "SYNC_CHECKUP_QBO_ACCESS_TOKEN)."),
    "add_clockify_failed": N_("The company was not added: Clockify could not be read. {reason}"),
    "add_quickbooks_failed": N_("The company was not added: QuickBooks could not be read. "
                                "{reason}"),
    "added": N_("Added “{name}”: Clockify workspace “{workspace}” with QuickBooks company "
                "“{company}”."),
    "removed": N_("Removed “{name}” with its saved sign-ins and its history."),
    "no_companies": N_("No company is saved yet. Add one with “sync-checkup companies add "
                       "NAME”."),
    "list_line": N_("{name}: Clockify workspace “{workspace}”, QuickBooks company “{company}”, "
                    "last checked {when}."),
    "never_checked": N_("never"),
    "company_heading": N_("{name}"),
    "check_all_needs_companies": N_("No company is saved yet, so there is nothing to check. Add "
                                    "one with “sync-checkup companies add NAME”."),
    "company_and_all": N_("Use --company or --all-companies, not both."),
    "company_and_sources": N_("A saved company brings its own sources: leave out --demo and the "
                              "export files."),
    "overview_title": N_("All companies: overview"),
    "overview_generated": N_("Checked {when}, period {start} to {end}."),
    "first_run": N_("First run of this company."),
    "remove_question": N_("Remove “{name}”? Its saved Clockify key and QuickBooks sign-in (unless "
                          "another company uses them) and its history are deleted from this "
                          "computer. Nothing changes in Clockify or QuickBooks."),
    "save_needs_live": N_("Only a live connection to both Clockify and QuickBooks can be saved "
                          "as a company: connect both on the first page and run the check."),
    "saved_as": N_("Saved as the company “{name}”. It is on the All companies page the next time "
                   "Sync Checkup opens."),
    "save_as_prompt": N_("The name to save this Clockify workspace and QuickBooks company under:"),
}


def message(key: str, **values: str) -> str:
    return _(MESSAGES[key]).format(**values)


def problems(count: int) -> str:
    return _n("{count} problem", "{count} problems", count).format(count=count)

