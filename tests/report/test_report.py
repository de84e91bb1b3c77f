"""The support report: read back from the PDF with pdftotext, rendered to PNG with pdftoppm,
and the HTML, the summary text and the e-mail link."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
import unicodedata
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from msgspec import structs

from tests.conftest import require_tool
from tests.report.samples import SECOND_RUN, sample_result
from wizard.core.compare import compare, snapshot
from wizard.core.errors import BadInput
from wizard.core.result import EntriesSummary, EntryItem, Finding, Status
from wizard.report import blocks, mailto_url, model, name_tables, run_id, summary_text, write_report
from wizard.text.entries import reason_short


def _flat(text: str) -> str:
    """Text as a reader sees it: one space between words, ligatures spelled out."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))


def _flat_words(text: str) -> str:
    return _flat(text.replace("\u00a0", " "))


def _reading(text: str) -> str:
    """pdftotext output without page footers, and without the copy of a line cut by a page
    break (Qt paints a cut line on both pages, clipped; the text layer keeps both)."""
    lines: list[str] = []
    for line in text.replace("\f", "\n").splitlines():
        if not line.strip() or line.startswith("Sync Checkup 0.0-test · run") or \
                re.fullmatch(r"Page \d+ of \d+", line.strip()):
            continue
        if lines and line == lines[-1]:
            continue
        lines.append(line)
    return "\n".join(lines)


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    require_tool("pdftotext")
    before, after = sample_result(), sample_result(SECOND_RUN, fix_jon=True)
    path = tmp_path_factory.mktemp("report") / "sample.pdf"
    write_report(after, path, compare(snapshot(before), snapshot(after)))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return path, text


def test_pdf_holds_plan_payroll_run_facts_and_verdicts(sample_pdf: tuple[Path, str]) -> None:
    path, text = sample_pdf
    assert path.read_bytes().startswith(b"%PDF-")
    flat = _flat(text)
    result = sample_result(SECOND_RUN, fix_jon=True)
    for needle in ("QuickBooks plan QuickBooks Online Plus", "Payroll Off",
                   "Subscription PAID", "QuickBooks closing date 2026-10-31",
                   "Period checked 2026-10-26 to 2026-11-24", f"Sync Checkup {result.version}",
                   "2026-11-24 19:30 UTC", run_id(result), "the sample company"):
        assert needle in flat, needle
    for check in result.checks:
        assert check.title in flat
        assert _flat(check.summary) in flat


def test_pdf_holds_every_finding_with_its_text_and_fix(sample_pdf: tuple[Path, str]) -> None:
    _, text = sample_pdf
    flat = _flat_words(_reading(text))
    result = sample_result(SECOND_RUN, fix_jon=True)
    for f in result.findings:
        assert f.code in flat, f.code
        assert _flat_words(f.subject) in flat, f.subject
        if f.status in (Status.FAIL, Status.WARN):  # laid out in one column: read back whole
            assert _flat_words(f.message) in flat, f.message
            assert _flat_words(f.fix) in flat, f.fix


def test_pdf_holds_both_name_tables_with_status_words(sample_pdf: tuple[Path, str]) -> None:
    _, text = sample_pdf
    flat = _flat(text)
    assert "Clockify users ↔ QuickBooks employees" in flat
    assert "Clockify clients and projects ↔ QuickBooks customers" in flat
    result = sample_result(SECOND_RUN, fix_jon=True)
    for name, _active in result.tables.employees:  # every employee, with a Clockify user or not
        assert name in flat, name
    for fqn, _active in result.tables.customers:
        assert _flat(fqn).replace(":", "") in flat.replace(" ", "").replace(":", "") or \
            fqn.rpartition(":")[2] in flat, fqn
    for word in ("Matched", "Near match", "Missing", "Inactive", "Vendor", "Wrong parent",
                 "Only in QuickBooks", "Fix client first", "Invite pending", "Name taken",
                 "Colon in name"):  # the Names page's words (wizard.text.status), never upper-cased
        assert word in flat, word
    assert "Hannah Brooks" in flat  # an employee with no Clockify user


