"""The connection check (SPEC §3.5): where each side's data came from, or why it couldn't be
read."""

from __future__ import annotations

from wizard.core.checks.findings import CheckOutput, Subject
from wizard.core.link_types import WebPlaces
from wizard.core.model import ClockifySide, QuickBooksSide
from wizard.core.result import Finding, Status, worst
from wizard.text import connection as texts
from wizard.text.findings import Text

# how a side that was read was read, and what that says: only a live API that answered passes
_STATUS = {"connected": Status.PASS, "files": Status.INFO, "sample": Status.INFO}
_CLOCKIFY_CODES = {"connected": "CLOCKIFY_CONNECTED", "files": "CLOCKIFY_FROM_FILES",
                   "sample": "CLOCKIFY_SAMPLE"}
_QUICKBOOKS_CODES = {"connected": "QBO_CONNECTED", "files": "QBO_FROM_FILES",
                     "sample": "QBO_SAMPLE"}


def _read_from(source: str) -> str:
    """"connected" for the live API, "files" for exported files, else the sample."""
    return {"api": "connected", "file": "files"}.get(source, "sample")


def check_connection(clockify: ClockifySide, quickbooks: QuickBooksSide,
                     places: WebPlaces | None = None) -> CheckOutput:
    """`*_CONNECTED` only for a live API that answered; files and the sample say what they are
    (SPEC §3.5), so with no live side the check is `info`, never `pass`. `places`: where the
    records live on the web, for each finding's links."""
    findings: list[Finding] = []
    clockify_subject = Subject(check="connection", kind="connection", name="Clockify",
                               places=places)
    quickbooks_subject = Subject(check="connection", kind="connection", name="QuickBooks",
                                 places=places)

    def add(code: str, status: Status, side: Subject, text: Text) -> None:
        findings.append(side.finding(code, status, text))

    if clockify.problem is not None:
        code = clockify.problem.code
        text = (texts.clockify_key_invalid if code == "CLOCKIFY_KEY_INVALID"
                else texts.clockify_unreachable)(clockify.problem.detail)
        add(code, Status.FAIL, clockify_subject, text)
        clockify_state = "key_rejected" if code == "CLOCKIFY_KEY_INVALID" else "unreachable"
    elif clockify.source is not None and clockify.data is not None:
        data = clockify.data
        clockify_state = _read_from(clockify.source)
        add(_CLOCKIFY_CODES[clockify_state], _STATUS[clockify_state], clockify_subject,
            texts.clockify_source(clockify_state, data.workspace_name))
        if data.is_admin is False:
            add("CLOCKIFY_NOT_ADMIN", Status.WARN, clockify_subject, texts.clockify_not_admin())
        if data.features is not None and "QUICKBOOKS_INTEGRATION" not in data.features:
            add("CLOCKIFY_NO_QUICKBOOKS", Status.WARN, clockify_subject,
                texts.clockify_no_quickbooks(data.workspace_name))
    else:
        clockify_state = "not_chosen"
    if quickbooks.problem is not None:
        code = quickbooks.problem.code
        text = (texts.qbo_reconnect_needed if code == "QBO_RECONNECT_NEEDED"
                else texts.qbo_unreachable)(quickbooks.problem.detail)
        add(code, Status.FAIL, quickbooks_subject, text)
        qbo_state = "sign_in_again" if code == "QBO_RECONNECT_NEEDED" else "unreachable"
    elif quickbooks.source is not None and quickbooks.data is not None:
        qbo_state = _read_from(quickbooks.source)
        add(_QUICKBOOKS_CODES[qbo_state], _STATUS[qbo_state], quickbooks_subject,
            texts.qbo_source(qbo_state, quickbooks.data.company.company_name))
    else:
        add("QBO_NOT_CONNECTED", Status.INFO, quickbooks_subject, texts.qbo_not_connected())
        qbo_state = "not_chosen"
    return CheckOutput(worst([f.status for f in findings]),
                       texts.connection_summary(clockify_state, qbo_state), tuple(findings))
