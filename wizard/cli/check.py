"""`sync-checkup check` (SPEC §4): read both sides as the options say, run every check, keep
the run in the history, print the verdicts or JSON, write the report on request.

Exit status: 0 no failing check, 1 at least one failing check, 2 it could not run (one
sentence on stderr saying what to fix). The engine, the sources and the report are imported
inside the functions that use them: `parse` builds this parser for the window too, which must
not pay for them before its first paint.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wizard import __version__
from wizard.cli.common import (
    add_source_options,
    period_of,
    print_json,
    write,
)
from wizard.core.errors import SyncCheckupError
from wizard.core.gcpause import paused_gc
from wizard.text import _, _n

if TYPE_CHECKING:
    from wizard.core.compare import Comparison
    from wizard.core.result import RunResult


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """`check`: every check without a window; where the data comes from, --json and --report."""
    check = sub.add_parser("check", help=_("run every check without a window"),
                           description=_("Runs every check without a window. Exit status: 0 no "
                                         "failing check, 1 at least one, 2 could not run."))
    add_source_options(check)
    check.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    check.add_argument("--report", type=Path, metavar="FILE",
                       help=_("write the support report (.pdf or .html)"))
    return check


def run_check(args: argparse.Namespace) -> int:
    result = read_and_check(args)[0]
    files_read = _files_read((*args.clockify_file, *args.qbo_file))
    comparison = save_history(result)
    if args.report:
        from wizard.report import write_report
        write_report(result, args.report, comparison)
    if args.json:
        print_json(_with_files(result_json(result, comparison), files_read))
    else:
        write(result_text(result, comparison, files_read))
    return result.exit_code


def result_json(result: RunResult, comparison: Comparison | None) -> dict[str, Any]:
    """The result as SPEC §4's JSON, with `changes` (null on a first run of this workspace and
    company)."""
    payload: dict[str, Any] = result.to_json()
    payload["changes"] = comparison.to_json() if comparison is not None else None
    return payload


def result_text(result: RunResult, comparison: Comparison | None,
                files_read: Sequence[dict[str, Any]] = ()) -> str:
    """The terminal's summary, then what changed since the previous run, if there was one."""
    text = format_text(result, files_read)
    if comparison is None:
        return text
    from wizard.text.changes import since_previous_run
    from wizard.text.checks import check_titles

    return text + "\n" + since_previous_run(*comparison.counts,
                                             check_titles(comparison.not_compared)) + "\n"


def read_and_check(args: argparse.Namespace) -> tuple[RunResult, Any, Any]:
    """Read both sides as the options say and run every check: (result, Clockify side,
    QuickBooks side)."""
    from wizard.core.checks import run_checks
    from wizard.flow import today_for
    from wizard.sources.gather import read_clockify, read_quickbooks
    from wizard.sources.request import Manual, Request
    from wizard.text.command_line import cli_missing_file
    for option, paths in (("--clockify-file", args.clockify_file), ("--qbo-file", args.qbo_file)):
        for path in paths:
            if not path.is_file():
                raise SyncCheckupError(cli_missing_file(str(path), option))
    period = period_of(args, today_for(args.demo))
    clockify = _source(args.demo, args.clockify_file, ("SYNC_CHECKUP_CLOCKIFY_API_KEY",))
    quickbooks = _source(args.demo, args.qbo_file, ("SYNC_CHECKUP_QBO_REFRESH_TOKEN",
                                                     "SYNC_CHECKUP_QBO_ACCESS_TOKEN"))
    if clockify is None and _has_stored_login("clockify"):
        clockify = "api"
    if quickbooks is None and _has_stored_login("quickbooks"):
        quickbooks = "api"
    # export files are recognised by their headers, so each side gets all of them
    all_files = (*args.clockify_file, *args.qbo_file)
    request = Request(
        clockify=clockify, quickbooks=quickbooks,  # type: ignore[arg-type]
        period=period, clockify_files=all_files if args.clockify_file else (),
        qbo_files=all_files if args.qbo_file else (),
        manual=Manual(plan=args.plan, payroll=args.payroll, closing_date=args.closing_date,
                      closing_date_given=args.closing_date is not None))
    # hundreds of thousands of records, kept for the whole run: no collection walks them while
    # they are built, nor afterwards (frozen, as the wizard does): see wizard/core/gcpause.py
    with paused_gc(freeze=True):
        clockify_side = read_clockify(request)
    if clockify == "file" and args.date_from is None and args.date_to is None \
            and clockify_side.data is not None and clockify_side.data.period is not None:
        period = clockify_side.data.period  # the export's own range, not the last 30 days
    qbo_side = read_quickbooks(request)
    result = run_checks(clockify_side, qbo_side, period, dt.datetime.now(dt.UTC), __version__)
    return result, clockify_side, qbo_side


