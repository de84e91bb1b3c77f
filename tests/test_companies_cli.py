"""Saved companies from the command line (SPEC §9), against the loopback fakes and the real
keyring: two workspaces read by one Clockify key and two QuickBooks companies of different health
are added from the live settings, then checked with no environment at all; an expired sign-in is
that company's finding while the others still run; removal leaves no secret and no history."""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring.backend
import pytest

from tests.conftest import require_tool
from tests.fakes.clockify_server import FakeClockify, Space, serve, synthetic
from tests.fakes.quickbooks_server import FakeQuickBooks, company_info, person, small_company
from wizard import cli
from wizard.storage import companies

KEY = "Cq7Tk" * 10
REALM_A, REALM_B = "9130350000000011", "9130350000000022"
TOKEN_A, TOKEN_B = "access-A-" + "x" * 30, "access-B-" + "y" * 30
REFRESH_B = "refresh-B-" + "z" * 30
PERIOD = ["--from", "2026-10-26", "--to", "2026-11-24"]


@dataclass
class Firm:
    clockify: FakeClockify
    space_a: Space
    space_b: Space
    qbo_a: FakeQuickBooks
    qbo_b: FakeQuickBooks


def _matching_lists(space: Space) -> dict[str, list[dict[str, Any]]]:
    """A QuickBooks company whose employees are the workspace's members: a healthier one."""
    lists = small_company()
    lists["Employee"] = [person(100 + i, m["name"]) for i, m in enumerate(space.members)
                         if m.get("name")]
    return lists


@pytest.fixture
def firm() -> Iterator[Firm]:
    with serve() as clockify:
        space_a = synthetic(clockify, KEY, name="Studio North", seed=1)
        roles = dict(clockify.accounts[KEY].roles)
        space_b = synthetic(clockify, KEY, name="Studio South", seed=2)
        clockify.accounts[KEY].roles.update(roles)  # one key reads both workspaces
        with FakeQuickBooks(realm=REALM_A, tokens={TOKEN_A}) as qbo_a, \
                FakeQuickBooks(realm=REALM_B, tokens={TOKEN_B},
                               lists=_matching_lists(space_b)) as qbo_b:
            qbo_a.company = company_info(name="North Books LLC")
            qbo_b.company = company_info(name="South Books LLC")
            yield Firm(clockify, space_a, space_b, qbo_a, qbo_b)


def _live_settings(monkeypatch: pytest.MonkeyPatch, firm: Firm, side: str) -> None:
    space, qbo, token = ((firm.space_a, firm.qbo_a, TOKEN_A) if side == "a"
                         else (firm.space_b, firm.qbo_b, TOKEN_B))
    values = {
        "SYNC_CHECKUP_CLOCKIFY_API_KEY": KEY,
        "SYNC_CHECKUP_CLOCKIFY_WORKSPACE": space.raw["id"],
        "SYNC_CHECKUP_CLOCKIFY_API_URL": firm.clockify.core_url,
        "SYNC_CHECKUP_CLOCKIFY_REPORTS_URL": firm.clockify.reports_url,
        "SYNC_CHECKUP_QBO_REALM_ID": qbo.realm,
        "SYNC_CHECKUP_QBO_ACCESS_TOKEN": token,
        "SYNC_CHECKUP_QBO_API_URL": qbo.url,
    }
    if side == "b":
        values["SYNC_CHECKUP_QBO_REFRESH_TOKEN"] = REFRESH_B
    for name, value in values.items():
        monkeypatch.setenv(name, value)


def _no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("SYNC_CHECKUP_") and name not in (
                "SYNC_CHECKUP_HOME", "SYNC_CHECKUP_REQUIRE_ALL", "SYNC_CHECKUP_REAL_KEYRING"):
            monkeypatch.delenv(name)


def _add_both(monkeypatch: pytest.MonkeyPatch, firm: Firm,
              capsys: pytest.CaptureFixture[str]) -> None:
    _live_settings(monkeypatch, firm, "a")
    assert cli.main(["companies", "add", "North"]) == 0
    _live_settings(monkeypatch, firm, "b")
    assert cli.main(["companies", "add", "South"]) == 0
    out = capsys.readouterr().out
    assert "Added “South”: Clockify workspace “Studio South” with QuickBooks company " \
           "“South Books LLC”." in out
    _no_environment(monkeypatch)


def _stored(backend: keyring.backend.KeyringBackend) -> dict[str, str]:
    """Every entry under the app's service name in the real Secret Service."""
    collection = backend.get_preferred_collection()  # type: ignore[attr-defined]
    with contextlib.closing(collection.connection):
        return {item.get_attributes()["username"]: item.get_secret().decode()
                for item in collection.search_items({"service": "SyncCheckup"})}


