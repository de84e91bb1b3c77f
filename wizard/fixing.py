"""Apply a fix plan and undo it (SPEC §8.2), shared by the command line and the wizard.

Only the selected actions go, parents first; each is journaled before its request and after its
answer. An action whose parent did not succeed is `skipped`; of two ways to fix the same problem
only the first selected one goes. Undo walks a journal newest first, each change reversed only
while the record is still as the app left it.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from wizard.core.fixes import Action, Plan
from wizard.sources.progress import CancelToken
from wizard.sources.writers import Outcome
from wizard.storage.journal import Journal
from wizard.storage.journal import runs as journal_runs
from wizard.text import _
from wizard.text import fixes as T

log = logging.getLogger(__name__)

# progress(index, total, action, outcome or None while it is being sent)
ApplyProgress = Callable[[int, int, Action, Outcome | None], None]


class Writer(Protocol):
    system: str

    def apply(self, action: Action, parent_id: str | None,
              on_sent: Callable[[], None]) -> Outcome: ...

    def landed(self, action: Action, new_id: str | None) -> tuple[bool, str | None]: ...


@dataclass
class Writers:
    quickbooks: Writer | None = None
    clockify: Writer | None = None

    def for_action(self, action: Action) -> Writer | None:
        return self.quickbooks if action.system == "quickbooks" else self.clockify


def _no_progress(index: int, total: int, action: Action, outcome: Outcome | None) -> None:
    del index, total, action, outcome


def apply_plan(plan: Plan, writers: Writers, progress: ApplyProgress = _no_progress,
               cancel: CancelToken | None = None) -> Journal:
    """Apply the plan's selected actions; the journal holds every outcome."""
    chosen = list(plan.selected)
    journal = Journal.start(plan, chosen)
    selected = {a.id for a in chosen}
    outcomes: dict[str, Outcome] = {}
    new_ids: dict[str, str] = {}
    for index, action in enumerate(chosen):
        outcome = _skip_reason(action, selected, outcomes, cancel)
        parent_id = action.parent_id
        if outcome is None and action.parent_action is not None:
            parent_id = new_ids.get(action.parent_action)
        if outcome is None:
            outcome = _run_one(journal, writers, action, parent_id, index, len(chosen),
                               progress, undo=False)
        else:
            journal.mark(action.id, outcome.status, outcome.message)
        outcomes[action.id] = outcome
        if outcome.new_id:
            new_ids[action.id] = outcome.new_id
        progress(index, len(chosen), action, outcome)
    return journal


def _skip_reason(action: Action, selected: set[str], outcomes: dict[str, Outcome],
                 cancel: CancelToken | None) -> Outcome | None:
    if cancel is not None and cancel.cancelled:
        return Outcome("skipped", _(T.SKIPPED_CANCELLED))
    if action.alternative_to is not None and action.alternative_to in selected:
        return Outcome("skipped", _(T.SKIPPED_ALTERNATIVE))
    if action.parent_action is not None:
        parent = outcomes.get(action.parent_action)
        if parent is None or parent.status != "done" or not parent.new_id:
            return Outcome("skipped", _(T.SKIPPED_PARENT).format(
                parent=action.parent_name or ""))
    return None


def _run_one(journal: Journal, writers: Writers, action: Action, parent_id: str | None,
             index: int, total: int, progress: ApplyProgress, *, undo: bool) -> Outcome:
    writer = writers.for_action(action)
    entry_id = journal_id(action)
    if writer is None:
        outcome = Outcome("failed", _(T.FAILED_UNREACHABLE).format(
            system=_(T.SYSTEM[action.system]), name=action.record_name))
        journal.mark(entry_id, outcome.status, outcome.message, undo=undo)
        return outcome

    was_sent = False

    def sent() -> None:
        nonlocal was_sent
        was_sent = True
        journal.mark(entry_id, "sent", undo=undo)
        progress(index, total, action, None)

    try:
        outcome = writer.apply(action, parent_id, sent)
    except Exception as exc:  # noqa: BLE001 - a writer's surprise must not lose the journal
        log.warning("fix %s stopped: %s", action.kind, type(exc).__name__)
        if was_sent:  # it may have landed: leave it "sent" for the read-back at next start
            return Outcome("sent", _(T.STATUS_WORD["sent"]))
        text = str(exc) if exc.__class__.__module__.startswith("wizard") else ""
        outcome = Outcome("failed", text or _(T.FAILED_UNREACHABLE).format(
            system=_(T.SYSTEM[action.system]), name=action.record_name))
    journal.mark(entry_id, outcome.status, outcome.message, outcome.new_id, undo=undo)
    return outcome


def journal_id(action: Action) -> str:
    """The journal entry an action belongs to (an undo action carries its original's id)."""
    return action.id.removeprefix("undo-")


# --- undo --------------------------------------------------------------------------------------

def inverse(action: Action, new_id: str | None) -> Action:
    """The action that puts one done action back."""
    base = dataclasses.replace(action, id=f"undo-{action.id}", parent_action=None,
                               alternative_to=None, selected=True)
    if action.kind in ("reactivate_employee", "reactivate_customer", "create_employee",
                       "create_customer"):
        system_kind = "deactivate_employee" if action.record_type == "Employee" \
            else "deactivate_customer"
        name = action.rename_to or (str(action.after) if action.creates else
                                    action.record_name)
        return dataclasses.replace(
            base, kind=system_kind, record_id=action.record_id or new_id, record_name=name,
            field="Active", before=True, after=False,
            rename_to=action.record_name if action.rename_to else None)
    return dataclasses.replace(base, before=action.after, after=action.before,
                               before_id=action.after_id, after_id=action.before_id,
                               record_name=str(action.after) if action.field in (
                                   "DisplayName", "name") else action.record_name)


