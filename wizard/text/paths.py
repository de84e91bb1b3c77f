"""Click paths as data: each is a tuple of steps (menu items, buttons), so the wizard can show
them as a numbered list, and the report and the command line as one line, without ever
splitting a sentence apart."""

from __future__ import annotations

from wizard.text import N_, _

Steps = tuple[str, ...]

SEPARATOR = " → "

CLOCKIFY_RESYNC: Steps = (
    N_("⋯ next to your workspace name"), N_("Workspace settings"), N_("Integrations"),
    N_("QuickBooks"), N_("Check for new users and customers"))
CLOCKIFY_RECONNECT: Steps = (
    N_("⋯ next to your workspace name"), N_("Workspace settings"), N_("Integrations"),
    N_("the arrow next to QuickBooks"), N_("Disconnect"), N_("Confirm"),
    N_("Connect to QuickBooks"), N_("Sign in to QuickBooks as an administrator"))
CLOCKIFY_PROFILE_NAME: Steps = (
    N_("Profile picture (top right)"), N_("Preferences"), N_("Manage CAKE.com Account"),
    N_("Name"))
CLOCKIFY_EDIT_CLIENT: Steps = (
    N_("Clients (left sidebar)"), N_("find the client"), N_("⋯"), N_("Edit"), N_("Name"))
CLOCKIFY_EDIT_PROJECT: Steps = (
    N_("Projects (left sidebar)"), N_("open the project"), N_("Settings"), N_("Name"))
CLOCKIFY_PROJECT_CLIENT: Steps = (
    N_("Projects"), N_("open the project"), N_("Settings"), N_("Client"))
CLOCKIFY_RESEND_INVITE: Steps = (
    N_("Team (left sidebar)"), N_("Members"), N_("⋯ next to them"), N_("Resend invite"))
CLOCKIFY_API_KEY: Steps = (
    N_("Profile picture (top right)"), N_("Preferences"), N_("Advanced tab"),
    N_("Manage API keys"), N_("Generate new"))
CLOCKIFY_SUBSCRIPTION: Steps = (
    N_("⋯ next to the workspace name"), N_("Workspace settings"),
    N_("Subscription (or Upgrade)"))
QBO_EMPLOYEES: Steps = (N_("Payroll (or Workers)"), N_("Employees"))
QBO_ADD_EMPLOYEE: Steps = (N_("Payroll (or Workers)"), N_("Employees"), N_("Add employee"))
QBO_CUSTOMERS: Steps = (N_("Sales (or Get paid & pay)"), N_("Customers"))
QBO_NEW_CUSTOMER: Steps = (N_("Sales (or Get paid & pay)"), N_("Customers"),
                           N_("New customer"))
QBO_VENDOR_NAME: Steps = (N_("Expenses"), N_("Vendors"), N_("the vendor"), N_("Edit"),
                          N_("Display name"))
QBO_BILLING: Steps = (N_("Gear icon (top right)"), N_("Account and Settings"),
                      N_("Billing and Subscription"))
QBO_UPGRADE: Steps = (*QBO_BILLING, N_("Upgrade"))
QBO_TIME_TRACKING: Steps = (N_("Gear icon (top right)"), N_("Account and Settings"),
                            N_("Time (or Advanced → Time tracking)"))


def steps(path: Steps) -> list[str]:
    """The steps in the chosen language, one by one (for a numbered list)."""
    return [_(step) for step in path]


def inline(path: Steps) -> str:
    """The steps in the chosen language on one line, joined by arrows."""
    return SEPARATOR.join(steps(path))


__all__ = ["SEPARATOR", "Steps", "inline", "steps"]
