"""Each documented export variant is read to the right records (fixtures: fixtures/exports)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.sources.test_files_export import DETAILED_HEADER, contact_list, write_xlsx
from wizard.core.model import MembershipStatus
from wizard.sources import files
from wizard.sources.exports import values as v
from wizard.sources.request import Manual

FIXTURES = Path(__file__).parent / "fixtures" / "exports"
UTC = dt.UTC


def _fixture(name: str) -> Path:
    return FIXTURES / name


def _entries(*names: str) -> list:
    side = files.clockify_side([_fixture(n) for n in names])
    assert side.source == "file"
    assert side.data is not None
    assert side.data.entries is not None
    return list(side.data.entries)


def test_us_dates_twelve_hour_times_and_full_durations() -> None:
    first, second, long = _entries("detailed_us_full.csv")
    assert first.id == "detailed_us_full.csv:2"
    assert (first.user_name, first.project_name, first.client_name) == (
        "Mara Lindqvist", "Q3 Audit", "Birchwood Dental")
    assert first.start == dt.datetime(2026, 10, 14, 9, 5, tzinfo=UTC)
    assert first.end == dt.datetime(2026, 10, 14, 11, 20, 30, tzinfo=UTC)
    assert first.duration_s == 2 * 3600 + 15 * 60 + 30
    assert first.billable is True
    assert second.project_name is None
    assert second.client_name is None
    assert second.billable is False
    assert second.start.time() == dt.time(16, 40)
    assert long.duration_s == 24 * 3600 + 30 * 60  # hours past 24


def test_european_dates_compact_durations_and_an_overnight_entry() -> None:
    overnight, short, zero = _entries("detailed_eu_compact.csv")
    assert overnight.start == dt.datetime(2026, 10, 3, 22, 30, tzinfo=UTC)
    assert overnight.end == dt.datetime(2026, 10, 4, 0, 15, tzinfo=UTC)
    assert overnight.duration_s == 105 * 60
    assert short.duration_s == 15 * 60
    assert zero.duration_s == 0
    assert zero.end == zero.start
    info = files.identify(_fixture("detailed_eu_compact.csv"))
    assert info.description == ("Clockify detailed report, 3 Oct – 6 Oct 2026, 3 entries, "
                                "1 user, amounts in EUR")


def test_no_client_column_decimal_durations_and_old_double_space() -> None:
    filing, call = _entries("detailed_decimal_no_client.csv")
    assert filing.start == dt.datetime(2026, 10, 13, 14, 5, tzinfo=UTC)  # 13/10: day first
    assert call.start.date() == dt.date(2026, 11, 1)
    assert filing.duration_s == 5400
    assert call.duration_s == 2700
    assert filing.client_name is None
    side = files.clockify_side([_fixture("detailed_decimal_no_client.csv")])
    assert side.data is not None
    assert [(p.name, p.client_name, p.id) for p in side.data.projects] == [
        ("Internal Admin", None, None)]
    assert side.data.clients == ()


def test_bom_crlf_line_break_in_a_cell_placeholders_and_a_running_timer() -> None:
    done, running = _entries("detailed_bom_crlf.csv")
    assert done.project_name == "Harbor Review"
    assert done.client_name is None  # "(Without client)"
    assert done.user_name == "Zoë Martin"
    assert done.duration_s == 3600
    assert running.end is None
    assert running.duration_s is None
    assert running.id == "detailed_bom_crlf.csv:3"  # the line break doesn't shift row numbers


def test_semicolons_and_decimal_commas_from_a_european_excel() -> None:
    (entry,) = _entries("detailed_semicolon.csv")
    assert entry.start == dt.datetime(2026, 10, 3, 9, 0, tzinfo=UTC)
    assert entry.duration_s == 5400


def test_projects_and_team_exports_feed_projects_and_members() -> None:
    side = files.clockify_side([_fixture("clockify_projects.csv"), _fixture("clockify_team.csv"),
                                _fixture("detailed_us_full.csv")])
    data = side.data
    assert data is not None
    projects = {(p.client_name, p.name): p for p in data.projects}
    assert projects[("Birchwood Dental", "Old Website")].archived
    assert not projects[(None, "Internal Admin")].archived
    assert all(p.id is None for p in data.projects)
    assert [c.name for c in data.clients] == ["Birchwood Dental"]
    members = {m.name: m for m in data.members}
    assert members["Tom Okafor"].membership_status is MembershipStatus.INACTIVE
    assert members[None].is_pending
    assert len(data.members) == 3
    assert data.period == (dt.date(2026, 10, 14), dt.date(2026, 10, 30))


def test_without_projects_or_team_export_everything_comes_from_the_entries() -> None:
    side = files.clockify_side([_fixture("detailed_us_full.csv")])
    data = side.data
    assert data is not None
    assert sorted(m.name or "" for m in data.members) == ["Mara Lindqvist", "Tom Okafor"]
    assert all(m.id is None for m in data.members)
    assert [(p.name, p.client_name) for p in data.projects] == [("Q3 Audit", "Birchwood Dental")]


def test_customer_contact_list_with_title_block_sub_customers_and_footer() -> None:
    side = files.quickbooks_side([_fixture("qbo_customers.csv")], Manual())
    data = side.data
    assert data is not None
    assert data.customers is not None
    by_fqn = {c.fully_qualified_name: c for c in data.customers}
    assert set(by_fqn) == {"Birchwood Dental", "Birchwood Dental:Q3 Audit",
                           "Birchwood Dental:Clinics", "Birchwood Dental:Clinics:Downtown",
                           "Nordlicht GmbH, Berlin", "Old Client"}
    assert by_fqn["Birchwood Dental:Clinics:Downtown"].display_name == "Downtown"
    assert by_fqn["Birchwood Dental:Clinics:Downtown"].level == 2
    assert by_fqn["Birchwood Dental:Clinics:Downtown"].parent_path == "Birchwood Dental:Clinics"
    assert not by_fqn["Old Client"].active
    assert data.company.company_name == "Harbor Lane Bookkeeping LLC"
    assert data.employees is None
    assert data.vendors is None
    assert side.source == "file"


def test_vendor_and_employee_lists() -> None:
    side = files.quickbooks_side([_fixture("qbo_vendors.csv"), _fixture("qbo_employees.csv")],
                                 Manual(plan="QuickBooks Online Plus", payroll=False))
    data = side.data
    assert data is not None
    assert [(r.display_name, r.active) for r in data.vendors or ()] == [
        ("Tom Okafor", True), ("Paper Supply Co", True)]
    assert [(r.display_name, r.active) for r in data.employees or ()] == [
        ("Mara Lindqvist", True), ("Ana Ruiz", False)]
    assert data.customers is None
    assert data.company.company_name == "Harbor Lane Bookkeeping LLC"
    assert data.company.offering_sku == "QuickBooks Online Plus"
    assert "plan" not in data.unknown
    assert "payroll" not in data.unknown
    assert "Close the books" in data.unknown["closing_date"]
    # the vendor list marks no one inactive, the employee list does (split per list: issue 19)
    assert "inactive vendors may be missing" in data.unknown["inactive_vendors"]
    assert "inactive_employees" not in data.unknown


def test_customers_page_is_the_fallback_and_the_contact_list_wins() -> None:
    page = files.quickbooks_side([_fixture("qbo_customers_page.csv")], Manual()).data
    assert page is not None
    assert page.customers is not None
    assert {c.fully_qualified_name for c in page.customers} == {
        "Birchwood Dental", "Birchwood Dental:Q3 Audit"}
    both = files.quickbooks_side([_fixture("qbo_customers_page.csv"),
                                  _fixture("qbo_customers.csv")], Manual()).data
    assert both is not None
    assert both.customers is not None
    assert len(both.customers) == 6


def test_manual_answers_and_what_stays_unknown() -> None:
    unanswered = files.quickbooks_side([_fixture("qbo_customers.csv")], Manual()).data
    assert unanswered is not None
    assert set(unanswered.unknown) >= {"plan", "payroll", "closing_date"}
    assert unanswered.company.offering_sku is None
    assert unanswered.company.payroll is None
    assert unanswered.preferences.book_close_date is None
    answered = files.quickbooks_side(
        [_fixture("qbo_customers.csv")],
        Manual(plan="QuickBooks Online Essentials", payroll=True,
               closing_date=dt.date(2026, 9, 30), closing_date_given=True)).data
    assert answered is not None
    assert answered.company.offering_sku == "QuickBooks Online Essentials"
    assert answered.company.payroll is True
    assert answered.preferences.book_close_date == dt.date(2026, 9, 30)
    assert not {"plan", "payroll", "closing_date"} & set(answered.unknown)
    no_close = files.quickbooks_side([_fixture("qbo_customers.csv")],
                                     Manual(closing_date_given=True)).data
    assert no_close is not None
    assert "closing_date" not in no_close.unknown


def test_either_sides_files_go_to_either_function_in_any_order() -> None:
    every = [_fixture(n) for n in ("qbo_customers.csv", "clockify_team.csv",
                                   "detailed_us_full.csv", "qbo_employees.csv")]
    assert files.clockify_side(every).data is not None
    assert files.quickbooks_side(every[::-1], Manual()).data is not None


def test_identify_describes_each_file_in_one_line() -> None:
    found = {n: files.identify(_fixture(n)) for n in (
        "clockify_projects.csv", "clockify_team.csv", "qbo_customers.csv", "qbo_vendors.csv",
        "qbo_employees.csv", "qbo_customers_page.csv", "detailed_us_full.csv")}
    assert {n: (i.kind, i.side) for n, i in found.items()} == {
        "clockify_projects.csv": ("clockify_projects", "clockify"),
        "clockify_team.csv": ("clockify_team", "clockify"),
        "qbo_customers.csv": ("qbo_customers", "quickbooks"),
        "qbo_vendors.csv": ("qbo_vendors", "quickbooks"),
        "qbo_employees.csv": ("qbo_employees", "quickbooks"),
        "qbo_customers_page.csv": ("qbo_customers_page", "quickbooks"),
        "detailed_us_full.csv": ("clockify_detailed", "clockify"),
    }
    assert found["clockify_team.csv"].description == (
        "Clockify team export, 3 members (1 deactivated, 1 invited)")
    assert found["qbo_customers.csv"].description == (
        "QuickBooks customer contact list, 6 customers (3 sub-customers, 1 inactive)")
    assert found["detailed_us_full.csv"].description == (
        "Clockify detailed report, 14 Oct – 30 Oct 2026, 3 entries, 2 users, amounts in USD")
    assert all(i.problem is None and "\n" not in i.description for i in found.values())


def test_the_extension_does_not_matter(tmp_path: Path) -> None:
    renamed = shutil.copy(_fixture("qbo_customers.csv"), tmp_path / "customers.xlsx.txt")
    assert files.identify(Path(renamed)).kind == "qbo_customers"


# --- XLSX ---------------------------------------------------------------------------------------

def test_xlsx_detailed_with_real_dates_title_rows_and_cached_formulas(tmp_path: Path) -> None:
    header = list(DETAILED_HEADER)
    row = ["2026", "Birchwood Dental", "Review", "", "Mara Lindqvist", "", "", "", "Yes",
           dt.datetime(2026, 10, 14), dt.time(9, 5), dt.datetime(2026, 10, 14), dt.time(11, 20, 30),
           dt.timedelta(hours=2, minutes=15, seconds=30), "=ROUND(N4*24,2)", 85, "=P4*O4"]
    rows = [["Detailed report"], ["10/01/2026 - 10/31/2026"], header, row,
            ["Total", "", "", "", "", "", "", "", "", "", "", "", "", "", "=SUM(O4:O4)", "",
             "=SUM(Q4:Q4)"]]
    path = write_xlsx(tmp_path / "report.xlsx", rows,
                      cached={"O4": 2.26, "Q4": 192.1, "O5": 2.26, "Q5": 192.1})
    (entry,) = _entries_from(path)
    assert entry.project_name == "2026"  # a numeric name keeps no ".0"
    assert entry.start == dt.datetime(2026, 10, 14, 9, 5, tzinfo=UTC)
    assert entry.duration_s == 8130
    info = files.identify(path)
    assert info.kind == "clockify_detailed"
    assert info.notes == ()


def test_xlsx_formula_without_a_cached_value_is_said(tmp_path: Path) -> None:
    header = ["Customer full name", "Phone numbers", "Email", "Full name", "Bill address",
              "Ship address"]
    rows = contact_list("Harbor Lane Bookkeeping LLC", "Customer Contact List", header,
                        ["Birchwood Dental", "Birchwood Dental:Q3 Audit"])
    rows.insert(6, ['="Nordlicht " & "GmbH"', "", "", "", "", ""])
    path = write_xlsx(tmp_path / "customers.xlsx", rows)
    info = files.identify(path)
    assert info.kind == "qbo_customers"
    assert any("formula" in n and "customers.xlsx" in n for n in info.notes)
    cached = write_xlsx(tmp_path / "cached.xlsx", rows, cached={"A7": "Nordlicht GmbH"})
    data = files.quickbooks_side([cached], Manual()).data
    assert data is not None
    assert data.customers is not None
    assert "Nordlicht GmbH" in {c.display_name for c in data.customers}
    assert files.identify(cached).notes == tuple(
        n for n in files.identify(cached).notes if "formula" not in n)


def test_xlsx_text_cells_and_a_sheet_not_called_sheet1(tmp_path: Path) -> None:
    rows = [list(DETAILED_HEADER),
            ["Q3 Audit", "", "", "", "Mara Lindqvist", "", "", "", "No", "14.10.2026", "14:05",
             "14.10.2026", "15:05", "01:00:00", "1.00", "0", "0"]]
    path = write_xlsx(tmp_path / "r.xlsx", rows, sheet="Detailed Report")
    (entry,) = _entries_from(path)
    assert entry.start == dt.datetime(2026, 10, 14, 14, 5, tzinfo=UTC)
    assert entry.billable is False


def _entries_from(path: Path) -> list:
    data = files.clockify_side([path]).data
    assert data is not None
    assert data.entries is not None
    return list(data.entries)


# --- values -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "seconds"), [
    ("01:30:00", 5400), ("1:30", 5400), ("1.50", 5400), ("1,5", 5400), ("25:00:00", 90000),
    ("0:00", 0), (dt.timedelta(minutes=90), 5400), (dt.time(1, 30), 5400), (1.5, 5400),
    (dt.datetime(1899, 12, 31, 1, 0), 90000), ("", None), (None, None)])
def test_durations_in_every_format(cell: v.Cell, seconds: int | None) -> None:
    assert v.parse_duration(cell) == seconds


@pytest.mark.parametrize(("cell", "expected"), [
    ("2:05:09 PM", dt.time(14, 5, 9)), ("2:05 PM", dt.time(14, 5)), ("12:00 AM", dt.time(0)),
    ("12:30 pm", dt.time(12, 30)), ("14:05:09", dt.time(14, 5, 9)), ("14:05", dt.time(14, 5)),
    (dt.time(9, 5), dt.time(9, 5)), (0.5, dt.time(12)), ("", None)])
def test_times_in_twelve_and_twenty_four_hours(cell: v.Cell, expected: dt.time | None) -> None:
    assert v.parse_time(cell) == expected


@pytest.mark.parametrize(("samples", "order"), [
    (["10/14/2026", "10/03/2026"], v.DateOrder.MDY),
    (["14/10/2026", "03/10/2026"], v.DateOrder.DMY),
    (["03.10.2026"], v.DateOrder.DMY),
    (["2026-10-03"], v.DateOrder.YMD)])
def test_one_date_order_per_file(samples: list[str], order: v.DateOrder) -> None:
    assert v.decide_order(samples)[0] is order


def test_ambiguous_dates_use_the_file_name_or_say_what_was_assumed() -> None:
    assert v.decide_order(["03/10/2026"], "Clockify_Time_Report_Detailed_01_10_2026-31_10_2026"
                          ) == (v.DateOrder.DMY, None)
    assert v.decide_order(["03/10/2026"], "report") == (v.DateOrder.MDY, "03/10/2026")
    with pytest.raises(ValueError, match="mixed"):
        v.decide_order(["13/10/2026", "10/13/2026"])
