"""SPEC §3.4: a reason is left out only when the data it needs is missing, and an entry is never
said to sync while a reason was left out."""

from __future__ import annotations

import dataclasses

from tests.core.builders import clockify, customers, employee, entry, member, quickbooks, run
from wizard.core.model import Client, Project, QuickBooksSide
from wizard.core.result import Status


def _side() -> tuple:
    ana = member("Ana Lima")
    roof = Project("p1", "Roof", client_id="k1", client_name="Maple Works")
    shed = Project("p2", "Shed")
    side = clockify(members=[ana], clients=[Client("k1", "Maple Works")], projects=[roof, shed],
                    entries=[entry(ana, roof), entry(ana, shed), entry(ana, None, billable=False)])
    return ana, side


def _without(q: QuickBooksSide, **lists: None) -> QuickBooksSide:
    assert q.data is not None
    return QuickBooksSide(source="file", data=dataclasses.replace(q.data, **lists))


def test_customers_known_employees_unknown_gives_the_project_reason_only() -> None:
    _, side = _side()
    q = _without(quickbooks(customer_list=customers("Maple Works", "Maple Works:Roof")),
                 employees=None)
    result = run(side, q)
    reasons = {i.project: i.reasons for i in result.entries.items}
    assert reasons == {"Shed": ("ENTRY_PROJECT_UNMAPPED",), None: ("ENTRY_NOT_BILLABLE",
                                                                   "ENTRY_NO_PROJECT")}
    assert result.entries.reasons_not_checked == ("ENTRY_USER_UNMAPPED",)
    assert not result.entries.sync_known
    check = result.check("entries")
    assert check.status is Status.FAIL
    assert check.summary == (
        "2 of 3 entries in the period won't sync; no problem was found so far in the other 1. "
        "Users were not checked (there is no QuickBooks employee list), so no entry is said to "
        "sync yet: this check needs QuickBooks employees to finish.")
    assert "will sync" not in check.summary


def test_employees_known_customers_unknown_gives_the_user_reason_only() -> None:
    _, side = _side()
    q = _without(quickbooks(employees=[employee("Ana Lima")]), customers=None)
    result = run(side, q)
    assert [i.reasons for i in result.entries.items] == [("ENTRY_NOT_BILLABLE",
                                                          "ENTRY_NO_PROJECT")]
    assert result.entries.reasons_not_checked == ("ENTRY_PROJECT_UNMAPPED",)
    check = result.check("entries")
    assert check.status is Status.NOT_CHECKED
    assert check.summary.startswith("Not checked: needs QuickBooks customers to finish. ")
    assert "Projects were not checked" in check.summary
    assert "will sync" not in check.summary


def test_without_quickbooks_a_failing_check_keeps_its_qualifier() -> None:
    ana = member("Ana Lima")
    shed = Project("p2", "Shed")
    side = clockify(members=[ana], projects=[shed],
                    entries=[entry(ana, shed), entry(ana, None)])
    result = run(side, QuickBooksSide(source=None))
    check = result.check("entries")
    assert check.status is Status.FAIL
    assert check.summary == (
        "1 of 2 entries in the period won't sync; no problem was found so far in the other 1. "
        "Users, projects and the closing date were not checked (QuickBooks was not read), so no "
        "entry is said to sync yet: this check needs QuickBooks to finish.")
    assert set(result.entries.reasons_not_checked) == {
        "ENTRY_USER_UNMAPPED", "ENTRY_PROJECT_UNMAPPED", "ENTRY_BOOKS_CLOSED"}


def test_a_clean_run_without_quickbooks_claims_nothing() -> None:
    ana = member("Ana Lima")
    shed = Project("p2", "Shed")
    result = run(clockify(members=[ana], projects=[shed], entries=[entry(ana, shed)]),
                 QuickBooksSide(source=None))
    check = result.check("entries")
    assert check.status is Status.NOT_CHECKED
    assert check.summary == (
        "Not checked: needs QuickBooks to finish. No problem was found so far in the 1 entry in "
        "the period. Users, projects and the closing date were not checked (QuickBooks was not "
        "read), so no entry is said to sync yet.")


def test_with_both_lists_the_summary_still_says_will_sync() -> None:
    _, side = _side()
    q = quickbooks(employees=[employee("Ana Lima")],
                   customer_list=customers("Maple Works", "Maple Works:Roof", "Shed"))
    result = run(side, q)
    assert result.entries.sync_known
    assert result.entries.reasons_not_checked == ()
    assert result.check("entries").summary.startswith(
        "2 of 3 entries in the period will sync. 1 won't sync.")
    assert result.check("entries").status is Status.WARN
