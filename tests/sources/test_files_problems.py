"""Every file that can't be used gets one plain sentence that names it and says what to export."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.sources.test_files_export import DETAILED_HEADER, write_csv, write_xlsx
from wizard.core.errors import FileProblem
from wizard.sources import files
from wizard.sources.request import Manual

FIXTURES = Path(__file__).parent / "fixtures" / "exports"
US_ROW = ('"Q3 Audit","Birchwood Dental","Review","","Mara Lindqvist","","","","Yes",'
          '"10/14/2026","9:05:00 AM","10/14/2026","11:20:30 AM","02:15:30","2.26","85.00","191.96"')
HEADER_LINE = ",".join(f'"{h}"' for h in DETAILED_HEADER)


def assert_one_sentence(text: str | None, file_name: str) -> str:
    assert text is not None
    assert file_name in text
    assert "\n" not in text
    assert text.endswith(".")
    assert "Traceback" not in text
    assert "Error" not in text
    assert "@" not in text
    return text


def _problem(path: Path) -> str:
    info = files.identify(path)
    assert info.kind is None
    assert info.side is None
    text = assert_one_sentence(info.problem, path.name)
    with pytest.raises(FileProblem) as caught:
        files.clockify_side([path])
    assert str(caught.value) == text
    return text


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_summary_report_asks_for_the_detailed_one() -> None:
    text = _problem(FIXTURES / "summary_report.csv")
    assert "Summary report" in text
    assert "Reports → Detailed" in text
    assert "Export → Save as CSV" in text


def test_a_file_from_another_tool() -> None:
    text = _problem(FIXTURES / "bank_statement.csv")
    assert "isn't a Clockify or QuickBooks export" in text
    assert "Customer Contact List" in text


@pytest.mark.parametrize(("name", "data", "words"), [
    ("empty.csv", b"", "is empty"),
    ("blank.csv", b"\n\n  \r\n", "is empty"),
    ("bom_only.csv", b"\xef\xbb\xbf", "is empty"),
    ("header_only.csv", (HEADER_LINE + "\n").encode(), "no rows"),
    ("cut.csv", (HEADER_LINE + "\n" + US_ROW[:90]).encode(), "cut off"),
    ("garbage.csv", bytes(range(256)) * 8, "isn't a CSV or Excel file"),
    ("picture.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "isn't a CSV or Excel file"),
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "is a PDF"),
    ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "password"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\xff" * 512, ".xls"),
    ("broken.xlsx", b"PK\x03\x04" + b"\x00" * 100, "can't be opened"),
    ("other.zip", b"PK\x05\x06" + b"\x00" * 18, "can't be opened"),
])
def test_malformed_files(tmp_path: Path, name: str, data: bytes, words: str) -> None:
    text = _problem(_write(tmp_path, name, data))
    assert words in text


def test_a_truncated_xlsx(tmp_path: Path) -> None:
    whole = write_xlsx(tmp_path / "whole.xlsx", [list(DETAILED_HEADER)]).read_bytes()
    text = _problem(_write(tmp_path, "half.xlsx", whole[: len(whole) // 2]))
    assert "can't be opened" in text


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "can't be opened" in _problem(_write(tmp_path, "export.xlsx", buf.getvalue()))


def test_a_date_that_cant_be_read_names_the_row(tmp_path: Path) -> None:
    bad = US_ROW.replace('"10/14/2026","9:05', '"someday","9:05')
    text = _problem(_write(tmp_path, "d.csv", f"{HEADER_LINE}\n{US_ROW}\n{bad}\n".encode()))
    assert "row 3" in text
    assert "start date “someday”" in text


def test_a_bad_duration_and_a_bad_billable_value(tmp_path: Path) -> None:
    bad = US_ROW.replace('"02:15:30"', '"soon"')
    assert "duration “soon”" in _problem(_write(tmp_path, "a.csv",
                                                f"{HEADER_LINE}\n{bad}\n".encode()))
    bad = US_ROW.replace('"Yes"', '"Maybe"')
    assert "Billable value" in _problem(_write(tmp_path, "b.csv",
                                               f"{HEADER_LINE}\n{bad}\n".encode()))


def test_an_email_in_a_bad_cell_is_never_repeated(tmp_path: Path) -> None:
    bad = US_ROW.replace('"10/14/2026","9:05', '"someone@example.test","9:05')
    text = _problem(_write(tmp_path, "e.csv", f"{HEADER_LINE}\n{bad}\n".encode()))
    assert "@" not in text


def test_day_first_and_month_first_in_one_file(tmp_path: Path) -> None:
    later = US_ROW.replace("10/14/2026", "14/10/2026")
    text = _problem(_write(tmp_path, "m.csv", f"{HEADER_LINE}\n{US_ROW}\n{later}\n".encode()))
    assert "mixes day-first and month-first" in text


def test_renamed_or_translated_columns(tmp_path: Path) -> None:
    header = HEADER_LINE.replace('"Project"', '"Job"')
    text = _problem(_write(tmp_path, "r.csv", f"{header}\n{US_ROW}\n".encode()))
    assert "renamed or in another language" in text
    assert "Language" in text


def test_missing_duration_columns_are_listed(tmp_path: Path) -> None:
    rows = [["Project", "User", "Start Date", "Description"], ["A", "B", "10/14/2026", ""]]
    text = _problem(write_csv(tmp_path / "few.csv", rows))
    assert "Duration (h), Duration (decimal) columns" in text
    assert "Customize" in text


def test_a_file_that_does_not_exist(tmp_path: Path) -> None:
    text = _problem(tmp_path / "gone.csv")
    assert "can't be opened" in text


def test_files_of_the_wrong_side_only() -> None:
    with pytest.raises(FileProblem) as caught:
        files.clockify_side([FIXTURES / "qbo_customers.csv"])
    assert_one_sentence(str(caught.value), "qbo_customers.csv")
    assert "is a Clockify export" in str(caught.value)
    with pytest.raises(FileProblem) as caught:
        files.quickbooks_side([FIXTURES / "detailed_us_full.csv"], Manual())
    assert_one_sentence(str(caught.value), "detailed_us_full.csv")
    assert "Customer Contact List" in str(caught.value)


def test_projects_export_alone_names_no_users() -> None:
    with pytest.raises(FileProblem) as caught:
        files.clockify_side([FIXTURES / "clockify_projects.csv"])
    assert_one_sentence(str(caught.value), "clockify_projects.csv")
    assert "Team" in str(caught.value)


def test_a_quickbooks_list_with_a_header_and_only_a_footer(tmp_path: Path) -> None:
    data = (b"Harbor Lane\nVendor Contact List\n\nVendor,Phone numbers,Email\n\n\n\n"
            b'" Tuesday, October 20, 2026 03:12 PM GMTZ",,\n')
    text = _problem(_write(tmp_path, "v.csv", data))
    assert "no rows" in text
    assert "Vendor Contact List" in text


def test_missing_for_checks_names_each_missing_export() -> None:
    infos = [files.identify(FIXTURES / "detailed_us_full.csv"),
             files.identify(FIXTURES / "qbo_customers_page.csv"),
             files.identify(FIXTURES / "summary_report.csv")]
    missing = files.missing_for_checks(infos)
    assert all(s.endswith(".") and "\n" not in s for s in missing)
    joined = " ".join(missing)
    assert "Team → Members" in joined
    assert "Projects" in joined
    assert "which project sits under which client" in joined
    assert "Employee Contact List" in joined
    assert "Vendor Contact List" in joined
    assert "--plan" in joined
    assert "Reports → Detailed" not in joined  # the detailed report is there
    assert files.missing_for_checks([])[0].startswith("To check anything")
