"""The sample company exported to files (as Clockify and QuickBooks would write them) gives the
same findings as the sample company itself, from CSV and from XLSX, and through the command line.

The exporter here is the test's own: it writes the shapes of reference exports.md from the
parsed sample company, so a reader bug can't hide behind an exporter that shares its code.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from wizard.core.checks import run_checks
from wizard.core.model import ClockifyData, MembershipStatus, QuickBooksData
from wizard.core.result import RunResult
from wizard.sources import demo, files, sample
from wizard.sources.request import Manual

REPO = Path(__file__).resolve().parents[2]

DETAILED_HEADER = ["Project", "Client", "Description", "Task", "User", "Group", "Email", "Tags",
                   "Billable", "Start Date", "Start Time", "End Date", "End Time", "Duration (h)",
                   "Duration (decimal)", "Billable Rate (USD)", "Billable Amount (USD)"]
PROJECTS_HEADER = ["Project", "Client", "Status", "Visibility", "Billability", "Task",
                   "Tracked (h)", "Estimated (h)", "Remaining (h)", "Overage (h)", "Progress(%)",
                   "Billable (h)", "Non-billable (h)", "Billable Rate (USD)", "Amount (USD)",
                   "Project members", "Project manager", "Note"]
TEAM_HEADER = ["Name", "Email", "Billable rate (USD)", "Role", "Group", "Status", "Week start",
               "Working days", "Daily work capacity"]
WORKDAYS = "Monday, Tuesday, Wednesday, Thursday, Friday"
FOOTER = " Tuesday, November 24, 2026 03:12 PM GMTZ"

Rows = list[list[object]]


# --- the exporter -------------------------------------------------------------------------------

def _hms(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def detailed_rows(data: ClockifyData, zone: str, *, date_fmt: str = "%m/%d/%Y",
                  time_fmt: str = "%I:%M:%S %p", real_cells: bool = False) -> Rows:
    """The Detailed report of the sample entries, times in the exporting user's zone."""
    tz = ZoneInfo(zone)
    rows: Rows = [list(DETAILED_HEADER)]
    for e in data.entries or ():
        start = e.start.astimezone(tz)
        end = e.end.astimezone(tz) if e.end else None
        seconds = e.duration_s if e.end else None

        def day(value: dt.datetime) -> object:
            return value.replace(tzinfo=None, hour=0, minute=0, second=0) if real_cells \
                else value.strftime(date_fmt)

        def clock(value: dt.datetime) -> object:
            return value.time() if real_cells else value.strftime(time_fmt).lstrip("0")

        rows.append([
            e.project_name or "", e.client_name or "", "Work", "", e.user_name or "", "", "", "",
            "Yes" if e.billable else "No", day(start), clock(start),
            day(end) if end else "", clock(end) if end else "",
            _hms(seconds) if seconds is not None else "",
            f"{seconds / 3600:.2f}" if seconds is not None else "", "85.00",
            f"{(seconds or 0) / 3600 * 85:.2f}"])
    return rows


def projects_rows(data: ClockifyData) -> Rows:
    rows: Rows = [list(PROJECTS_HEADER)]
    for p in data.projects:
        rows.append([p.name, p.client_name or "", "Archived" if p.archived else "Active",
                     "Public", "Yes", "", "1.00", "", "", "", "", "1.00", "0.00", "85.00",
                     "85.00", "", "", ""])
    return rows


def team_rows(data: ClockifyData) -> Rows:
    status = {MembershipStatus.ACTIVE: "Active", MembershipStatus.INACTIVE: "Inactive",
              MembershipStatus.PENDING: "Pending"}
    rows: Rows = [list(TEAM_HEADER)]
    for m in data.members:
        rows.append([m.name or "", "", "85.00", "", "", status.get(m.membership_status, "Active"),
                     "Monday", WORKDAYS, "8:00"])
    return rows


def _deleted(name: str, active: bool) -> str:
    return name if active else f"{name} (deleted)"


