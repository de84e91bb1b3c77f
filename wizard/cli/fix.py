"""`sync-checkup fix` and `sync-checkup undo` (SPEC §8.3).

    sync-checkup fix [source options as for check] --plan-out PLAN.json   # change nothing
    sync-checkup fix --apply PLAN.json [--yes] [--json]
    sync-checkup undo [--last | --run RUN] [--yes] [--json]

Exit: 0 every selected action done and nothing failing in the re-check, 1 otherwise, 2 could not
run (no plan, a plan for another workspace or company, bad JSON, no --yes without a terminal).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from wizard.cli.common import (
    EXIT_CANNOT_RUN,
    EXIT_FAIL,
    EXIT_OK,
    add_source_options,
    print_json,
)
from wizard.core.errors import SyncCheckupError
from wizard.core.fixes import action_line
from wizard.text import _, _n
from wizard.text import fixes as T


def add_parsers(sub: Any) -> None:
    fix = sub.add_parser("fix", help=_("plan the changes that fix the problems, or apply a plan"),
                         description=_("With {plan_out}, writes the changes that would fix the "
                                       "problems to a file and changes nothing. With {apply}, "
                                       "makes the plan's selected changes, then checks "
                                       "again.").format(plan_out="--plan-out", apply="--apply"))
    add_source_options(fix)
    what = fix.add_mutually_exclusive_group(required=True)
    what.add_argument("--plan-out", type=Path, metavar="PLAN.json",
                      help=_("write the plan to this file; nothing is changed"))
    what.add_argument("--apply", type=Path, metavar="PLAN.json",
                      help=_("apply the plan's selected actions"))
    fix.add_argument("--yes", action="store_true", help=_("don't ask before changing anything"))
    fix.add_argument("--json", action="store_true", help=_("print the outcome as JSON"))
    undo = sub.add_parser("undo", help=_("put back the changes of an applied plan"),
                          description=_("Reverses an applied plan, newest change first, each "
                                        "only while the record is as Sync Checkup left it."))
    which = undo.add_mutually_exclusive_group()
    which.add_argument("--last", action="store_true",
                       help=_("the last applied plan (the default)"))
    which.add_argument("--run", metavar="RUN", help=_("the applied plan with this id"))
    undo.add_argument("--yes", action="store_true", help=_("don't ask before changing anything"))
    undo.add_argument("--json", action="store_true", help=_("print the outcome as JSON"))


def run(args: argparse.Namespace) -> int:
    if args.command == "undo":
        return _undo(args)
    if args.plan_out is not None:
        return _plan_out(args)
    return _apply(args)


def _why_texts() -> dict[str, str]:
    return {k: _(v) for k, v in T.MANUAL_WHY.items()}


def _ids(clockify_side: Any, sources: dict[str, Any]) -> tuple[str | None, str | None]:
    from wizard.fixing import company_id
    workspace = clockify_side.data.workspace_id if clockify_side.data is not None else None
    return workspace, company_id(sources)


def _plan_out(args: argparse.Namespace) -> int:
    from wizard.cli.check import read_and_check
    from wizard.core.fixes import plan_for

    result, clockify_side, _qbo = read_and_check(args)
    workspace, company = _ids(clockify_side, result.sources)
    plan = _without_addresses(plan_for(result, workspace, company))
    from wizard.redact import scrub_tree
    from wizard.storage.atomic import write_atomically
    text = json.dumps(scrub_tree(plan.to_json(_why_texts())), ensure_ascii=False,
                      indent=2) + "\n"
    write_atomically(args.plan_out.resolve(), text.encode("utf-8"))
    sys.stdout.write(" ".join((
        _n("The plan has {count} change.", "The plan has {count} changes.",
           len(plan.actions)).format(count=len(plan.actions)),
        _n("{count} problem stays a fix by hand.", "{count} problems stay a fix by hand.",
           len(plan.manual)).format(count=len(plan.manual)),
        _("The plan is in {path}.").format(path=args.plan_out))) + "\n")
    return EXIT_OK


def _without_addresses(plan: Any) -> Any:
    """A plan file holds no e-mail address (names that contain one are scrubbed in every file
    the app writes): an action whose names would be scrubbed stays a fix by hand instead."""
    import dataclasses

    from wizard.core.fixes import Manual
    from wizard.redact import scrub

    keep, by_hand = [], list(plan.manual)
    for action in plan.actions:
        names = [action.record_name, action.before, action.after, action.finding_subject,
                 action.finding_client, action.parent_name, action.given_name,
                 action.family_name, action.rename_to]
        if all(scrub(n) == n for n in names if isinstance(n, str)):
            keep.append(action)
        elif not any(m.finding_key == action.finding_key for m in by_hand):
            by_hand.append(Manual(action.finding_code, action.finding_subject,
                                  action.finding_client, "OTHER", action.finding_key))
    return dataclasses.replace(plan, actions=tuple(keep), manual=tuple(by_hand))


def _confirm(args: argparse.Namespace, question: str, refusal: str) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        sys.stderr.write(f"sync-checkup: {_(refusal)}\n")
        return False
    answer = input(question + " [y/N] ")
    return answer.strip().lower() in ("y", "yes")


def _source_args(args: argparse.Namespace, sources: dict[str, Any]) -> argparse.Namespace:
    """The options of a re-check of the plan's own sources (live settings as for check)."""
    demo = "demo" in sources.values()
    return argparse.Namespace(**{**vars(args), "demo": demo, "clockify_file": [],
                                 "qbo_file": []})


