"""The command line as support or a script uses it: exit codes, one sentence, no traceback."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def sync_checkup(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "wizard", *args], cwd=ROOT, env=full_env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_check_demo_json_exit_1_with_every_check() -> None:
    proc = sync_checkup("check", "--demo", "--json")
    assert proc.returncode == 1, proc.stderr
    payload = json.loads(proc.stdout)
    assert [c["id"] for c in payload["checks"]] == ["plan", "users", "customers", "entries",
                                                    "connection"]
    assert payload["period"] == {"from": "2026-10-26", "to": "2026-11-24"}
    assert proc.stderr == ""


def test_check_demo_text_reads_as_a_summary() -> None:
    proc = sync_checkup("check", "--demo")
    assert proc.returncode == 1
    assert "[Problem] Users and employees" in proc.stdout  # the word of the screen and report
    assert "Fix: " in proc.stdout
    assert "Jon Smith" in proc.stdout


def test_period_options_narrow_the_entries() -> None:
    proc = sync_checkup("check", "--demo", "--json", "--from", "2026-11-16", "--to", "2026-11-20")
    payload = json.loads(proc.stdout)
    assert payload["period"] == {"from": "2026-11-16", "to": "2026-11-20"}
    assert all("2026-11-16" <= i["date"] <= "2026-11-20" for i in payload["entries"]["items"])
    assert 0 < payload["entries"]["total"] < 147


_WRONG_FILE = str(ROOT / "tests" / "sources" / "fixtures" / "exports" / "bank_statement.csv")


# issue 11: every exit-2 path is one sentence naming the value and the option, then at most the
# hint to --help: three lines at most, never argparse's usage
@pytest.mark.parametrize(("args", "words"), [
    (["check", "--demo", "--from", "2026-13-01"], "“2026-13-01” given to --from is not a date"),
    (["check", "--demo", "--to", "2026-10-32"], "“2026-10-32” given to --to is not a date"),
    (["check", "--closing-date", "31/10/2026"], "given to --closing-date is not a date"),
    (["check", "--demo", "--from", "2026-11-20", "--to", "2026-11-01"], "swap --from and --to"),
    (["check", "--plan", "platinum"], "“platinum” given to --plan is not a QuickBooks plan"),
    (["check", "--payroll", "maybe"], "“maybe” given to --payroll is not yes or no"),
    (["check", "--clockify-file", "/nonexistent/report.csv"],
     "/nonexistent/report.csv given to --clockify-file doesn't exist"),
    (["check", "--qbo-file", "/nonexistent/customers.csv"],
     "/nonexistent/customers.csv given to --qbo-file doesn't exist"),
    (["check", "--clockify-file", _WRONG_FILE], "“bank_statement.csv” isn't a Clockify or"),
    (["check", "--bogus"], "Unknown option --bogus"),
    (["--bogus"], "Unknown option --bogus"),
    (["check", "--from"], "--from"),
])
def test_bad_input_is_one_sentence_and_exit_2(args: list[str], words: str) -> None:
    proc = sync_checkup(*args)
    assert proc.returncode == 2
    assert words in proc.stderr
    assert "Traceback" not in proc.stderr
    assert "usage:" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert 1 <= len(lines) <= 3, proc.stderr
    assert lines[0].startswith("sync-checkup: ")
    assert all(line.startswith(("sync-checkup: ", "Run `sync-checkup")) for line in lines)
    assert proc.stdout == ""


def test_no_source_is_not_checked_not_a_pass() -> None:
    proc = sync_checkup("check", "--json")
    payload = json.loads(proc.stdout)
    statuses = {c["id"]: c["status"] for c in payload["checks"]}
    assert statuses["users"] == "not_checked"
    assert statuses["entries"] == "not_checked"
    assert payload["sources"] == {"clockify": None, "quickbooks": None}
    assert proc.returncode == 0


def test_core_and_sources_import_without_qt() -> None:
    code = ("import sys; sys.modules['PySide6'] = None\n"
            "import wizard.core.checks, wizard.sources.gather, wizard.sources.demo, "
            "wizard.storage.paths, wizard.cli\n"
            "print('ok')")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          check=False)
    assert proc.stdout.strip() == "ok", proc.stderr


def test_from_alone_runs_to_today_of_the_sample() -> None:
    proc = sync_checkup("check", "--demo", "--json", "--from", "2026-11-20")
    assert json.loads(proc.stdout)["period"] == {"from": "2026-11-20", "to": "2026-11-24"}


_F_KEYS = {"code", "subject", "subject_kind", "client"}


def test_json_changes_is_null_on_a_first_run_then_compares_with_the_previous_run() -> None:
    """SPEC §4 `changes`: null on a first run; then against the last run of the same
    workspace and company, each F = {code, subject, subject_kind, client}."""
    first = json.loads(sync_checkup("check", "--demo", "--json").stdout)
    assert "changes" in first
    assert first["changes"] is None
    second = json.loads(sync_checkup("check", "--demo", "--json").stdout)
    changes = second["changes"]
    assert set(changes) == {"previous_run", "previous_at", "fixed", "new", "still",
                            "not_compared"}
    assert re.fullmatch(r"[2-9A-Z]{4}-[2-9A-Z]{4}", changes["previous_run"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", changes["previous_at"])
    assert changes["fixed"] == []
    assert changes["new"] == []
    assert changes["not_compared"] == []
    problems = [f for f in second["findings"] if f["status"] in ("warn", "fail")]
    assert len(changes["still"]) == len(problems) > 5
    assert all(set(f) == _F_KEYS for f in changes["still"])
    jon = next(f for f in changes["still"] if f["subject"] == "Jon Smith")
    assert jon == {"code": "USER_NEAR_MATCH", "subject": "Jon Smith", "subject_kind": "user",
                   "client": None}
    text = sync_checkup("check", "--demo").stdout
    assert "Since the previous run: 0 problems fixed. 0 new problems." in text