def test_pdf_lists_entries_that_wont_sync_and_what_changed(sample_pdf: tuple[Path, str]) -> None:
    _, text = sample_pdf
    flat = _flat(text)
    result = sample_result(SECOND_RUN, fix_jon=True)
    assert "Time entries that won't sync" in flat
    for code in result.entries.by_reason:
        assert reason_short(code) in flat
    assert "What changed since the previous run" in flat
    assert re.search(r"1 fixed, 0 new, 28 still failing", flat)
    assert re.search(r"Fixed Users and employees Jon Smith \(user\) USER_NEAR_MATCH; now "
                     r"Matched Still failing", flat)
    assert re.search(r"Page 1 of \d+", flat)
    pages = int(re.search(r"Page 1 of (\d+)", flat).group(1))
    assert f"Page {pages} of {pages}" in flat
    assert flat.count(f"run {run_id(result)}") >= pages  # the footer on every page


def test_a_rendered_page_is_not_blank(sample_pdf: tuple[Path, str], tmp_path: Path) -> None:
    require_tool("pdftoppm")
    path, _ = sample_pdf
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(path),
                    str(tmp_path / "page")], check=True, capture_output=True)
    from PySide6.QtGui import QImage
    png = next(tmp_path.glob("page*.png"))
    image = QImage(str(png))
    assert not image.isNull()
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    values = [grey.pixelColor(x, y).value() for y in range(0, grey.height(), 3)
              for x in range(0, grey.width(), 3)]
    mean = sum(values) / len(values)
    variance = sum((v - mean) ** 2 for v in values) / len(values)
    dark = sum(1 for v in values if v < 128) / len(values)
    assert variance > 200, variance
    assert 0.01 < dark < 0.5, dark


def test_html_is_self_contained_and_complete(tmp_path: Path) -> None:
    result = sample_result()
    path = write_report(result, tmp_path / "report.html")
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//|file:)""", html, re.I)
    assert "<style>" in html
    for f in result.findings:
        assert f.code in html
    for name, _ in result.tables.employees:
        assert name.replace("'", "&#x27;") in html
    assert "Aisha&nbsp; Khan" in html  # the doubled space that is the problem stays visible
    assert run_id(result) in html
    assert "QuickBooks Online Plus" in html


def test_long_entry_lists_are_capped_in_the_pdf_model_but_not_in_html() -> None:
    result = sample_result()
    item = result.entries.items[0]
    many = tuple(EntryItem(id=f"e{n}", date=item.date, user=item.user, project=item.project,
                           client=item.client, billable=item.billable, hours=item.hours,
                           reasons=item.reasons) for n in range(450))
    big = dataclasses.replace(result, entries=EntriesSummary.from_items(900, many))
    pdf_model = model.build_report(big, limits=model.PDF_LIMITS)
    entries = next(s for s in pdf_model.sections if s.key == "entries")
    table = entries.blocks[-1]
    assert isinstance(table, blocks.Table)
    assert len(table.rows) == model.PDF_LIMITS.entries
    assert table.note is not None
    assert f"first {model.PDF_LIMITS.entries:,} of 450" in table.note
    assert "HTML" in table.note
    assert "JSON" in table.note
    html_model = model.build_report(big, limits=model.HTML_LIMITS)
    html_table = next(s for s in html_model.sections if s.key == "entries").blocks[-1]
    assert isinstance(html_table, blocks.Table)
    assert len(html_table.rows) == 450
    assert html_table.note is None