def _apply(args: argparse.Namespace) -> int:
    from wizard import fixing
    from wizard.cli.check import read_and_check, save_history
    from wizard.core.fixes import LIVE_SOURCES, plan_from_json

    try:
        plan = plan_from_json(json.loads(args.apply.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        raise SyncCheckupError(_(T.PLAN_UNREADABLE).format(path=args.apply)) from None
    if not all(v in LIVE_SOURCES for v in plan.sources.values() if v is not None):
        raise SyncCheckupError(_(T.PLAN_NOT_LIVE))
    check_args = _source_args(args, plan.sources)
    before, clockify_side, _qbo = read_and_check(check_args)
    workspace, company = _ids(clockify_side, before.sources)
    same = (plan.workspace.get("id") in (None, workspace)
            and plan.company.get("id") in (None, company)
            and plan.workspace.get("name") in (None, before.facts.get("workspace"))
            and plan.company.get("name") in (None, before.facts.get("company")))
    if not same:
        raise SyncCheckupError(_(T.PLAN_OTHER_COMPANY).format(
            workspace=plan.workspace.get("name") or "", company=plan.company.get("name") or ""))
    count = len(plan.selected)
    question = T.confirm(count, plan.company.get("name") or "", plan.workspace.get("name") or "")
    if not _confirm(args, question, T.NO_TERMINAL):
        return EXIT_CANNOT_RUN
    writers = fixing.writers_for(plan.sources, workspace)
    fixing.resolve_all()
    save_history(before)

    def show(index: int, total: int, action: Any, outcome: Any) -> None:
        if outcome is not None and not args.json:
            sys.stderr.write(f"[{index + 1}/{total}] {_(T.STATUS_WORD[outcome.status])}: "
                             f"{action_line(action)} {outcome.message}\n")

    journal = fixing.apply_plan(plan, writers, show)
    after = read_and_check(check_args)[0]
    comparison = save_history(after)
    statuses = [e["status"] for e in journal.entries]
    code = EXIT_OK if all(s == "done" for s in statuses) and after.exit_code == 0 else EXIT_FAIL
    if args.json:
        check = after.to_json()
        if "changes" not in check:
            check["changes"] = comparison.to_json() if comparison is not None else None
        out = {"tool": "sync-checkup", "schema": 1, "fix_run": journal.run_id,
               "actions": [{**e["action"], "status": e["status"], "message": e["message"]}
                           for e in journal.entries],
               "check": check}
        print_json(out)
    else:
        done = statuses.count("done")
        sys.stdout.write(T.outcome_summary(done, len(statuses)) + "\n")
        if done:
            sys.stdout.write(_(T.RESYNC_REMINDER) + "\n")
        sys.stdout.write(_("To put these changes back: sync-checkup undo --run {run}").format(
            run=journal.run_id) + "\n")
    return code


def _undo(args: argparse.Namespace) -> int:
    from wizard import fixing
    from wizard.storage import journal as journals

    runs = journals.runs()
    if args.run:
        chosen = journals.find(args.run)
        if chosen is None:
            raise SyncCheckupError(_(T.UNKNOWN_RUN).format(run=args.run))
    else:
        chosen = next((r for r in runs if r.undoable), None)
        if chosen is None:
            raise SyncCheckupError(_(T.NO_RUN))
    count = len(chosen.undoable)
    question = T.undo_count(count) + "?"
    if not _confirm(args, question, T.UNDO_NO_TERMINAL):
        return EXIT_CANNOT_RUN
    fixing.resolve_all()
    writers = fixing.writers_for(chosen.sources, chosen.workspace.get("id"))
    undone = fixing.undo_run(chosen, writers)
    code = EXIT_OK if all(o.status == "done" for _a, o in undone) else EXIT_FAIL
    if args.json:
        print_json({"tool": "sync-checkup", "schema": 1, "fix_run": chosen.run_id,
                    "actions": [{**a.to_json(), "status": o.status, "message": o.message}
                                for a, o in undone]})
    else:
        for action, outcome in undone:
            sys.stdout.write(f"{_(T.STATUS_WORD[outcome.status])}: {action_line(action)} "
                             f"{outcome.message}\n")
        sys.stdout.write(T.undo_summary(sum(o.status == "done" for _a, o in undone),
                                        len(undone)) + "\n")
    return code
