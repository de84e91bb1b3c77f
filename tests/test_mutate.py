"""The mutation score of `python3 dev.py mutate`: what counts as killed, and how the listed
equivalent mutants are excused (only while they still survive and still make the same change)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests import mutate
from tests.mutate import EQUIVALENTS, Equivalent, load_equivalents, score

M = "wizard.core.names.x_spelling_close__mutmut_"


def test_kills_timeouts_and_listed_survivors_are_counted_apart() -> None:
    codes: dict[str, int | None] = {M + "1": 1, M + "2": 0, M + "3": 0, M + "4": 36, M + "5": 33,
                                    M + "6": None}
    listed = {M + "2": Equivalent(M + "2", "<= 4", "the same for every word"),
              M + "4": Equivalent(M + "4", "< 4", "killed after all"),
              M + "7": Equivalent(M + "7", "x", "gone"),
              "wizard.core.compare.x_compare__mutmut_1": Equivalent("", "", "another module")}
    result, problems = score("wizard/core/names.py", codes, listed, lambda name: "+  a <= 4\n")
    assert (result.total, result.killed) == (6, 2)
    assert result.excused == [M + "2"]
    assert result.unexplained == [M + "3", M + "5"]
    assert result.not_run == [M + "6"]
    assert (round(result.raw, 1), result.without_equivalents) == (33.3, 40.0)
    assert [p.split()[0] for p in problems] == [M + "4", M + "7"]


def test_an_equivalent_whose_change_moved_is_not_excused() -> None:
    listed = {M + "2": Equivalent(M + "2", "<= 4", "the same for every word")}
    result, problems = score("wizard/core/names.py", {M + "2": 0}, listed,
                             lambda name: "-  a <= 4\n+  a < 4\n")
    assert result.excused == []
    assert problems == [f"{M}2 no longer changes '<= 4': check the list"]


def test_every_listed_equivalent_has_a_change_and_a_reason(tmp_path: Path) -> None:
    assert all(e.reason.strip() and e.change for e in load_equivalents(EQUIVALENTS).values())
    bad = tmp_path / "equivalent_mutants.toml"
    bad.write_text(f'[[mutant]]\nname = "{M}1"\nchange = "x"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="reason"):
        load_equivalents(bad)


def test_a_later_run_tests_each_mutant_without_a_kill_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    meta = tmp_path / "wizard" / "core" / "names.py.meta"
    meta.parent.mkdir(parents=True)
    monkeypatch.setattr(mutate, "WORK", tmp_path)
    codes: dict[str, int | None] = {M + "1": 1, M + "2": 0, M + "3": 33, M + "4": None,
                                    M + "5": 36}
    meta.write_text(json.dumps({"exit_code_by_key": codes}), encoding="utf-8")
    assert mutate.to_test("wizard/core/names.py", fresh=False) == [M + "2", M + "3", M + "4"]
    # the second pass: only what has no result yet (renewed mutants of changed code)
    assert mutate.to_test("wizard/core/names.py", False, unrun_only=True) == [M + "4"]
    assert mutate.to_test("wizard/core/names.py", fresh=True) == ["wizard.core.names.*"]
    meta.write_text(json.dumps({"exit_code_by_key": dict.fromkeys(codes)}), encoding="utf-8")
    assert mutate.to_test("wizard/core/names.py", fresh=False) == ["wizard.core.names.*"]
