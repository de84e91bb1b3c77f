"""The name-table rows the Names page and the support report both build from."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wizard.core.labels import Tag
from wizard.core.names import NearKind
from wizard.core.result import Finding, Status
from wizard.core.rows import (
    client_groups,
    name_row,
    near_kind,
    qbo_only_row,
    unused_records,
)


def _finding(subject: str, kind: str, code: str = "X", status: Status = Status.FAIL,
             **extra: object) -> Finding:
    check = "users" if kind == "user" else "customers"
    return Finding(code=code, check=check, status=status, subject=subject, subject_kind=kind,
                   message="m", fix="f", **extra)  # type: ignore[arg-type]


def test_near_kind_reads_every_known_kind() -> None:
    for kind in NearKind:
        assert near_kind(_finding("a", "user", near_kind=kind.value)) is kind
    assert near_kind(_finding("a", "user")) is None
    assert near_kind(_finding("a", "user", near_kind="")) is None


@given(st.text())
def test_near_kind_from_a_saved_run_never_raises(text: str) -> None:
    """Runs read back from history may name kinds another version wrote."""
    kind = near_kind(_finding("a", "user", near_kind=text))
    assert kind is None or kind.value == text


def test_a_name_row_notes_what_clockify_says_of_the_name() -> None:
    user = name_row(_finding("Ann", "user", code="USER_MATCHED", status=Status.PASS,
                             match="Ann", deactivated=True))
    assert (user.tag, user.quickbooks, user.note) == (Tag.MATCHED, "Ann",
                                                      "Deactivated in Clockify.")
    project = name_row(_finding("Ads", "project", archived=True))
    assert project.note == "Archived in Clockify."
    assert project.tag is Tag.PROBLEM
    assert name_row(_finding("Bo", "user")).note == ""


def test_a_quickbooks_only_row_says_when_the_record_is_inactive() -> None:
    active = qbo_only_row("Acme", True, "customer")
    inactive = qbo_only_row("Acme", False, "customer")
    assert (active.tag, active.status, active.note, active.qbo_active) == (
        Tag.QBO_ONLY, Status.INFO, "", True)
    assert (inactive.tag, inactive.note, inactive.qbo_active) == (
        Tag.QBO_ONLY, "Inactive in QuickBooks.", False)


def test_a_record_is_unused_only_when_no_clockify_name_uses_it() -> None:
    findings = [_finding("Jon", "user", match="John"), _finding("Eve", "user"),
                _finding("Acme", "client"), _finding("Q4:Ads", "client"),
                _finding("Web", "project", client="Acme", match="Acme:Web")]
    records = [("John", True), ("Eve", False), ("Zed", True), ("Acme", True), ("Q4:Ads", True),
               ("Acme:Web", True), ("Acme:Old", False)]
    # matched (John, Acme:Web) or spelled exactly by a user or a top-level client (Eve, Acme);
    # a client with a colon can't be a customer's name, so "Q4:Ads" stays listed
    assert unused_records(records, findings) == [("Zed", True), ("Q4:Ads", True),
                                                 ("Acme:Old", False)]


def test_projects_go_under_the_first_client_of_their_clients_name() -> None:
    acme, acme_again, bright = (_finding("Acme", "client"), _finding("Acme", "client"),
                                _finding("Bright", "client"))
    web = _finding("Web", "project", client="Acme")
    logo = _finding("Logo", "project", client="Bright")
    orphan = _finding("Old", "project", client="Gone")
    loose = _finding("Admin", "project")
    groups, rest = client_groups([web, acme, orphan, acme_again, logo, bright, loose])
    assert groups == [(acme, [web]), (acme_again, []), (bright, [logo])]
    assert rest == [orphan, loose]