def test_a_broken_section_says_so_and_the_rest_still_prints(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(name_tables, "users_section", broken)
    result = sample_result()
    html = write_report(result, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "could not be put together" in html
    assert "Clockify clients and projects ↔ QuickBooks customers" in html
    assert "Time entries that won&#x27;t sync" in html
    assert "boom" not in html
    assert any("report section users" in r.getMessage() for r in caplog.records)


def test_a_wrong_suffix_or_an_unwritable_place_gives_one_plain_sentence(tmp_path: Path) -> None:
    result = sample_result()
    with pytest.raises(BadInput) as bad_suffix:
        write_report(result, tmp_path / "report.docx")
    assert ".pdf or .html" in str(bad_suffix.value)
    missing = tmp_path / "no" / "such" / "folder" / "report.html"
    with pytest.raises(BadInput) as no_folder:
        write_report(result, missing)
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder", encoding="utf-8")
    with pytest.raises(BadInput) as under_a_file:
        write_report(result, a_file / "report.pdf")
    with pytest.raises(BadInput) as a_folder:
        write_report(result, tmp_path)  # a folder named like no report
    (tmp_path / "x.pdf").mkdir()
    with pytest.raises(BadInput) as folder_pdf:
        write_report(result, tmp_path / "x.pdf")
    assert "is a folder" in str(folder_pdf.value)
    for message in (str(no_folder.value), str(under_a_file.value)):
        assert message.startswith("The report couldn't be saved in ")
        assert "choose another folder" in message
        assert "Traceback" not in message
        assert "Errno" not in message
        assert "\n" not in message
    assert ".pdf or .html" in str(a_folder.value)
    # nothing half-written left behind
    assert sorted(tmp_path.iterdir()) == sorted([a_file, tmp_path / "x.pdf"])
    assert list((tmp_path / "x.pdf").iterdir()) == []


def test_summary_text_reads_as_plain_text() -> None:
    before, after = sample_result(), sample_result(SECOND_RUN, fix_jon=True)
    text = summary_text(after, compare(snapshot(before), snapshot(after)))
    assert text.startswith(f"Sync Checkup report — run {run_id(after)}")
    assert "QuickBooks plan: QuickBooks Online Plus; Payroll: Off" in text
    assert "1 fixed, 0 new, 28 still failing" in text
    assert "- Users and employees: Problem" in text  # the screen's and the terminal's word
    assert "Acme Corp → Annual Report (project): Wrong parent" in text
    assert "{" not in text
    assert "Traceback" not in text
    problems = [f for f in after.findings if f.status in (Status.FAIL, Status.WARN)]
    assert f"{len(problems)} things to fix:" in text


def test_the_summary_and_the_report_say_what_changed_in_one_sentence() -> None:
    """The clipboard summary and the report name the previous run the same way."""
    before, after = sample_result(), sample_result(SECOND_RUN, fix_jon=True)
    comparison = compare(snapshot(before), snapshot(after))
    text = summary_text(after, comparison)
    line = next(x for x in text.splitlines() if x.startswith("Since the previous run"))
    assert f"run {comparison.previous_run_id})" in line
    changes = next(s for s in model.build_report(after, comparison).sections
                   if s.key == "changes")
    first = changes.blocks[0]
    assert isinstance(first, blocks.Paragraph)
    assert first.text.startswith(line + " ")  # then the entries that won't sync, before and now
    assert "Entries that won't sync: 92 before, 89 now." in first.text


def test_mailto_is_for_support_short_and_carries_the_summary() -> None:
    result = sample_result()
    url = mailto_url(result)
    assert url.startswith("mailto:support@clockify.me?")
    assert len(url) <= 1800
    query = parse_qs(urlsplit(url).query)
    assert run_id(result) in query["subject"][0]
    body = query["body"][0]
    assert "QuickBooks Online Plus" in body
    assert "- Users and employees: Problem" in body
    assert "more in the attached report" in body  # 29 problems don't all fit
    assert unquote(url).count("@") == 1


def test_mailto_stays_short_with_hundreds_of_problems() -> None:
    result = sample_result()
    extra = tuple(Finding(code="USER_NOT_IN_QBO", check="users", status=Status.FAIL,
                          subject=f"Person Number {n} With A Long Name", subject_kind="user",
                          message="m", fix="f", subject_id=f"id{n}") for n in range(400))
    big = dataclasses.replace(result, findings=result.findings + extra)
    url = mailto_url(big)
    assert len(url) <= 1800
    assert "more in the attached report" in unquote(url)
    assert len(summary_text(big).splitlines()) > 400  # the clipboard keeps everything


def test_pdf_without_quickbooks_still_renders(tmp_path: Path) -> None:
    require_tool("pdftotext")
    from wizard.core.checks import run_checks
    from wizard.core.model import QuickBooksSide
    from wizard.sources import demo
    result = run_checks(demo.clockify_side(), QuickBooksSide(source=None),
                        (dt.date(2026, 10, 26), dt.date(2026, 11, 24)),
                        dt.datetime(2026, 11, 24, 18, tzinfo=dt.UTC), "0.0-test")
    path = write_report(result, tmp_path / "noqbo.pdf")
    text = _flat(subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                                text=True).stdout)
    assert "Not known: QuickBooks was not read." in text
    assert "Not checked" in text
    assert "QuickBooks: not chosen" in text
    assert "Checks that could not run" in text


def test_entry_items_use_words_not_codes() -> None:
    result = sample_result()
    report = model.build_report(result)
    entries = next(s for s in report.sections if s.key == "entries")
    table = entries.blocks[-1]
    assert isinstance(table, blocks.Table)
    reasons = {row[-1].text for row in table.rows}
    assert not any("ENTRY_" in r for r in reasons)
    first: EntryItem = result.entries.items[0]
    assert table.rows[0][0].text == first.date.isoformat()


def test_a_large_company_pdf_model_keeps_every_kind_of_fix_and_counts_what_it_cuts() -> None:
    result = sample_result()
    extra = tuple(Finding(code="USER_NOT_IN_QBO", check="users", status=Status.FAIL,
                          subject=f"Extra Person {n}", subject_kind="user", message="m",
                          fix="f", subject_id=f"x{n}") for n in range(900))
    customers = tuple((f"Extra Customer {n}", True) for n in range(400))
    big = dataclasses.replace(result, findings=result.findings + extra,
                              tables=dataclasses.replace(result.tables,
                                                         customers=result.tables.customers
                                                         + customers))
    report = model.build_report(big, limits=model.PDF_LIMITS)
    findings = next(s for s in report.sections if s.key == "findings")
    written = [b for b in findings.blocks if isinstance(b, blocks.FindingBlock)]
    assert len(written) == model.PDF_LIMITS.details
    problem_codes = {f.code for f in big.findings if f.status in (Status.FAIL, Status.WARN)}
    assert {b.code for b in written} == problem_codes  # every kind written out once at least
    rest = next(b for b in findings.blocks if isinstance(b, blocks.Table)
                and b.columns[0] == "Subject")
    problems = len([f for f in big.findings if f.status in (Status.FAIL, Status.WARN)])
    assert rest.note is not None
    assert f"of {problems - model.PDF_LIMITS.details:,}" in rest.note
    users = next(s for s in report.sections if s.key == "users").blocks[-1]
    assert isinstance(users, blocks.Table)
    assert len(users.rows) <= model.PDF_LIMITS.rows + model.PDF_LIMITS.qbo_only
    assert users.note is not None
    assert "matched ones first" in users.note
    assert all(row[1].text != "MATCHED" for row in users.rows[:300])
    customers_table = next(s for s in report.sections if s.key == "customers").blocks[-1]
    assert isinstance(customers_table, blocks.Table)
    assert customers_table.note is not None
    assert "QuickBooks customers with no Clockify client or project are not shown" in \
        customers_table.note
    html_report = model.build_report(big, limits=model.HTML_LIMITS)
    html_findings = next(s for s in html_report.sections if s.key == "findings")
    assert len([b for b in html_findings.blocks if isinstance(b, blocks.FindingBlock)]) == problems


@pytest.mark.gui
def test_pdf_renders_in_a_thread_pool_worker_as_the_wizard_does(qapp: object,
                                                                 tmp_path: Path) -> None:
    from PySide6.QtCore import QRunnable, QThreadPool

    result, out = sample_result(), {}

    class Job(QRunnable):
        def run(self) -> None:
            out["path"] = write_report(result, tmp_path / "worker.pdf")

    pool = QThreadPool()
    pool.start(Job())
    assert pool.waitForDone(60_000)
    assert out["path"].read_bytes().startswith(b"%PDF-")
    assert out["path"].stat().st_size > 20_000


@pytest.mark.parametrize(("source", "words"), [
    ("file", "Both sides were read from exported files."),
    ("demo", "Both sides are the sample company."),
])
def test_the_report_never_calls_files_or_the_sample_connected(tmp_path: Path, source: str,
                                                               words: str) -> None:
    """Issue 11 / SPEC §3.5: nothing was connected, so the report says how each side was read."""
    from wizard.core.checks import run_checks
    from wizard.sources import demo
    result = run_checks(dataclasses.replace(demo.clockify_side(), source=source),
                        dataclasses.replace(demo.quickbooks_side(), source=source),
                        sample_result().period, SECOND_RUN, "0.0-test")
    html = write_report(result, tmp_path / "report.html").read_text(encoding="utf-8")
    assert words in html
    assert "Connected to" not in html
    assert "Both sides are connected" not in html
    assert "nothing was connected" in html.replace("&#x27;", "'")


def test_each_problem_links_to_its_record_where_the_side_has_a_web_page() -> None:
    from wizard.core.link_types import Links
    from wizard.report import render
    result = sample_result()
    url = "https://app.qbo.intuit.com/app/customerdetail?nameId=58"
    target = next(f for f in result.findings if f.code == "CLIENT_NEAR_MATCH")
    findings = tuple(structs.replace(f, links=Links(None, url)) if f is target else f
                     for f in result.findings)
    html = render(dataclasses.replace(result, findings=findings), "html").decode("utf-8")
    assert html.count('href="https://app.qbo.intuit.com/app/customerdetail?nameId=58"') == 1
    assert "Open in QuickBooks</a>" in html
    # the sample company has no web pages: no link anywhere else
    assert html.count("Open in Clockify</a>") == 0