def _all_companies(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code = cli.main(["check", "--all-companies", "--json", *PERIOD, *args])
    return code, json.loads(capsys.readouterr().out)


def _codes(entry: dict[str, Any]) -> set[str]:
    return {f["code"] for f in entry["findings"]}


def test_two_companies_added_then_checked_with_no_environment(
        firm: Firm, real_keyring: keyring.backend.KeyringBackend,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _add_both(monkeypatch, firm, capsys)
    assert not any(n.startswith("SYNC_CHECKUP_CLOCKIFY") or n.startswith("SYNC_CHECKUP_QBO")
                   for n in os.environ)
    code, payload = _all_companies(capsys)
    assert code == 1  # the worst over the companies
    assert payload["tool"] == "sync-checkup"
    assert payload["schema"] == 1
    by_name = {c["name"]: c for c in payload["companies"]}
    assert list(by_name) == ["North", "South"]
    north, south = by_name["North"], by_name["South"]
    for entry in (north, south):
        assert [c["id"] for c in entry["checks"]] == ["plan", "users", "customers", "entries",
                                                      "connection"]
        assert entry["sources"] == {"clockify": "api", "quickbooks": "api"}
        assert {"CLOCKIFY_CONNECTED", "QBO_CONNECTED"} <= _codes(entry)
        assert entry["changes"] is not None  # compared with the run `companies add` made
    # each its own findings: its own workspace's members, its own company's health
    north_users = {f["subject_id"] for f in north["findings"] if f["subject_kind"] == "user"}
    south_users = {f["subject_id"] for f in south["findings"] if f["subject_kind"] == "user"}
    assert north_users == {m["id"] for m in firm.space_a.members if m.get("name")}
    assert south_users == {m["id"] for m in firm.space_b.members if m.get("name")}
    problems = {name: sum(f["status"] in ("warn", "fail") for f in e["findings"])
                for name, e in by_name.items()}
    assert problems["South"] < problems["North"]
    users = {name: next(c for c in e["checks"] if c["id"] == "users")["status"]
             for name, e in by_name.items()}
    assert users == {"North": "fail", "South": "pass"}
    # secrets only in the keyring: one Clockify key for the account, one sign-in per company
    stored = _stored(real_keyring)
    assert [v for v in stored.values() if v == KEY] == [KEY]
    assert f"qbo:{REALM_A}:access-token" in stored
    assert f"qbo:{REALM_B}:refresh-token" in stored
    settings = companies.settings_path().read_text(encoding="utf-8")
    for secret in (KEY, TOKEN_A, TOKEN_B, REFRESH_B):
        assert secret not in settings
    assert "Studio North" in settings
    assert REALM_B in settings


def test_changes_compare_each_company_with_its_own_previous_run(
        firm: Firm, real_keyring: keyring.backend.KeyringBackend,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    del real_keyring
    _add_both(monkeypatch, firm, capsys)
    _all_companies(capsys)
    firm.qbo_a.lists["Employee"] = _matching_lists(firm.space_a)["Employee"]  # North fixed
    code, payload = _all_companies(capsys)
    by_name = {c["name"]: c for c in payload["companies"]}
    assert by_name["North"]["changes"]["fixed"]
    assert not by_name["North"]["changes"]["new"]
    assert by_name["South"]["changes"]["fixed"] == []
    assert code == 1  # North's customers still fail


def test_an_expired_sign_in_is_that_companys_finding_and_the_others_still_run(
        firm: Firm, real_keyring: keyring.backend.KeyringBackend,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    del real_keyring
    _add_both(monkeypatch, firm, capsys)
    firm.qbo_b.tokens.clear()  # Intuit no longer takes South's access token
    code, payload = _all_companies(capsys)
    assert code == 1
    by_name = {c["name"]: c for c in payload["companies"]}
    assert "QBO_RECONNECT_NEEDED" in _codes(by_name["South"])
    assert "QBO_RECONNECT_NEEDED" not in _codes(by_name["North"])
    assert "QBO_CONNECTED" in _codes(by_name["North"])
    south_users = next(c for c in by_name["South"]["checks"] if c["id"] == "users")
    assert south_users["status"] == "not_checked"


def test_removal_leaves_no_secret_and_no_history(
        firm: Firm, real_keyring: keyring.backend.KeyringBackend,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _add_both(monkeypatch, firm, capsys)
    _all_companies(capsys)
    north, south = companies.find("North"), companies.find("South")
    assert companies.history_folder(north).is_dir()
    assert cli.main(["companies", "remove", "North"]) == 0
    assert "Removed “North”" in capsys.readouterr().out
    stored = _stored(real_keyring)
    assert KEY in stored.values()  # South still reads its workspace with the shared key
    assert not any(REALM_A in name for name in stored)
    assert not companies.history_folder(north).exists()
    assert cli.main(["companies", "remove", "South"]) == 0
    assert _stored(real_keyring) == {}
    assert not companies.history_folder(south).exists()
    assert companies.load() == []


def test_list_json_and_text(
        firm: Firm, real_keyring: keyring.backend.KeyringBackend,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    del real_keyring
    assert cli.main(["companies", "list"]) == 0
    assert "No company is saved yet" in capsys.readouterr().out
    _add_both(monkeypatch, firm, capsys)
    assert cli.main(["companies", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["companies"]
    assert [(c["name"], c["workspace"], c["quickbooks_company"]) for c in listed] == [
        ("North", "Studio North", "North Books LLC"), ("South", "Studio South", "South Books LLC")]
    assert all(c["last_checked"] for c in listed)  # `add` checked them
    assert cli.main(["companies", "list"]) == 0
    assert "North: Clockify workspace “Studio North”" in capsys.readouterr().out


def test_one_company_with_its_report(
        firm: Firm, real_keyring: keyring.backend.KeyringBackend, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    del real_keyring
    _add_both(monkeypatch, firm, capsys)
    report = tmp_path / "south.html"
    code = cli.main(["check", "--company", "South", "--json", "--report", str(report), *PERIOD])
    payload = json.loads(capsys.readouterr().out)
    assert code == 1
    assert next(f for f in payload["findings"] if f["code"] == "QBO_CONNECTED")
    assert "South Books LLC" in report.read_text(encoding="utf-8")
    assert "Studio North" not in report.read_text(encoding="utf-8")


def test_overview_report_of_all_companies(
        firm: Firm, real_keyring: keyring.backend.KeyringBackend, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    del real_keyring
    import subprocess

    pdftotext = require_tool("pdftotext")
    _add_both(monkeypatch, firm, capsys)
    firm.qbo_b.tokens.clear()
    pdf, html = tmp_path / "firm.pdf", tmp_path / "firm.html"
    assert cli.main(["check", "--all-companies", "--report", str(pdf), *PERIOD]) == 1
    assert cli.main(["check", "--all-companies", "--report", str(html), *PERIOD]) == 1
    capsys.readouterr()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert re.search(r"^Pages:\s+1$", info.stdout, re.MULTILINE), info.stdout
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    # the status words of the screen and the terminal (SPEC §11: one word per status)
    for words in ("All companies: overview", "North", "South", "Problem", "Not checked"):
        assert words in text, words
    page = html.read_text(encoding="utf-8")
    assert "North" in page
    assert "South" in page
    for secret in (KEY, TOKEN_A, TOKEN_B, REFRESH_B):
        assert secret not in text
        assert secret not in page


def test_unknown_company_and_mixed_options_are_one_sentence(
        firm: Firm, real_keyring: keyring.backend.KeyringBackend,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    del real_keyring
    assert cli.main(["check", "--company", "Nobody"]) == 2
    assert "no company is saved yet" in capsys.readouterr().err
    assert cli.main(["check", "--all-companies"]) == 2
    assert "nothing to check" in capsys.readouterr().err
    _add_both(monkeypatch, firm, capsys)
    assert cli.main(["check", "--company", "Nobody"]) == 2
    err = capsys.readouterr().err
    assert "the saved ones are “North”, “South”" in err
    assert err.count("\n") == 1
    assert cli.main(["check", "--company", "North", "--demo"]) == 2
    assert "leave out --demo" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        cli.main(["check", "--company", "North", "--all-companies"])
    assert stop.value.code == 2
    _live_settings(monkeypatch, firm, "a")
    assert cli.main(["companies", "add", "North"]) == 2
    assert "already saved under the name “North”" in capsys.readouterr().err


def test_add_keeps_nothing_when_a_side_cant_be_read(
        firm: Firm, real_keyring: keyring.backend.KeyringBackend,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _live_settings(monkeypatch, firm, "a")
    monkeypatch.setenv("SYNC_CHECKUP_CLOCKIFY_API_KEY", "Wrong" * 10)
    assert cli.main(["companies", "add", "North"]) == 2
    assert "Clockify could not be read" in capsys.readouterr().err
    _live_settings(monkeypatch, firm, "a")
    monkeypatch.setenv("SYNC_CHECKUP_QBO_ACCESS_TOKEN", "not-a-token")
    assert cli.main(["companies", "add", "North"]) == 2
    assert "QuickBooks could not be read" in capsys.readouterr().err
    assert companies.load() == []
    assert _stored(real_keyring) == {}
