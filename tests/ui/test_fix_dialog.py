""""Fix for me…" in the wizard, on the sample company: plan → apply → re-check → undo, through the
dialog's own widgets (offscreen), with screenshots of the plan and the result."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import make_window
from wizard.flow import Load, Page
from wizard.sources import sample_store
from wizard.storage import journal
from wizard.ui.fix_dialog import FixDialog

pytestmark = pytest.mark.gui

SHOTS = os.environ.get("SYNC_CHECKUP_FIX_SHOTS")  # a folder: save the screenshots there too


def _loaded(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.session.flow.load is Load.READY and not window.session.busy,
                    timeout=30_000)


def _problems(window) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(f.code, f.subject) for f in window.session.loaded_data.result.findings
            if f.status.value in ("warn", "fail")}


def test_plan_apply_recheck_undo_on_the_sample(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot)
    window.session.recheck()
    _loaded(qtbot, window)
    before = _problems(window)
    summary = window.pages[Page.SUMMARY]
    with qtbot.waitSignal(summary.fix_requested):
        qtbot.mouseClick(summary.fix, Qt.MouseButton.LeftButton)
    dialog = window.fix_dialog
    assert isinstance(dialog, FixDialog)
    qtbot.waitExposed(dialog)
    groups = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert groups == ["QuickBooks", "Clockify"]
    creations = [a.id for a in dialog.plan.actions if a.creates]
    assert creations
    assert all(dialog.items[a].checkState(0) == Qt.CheckState.Unchecked for a in creations)
    rename = next(a for a in dialog.plan.actions if a.kind == "rename_employee"
                  and a.after == "Jon Smith")
    item = dialog.items[rename.id]
    assert item.checkState(0) == Qt.CheckState.Checked
    assert item.text(1) == "“John Smith” → “Jon Smith”"
    ticked = len(dialog.chosen())
    assert dialog.apply_button.text() == f"Apply {ticked} changes"
    shot = dialog.grab()
    assert shot.save(str(tmp_path / "08-fix-plan.png"))
    if SHOTS:
        shot.save(str(Path(SHOTS) / "08-fix-plan.png"))

    asked: list[bool] = []
    monkeypatch.setattr(FixDialog, "confirm", lambda self: asked.append(True) or True)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert asked == [True]
    qtbot.waitUntil(lambda: dialog.undo_button.isEnabled() and dialog.changes_label.text() != ""
                    and not window.session.busy, timeout=30_000)
    assert dialog.outcomes.count() == ticked
    assert sample_store.is_changed()
    assert window.session.loaded_data.comparison is not None
    assert window.session.loaded_data.comparison.fixed
    after = _problems(window)
    assert ("USER_NEAR_MATCH", "Jon Smith") not in after
    assert len(after) < len(before)
    assert dialog.reminder.isVisible()
    shot = dialog.grab()
    assert shot.save(str(tmp_path / "09-fix-result.png"))
    if SHOTS:
        shot.save(str(Path(SHOTS) / "09-fix-result.png"))

    dialog.changes_label.setText("")
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.changes_label.text() != "" and not window.session.busy
                    and dialog.done_button.isEnabled(), timeout=30_000)
    assert _problems(window) == before
    (run,) = journal.runs()
    assert {e["undo_status"] for e in run.entries} == {"done"}
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)


def test_one_problem_opens_its_own_plan(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    window.session.recheck()
    _loaded(qtbot, window)
    finding = next(f for f in window.session.loaded_data.result.findings
                   if f.code == "USER_NEAR_MATCH" and f.subject == "Jon Smith")
    dialog = window.open_fix_plan(finding)
    assert [a.kind for a in dialog.plan.actions] == ["rename_employee"]
    assert dialog.apply_button.text() == "Apply 1 change"
    dialog.reject()


def test_an_interrupted_fix_is_resolved_at_start_and_the_sample_can_be_reset(qtbot) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from wizard import fixing
    from wizard.core.checks import default_period, run_checks
    from wizard.core.fixes import plan_for
    from wizard.sources import demo, sample
    from wizard.ui import fix_history

    result = run_checks(demo.clockify_side(), demo.quickbooks_side(),
                        default_period(sample.sample_info().today), dt.datetime.now(dt.UTC), "t")
    plan = plan_for(result, None, sample.sample_info().realm_id)
    one = next(a for a in plan.actions if a.kind == "rename_employee")
    run = fixing.apply_plan(plan.with_selection([one.id]),
                            fixing.writers_for(plan.sources, plan.workspace["id"]))
    run.mark(one.id, "sent")  # as if the app died after sending, before the answer
    fix_history.RESOLVED.clear()

    window = make_window(qtbot)
    qtbot.waitUntil(lambda: bool(fix_history.RESOLVED), timeout=20_000)
    (resolved,) = journal.runs()
    assert resolved.entries[0]["status"] == "done"  # it had landed: recorded, not re-sent
    assert one.record_name in fix_history.RESOLVED[0]

    history = window.pages[Page.RECONNECT].fix_history
    history.refresh()
    assert history.runs.count() == 1
    assert not history.reset_button.isHidden()
    qtbot.mouseClick(history.reset_button, Qt.MouseButton.LeftButton)
    assert not sample_store.is_changed()
    assert journal.runs() == []
    assert history.runs.count() == 0
    qtbot.waitUntil(lambda: not window.session.busy, timeout=20_000)
    fix_history.RESOLVED.clear()
