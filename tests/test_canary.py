"""Canaries: known secrets and e-mail addresses are planted in the data and the credentials,
everything runs, and every byte written is searched. Only support@clockify.me may appear.

Planted: the SYNC_CHECKUP_* key, tokens and client secret; e-mail addresses in the sample's
`email`/`userEmail` fields, in entry descriptions, as a member's name (an invitee shown by
their address), inside a project name, and in QuickBooks' e-mail fields.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from tests.conftest import require_tool
from tests.fakes.clockify_server import load_sample, serve
from tests.fakes.intuit_server import REALM
from tests.fakes.quickbooks_server import FakeQuickBooks
from wizard.sources import demo, sample

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = "leak-canary.example"
SECRETS = {
    "SYNC_CHECKUP_CLOCKIFY_API_KEY": "CanaryApiKey" + "Q7" * 14,
    "SYNC_CHECKUP_QBO_ACCESS_TOKEN": "eyJCanaryAccess.Token-" + "a1" * 12,
    "SYNC_CHECKUP_QBO_REFRESH_TOKEN": "AB11CanaryRefresh" + "z9" * 10,
    "SYNC_CHECKUP_INTUIT_CLIENT_ID": "ABCanaryClientId" + "x4" * 10,
    "SYNC_CHECKUP_INTUIT_CLIENT_SECRET": "CanarySecret" + "k5" * 10,
}
MEMBER_AS_EMAIL = f"pending.person@{DOMAIN}"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _canary_sample(target: Path) -> Path:
    """A copy of the sample company with e-mail addresses planted everywhere they can be."""
    shutil.copytree(sample.sample_dir(), target)

    def edit(name: str, change: Any) -> None:
        path = target / name
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def users(rows: list[dict[str, Any]]) -> None:
        for n, row in enumerate(rows):
            row["email"] = f"member{n}@{DOMAIN}"
        rows[-2]["name"] = MEMBER_AS_EMAIL  # an invitee known only by their address

    def entries(report: dict[str, Any]) -> None:
        for n, row in enumerate(report["timeentries"]):
            row["userEmail"] = f"member{n}@{DOMAIN}"
            token = SECRETS["SYNC_CHECKUP_QBO_ACCESS_TOKEN"]
            row["description"] = f"call client{n}@{DOMAIN} token={token}"

    def projects(rows: list[dict[str, Any]]) -> None:
        rows[0]["name"] = f"Ads for boss@{DOMAIN}"

    def employees(data: dict[str, Any]) -> None:
        for n, row in enumerate(data["QueryResponse"]["Employee"]):
            row["PrimaryEmailAddr"] = {"Address": f"employee{n}@{DOMAIN}"}

    def company(data: dict[str, Any]) -> None:
        data["CompanyInfo"]["Email"] = {"Address": f"owner@{DOMAIN}"}
        data["CompanyInfo"]["CustomerCommunicationEmailAddr"] = {"Address": f"billing@{DOMAIN}"}

    edit("clockify/users.json", users)
    edit("clockify/detailed-report.json", entries)
    edit("clockify/projects.json", projects)
    edit("quickbooks/employees.json", employees)
    edit("quickbooks/companyinfo.json", company)
    return target


def _texts_written(home: Path, *extra: Path) -> dict[str, str]:
    """Every file under the home folder and the reports, as text (PDFs also via pdftotext)."""
    out: dict[str, str] = {}
    for path in [*(p for p in home.rglob("*") if p.is_file()), *extra]:
        out[str(path)] = path.read_bytes().decode("latin-1")
        if path.suffix == ".pdf":
            out[f"{path} (text)"] = subprocess.run(
                ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                capture_output=True, text=True).stdout
        else:
            out[f"{path} (utf-8)"] = path.read_text(encoding="utf-8", errors="replace")
    return out


def _assert_clean(where: str, text: str) -> None:
    for name, value in SECRETS.items():
        assert value not in text, f"{name} found in {where}"
    assert DOMAIN not in text, f"a planted e-mail address found in {where}"
    assert "mapleandpine.example" not in text, f"a sample e-mail address found in {where}"
    if where.endswith(".pdf"):  # compressed binary: any address shows in its "(text)" form
        return
    others = {m for m in _EMAIL.findall(text) if m.lower() != "support@clockify.me"}
    assert not others, f"e-mail addresses {others} found in {where}"


@pytest.fixture
def canary_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    planted = _canary_sample(tmp_path / "sample")
    monkeypatch.setattr(sample, "sample_dir", lambda: planted)
    import logging
    before = list(logging.getLogger().handlers)
    yield planted
    for handler in logging.getLogger().handlers[:]:  # the log file handler `main` added
        if handler not in before:
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_demo_run_reports_summary_and_mail_hold_no_secret_and_no_address(
        canary_env: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    require_tool("pdftotext")
    from wizard import cli
    from wizard.core.checks import default_period, run_checks
    from wizard.report import mailto_url, summary_text
    from wizard.storage import history

    pdf, html = tmp_path / "x.pdf", tmp_path / "x.html"
    assert cli.main(["check", "--demo", "--json", "--report", str(pdf)]) == 1
    first = capfd.readouterr()
    assert cli.main(["check", "--demo", "--json", "--report", str(html)]) == 1
    second = capfd.readouterr()
    assert cli.main(["check", "--demo"]) == 1
    third = capfd.readouterr()

    # the planted data really went through: the e-mail-named member and project are there
    result = json.loads(first.out)
    subjects = {f["subject"] for f in result["findings"]}
    assert "[e-mail]" in subjects
    assert any(s.startswith("Ads for ") for s in subjects)
    assert len(history.load_all()) == 3

    res = run_checks(demo.clockify_side(), demo.quickbooks_side(),
                     default_period(sample.sample_info().today),
                     dt.datetime(2026, 11, 24, 18, tzinfo=dt.UTC), "0.0-test")
    assert MEMBER_AS_EMAIL in {f.subject for f in res.findings}  # raw data: the canary lives
    comparison = history.record(res)
    texts = {"stdout 1": first.out, "stderr 1": first.err, "stdout 2": second.out,
             "stderr 2": second.err, "stdout 3": third.out, "stderr 3": third.err,
             "summary": summary_text(res, comparison),
             "mailto": unquote(mailto_url(res, comparison)),
             "mailto raw": mailto_url(res, comparison)}
    home = Path(os.environ["SYNC_CHECKUP_HOME"])
    texts.update(_texts_written(home, pdf, html))
    assert any(p.endswith(".log") for p in texts), "the log file was written"
    assert "[e-mail]" in texts[f"{pdf} (text)"]
    assert "[e-mail]" in texts[f"{html} (utf-8)"]
    for where, text in texts.items():
        _assert_clean(where, text)
    assert "support@clockify.me" in texts["mailto"]


def test_live_run_against_the_fakes_holds_no_secret_and_no_address(
        canary_env: Path, tmp_path: Path) -> None:
    require_tool("pdftotext")
    key = SECRETS["SYNC_CHECKUP_CLOCKIFY_API_KEY"]
    access = SECRETS["SYNC_CHECKUP_QBO_ACCESS_TOKEN"]
    pdf, html = tmp_path / "live.pdf", tmp_path / "live.html"
    with serve() as clockify, FakeQuickBooks(tokens={access}) as qbo:
        load_sample(clockify, canary_env / "clockify", key)
        env = {k: v for k, v in os.environ.items() if not k.startswith("SYNC_CHECKUP_")}
        env |= SECRETS | {
            "SYNC_CHECKUP_HOME": os.environ["SYNC_CHECKUP_HOME"],
            "SYNC_CHECKUP_CLOCKIFY_API_URL": clockify.core_url,
            "SYNC_CHECKUP_CLOCKIFY_REPORTS_URL": clockify.reports_url,
            "SYNC_CHECKUP_QBO_REALM_ID": REALM, "SYNC_CHECKUP_QBO_API_URL": qbo.url,
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
        runs = [subprocess.run([sys.executable, "-m", "wizard", "check", "--from", "2026-10-26",
                                "--to", "2026-11-24", *args], cwd=ROOT, env=env,
                               capture_output=True, text=True, timeout=120, check=False)
                for args in (["--json", "--report", str(pdf)], ["--report", str(html)])]
    for done in runs:
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
    result = json.loads(runs[0].stdout)
    assert result["sources"] == {"clockify": "api", "quickbooks": "api"}
    codes = {f["code"] for f in result["findings"]}
    assert {"CLOCKIFY_CONNECTED", "QBO_CONNECTED"} <= codes
    assert "[e-mail]" in {f["subject"] for f in result["findings"]}
    texts = {"stdout json": runs[0].stdout, "stderr json": runs[0].stderr,
             "stdout text": runs[1].stdout, "stderr text": runs[1].stderr}
    texts.update(_texts_written(Path(os.environ["SYNC_CHECKUP_HOME"]), pdf, html))
    assert "QuickBooks Online Plus" in texts[f"{pdf} (text)"]
    for where, text in texts.items():
        _assert_clean(where, text)


def test_fix_journal_and_plan_hold_no_secret_and_no_address(
        canary_env: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """The fix loop on the planted sample: the plan file, the journal, the run history and the
    output hold no secret and no address. The sample's writable copy is left out of the scan: it
    is the built-in sample's own stored answers, copied as they are (planted addresses included
    here), not something written about a user's data."""
    from wizard import cli
    from wizard.storage import journal

    plan = tmp_path / "plan.json"
    assert cli.main(["fix", "--demo", "--plan-out", str(plan)]) == 0
    data = json.loads(plan.read_text(encoding="utf-8"))
    for action in data["actions"]:
        action["selected"] = action.get("alternative_to") is None
    plan.write_text(json.dumps(data), encoding="utf-8")
    assert cli.main(["fix", "--apply", str(plan), "--yes", "--json"]) == 1
    assert cli.main(["undo", "--last", "--yes", "--json"]) == 0
    out = capfd.readouterr()
    (run,) = journal.runs()
    assert run.entries
    assert {e["undo_status"] for e in run.entries} == {"done"}
    home = Path(os.environ["SYNC_CHECKUP_HOME"])
    texts = {k: v for k, v in _texts_written(home, plan).items()
             if "/data/sample/" not in k}
    assert any("/data/fixes/" in k for k in texts), "the journal was written"
    texts |= {"stdout": out.out, "stderr": out.err}
    for where, text in texts.items():
        _assert_clean(where, text)
