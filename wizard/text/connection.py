"""The connection check's sentences: how each side was read (live, files, the sample), what
went wrong reaching it, and the Reconnect page's words."""

from __future__ import annotations

from wizard.text import N_, _
from wizard.text import paths as p
from wizard.text.findings import Text, api_key_where, nothing, quote

# --- how each side was read -----------------------------------------------------------------------

def clockify_source(state: str, workspace: str | None) -> Text:
    """How the Clockify side was read when it was read: live, from export files, or the sample
    company. Only a live answer is called connected (SPEC §3.5)."""
    if state == "connected":
        if workspace:
            return Text(_("Connected to Clockify: workspace {workspace} answered.").format(
                workspace=quote(workspace)), nothing())
        return Text(_("Connected to Clockify: the workspace answered."), nothing())
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
                      "app: nothing was connected.").format(workspace=quote(workspace)), fix)
    return Text(_("Clockify is the sample company's workspace, built into this app: nothing was "
                  "connected."), fix)


def qbo_source(state: str, company: str | None) -> Text:
    """How the QuickBooks side was read when it was read (see clockify_source)."""
    if state == "connected":
        if company:
            return Text(_("Connected to QuickBooks: company {company} answered.").format(
                company=quote(company)), nothing())
        return Text(_("Connected to QuickBooks: the company answered."), nothing())
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
                      "was connected.").format(company=quote(company)), fix)
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
                    "Enterprise).").format(workspace=quote(workspace))
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
                 "workspace.").format(name=quote(wanted))
    names = ", ".join(quote(name) for name in visible)
    return _("There is no Clockify workspace {name} that this API key can see; it can see "
             "{names}. Choose one of these (by its exact name).").format(name=quote(wanted),
                                                                         names=names)