def contact_list(company: str, title: str, header: list[str], names: Sequence[str]) -> Rows:
    """A QuickBooks list report: title block, header on row 4, footer after three blank rows."""
    width = len(header)
    rows: Rows = [[company] + [""] * (width - 1), [title] + [""] * (width - 1), [""] * width,
                  list(header)]
    rows += [[n] + [""] * (width - 1) for n in names]
    rows += [[""] * width] * 3 + [[FOOTER] + [""] * (width - 1)]
    return rows


def qbo_lists(data: QuickBooksData, company: str) -> dict[str, Rows]:
    return {
        "customers": contact_list(
            company, "Customer Contact List",
            ["Customer full name", "Phone numbers", "Email", "Full name", "Bill address",
             "Ship address"],
            [_deleted(c.fully_qualified_name, c.active) for c in data.customers or ()]),
        "vendors": contact_list(
            company, "Vendor Contact List",
            ["Vendor", "Phone numbers", "Email", "Full name", "Billing address", "Account #"],
            [_deleted(r.display_name, r.active) for r in data.vendors or ()]),
        "employees": contact_list(
            company, "Employee Contact List",
            ["Employee", "Phone numbers", "Email", "Full name", "Address"],
            [_deleted(r.display_name, r.active) for r in data.employees or ()]),
    }


def write_csv(path: Path, rows: Rows, *, bom: bool = False, quote_all: bool = True) -> Path:
    out = io.StringIO(newline="")
    csv.writer(out, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
               lineterminator="\n").writerows(rows)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8"))
    return path


def write_xlsx(path: Path, rows: Rows, cached: dict[str, object] | None = None,
               sheet: str = "Sheet1") -> Path:
    """An XLSX of `rows`; a cell given as `=…` becomes a formula, with the cached value from
    `cached` (by cell reference) written in as Excel would, or none at all."""
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    book.save(buf)
    if cached:
        buf = _add_cached_values(buf, cached)
    path.write_bytes(buf.getvalue())
    return path


