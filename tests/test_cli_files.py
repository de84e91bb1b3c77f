"""`check` on export files says what each file was read as, in the text and in the JSON, and
claims nothing about entries it did not read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.sources.test_files_export import write_csv
from tests.test_cli import sync_checkup

FIXTURES = Path(__file__).parent / "sources" / "fixtures" / "exports"

NO_BILLABLE_HEADER = ["Project", "Client", "User", "Start Date", "Start Time", "End Date",
                      "End Time", "Duration (h)"]


def _report_without_billable(folder: Path) -> Path:
    return write_csv(folder / "Clockify_Time_Report_Detailed.csv", [
        NO_BILLABLE_HEADER,
        ["Roof", "Maple Works", "Joana Prado", "14/10/2026", "9:30", "14/10/2026", "10:00",
         "0:30"],
        ["Roof", "Maple Works", "Joana Prado", "15/10/2026", "9:30", "15/10/2026", "10:00",
         "0:30"]])


def test_the_json_says_what_each_file_was_read_as(tmp_path: Path) -> None:
    report = _report_without_billable(tmp_path)
    team = shutil.copy(FIXTURES / "clockify_team.csv", tmp_path / "team.csv")
    proc = sync_checkup("check", "--json", "--clockify-file", str(report),
                        "--clockify-file", str(team))
    assert proc.returncode in (0, 1), proc.stderr
    payload = json.loads(proc.stdout)
    assert payload["sources"] == {"clockify": "file", "quickbooks": None}  # SPEC §4, unchanged
    assert list(payload)[list(payload).index("sources") + 1] == "files"
    detailed, members = payload["files"]
    assert {k: detailed[k] for k in ("name", "side", "kind", "rows")} == {
        "name": "Clockify_Time_Report_Detailed.csv", "side": "clockify",
        "kind": "clockify_detailed", "rows": 2}
    assert detailed["description"] == ("Clockify detailed report, 14 Oct – 15 Oct 2026, "
                                       "2 entries, 1 user")
    notes = " ".join(detailed["notes"])
    assert "no Billable column, so every entry was treated as billable" in notes
    assert "dates were read day-first" in notes
    assert {k: members[k] for k in ("name", "side", "kind", "rows")} == {
        "name": "team.csv", "side": "clockify", "kind": "clockify_team", "rows": 3}
    assert str(tmp_path) not in proc.stdout  # file names only, never the folder


def test_the_text_output_lists_the_files_and_their_notes(tmp_path: Path) -> None:
    report = _report_without_billable(tmp_path)
    customers = shutil.copy(FIXTURES / "qbo_customers.csv", tmp_path / "customers.csv")
    proc = sync_checkup("check", "--clockify-file", str(report), "--qbo-file", str(customers))
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout
    files_part = out[out.index("Files read:"):out.index("[")]
    assert "Clockify_Time_Report_Detailed.csv: Clockify detailed report, 14 Oct – 15 Oct" \
        in files_part
    assert "customers.csv: QuickBooks customer contact list, 6 customers" in files_part
    assert "no Billable column, so every entry was treated as billable" in " ".join(
        files_part.split())
    assert str(tmp_path) not in out


def test_without_a_detailed_report_entries_is_null(tmp_path: Path) -> None:
    team = shutil.copy(FIXTURES / "clockify_team.csv", tmp_path / "team.csv")
    proc = sync_checkup("check", "--json", "--clockify-file", str(team))
    payload = json.loads(proc.stdout)
    assert payload["entries"] is None
    assert {c["id"]: c["status"] for c in payload["checks"]}["entries"] == "not_checked"


def test_things_to_fix_has_real_plurals(tmp_path: Path) -> None:
    def problems_line(customers: list[str]) -> str:
        qbo = write_csv(tmp_path / "customers.csv", [
            ["Customer full name", "Email"], *[[c, ""] for c in customers]])
        report = _report_without_billable(tmp_path)
        proc = sync_checkup("check", "--clockify-file", str(report), "--qbo-file", str(qbo),
                            "--plan", "plus", "--payroll", "no")
        assert "(s)" not in proc.stdout
        return next(line for line in proc.stdout.splitlines() if "to fix:" in line)

    # users are not checked (no employee list): only the client and the project count
    assert problems_line(["Maple Works"]) == "1 thing to fix:"  # no sub-customer Roof
    assert problems_line(["Oak Row"]) == "2 things to fix:"


def test_the_issue_shape_no_entry_said_to_sync_with_unmatched_projects(tmp_path: Path) -> None:
    """What a real run showed: "186 of 187 entries will sync" beside "0 of 11 clients and
    projects match QuickBooks", from a customer list and no employee list."""
    clients = [f"Client {c}" for c in "ABCD"]
    projects = [(f"Project {n}", clients[n % 4]) for n in range(7)]
    rows = [["Project", "Client", "User", "Billable", "Start Date", "Start Time", "End Date",
             "End Time", "Duration (h)"]]
    for n in range(186):
        name, client = projects[n % 7]
        day = 1 + n % 28
        rows.append([name, client, "Joana Prado", "Yes", f"10/{day:02d}/2026", "9:00 AM",
                     f"10/{day:02d}/2026", "10:00 AM", "01:00:00"])
    rows.append(["", "", "Joana Prado", "Yes", "10/29/2026", "9:00 AM", "10/29/2026",
                 "10:00 AM", "01:00:00"])  # no project
    report = write_csv(tmp_path / "detailed.csv", rows)
    qbo = write_csv(tmp_path / "customers.csv", [["Customer full name", "Email"],
                                                  ["Elsewhere Ltd", ""]])
    proc = sync_checkup("check", "--json", "--clockify-file", str(report), "--qbo-file", str(qbo))
    payload = json.loads(proc.stdout)
    checks = {c["id"]: c for c in payload["checks"]}
    assert checks["customers"]["summary"].startswith("0 of 11 clients and projects match")
    entries = checks["entries"]
    assert entries["status"] == "fail"
    assert "will sync" not in entries["summary"]
    assert "needs QuickBooks employees to finish" in entries["summary"]
    assert payload["entries"]["by_reason"] == {"ENTRY_PROJECT_UNMAPPED": 186,
                                               "ENTRY_NO_PROJECT": 1}
    assert payload["entries"]["reasons_not_checked"] == ["ENTRY_USER_UNMAPPED",
                                                         "ENTRY_BOOKS_CLOSED"]

    text = sync_checkup("check", "--clockify-file", str(report), "--qbo-file", str(qbo)).stdout
    line = next(x for x in text.splitlines() if "Billable time entries:" in x)
    assert line.startswith("[Problem] Billable time entries: 187 of 187 entries in the period "
                           "won't sync.")
    assert "will sync" not in line
