"""What real published exports showed (issue "What real exports showed"): translated headers and
` (deleted)` parents in a customer list. Every file here is made up in the shape of a real one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sources.test_files_export import contact_list, write_csv, write_xlsx
from wizard.core.errors import FileProblem
from wizard.sources import files
from wizard.sources.request import Manual

UTC = dt.UTC

# the header of a Detailed report exported with Clockify in Portuguese, as published
PORTUGUESE_HEADER = ["Projeto", "Cliente", "Descrição", "Tarefa", "Usuário", "Grupo", "Email",
                     "Etiqueta", "Data de início", "Hora de início", "Data final",
                     "Hora de término", "Duração (h)", "Duração (decimal)"]


def crlf_all_quoted(path: Path, rows: list[list[str]]) -> Path:
    out = io.StringIO(newline="")
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode("utf-8"))
    return path


def portuguese_report(folder: Path) -> Path:
    return crlf_all_quoted(folder / "Clockify_Time_Report_Detailed_01_10_2026-31_10_2026.csv", [
        PORTUGUESE_HEADER,
        ["Auditoria Q3", "Clínica Ipê", "Conciliação bancária, outubro", "Revisão",
         "Joana Prado", "Contábil", "joana@exemplo.test", "Mensal", "14/10/2026", "9:30",
         "14/10/2026", "10:00", "0:30", "0.50"],
        ["", "", "Caixa de entrada", "", "Rui Matos", "", "rui@exemplo.test", "",
         "15/10/2026", "22:45", "16/10/2026", "1:15", "2:30", "2.50"],
    ])


def test_a_portuguese_detailed_report_is_read_like_the_english_one(tmp_path: Path) -> None:
    path = portuguese_report(tmp_path)
    side = files.clockify_side([path])
    assert side.data is not None
    first, overnight = side.data.entries or ()
    assert (first.user_name, first.project_name, first.client_name) == (
        "Joana Prado", "Auditoria Q3", "Clínica Ipê")
    assert first.start == dt.datetime(2026, 10, 14, 9, 30, tzinfo=UTC)
    assert first.end == dt.datetime(2026, 10, 14, 10, 0, tzinfo=UTC)
    assert first.duration_s == 30 * 60  # compact "0:30"
    assert first.billable is True  # no Billable column
    assert overnight.project_name is None
    assert overnight.end == dt.datetime(2026, 10, 16, 1, 15, tzinfo=UTC)
    assert overnight.duration_s == 150 * 60
    info = files.identify(path)
    assert (info.kind, info.problem) == ("clockify_detailed", None)
    assert info.description == "Clockify detailed report, 1 Oct – 31 Oct 2026, 2 entries, 2 users"
    notes = " ".join(info.notes)
    assert "column names in Portuguese" in notes
    assert "no Billable column, so every entry was treated as billable" in notes
    assert "dates were read day-first" in notes


def test_a_portuguese_report_as_excel_is_read_too(tmp_path: Path) -> None:
    rows: list[list[object]] = [PORTUGUESE_HEADER, [
        "Auditoria Q3", "Clínica Ipê", "", "", "Joana Prado", "", "", "",
        dt.datetime(2026, 10, 14), dt.time(9, 30), dt.datetime(2026, 10, 14), dt.time(10, 0),
        "0:30", 0.5]]
    path = write_xlsx(tmp_path / "relatorio.xlsx", rows)
    side = files.clockify_side([path])
    assert side.data is not None
    (entry,) = side.data.entries or ()
    assert entry.duration_s == 1800
    assert entry.client_name == "Clínica Ipê"


def test_decomposed_accents_in_the_header_are_the_same_words(tmp_path: Path) -> None:
    import unicodedata

    header = [unicodedata.normalize("NFD", h) for h in PORTUGUESE_HEADER]
    path = crlf_all_quoted(tmp_path / "nfd.csv", [header, [
        "Auditoria Q3", "", "", "", "Joana Prado", "", "", "", "14/10/2026", "9:30",
        "14/10/2026", "10:00", "0:30", "0.50"]])
    assert files.identify(path).kind == "clockify_detailed"


@pytest.mark.parametrize(("header", "language"), [
    # a Projects and a Team export in Portuguese: the words beyond the Detailed report's are
    # not known, so these are recognised as Portuguese but not read
    (["Projeto", "Cliente", "Status", "Visibilidade", "Faturabilidade", "Tarefa"], "Portuguese"),
    (["Nome", "Email", "Função", "Grupo", "Usuário", "Status"], "Portuguese"),
    # German: words from Clockify's German help, never seen in a file
    (["Projekt", "Kunde", "Beschreibung", "Aufgabe", "Benutzer", "Startdatum", "Dauer (h)"],
     "German"),
])
def test_a_known_language_whose_columns_are_not_known_names_what_to_change(
        tmp_path: Path, header: list[str], language: str) -> None:
    path = write_csv(tmp_path / "export.csv", [header, ["a"] * len(header)])
    info = files.identify(path)
    assert info.kind is None
    assert info.problem == (
        f"“export.csv” looks like a Clockify export with its column names in {language}, which "
        "this app can't read for this kind of export; switch Clockify's language to English "
        "(click your profile picture, top right → Preferences → General → Language), then "
        "export the file again and open the new one.")


def test_an_unknown_language_report_is_told_to_switch_to_english(tmp_path: Path) -> None:
    header = ["Proyecto", "Cliente", "Usuario", "Fecha de inicio", "Duración (h)",
              "Duración (decimal)"]  # made up: the Spanish words are not known
    path = write_csv(tmp_path / "informe.csv", [header, ["a"] * len(header)])
    problem = files.identify(path).problem
    assert problem is not None
    assert problem.startswith("“informe.csv” looks like a Clockify export with its column names "
                              "in another language, which this app can't read; switch "
                              "Clockify's language to English")


def test_a_file_that_is_no_export_still_gets_the_plain_sentence(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bank.csv", [["Date", "Amount", "Payee"], ["1", "2", "3"]])
    problem = files.identify(path).problem
    assert problem is not None
    assert "isn't a Clockify or QuickBooks export this app knows" in problem


# --- generated Portuguese reports: every valid one is read ----------------------------------

names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
                min_size=1, max_size=12).filter(lambda s: s.strip() == s and s.strip() != "")
# descriptions hold commas, quotes and line breaks, never control characters
descriptions = st.text(st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), st.sampled_from(',"\n')),
    max_size=20)


@st.composite
def portuguese_reports(draw: st.DrawFn) -> tuple[list[list[str]], list[tuple[dt.datetime, int]]]:
    rows = [list(PORTUGUESE_HEADER)]
    expected = []
    day_first_seen = False
    for _ in range(draw(st.integers(1, 8))):
        start = draw(st.datetimes(dt.datetime(2024, 1, 1), dt.datetime(2027, 12, 31))).replace(
            second=0, microsecond=0)
        minutes = draw(st.integers(0, 60 * 30))
        end = start + dt.timedelta(minutes=minutes)
        day_first_seen = day_first_seen or start.day > 12 or end.day > 12
        rows.append([
            draw(names), draw(st.one_of(st.just(""), names)), draw(descriptions), "",
            draw(names), "", "", "", f"{start.day:02d}/{start.month:02d}/{start.year}",
            f"{start.hour}:{start.minute:02d}", f"{end.day:02d}/{end.month:02d}/{end.year}",
            f"{end.hour}:{end.minute:02d}", f"{minutes // 60}:{minutes % 60:02d}",
            f"{minutes / 60:.2f}"])
        expected.append((start, minutes * 60))
    if not day_first_seen:  # one date after the 12th tells the order, as in a month's report
        rows[1][8] = rows[1][10] = "13/10/2026"
        start = expected[0][0]
        expected[0] = (start.replace(year=2026, month=10, day=13), expected[0][1])
        rows[1][11] = f"{start.hour}:{start.minute:02d}"
        rows[1][12], rows[1][13] = "0:00", "0.00"
        expected[0] = (expected[0][0], 0)
    return rows, expected


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                HealthCheck.function_scoped_fixture])
@given(report=portuguese_reports())
def test_generated_portuguese_reports_are_read(folder: Path, report: tuple) -> None:
    rows, expected = report
    path = crlf_all_quoted(folder / "relatorio.csv", rows)
    try:
        side = files.clockify_side([path])
    except FileProblem as exc:  # a valid file must be read, not explained
        pytest.fail(str(exc))
    assert side.data is not None
    entries = side.data.entries or ()
    assert [(e.start.replace(tzinfo=None), e.duration_s) for e in entries] == expected
    assert all(e.billable for e in entries)
    assert [e.user_name for e in entries] == [r[4] for r in rows[1:]]


# --- " (deleted)" parents in a customer list ----------------------------------------------------

HEADER = ["Customer full name", "Email", "Full name", "Bill address", "Ship address", "Phone"]


def customers_of(tmp_path: Path, names: list[str]) -> dict[str, tuple[str, int, bool]]:
    path = write_csv(tmp_path / "Harbor_Customer Contact List.csv",
                     contact_list("Harbor Lane", "Customer Contact List", HEADER, names))
    data = files.quickbooks_side([path], Manual()).data
    assert data is not None
    assert data.customers is not None
    return {c.fully_qualified_name: (c.display_name, c.level, c.active) for c in data.customers}


def test_a_deleted_parent_stays_a_separate_inactive_record(tmp_path: Path) -> None:
    found = customers_of(tmp_path, ["Maple Works", "Maple Works:Roof", "Maple Works (deleted)",
                                    "Maple Works (deleted):Gutters", "Linden Farm (deleted):Barn"])
    assert found == {
        "Maple Works": ("Maple Works", 0, True),
        "Maple Works:Roof": ("Roof", 1, True),
        # the inactive namesake keeps its marker in its full name so the two stay apart
        "Maple Works (deleted)": ("Maple Works", 0, False),
        "Maple Works (deleted):Gutters": ("Gutters", 1, False),
        # no active namesake: named without the marker, and inactive with what is under it
        "Linden Farm": ("Linden Farm", 0, False),
        "Linden Farm:Barn": ("Barn", 1, False),
    }


def test_a_deleted_middle_level_makes_its_sub_customers_inactive(tmp_path: Path) -> None:
    found = customers_of(tmp_path, ["Oak Row", "Oak Row:Phase 1 (deleted):Survey",
                                    "Oak Row:Phase 1"])
    assert found == {
        "Oak Row": ("Oak Row", 0, True),
        "Oak Row:Phase 1 (deleted)": ("Phase 1", 1, False),
        "Oak Row:Phase 1 (deleted):Survey": ("Survey", 2, False),
        "Oak Row:Phase 1": ("Phase 1", 1, True),
    }


def test_the_deleted_parent_is_matched_as_inactive_not_merged(tmp_path: Path) -> None:
    """End to end: a Clockify client whose only QuickBooks namesake is a deleted parent is
    CUSTOMER_INACTIVE; one with an active namesake matches the active record."""
    from wizard.core.checks import run_checks

    qbo = write_csv(tmp_path / "customers.csv", contact_list(
        "Harbor Lane", "Customer Contact List", HEADER,
        ["Maple Works", "Maple Works (deleted)", "Linden Farm (deleted):Barn"]))
    report = write_csv(tmp_path / "detailed.csv", [
        ["Project", "Client", "User", "Billable", "Start Date", "Start Time", "End Date",
         "End Time", "Duration (h)"],
        ["Barn", "Linden Farm", "Joana Prado", "Yes", "10/14/2026", "9:00 AM", "10/14/2026",
         "10:00 AM", "01:00:00"],
        ["Roof", "Maple Works", "Joana Prado", "Yes", "10/15/2026", "9:00 AM", "10/15/2026",
         "10:00 AM", "01:00:00"]])
    result = run_checks(files.clockify_side([report]), files.quickbooks_side([qbo], Manual()),
                        (dt.date(2026, 10, 1), dt.date(2026, 10, 31)),
                        dt.datetime(2026, 11, 1, tzinfo=UTC), "test")
    codes = {(f.subject_kind, f.subject): (f.code, f.match)
             for f in result.findings_for("customers")}
    assert codes[("client", "Linden Farm")] == ("CUSTOMER_INACTIVE", "Linden Farm")
    assert codes[("client", "Maple Works")] == ("CLIENT_MATCHED", "Maple Works")
    assert codes[("project", "Roof")][0] == "PROJECT_NOT_IN_QBO"


# --- "not found in the file" when a list may leave inactive records out ------------------------

def _run_files(tmp_path: Path, customer_names: list[str], employee_names: list[str] | None):
    from wizard.core.checks import run_checks

    paths = [write_csv(tmp_path / "customers.csv", contact_list(
        "Harbor Lane", "Customer Contact List", HEADER, customer_names))]
    if employee_names is not None:
        paths.append(write_csv(tmp_path / "employees.csv", contact_list(
            "Harbor Lane", "Employee Contact List", ["Employee", "Email"], employee_names)))
    report = write_csv(tmp_path / "detailed.csv", [
        ["Project", "Client", "User", "Billable", "Start Date", "Start Time", "End Date",
         "End Time", "Duration (h)"],
        ["Roof", "Maple Works", "Joana Prado", "Yes", "10/14/2026", "9:00 AM", "10/14/2026",
         "10:00 AM", "01:00:00"],
        ["Shed", "", "Joana Prado", "Yes", "10/14/2026", "9:00 AM", "10/14/2026",
         "10:00 AM", "01:00:00"]])
    return run_checks(files.clockify_side([report]), files.quickbooks_side(paths, Manual()),
                      (dt.date(2026, 10, 1), dt.date(2026, 10, 31)),
                      dt.datetime(2026, 11, 1, tzinfo=UTC), "test")


def test_not_found_in_a_file_that_may_leave_inactive_customers_out(tmp_path: Path) -> None:
    result = _run_files(tmp_path, ["Maple Works", "Birch Hall"], ["Someone Else"])
    by_subject = {f.subject: f for f in result.findings}
    roof, shed = by_subject["Roof"], by_subject["Shed"]
    assert (roof.code, shed.code) == ("PROJECT_NOT_IN_QBO", "PROJECT_NOT_IN_QBO")
    for f in (roof, shed):
        assert "not found in the QuickBooks file (inactive customers may be left out of this " \
            "export)" in f.message
        assert "There is no" not in f.message
        assert f.fix.startswith("To include inactive customers, export the Customer Contact "
                                "List again after turning on inactive customers under "
                                "Customize → Filter")
        assert "Include inactive" in f.fix
    user = by_subject["Joana Prado"]
    assert user.code == "USER_NOT_IN_QBO"
    assert user.message.startswith("No QuickBooks employee named “Joana Prado” was found in the "
                                   "file (inactive employees may be left out of this export).")
    assert user.fix.startswith("The employee list may leave inactive employees out")


def test_a_list_that_marks_inactive_records_is_taken_as_complete(tmp_path: Path) -> None:
    result = _run_files(tmp_path, ["Maple Works", "Old Barn (deleted)"],
                        ["Someone Else", "Gone Person (deleted)"])
    by_subject = {f.subject: f for f in result.findings}
    assert by_subject["Shed"].message == (
        "Project “Shed” has no client, so it must match a QuickBooks customer of the same name, "
        "and there is none.")
    assert by_subject["Joana Prado"].message.startswith(
        "There is no QuickBooks employee named “Joana Prado”")


segment = st.sampled_from(["Maple Works", "Roof", "Linden Farm", "Barn", "Oak Row", "Phase 1"])


@st.composite
def customer_lists(draw: st.DrawFn) -> list[str]:
    """Full names as a Customer Contact List writes them, a marker on any level now and then."""
    rows = []
    for _ in range(draw(st.integers(1, 12))):
        parts = draw(st.lists(segment, min_size=1, max_size=4))
        rows.append(":".join(p + (" (deleted)" if draw(st.integers(0, 3)) == 0 else "")
                             for p in parts))
    return rows


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                HealthCheck.function_scoped_fixture])
@given(rows=customer_lists())
def test_generated_customer_lists_keep_inactive_records_apart(folder: Path,
                                                             rows: list[str]) -> None:
    path = write_csv(folder / "customers.csv",
                     contact_list("Harbor Lane", "Customer Contact List", HEADER, rows))
    data = files.quickbooks_side([path], Manual()).data
    assert data is not None
    found = data.customers or ()
    by_fqn = {c.fully_qualified_name: c for c in found}
    assert len(by_fqn) == len(found)  # one record per full name
    for raw in rows:
        segments = raw.split(":")
        inactive = any(s.endswith(" (deleted)") for s in segments)
        # the row's record: its full name is the row's, a marker dropped where no active
        # namesake needs it kept
        matches = [c for c in found if c.level == len(segments) - 1
                   and c.display_name == segments[-1].removesuffix(" (deleted)")
                   and c.fully_qualified_name.replace(" (deleted)", "")
                   == raw.replace(" (deleted)", "") and c.active is not inactive]
        assert matches, raw
    for c in found:
        assert not c.display_name.endswith(" (deleted)")
        parent = c.parent_path
        if parent is not None:
            assert parent in by_fqn  # every parent is a record of its own
            assert by_fqn[parent].active or not c.active  # nothing active under an inactive one
        if c.active:
            assert " (deleted)" not in c.fully_qualified_name
