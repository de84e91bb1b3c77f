"""One test per finding code and entry reason (SPEC §3), on realistic messy names."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.core.builders import (
    PERIOD,
    clockify,
    codes,
    customers,
    employee,
    entry,
    finding,
    member,
    quickbooks,
    run,
)
from wizard.core.model import (
    Client,
    ClockifySide,
    MembershipStatus,
    NameRecord,
    Project,
    QuickBooksSide,
    SideProblem,
)
from wizard.core.result import Status

# --- plan -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("sku", "payroll", "expected"), [
    ("QuickBooks Online Plus", False, ["PLAN_SUPPORTED"]),
    ("QuickBooks Online Essentials", False, ["PLAN_SUPPORTED"]),
    ("quickbooks online plus", False, ["PLAN_SUPPORTED"]),
    ("QuickBooks Online Simple Start", False, ["PLAN_UNSUPPORTED"]),
    ("QuickBooks Online EasyStart", False, ["PLAN_UNSUPPORTED"]),
    ("QuickBooks Self-Employed", False, ["PLAN_UNSUPPORTED"]),
    ("QuickBooks Online Ledger", False, ["PLAN_UNSUPPORTED"]),
    ("QuickBooks Online Advanced", False, ["PLAN_ADVANCED"]),
    ("QuickBooks Online Plus", True, ["PLAN_PAYROLL"]),
    ("QuickBooks Online Advanced", True, ["PLAN_PAYROLL"]),
    ("QuickBooks Online Simple Start", True, ["PLAN_UNSUPPORTED", "PLAN_PAYROLL"]),
    ("QuickBooks Online Mega Deluxe", False, ["PLAN_UNKNOWN"]),
    (None, False, ["PLAN_UNKNOWN"]),
])
def test_plan_verdicts(sku: str | None, payroll: bool, expected: list[str]) -> None:
    result = run(clockify(), quickbooks(plan=sku, payroll=payroll))
    assert codes(result, "plan") == expected


def test_plan_statuses_and_how_to_look_it_up() -> None:
    unknown = run(clockify(), quickbooks(plan="Something New"))
    assert unknown.check("plan").status is Status.WARN
    assert "Billing and Subscription" in unknown.findings_for("plan")[0].fix
    assert run(clockify(), quickbooks(payroll=True)).check("plan").status is Status.FAIL
    assert run(clockify(), quickbooks()).check("plan").status is Status.PASS


@pytest.mark.parametrize("status", ["EXPIRED", "Suspended", "CANCELLED", "canceled"])
def test_inactive_subscription_fails(status: str) -> None:
    result = run(clockify(), quickbooks(subscription=status))
    assert "SUBSCRIPTION_INACTIVE" in codes(result, "plan")
    assert result.check("plan").status is Status.FAIL


@pytest.mark.parametrize("status", ["PAID", "TRIAL", "SUBSCRIBED", "SOMETHING_NEW", None])
def test_active_or_unknown_subscription_is_no_failure(status: str | None) -> None:
    assert "SUBSCRIPTION_INACTIVE" not in codes(run(clockify(), quickbooks(subscription=status)),
                                                "plan")


def test_time_tracking_off_only_when_explicitly_off() -> None:
    assert "TIME_TRACKING_OFF" in codes(run(clockify(), quickbooks(time_tracking=False)), "plan")
    assert "TIME_TRACKING_OFF" not in codes(run(clockify(), quickbooks(time_tracking=None)),
                                            "plan")


# --- users --------------------------------------------------------------------------------------

def _users(members: list, employees: list, vendors: list | None = None):
    result = run(clockify(members=members), quickbooks(employees=employees, vendors=vendors or []))
    return result


def test_user_matched_exactly_including_curly_apostrophe() -> None:
    result = _users([member("Liam O’Connor")], [employee("Liam O’Connor")])
    f = finding(result, "Liam O’Connor")
    assert (f.code, f.status, f.match) == ("USER_MATCHED", Status.PASS, "Liam O’Connor")


def test_user_pending_for_invitee_without_name_and_unaccepted_invite() -> None:
    result = _users([member(None, MembershipStatus.PENDING, "NOT_REGISTERED"),
                     member("Sam Kerr", MembershipStatus.PENDING)], [employee("Sam Kerr")])
    assert finding(result, "(no name)").code == "USER_PENDING"
    assert finding(result, "Sam Kerr").code == "USER_PENDING"
    assert result.check("users").status is Status.WARN


def test_deactivated_member_is_checked_and_message_says_so() -> None:
    result = _users([member("Grace Liu", MembershipStatus.INACTIVE)], [employee("Grace Lu")])
    f = finding(result, "Grace Liu")
    assert f.code == "USER_NEAR_MATCH"
    assert "deactivated" in f.message


def test_employee_inactive_also_with_deleted_suffix() -> None:
    result = _users([member("Dana Reyes"), member("Ravi Shah")],
                    [employee("Dana Reyes", active=False),
                     employee("Ravi Shah (deleted)", active=False)])
    assert finding(result, "Dana Reyes").code == "EMPLOYEE_INACTIVE"
    assert finding(result, "Ravi Shah").code == "EMPLOYEE_INACTIVE"


def test_user_is_vendor_only_when_no_employee_has_the_name() -> None:
    result = _users([member("Priya Natarajan")], [], vendors=[employee("Priya Natarajan")])
    assert finding(result, "Priya Natarajan").code == "USER_IS_VENDOR"
    both = _users([member("Priya Natarajan")], [employee("Priya Natarajan")],
                  vendors=[employee("Priya Natarajan")])
    assert finding(both, "Priya Natarajan").code == "USER_MATCHED"


@pytest.mark.parametrize(("clockify_name", "employee_name", "kind"), [
    ("Jon Smith", "John Smith", "spelling"),
    ("José García", "Jose Garcia", "accents"),
    ("Smith, John", "John Smith", "word_order"),
    ("emily clarke", "Emily Clarke", "case"),
    ("Aisha  Khan", "Aisha Khan", "whitespace"),
])
def test_user_near_match_suggests_the_exact_employee_name(clockify_name: str, employee_name: str,
                                                          kind: str) -> None:
    result = _users([member(clockify_name)], [employee(employee_name)])
    f = finding(result, clockify_name)
    assert (f.code, f.status, f.near_kind, f.suggestion, f.match) == (
        "USER_NEAR_MATCH", Status.FAIL, kind, employee_name, employee_name)


def test_near_match_only_against_active_employees() -> None:
    result = _users([member("Jon Smith")], [employee("John Smith", active=False)])
    assert finding(result, "Jon Smith").code == "USER_NOT_IN_QBO"


def test_user_not_in_qbo_for_unrelated_short_surnames() -> None:
    result = _users([member("Dan Kim")], [employee("Dan Lim")])
    f = finding(result, "Dan Kim")
    assert (f.code, f.suggestion) == ("USER_NOT_IN_QBO", None)


def test_one_finding_per_member_in_table_order() -> None:
    # vendor AND inactive employee: the first applicable code (EMPLOYEE_INACTIVE) wins
    result = _users([member("Kai Brooks")], [employee("Kai Brooks", active=False)],
                    vendors=[employee("Kai Brooks")])
    assert codes(result, "users") == ["EMPLOYEE_INACTIVE"]


# --- clients and projects ---------------------------------------------------------------------

QBO_TREE = customers(
    "Acme Corp", "Acme Corp:Website Redesign", "Acme Corp:SEO Retainer",
    "Harbor Dental", "Harbor Dental:Annual Report", "Harbor Dental:Clinics",
    "Harbor Dental:Clinics:Downtown Clinic", "Riverside Library", "Trade Show Booth",
    "Summit Outdoor Co.", "Internal Admin", "Pro Bono Work", "Bookkeeping Setup",
    inactive=["Acme Corp:SEO Retainer", "Riverside Library", "Pro Bono Work"])


def _customers(clients: list[str], projects: list[tuple[str, str | None]],
               vendors: list[str] = (), employees: list[str] = (), archived: set[str] = frozenset(),
               entries=None):
    cl = [Client(f"cl-{n}", n, archived=n in archived) for n in clients]
    ids = {c.name: c.id for c in cl}
    pr = [Project(f"pr-{c}-{n}", n, client_id=ids.get(c) if c else None, client_name=c,
                  archived=n in archived) for n, c in projects]
    side = clockify(clients=cl, projects=pr, entries=entries(pr) if entries else None)
    qbo = quickbooks(customer_list=QBO_TREE, vendors=[employee(v) for v in vendors],
                     employees=[employee(e) for e in employees])
    return run(side, qbo)


def test_client_and_project_matched_with_full_names() -> None:
    result = _customers(["Acme Corp"], [("Website Redesign", "Acme Corp"),
                                        ("Internal Admin", None)])
    client = finding(result, "Acme Corp", "client")
    project = finding(result, "Website Redesign")
    no_client = finding(result, "Internal Admin")
    assert (client.code, client.match) == ("CLIENT_MATCHED", "Acme Corp")
    assert (project.code, project.match, project.client) == (
        "PROJECT_MATCHED", "Acme Corp:Website Redesign", "Acme Corp")
    assert (no_client.code, no_client.match) == ("PROJECT_MATCHED", "Internal Admin")


def test_mid_level_customer_with_children_maps_to_a_client() -> None:
    result = _customers(["Clinics"], [("Downtown Clinic", "Clinics")])
    assert finding(result, "Clinics", "client").match == "Harbor Dental:Clinics"
    assert finding(result, "Downtown Clinic").match == "Harbor Dental:Clinics:Downtown Clinic"
    assert codes(result, "customers") == ["CLIENT_MATCHED", "PROJECT_MATCHED"]


def test_name_with_colon_never_matches() -> None:
    result = _customers(["Acme Corp", "Globex: Europe"], [("Q4: Ads", "Acme Corp"),
                                                          ("Website: Redesign", "Acme Corp")])
    globex = finding(result, "Globex: Europe")
    assert (globex.code, globex.suggestion) == ("NAME_HAS_COLON", None)
    assert "without the colon" in globex.fix
    f = finding(result, "Q4: Ads")
    assert (f.code, f.suggestion) == ("NAME_HAS_COLON", None)
    assert "colon" in f.message
    # the sub-customer it was meant to be, under the same parent, is named exactly
    meant = finding(result, "Website: Redesign")
    assert (meant.code, meant.suggestion) == ("NAME_HAS_COLON", "Website Redesign")
    assert "exactly “Website Redesign”" in meant.fix


def test_project_of_unmatched_client_says_fix_the_client_first() -> None:
    result = _customers(["Lakeside Yoga"], [("Class Schedule", "Lakeside Yoga")])
    assert finding(result, "Lakeside Yoga").code == "CLIENT_NOT_IN_QBO"
    f = finding(result, "Class Schedule")
    assert f.code == "PROJECT_CLIENT_UNMATCHED"
    assert "first" in f.fix


def test_inactive_customers_and_sub_customers() -> None:
    result = _customers(["Riverside Library", "Acme Corp"],
                        [("SEO Retainer", "Acme Corp"), ("Pro Bono Work", None)])
    assert finding(result, "Riverside Library").code == "CUSTOMER_INACTIVE"
    assert finding(result, "SEO Retainer").code == "CUSTOMER_INACTIVE"
    assert finding(result, "Pro Bono Work").code == "CUSTOMER_INACTIVE"
    assert finding(result, "SEO Retainer").match == "Acme Corp:SEO Retainer"


def test_project_under_wrong_parent_names_the_right_one() -> None:
    result = _customers(["Acme Corp"], [("Annual Report", "Acme Corp")])
    f = finding(result, "Annual Report")
    assert (f.code, f.match) == ("PROJECT_WRONG_PARENT", "Harbor Dental:Annual Report")
    assert "Harbor Dental" in f.message


def test_project_with_client_that_is_top_level_in_qbo() -> None:
    result = _customers(["Acme Corp"], [("Trade Show Booth", "Acme Corp")])
    assert finding(result, "Trade Show Booth").code == "PROJECT_NOT_SUBCUSTOMER"


def test_project_without_client_that_is_only_a_sub_customer() -> None:
    result = _customers([], [("Website Redesign", None)])
    f = finding(result, "Website Redesign")
    assert (f.code, f.status, f.match, f.suggestion) == (
        "PROJECT_IS_SUBCUSTOMER", Status.WARN, "Acme Corp:Website Redesign", "Acme Corp")


def test_near_matches_suggest_the_leaf_name_to_type() -> None:
    result = _customers(["Summit Outdoor Co", "Acme Corp"],
                        [("Website Redesing", "Acme Corp"), ("Book-keeping Setup", None)])
    client = finding(result, "Summit Outdoor Co")
    assert (client.code, client.suggestion, client.near_kind) == (
        "CLIENT_NEAR_MATCH", "Summit Outdoor Co.", "punctuation")
    sub = finding(result, "Website Redesing")
    assert (sub.code, sub.suggestion, sub.match) == (
        "PROJECT_NEAR_MATCH", "Website Redesign", "Acme Corp:Website Redesign")
    top = finding(result, "Book-keeping Setup")
    assert (top.code, top.suggestion) == ("PROJECT_NEAR_MATCH", "Bookkeeping Setup")


def test_project_near_match_looks_only_under_its_parent() -> None:
    # "Annual Reports" is near "Annual Report", but that sub-customer is under Harbor Dental
    result = _customers(["Acme Corp"], [("Annual Reports", "Acme Corp")])
    assert finding(result, "Annual Reports").code == "PROJECT_NOT_IN_QBO"


def test_name_taken_by_vendor_or_employee() -> None:
    result = _customers(["Northwind Printing"], [("Maria Lopez", None)],
                        vendors=["Northwind Printing"], employees=["Maria Lopez"])
    f = finding(result, "Northwind Printing")
    assert f.code == "NAME_TAKEN_IN_QBO"
    assert "vendor" in f.message
    assert "employee" in finding(result, "Maria Lopez").message


def test_not_in_qbo_for_client_and_both_kinds_of_project() -> None:
    result = _customers(["Acme Corp", "Lakeside Yoga"],
                        [("Menu Design", "Acme Corp"), ("Holiday Cards", None)])
    assert finding(result, "Lakeside Yoga").code == "CLIENT_NOT_IN_QBO"
    assert finding(result, "Menu Design").code == "PROJECT_NOT_IN_QBO"
    assert finding(result, "Holiday Cards").code == "PROJECT_NOT_IN_QBO"


def test_archived_without_entries_are_counted_not_listed() -> None:
    user = member("Olivia Bennett")

    def entries(projects: list[Project]):
        live = next(p for p in projects if p.name == "Website Redesign")
        return [entry(user, live)]

    result = _customers(["Acme Corp", "Old Client"], [("Website Redesign", "Acme Corp"),
                                                       ("Old Site", "Acme Corp")],
                        archived={"Old Client", "Old Site"}, entries=entries)
    subjects = {f.subject for f in result.findings_for("customers")}
    assert subjects == {"Acme Corp", "Website Redesign"}
    assert "2 archived" in result.check("customers").summary
    # without entries loaded, archived ones are checked too
    unloaded = _customers(["Old Client"], [], archived={"Old Client"})
    assert finding(unloaded, "Old Client").code == "CLIENT_NOT_IN_QBO"


# --- entries ------------------------------------------------------------------------------------

def _entries_run(close: dt.date | None = None, time_zone: str = "UTC", **kw):
    olivia, jon = member("Olivia Bennett"), member("Jon Smith")
    acme = Client("cl1", "Acme Corp")
    web = Project("p1", "Website Redesign", "cl1", "Acme Corp")
    lost = Project("p2", "Lost Project", "cl1", "Acme Corp")
    tz = ZoneInfo(time_zone)
    entries = [
        entry(olivia, web, tz=tz),  # syncs
        entry(olivia, web, hours=23 + 55 / 60, tz=tz),  # exactly 23 h 55 min: syncs
        entry(olivia, web, billable=False, tz=tz),
        entry(olivia, None, tz=tz),
        entry(jon, web, tz=tz),
        entry(olivia, lost, tz=tz),
        entry(olivia, web, hours=None, tz=tz),
        entry(olivia, web, hours=24 + 10 / 60, tz=tz),
        entry(olivia, web, day=dt.date(2026, 11, 2), tz=tz),
    ]
    side = clockify(members=[olivia, jon], clients=[acme], projects=[web, lost], entries=entries,
                    time_zone=time_zone, **kw)
    qbo = quickbooks(employees=[employee("Olivia Bennett"), employee("John Smith")],
                     customer_list=customers("Acme Corp", "Acme Corp:Website Redesign"),
                     close=close)
    return run(side, qbo), entries


def test_every_entry_reason_and_only_once_each() -> None:
    result, entries = _entries_run(close=dt.date(2026, 11, 2))
    by_id = {i.id: i.reasons for i in result.entries.items}
    assert entries[0].id not in by_id
    assert entries[1].id not in by_id
    assert by_id[entries[2].id] == ("ENTRY_NOT_BILLABLE",)
    assert by_id[entries[3].id] == ("ENTRY_NO_PROJECT",)  # not also PROJECT_UNMAPPED
    assert by_id[entries[4].id] == ("ENTRY_USER_UNMAPPED",)
    assert by_id[entries[5].id] == ("ENTRY_PROJECT_UNMAPPED",)
    assert by_id[entries[6].id] == ("ENTRY_RUNNING",)  # not also TOO_LONG
    assert by_id[entries[7].id] == ("ENTRY_TOO_LONG",)
    assert by_id[entries[8].id] == ("ENTRY_BOOKS_CLOSED",)
    running = next(i for i in result.entries.items if i.id == entries[6].id)
    assert running.hours is None
    assert result.entries.total == 9
    assert result.entries.will_sync == 2
    assert result.entries.by_reason["ENTRY_TOO_LONG"] == 1
    assert result.check("entries").status is Status.FAIL


def test_entries_status_warn_when_only_non_billable_entries_fail() -> None:
    olivia = member("Olivia Bennett")
    web = Project("p1", "Website Redesign")
    side = clockify(members=[olivia], projects=[web],
                    entries=[entry(olivia, web), entry(olivia, web, billable=False)])
    qbo = quickbooks(employees=[employee("Olivia Bennett")],
                     customer_list=customers("Website Redesign"))
    assert run(side, qbo).check("entries").status is Status.WARN
    clean = clockify(members=[olivia], projects=[web], entries=[entry(olivia, web)])
    assert run(clean, qbo).check("entries").status is Status.PASS


def test_entry_date_is_in_the_key_owners_time_zone() -> None:
    olivia = member("Olivia Bennett")
    web = Project("p1", "Website Redesign")
    # 03:00 UTC on 1 Nov is still 31 Oct in Chicago: outside the period, and a closed day
    late = entry(olivia, web, day=dt.date(2026, 11, 1), start_hour=3)
    side = clockify(members=[olivia], projects=[web], entries=[late],
                    time_zone="America/Chicago")
    qbo = quickbooks(employees=[employee("Olivia Bennett")],
                     customer_list=customers("Website Redesign"))
    assert run(side, qbo).entries.total == 0
    oct_period = (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    result = run(side, quickbooks(employees=[employee("Olivia Bennett")],
                                  customer_list=customers("Website Redesign"),
                                  close=dt.date(2026, 10, 31)), oct_period)
    item = result.entries.items[0]
    assert item.date == dt.date(2026, 10, 31)
    assert item.reasons == ("ENTRY_BOOKS_CLOSED",)


def test_without_quickbooks_only_clockify_reasons_are_given() -> None:
    olivia = member("Olivia Bennett")
    web = Project("p1", "Website Redesign")
    side = clockify(members=[olivia], projects=[web],
                    entries=[entry(olivia, web), entry(olivia, None)])
    result = run(side, QuickBooksSide(source=None))
    assert result.check("entries").status is Status.FAIL
    assert [i.reasons for i in result.entries.items] == [("ENTRY_NO_PROJECT",)]
    clean = clockify(members=[olivia], projects=[web], entries=[entry(olivia, web)])
    only_clean = run(clean, QuickBooksSide(source=None))
    assert only_clean.check("entries").status is Status.NOT_CHECKED
    assert "needs QuickBooks" in only_clean.check("entries").summary
    assert only_clean.check("users").status is Status.NOT_CHECKED


def test_not_admin_is_said_in_the_entries_summary() -> None:
    result, _ = _entries_run(is_admin=False)
    assert "key owner" in result.check("entries").summary
    assert "CLOCKIFY_NOT_ADMIN" in codes(result, "connection")


# --- connection ---------------------------------------------------------------------------------

def _live(side):  # type: ignore[no-untyped-def]
    return dataclasses.replace(side, source="api")


def test_connected_sides() -> None:
    result = run(_live(clockify()), _live(quickbooks()))
    assert codes(result, "connection") == ["CLOCKIFY_CONNECTED", "QBO_CONNECTED"]
    assert result.check("connection").status is Status.PASS
    assert result.check("connection").summary == "Both sides are connected."


# SPEC §3.5 (revised, issue 11): only a live API that answered is "connected"
@pytest.mark.parametrize(("source", "clockify_code", "qbo_code", "words"), [
    ("file", "CLOCKIFY_FROM_FILES", "QBO_FROM_FILES", "read from exported files"),
    ("demo", "CLOCKIFY_SAMPLE", "QBO_SAMPLE", "the sample company"),
])
def test_sides_that_are_not_live_are_never_called_connected(
        source: str, clockify_code: str, qbo_code: str, words: str) -> None:
    c = dataclasses.replace(clockify(), source=source)
    q = dataclasses.replace(quickbooks(), source=source)
    result = run(c, q)
    found = result.findings_for("connection")
    assert [(f.code, f.status) for f in found] == [(clockify_code, Status.INFO),
                                                   (qbo_code, Status.INFO)]
    check = result.check("connection")
    assert check.status is Status.INFO
    assert words in check.summary
    assert "connected" not in check.summary
    assert not any(f.message.startswith("Connected") for f in found)


def test_one_live_side_and_one_file_side() -> None:
    result = run(_live(clockify()), dataclasses.replace(quickbooks(), source="file"))
    assert codes(result, "connection") == ["CLOCKIFY_CONNECTED", "QBO_FROM_FILES"]
    assert result.check("connection").summary == (
        "Clockify is connected. QuickBooks was read from exported files.")


def test_no_quickbooks_feature_and_no_qbo_source() -> None:
    result = run(_live(clockify(features=frozenset({"TIME_TRACKING"}))),
                 QuickBooksSide(source=None))
    assert codes(result, "connection") == ["CLOCKIFY_CONNECTED", "CLOCKIFY_NO_QUICKBOOKS",
                                           "QBO_NOT_CONNECTED"]
    assert result.check("plan").status is Status.NOT_CHECKED


@pytest.mark.parametrize("code", ["CLOCKIFY_KEY_INVALID", "CLOCKIFY_UNREACHABLE"])
def test_clockify_failure_is_a_diagnosis(code: str) -> None:
    side = ClockifySide(source="api", problem=SideProblem(code, "It said no."))
    result = run(side, quickbooks())
    f = result.findings_for("connection")[0]
    assert (f.code, f.status) == (code, Status.FAIL)
    assert result.check("users").status is Status.NOT_CHECKED
    assert result.check("plan").status is Status.PASS  # QuickBooks side still checked
    assert result.exit_code == 1


@pytest.mark.parametrize("code", ["QBO_UNREACHABLE", "QBO_RECONNECT_NEEDED"])
def test_quickbooks_failure_is_a_diagnosis(code: str) -> None:
    side = QuickBooksSide(source="api", problem=SideProblem(code, "Sign in again."))
    result = run(_live(clockify(members=[member("A B")])), side)
    assert [f.code for f in result.findings_for("connection")] == ["CLOCKIFY_CONNECTED", code]
    assert result.check("plan").status is Status.NOT_CHECKED
    assert result.check("customers").status is Status.NOT_CHECKED


def test_period_default_is_thirty_days_inclusive() -> None:
    from wizard.core.checks import default_period
    start, end = default_period(dt.date(2026, 11, 24))
    assert (start, end) == (dt.date(2026, 10, 26), dt.date(2026, 11, 24))
    assert (end - start).days + 1 == 30
    assert PERIOD[0] < PERIOD[1]


def test_vendors_unknown_are_said_not_guessed() -> None:
    qbo = quickbooks(employees=[employee("A B")])
    data = qbo.data
    assert data is not None
    no_vendor_list = QuickBooksSide(source="file", data=type(data)(
        company=data.company, preferences=data.preferences, employees=data.employees,
        vendors=None, customers=data.customers))
    result = run(clockify(members=[member("Priya N")]), no_vendor_list)
    assert "Vendors were not checked" in result.check("users").summary
    assert isinstance(NameRecord("x", "y"), NameRecord)


# --- " (deleted)" at every level of the customer hierarchy (SPEC §3.6, issue 11) ---------------

def test_inactive_sub_customer_named_deleted_is_customer_inactive_not_missing() -> None:
    qbo = customers("Contoso", "Contoso:Trey Research (deleted)",
                    inactive=["Contoso:Trey Research (deleted)"])
    result = run(clockify(clients=[Client("k1", "Contoso")],
                          projects=[Project("p1", "Trey Research", "k1", "Contoso")]),
                 quickbooks(customer_list=qbo))
    f = finding(result, "Trey Research", "project")
    assert f.code == "CUSTOMER_INACTIVE"
    assert f.match == "Contoso:Trey Research"  # named without the suffix
    assert f.match_named_deleted
    assert ("Contoso:Trey Research", False) in result.tables.customers


def test_deleted_suffix_on_every_level_of_a_deep_path() -> None:
    qbo = customers("Contoso", "Contoso:Fabrikam (deleted)",
                    "Contoso:Fabrikam (deleted):Trey Research (deleted)",
                    inactive=["Contoso:Fabrikam (deleted)",
                              "Contoso:Fabrikam (deleted):Trey Research (deleted)"])
    result = run(clockify(clients=[Client("k1", "Fabrikam")],
                          projects=[Project("p1", "Trey Research", "k1", "Fabrikam")]),
                 quickbooks(customer_list=qbo))
    client = finding(result, "Fabrikam", "client")
    assert (client.code, client.match) == ("CUSTOMER_INACTIVE", "Contoso:Fabrikam")
    project = finding(result, "Trey Research", "project")
    assert project.code == "PROJECT_CLIENT_UNMATCHED"  # its client is the inactive one


def test_a_record_named_deleted_is_inactive_even_when_the_source_says_active() -> None:
    qbo = customers("Contoso", "Contoso:Trey Research (deleted)")  # no status column, say
    result = run(clockify(clients=[Client("k1", "Contoso")],
                          projects=[Project("p1", "Trey Research", "k1", "Contoso")]),
                 quickbooks(customer_list=qbo))
    assert finding(result, "Trey Research", "project").code == "CUSTOMER_INACTIVE"