def undo_run(journal: Journal, writers: Writers, progress: ApplyProgress = _no_progress,
             cancel: CancelToken | None = None) -> list[tuple[Action, Outcome]]:
    """Reverse a journal's done actions, newest first."""
    done: list[tuple[Action, Outcome]] = []
    todo = journal.undoable
    for index, entry in enumerate(todo):
        action = inverse(journal.action(entry), entry.get("new_id"))
        if cancel is not None and cancel.cancelled:
            outcome = Outcome("skipped", _(T.SKIPPED_CANCELLED))
            journal.mark(journal_id(action), outcome.status, outcome.message, undo=True)
        else:
            outcome = _run_one(journal, writers, action, None, index, len(todo), progress,
                               undo=True)
            if outcome.status == "stale":
                outcome = Outcome("stale", _(T.STALE_UNDO).format(name=action.record_name))
                journal.mark(journal_id(action), "stale", outcome.message, undo=True)
        done.append((action, outcome))
        progress(index, len(todo), action, outcome)
    return done


# --- interrupted applies -----------------------------------------------------------------------

def resolve_interrupted(writers_for: Callable[[Journal], Writers | None]) -> list[str]:
    """Read back every change a crash left `sent`: landed → done, else failed (never re-sent).
    Returns one sentence per resolved change."""
    said: list[str] = []
    for journal in journal_runs():
        pending = journal.interrupted
        if not pending:
            continue
        writers = writers_for(journal)
        if writers is None:
            continue
        for entry, during_undo in pending:
            action = journal.action(entry)
            if during_undo:
                action = inverse(action, entry.get("new_id"))
            writer = writers.for_action(action)
            if writer is None:
                continue
            try:
                landed, new_id = writer.landed(action, entry.get("new_id"))
            except Exception:  # noqa: BLE001 - unresolved stays "sent" for the next try
                log.warning("could not resolve an interrupted change; kept for later")
                continue
            name = str(action.after) if action.creates else action.record_name
            if landed:
                text = _(T.RESOLVED_LANDED).format(name=name)
                journal.mark(journal_id(action), "done", text, new_id, undo=during_undo)
            else:
                text = _(T.RESOLVED_NOT_LANDED).format(name=name)
                journal.mark(journal_id(action), "failed", text, undo=during_undo)
            said.append(text)
    return said


def company_id(sources: dict[str, Any]) -> str | None:
    """The QuickBooks company a plan writes to: the sample's, or the signed-in one."""
    if sources.get("quickbooks") == "demo":
        from wizard.sources.sample import sample_info
        return sample_info().realm_id
    if sources.get("quickbooks") == "api":
        from wizard.core.errors import SyncCheckupError
        from wizard.sources import intuit
        try:
            from_env = intuit.Tokens.from_env()
            return from_env.realm_id if from_env is not None else intuit.current_realm()
        except SyncCheckupError:
            return None
    return None


def interrupted_runs() -> bool:
    """Whether a journal holds a change whose answer never came (cheap: reads the journal files)."""
    return any(j.interrupted for j in journal_runs())


def resolve_all() -> list[str]:
    """Resolve every interrupted change with the writers its journal's sources need."""
    return resolve_interrupted(lambda j: writers_for(j.sources, j.workspace.get("id")))


# --- which writers a plan's sources need -------------------------------------------------------

def writers_for(sources: dict[str, Any], workspace_id: str | None) -> Writers:
    """Writers for the plan's sources: the sample's writable copy, or the live services (the same
    settings as `check`)."""
    writers = Writers()
    if sources.get("quickbooks") == "demo" or sources.get("clockify") == "demo":
        from wizard.sources import demo
        sample = demo.writers()
        if sources.get("quickbooks") == "demo":
            writers.quickbooks = sample.quickbooks
        if sources.get("clockify") == "demo":
            writers.clockify = sample.clockify
    if sources.get("quickbooks") == "api":
        writers.quickbooks = _live_quickbooks()
    if sources.get("clockify") == "api" and workspace_id:
        writers.clockify = _live_clockify(workspace_id)
    return writers


def _live_quickbooks() -> Writer | None:
    from wizard.core.errors import SyncCheckupError
    from wizard.sources import quickbooks
    from wizard.sources.writers import QuickBooksWriter, write_session
    try:
        tokens = quickbooks._tokens()
    except SyncCheckupError:
        return None
    return QuickBooksWriter(write_session(), quickbooks.api_url(), tokens.realm_id,
                            tokens)


def _live_clockify(workspace_id: str) -> Writer | None:
    from wizard.sources import clockify
    from wizard.sources.writers import ClockifyWriter
    key = clockify._stored_key()
    if key is None:
        return None
    reader = clockify.live_client(key)
    try:
        reader.detect_region()
    except clockify.ClockifyProblem:
        return None
    assert reader.core_url is not None
    from wizard.sources.writers import write_session
    return ClockifyWriter(write_session(), key, reader.core_url, workspace_id)