def _add_cached_values(buf: io.BytesIO, cached: dict[str, object]) -> io.BytesIO:
    src = zipfile.ZipFile(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                xml = content.decode("utf-8")
                for ref, value in cached.items():
                    kind = ' t="str"' if isinstance(value, str) else ""
                    xml = re.sub(rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/>',
                                 rf'<c r="{ref}"\1{kind}><f>\2</f><v>{value}</v>', xml)
                content = xml.encode("utf-8")
            dst.writestr(item, content)
    return out


def export_sample(folder: Path, fmt: str) -> list[Path]:
    """The sample company as the six exports a bookkeeper would send (CSV or XLSX)."""
    info = sample.sample_info()
    cdata, qdata = demo.load_clockify(), demo.load_quickbooks()
    sheets = {
        "Clockify_Time_Report_Detailed_10_26_2026-11_24_2026": detailed_rows(
            cdata, info.time_zone, real_cells=fmt == "xlsx"),
        "Clockify_Projects": projects_rows(cdata),
        "Clockify_Team": team_rows(cdata),
    }
    company = qdata.company.company_name or info.name
    for key, rows in qbo_lists(qdata, company).items():
        sheets[f"Maple_Pine_{key}"] = rows
    out = []
    for stem, rows in sheets.items():
        path = folder / f"{stem}.{fmt}"
        out.append(write_csv(path, rows) if fmt == "csv" else write_xlsx(path, rows))
    return out


# --- comparing runs -----------------------------------------------------------------------------

# each source names itself in the connection check (SPEC §3.5): files and the sample differ there
_SOURCE_CODES = {"CLOCKIFY_FROM_FILES": "CLOCKIFY_READ", "CLOCKIFY_SAMPLE": "CLOCKIFY_READ",
                 "QBO_FROM_FILES": "QBO_READ", "QBO_SAMPLE": "QBO_READ"}


def comparable(result: RunResult) -> dict[str, object]:
    """What must be equal between sources: codes per subject, matches, entries; never ids."""
    findings = Counter((f.check, _SOURCE_CODES.get(f.code, f.code), f.subject, f.client, f.match,
                        f.suggestion, f.near_kind) for f in result.findings)
    items = Counter((i.date, i.user, i.project, i.client, i.billable, i.hours, i.reasons)
                    for i in (result.entries.items if result.entries else ()))
    entries = result.entries
    return {"findings": findings, "items": items,
            "totals": (entries.total, entries.will_sync, dict(entries.by_reason))
            if entries else None,
            "statuses": {c.id: c.status for c in result.checks}}


def _demo_result(period: tuple[dt.date, dt.date]) -> RunResult:
    return run_checks(demo.clockify_side(), demo.quickbooks_side(), period,
                      dt.datetime(2026, 11, 24, tzinfo=dt.UTC), "test")


def _manual() -> Manual:
    q = demo.load_quickbooks()
    return Manual(plan=q.company.offering_sku, payroll=q.company.payroll,
                  closing_date=q.preferences.book_close_date, closing_date_given=True)


def _period() -> tuple[dt.date, dt.date]:
    today = sample.sample_info().today
    return today - dt.timedelta(days=29), today


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_sample_company_round_trips_through_files(tmp_path: Path, fmt: str) -> None:
    paths = export_sample(tmp_path, fmt)
    # in any order, each side given every file
    shuffled = paths[::-1]
    clockify = files.clockify_side(shuffled)
    quickbooks = files.quickbooks_side(shuffled, _manual())
    period = _period()
    from_files = run_checks(clockify, quickbooks, period,
                            dt.datetime(2026, 11, 24, tzinfo=dt.UTC), "test")
    from_demo = _demo_result(period)
    a, b = comparable(from_files), comparable(from_demo)
    # Time tracking is the one fact no export carries: the files can't tell it is off.
    demo_findings = b["findings"]
    assert isinstance(demo_findings, Counter)
    off = [k for k in demo_findings if k[1] == "TIME_TRACKING_OFF"]
    assert len(off) == 1
    del demo_findings[off[0]]
    assert a["findings"] == b["findings"]
    assert [f.code for f in from_files.findings_for("connection")] == [
        "CLOCKIFY_FROM_FILES", "QBO_FROM_FILES"]
    assert a["items"] == b["items"]
    assert a["totals"] == b["totals"]
    # ...so the plan check passes on the answers given, and its summary says what is unknown
    statuses_a, statuses_b = dict(a["statuses"]), dict(b["statuses"])  # type: ignore[call-overload]
    assert (statuses_a.pop("plan"), statuses_b.pop("plan")) == ("pass", "warn")
    assert statuses_a == statuses_b
    plan = next(c for c in from_files.checks if c.id == "plan")
    assert "time tracking is on is not known" in plan.summary
    assert all(i.id.split(":")[0].startswith("Clockify_Time_Report_Detailed")
               for i in from_files.entries.items)  # type: ignore[union-attr]
    assert all(f.subject_id is None for f in from_files.findings
               if f.subject_kind in ("user", "client", "project"))


def test_sample_files_are_identified_with_one_line_each(tmp_path: Path) -> None:
    paths = export_sample(tmp_path, "csv")
    infos = {p.name: files.identify(p) for p in paths}
    kinds = {i.kind for i in infos.values()}
    assert kinds == {"clockify_detailed", "clockify_projects", "clockify_team",
                     "qbo_customers", "qbo_vendors", "qbo_employees"}
    detailed = infos["Clockify_Time_Report_Detailed_10_26_2026-11_24_2026.csv"]
    assert detailed.description.startswith("Clockify detailed report, 26 Oct – 24 Nov 2026, ")
    assert "147 entries" in detailed.description
    assert all(i.problem is None and i.side for i in infos.values())
    missing = files.missing_for_checks(list(infos.values()))
    assert missing == [files.messages.missing(files.messages.MISSING_MANUAL)]
    only_detailed = files.missing_for_checks([detailed])
    assert any("Customer Contact List" in s for s in only_detailed)
    assert any("Team" in s for s in only_detailed)


def test_check_command_runs_from_files_alone(tmp_path: Path) -> None:
    paths = export_sample(tmp_path, "csv")
    clockify = [p for p in paths if p.name.startswith("Clockify")]
    qbo = [p for p in paths if not p.name.startswith("Clockify")]
    args = [sys.executable, "-m", "wizard", "check", "--json", "--from", "2026-10-26",
            "--to", "2026-11-24", "--plan", "plus", "--payroll", "no",
            "--closing-date", "2026-10-31"]
    # one QuickBooks file given as a Clockify file: recognised by its headers all the same
    args += [a for p in clockify + qbo[:1] for a in ("--clockify-file", str(p))]
    args += [a for p in qbo[1:] for a in ("--qbo-file", str(p))]
    env = {"PATH": "/usr/bin:/bin", "SYNC_CHECKUP_HOME": str(tmp_path / "home"),
           "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(args, cwd=REPO, capture_output=True, text=True, env=env, timeout=120,
                          check=False)
    assert proc.returncode == 1, proc.stderr  # the sample company has failing checks
    out = json.loads(proc.stdout)
    assert out["sources"] == {"clockify": "file", "quickbooks": "file"}
    demo_json = _demo_result(_period()).to_json()
    codes = sorted((_SOURCE_CODES.get(f["code"], f["code"]), f["subject"])
                   for f in out["findings"])
    demo_codes = sorted((_SOURCE_CODES.get(f["code"], f["code"]), f["subject"])
                        for f in demo_json["findings"] if f["code"] != "TIME_TRACKING_OFF")
    connection = next(c for c in out["checks"] if c["id"] == "connection")
    assert connection["status"] == "info"  # nothing was connected (SPEC §3.5)
    assert connection["summary"] == "Both sides were read from exported files."
    assert codes == demo_codes
    assert out["entries"]["by_reason"] == demo_json["entries"]["by_reason"]
    assert "@" not in proc.stdout
    ids = [i["id"] for i in out["entries"]["items"]]
    assert all(re.fullmatch(r"Clockify_Time_Report_Detailed_.*\.csv:\d+", i) for i in ids)


def test_check_command_without_answers_says_not_checked(tmp_path: Path) -> None:
    paths = export_sample(tmp_path, "csv")
    args = [sys.executable, "-m", "wizard", "check", "--json", "--from", "2026-10-26",
            "--to", "2026-11-24"]
    args += [a for p in paths for a in ("--clockify-file" if p.name.startswith("Clockify")
                                        else "--qbo-file", str(p))]
    env = {"PATH": "/usr/bin:/bin", "SYNC_CHECKUP_HOME": str(tmp_path / "home")}
    proc = subprocess.run(args, cwd=REPO, capture_output=True, text=True, env=env, timeout=120,
                          check=False)
    out = json.loads(proc.stdout)
    checks = {c["id"]: c for c in out["checks"]}
    assert checks["plan"]["status"] == "not_checked"
    assert "Billing and Subscription" in checks["plan"]["summary"]
    assert "closing date is not known" in checks["entries"]["summary"]
    assert not any(f["code"] == "ENTRY_BOOKS_CLOSED" for i in out["entries"]["items"]
                   for f in [{"code": r} for r in i["reasons"]])


def test_check_command_rejects_a_summary_report_with_one_sentence(tmp_path: Path) -> None:
    summary = write_csv(tmp_path / "Clockify_Time_Report_Summary_10_01_2026-10_31_2026.csv",
                        [["Project", "Client", "Description", "Time (h)", "Time (decimal)",
                          "Amount (EUR)"], ["Q3 Audit", "Birchwood Dental", "", "02:15:30",
                                            "2.26", "191.96"]])
    proc = subprocess.run([sys.executable, "-m", "wizard", "check", "--clockify-file",
                           str(summary)], cwd=REPO, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "SYNC_CHECKUP_HOME": str(tmp_path)},
                          timeout=120, check=False)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1
    assert summary.name in lines[0]
    assert "Reports → Detailed" in lines[0]
    assert "Traceback" not in proc.stderr
