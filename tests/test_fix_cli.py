"""`fix` and `undo` on the command line (SPEC §8.3), on the sample company: the whole loop with no
request leaving the machine, and nothing written without a confirmation."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from wizard import cli
from wizard.sources import sample_store
from wizard.storage import journal


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Any attempt to open a connection is recorded and refused."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


def _problems(out: str) -> set[tuple[str, str]]:
    data = json.loads(out)
    return {(f["code"], f["subject"]) for f in data["findings"]
            if f["status"] in ("warn", "fail")}


def test_the_sample_loop_with_zero_network_requests(no_network, tmp_path: Path,
                                                    capfd: pytest.CaptureFixture[str]) -> None:
    plan_file = tmp_path / "plan.json"
    assert cli.main(["check", "--demo", "--json"]) == 1
    before = _problems(capfd.readouterr().out)
    assert cli.main(["fix", "--demo", "--plan-out", str(plan_file)]) == 0
    capfd.readouterr()
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    assert plan["kind"] == "fix-plan"
    assert plan["actions"]
    assert plan["manual"]
    assert not sample_store.is_changed()  # planning changes nothing
    for action in plan["actions"]:  # tick the creations too (a user may edit `selected`)
        action["selected"] = action.get("alternative_to") is None
    plan_file.write_text(json.dumps(plan), encoding="utf-8")

    assert cli.main(["fix", "--apply", str(plan_file), "--yes", "--json"]) == 1  # by-hand left
    applied = json.loads(capfd.readouterr().out)
    assert {a["status"] for a in applied["actions"]} == {"done"}
    assert applied["check"]["changes"]["fixed"]
    after = _problems(json.dumps(applied["check"]))
    assert len(after) < len(before)
    assert ("USER_NEAR_MATCH", "Jon Smith") not in after
    assert cli.main(["check", "--demo", "--json"]) == 1
    assert _problems(capfd.readouterr().out) == after  # the copy keeps the changes

    assert cli.main(["undo", "--last", "--yes", "--json"]) == 0
    undone = json.loads(capfd.readouterr().out)
    assert undone["fix_run"] == applied["fix_run"]
    assert {a["status"] for a in undone["actions"]} == {"done"}
    assert cli.main(["check", "--demo", "--json"]) == 1
    restored = _problems(capfd.readouterr().out)
    assert ("USER_NEAR_MATCH", "Jon Smith") in restored
    assert no_network == []

    sample_store.reset()
    assert cli.main(["check", "--demo", "--json"]) == 1
    assert _problems(capfd.readouterr().out) == before


def test_apply_without_yes_and_without_a_terminal_writes_nothing(
        tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_file = tmp_path / "plan.json"
    assert cli.main(["fix", "--demo", "--plan-out", str(plan_file)]) == 0
    capfd.readouterr()
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert cli.main(["fix", "--apply", str(plan_file)]) == 2
    err = capfd.readouterr().err
    assert "--yes" in err
    assert len(err.strip().splitlines()) == 1
    assert not sample_store.is_changed()
    assert journal.runs() == []
    assert not (Path(os.environ["SYNC_CHECKUP_HOME"]) / "data" / "sample").exists()


@pytest.mark.parametrize("content", ["{not json", json.dumps({"tool": "sync-checkup"})])
def test_a_bad_plan_cannot_run(tmp_path: Path, capfd: pytest.CaptureFixture[str],
                               content: str) -> None:
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(content, encoding="utf-8")
    assert cli.main(["fix", "--apply", str(plan_file), "--yes"]) == 2
    assert "plan" in capfd.readouterr().err


def test_a_plan_for_another_workspace_cannot_run(tmp_path: Path,
                                                 capfd: pytest.CaptureFixture[str]) -> None:
    plan_file = tmp_path / "plan.json"
    assert cli.main(["fix", "--demo", "--plan-out", str(plan_file)]) == 0
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    plan["workspace"]["id"] = "someone-else"
    plan_file.write_text(json.dumps(plan), encoding="utf-8")
    capfd.readouterr()
    assert cli.main(["fix", "--apply", str(plan_file), "--yes"]) == 2
    assert "another" in capfd.readouterr().err
    assert journal.runs() == []


def test_undo_with_nothing_applied(capfd: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["undo", "--yes"]) == 2
    assert capfd.readouterr().err.count("\n") == 1