def _source(demo: bool, files: Sequence[Path], env_vars: Sequence[str]) -> str | None:
    if demo:
        return "demo"
    if files:
        return "file"
    if any(os.environ.get(v) for v in env_vars):
        return "api"
    return None


def _has_stored_login(side: str) -> bool:
    """Whether the wizard left a key or sign-in in the keyring (live sources, no env vars)."""
    try:
        if side == "clockify":
            from wizard.sources import clockify
            return clockify.has_stored_key()
        from wizard.sources import quickbooks
        return quickbooks.has_stored_login()
    except (ImportError, AttributeError, SyncCheckupError):
        return False


def _files_read(paths: Sequence[Path]) -> list[dict[str, Any]]:
    """What each export file was read as, for support: by file name only (no folders, which
    name the user's home)."""
    if not paths:
        return []
    from wizard.sources import files

    out: list[dict[str, Any]] = []
    for path in paths:
        info = files.identify(path)  # already parsed for the sides: served from the cache
        out.append({"name": path.name, "side": info.side, "kind": info.kind, "rows": info.rows,
                    "description": info.description, "notes": list(info.notes)})
    return out


def _with_files(payload: dict[str, Any], files_read: list[dict[str, Any]]) -> dict[str, Any]:
    """The JSON object with `files` right after `sources` (which SPEC §4 keeps as it is)."""
    out: dict[str, Any] = {}
    for key, value in payload.items():
        out[key] = value
        if key == "sources":
            out["files"] = files_read
    return out


def save_history(result: RunResult) -> Comparison | None:
    try:
        from wizard.storage import history
    except ImportError:
        return None
    return history.record(result)


def format_text(result: RunResult, files_read: Sequence[dict[str, Any]] = (),
                width: int = 100) -> str:
    """A readable summary for the terminal: what each file was read as, the verdicts, then
    every problem with its fix."""
    import textwrap

    from wizard.text.entries import reason_short
    from wizard.text.status import status_word

    def wrap(text: str, indent: str) -> str:
        return textwrap.fill(text, width=width, initial_indent=indent,
                             subsequent_indent=indent) + "\n"

    from wizard.text.report import source_word

    out = [_("Sync Checkup {version} — period {start} to {end} (Clockify: {clockify}; "
             "QuickBooks: {quickbooks})").format(
        version=result.version, start=result.period[0], end=result.period[1],
        clockify=source_word(result.sources.get("clockify")),
        quickbooks=source_word(result.sources.get("quickbooks"))) + "\n\n"]
    if files_read:
        out.append(_("Files read:") + "\n")
        for item in files_read:
            out.append(wrap(_("{name}: {description}.").format(
                name=item["name"], description=item["description"]), "  "))
            for note in item["notes"]:
                out.append(wrap(note, "      "))
        out.append("\n")
    for check in result.checks:
        out.append(_("[{status}] {check}: {summary}").format(
            status=status_word(check.status), check=check.title, summary=check.summary) + "\n")
    problems = [f for f in result.findings if f.status.is_problem]
    if problems:
        out.append("\n" + _n("{count} thing to fix:", "{count} things to fix:",
                              len(problems)).format(count=len(problems)) + "\n")
        for f in problems:
            if f.client:
                head = _("[{status}] {code} — {subject} (client {client})")
            else:
                head = _("[{status}] {code} — {subject}")
            out.append("\n" + head.format(status=status_word(f.status), code=f.code,
                                          subject=f.subject, client=f.client) + "\n")
            out.append(wrap(f.message, "    "))
            out.append(wrap(_("Fix: {fix}").format(fix=f.fix), "    "))
    if result.entries is not None and result.entries.by_reason:
        out.append("\n" + _("Entries that won't sync, by reason:") + "\n")
        for code, count in sorted(result.entries.by_reason.items(), key=lambda kv: -kv[1]):
            out.append(f"    {count:6,}  {reason_short(code)} ({code})\n")
    return "".join(out)
