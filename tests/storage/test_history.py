"""Run history: saved atomically, the last 20 kept, compared with the previous run."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import re
from pathlib import Path

import pytest

from tests.report.samples import FIRST_RUN, SECOND_RUN, sample_result
from wizard.core.compare import run_id
from wizard.storage import history, paths


def test_first_run_has_nothing_to_compare_and_is_saved_in_the_data_folder() -> None:
    result = sample_result()
    assert history.record(result) is None
    files = list((paths.data_dir() / "history").glob("*.json"))
    assert len(files) == 1
    saved = json.loads(files[0].read_text(encoding="utf-8"))
    assert saved["run_id"] == run_id(result)
    assert saved["facts"]["plan"] == "QuickBooks Online Plus"
    assert [s.run_id for s in history.load_all()] == [run_id(result)]


def test_two_runs_with_one_name_fixed_in_between_show_exactly_that_as_fixed() -> None:
    assert history.record(sample_result()) is None
    comparison = history.record(sample_result(SECOND_RUN, fix_jon=True))
    assert comparison is not None
    assert [(c.finding.subject, c.finding.code) for c in comparison.fixed] == [
        ("Jon Smith", "USER_MATCHED")]
    assert comparison.new == ()
    assert comparison.previous_at == FIRST_RUN
    assert len(comparison.still_failing) == 28


def test_only_a_run_of_the_same_sources_is_compared() -> None:
    history.record(sample_result())
    other = dataclasses.replace(sample_result(SECOND_RUN),
                                sources={"clockify": "file", "quickbooks": "demo"})
    assert history.previous(other) is None
    assert history.record(other) is None
    third = sample_result(SECOND_RUN + dt.timedelta(hours=1))
    comparison = history.record(third)
    assert comparison is not None
    assert comparison.previous_at == FIRST_RUN


def test_only_the_last_twenty_runs_are_kept() -> None:
    for n in range(23):
        history.save(sample_result(FIRST_RUN + dt.timedelta(minutes=n)))
    kept = history.load_all()
    assert len(kept) == history.KEEP == 20
    assert kept[0].generated_at == FIRST_RUN + dt.timedelta(minutes=3)
    assert kept[-1].generated_at == FIRST_RUN + dt.timedelta(minutes=22)


def test_a_corrupt_history_file_is_skipped_with_a_log_line(
        caplog: pytest.LogCaptureFixture) -> None:
    history.record(sample_result())
    folder = history.history_dir()
    (folder / "run-20261124T190000000000-XXXX-XXXX.json").write_text("{half a fi",
                                                                      encoding="utf-8")
    (folder / "run-20261124T190000000001-YYYY-YYYY.json").write_bytes(b"\xff\xfe\x00garbage")
    (folder / "run-20261124T190000000002-ZZZZ-ZZZZ.json").write_text('{"tool": "other"}',
                                                                      encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="wizard.storage.history"):
        comparison = history.record(sample_result(SECOND_RUN))
    assert comparison is not None
    assert comparison.previous_at == FIRST_RUN
    skipped = [r for r in caplog.records if "skipping unreadable history file" in r.getMessage()]
    assert len(skipped) == 3


def test_a_crash_while_writing_leaves_the_previous_history_readable(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    first = sample_result()
    history.record(first)
    before = sorted(p.name for p in history.history_dir().iterdir())
    real_replace = os.replace
    crashing = True

    def crash_mid_write(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if crashing:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crash_mid_write)
    with caplog.at_level(logging.WARNING, logger="wizard.storage.history"):
        comparison = history.record(sample_result(SECOND_RUN, fix_jon=True))
    assert comparison is not None  # the check still counts
    assert len(comparison.fixed) == 1
    assert any("could not save this run" in r.getMessage() for r in caplog.records)
    assert sorted(p.name for p in history.history_dir().iterdir()) == before  # no temp left
    assert [s.run_id for s in history.load_all()] == [run_id(first)]
    with pytest.raises(OSError, match="No space"):
        history.save(sample_result(SECOND_RUN))
    crashing = False
    history.save(sample_result(SECOND_RUN))
    assert len(history.load_all()) == 2


def test_a_temporary_file_left_by_a_killed_write_is_ignored_and_later_removed() -> None:
    history.record(sample_result())
    folder = history.history_dir()
    leftover = folder / ".run-writing-abc.json"
    leftover.write_text('{"tool": "sync-checkup", "generat', encoding="utf-8")
    old = 10_000
    os.utime(leftover, (os.path.getmtime(leftover) - old,) * 2)
    assert len(history.load_all()) == 1
    history.record(sample_result(SECOND_RUN))
    assert not leftover.exists()
    assert len(history.load_all()) == 2


def test_history_holds_no_e_mail_addresses_or_secrets() -> None:
    history.record(sample_result())
    history.record(sample_result(SECOND_RUN, fix_jon=True))
    for path in history.history_dir().iterdir():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.-]+", text), path.name
        assert "mapleandpine" not in text.lower()  # the sample's e-mail domain
        assert "realm" not in text.lower()


def test_an_unwritable_history_folder_does_not_stop_the_check(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def no_folder() -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(history, "history_dir", no_folder)
    assert history.load_all() == []
    assert history.record(sample_result()) is None


def test_a_run_with_quickbooks_unreachable_is_compared_with_the_last_one_and_fixes_nothing(
        ) -> None:
    """Issue 11: the unreachable side names no company; the run is still the same company's,
    and its QuickBooks checks are not compared (never "fixed")."""
    from wizard.core.checks import run_checks
    from wizard.core.model import QuickBooksSide, SideProblem
    from wizard.sources import demo

    first = sample_result()
    assert history.record(first) is None
    down = run_checks(demo.clockify_side(), QuickBooksSide(source="demo", problem=SideProblem(
        "QBO_UNREACHABLE", "There was no answer from its servers.")), first.period, SECOND_RUN,
        "0.0-test")
    assert "company" not in down.facts
    comparison = history.record(down)
    assert comparison is not None
    assert comparison.fixed == ()
    assert comparison.not_compared == ("plan", "users", "customers")
    assert [c.problem.code for c in comparison.new] == ["QBO_UNREACHABLE"]
    assert comparison.wont_sync_before is None
