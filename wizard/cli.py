"""The command line (SPEC §4): `sync-checkup [--demo]` opens the wizard, `sync-checkup check` runs
every check without a window.

Exit status of `check`: 0 no failing check, 1 at least one failing check, 2 it could not run
(with one sentence on stderr saying what to fix).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from wizard import __version__
from wizard.core.errors import SyncCheckupError
from wizard.core.gcpause import paused_gc
from wizard.core.plans import PLAN_CHOICES, plan_from_choice

if TYPE_CHECKING:
    from wizard.core.compare import Comparison
    from wizard.core.result import RunResult

# The engine, JSON and text modules are imported where `check` needs them: opening the window
# (main_gui) must not pay for them before the first paint.

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAIL, EXIT_CANNOT_RUN = 0, 1, 2


def _fail(sentence: str, prog: str) -> NoReturn:
    """Exit 2 with the sentence and a hint to --help: at most three lines, no usage (SPEC §4)."""
    from wizard.text.command_line import cli_help_hint

    sys.stderr.write(f"sync-checkup: {sentence}\n{cli_help_hint(prog)}\n")
    raise SystemExit(EXIT_CANNOT_RUN)


class _Parser(argparse.ArgumentParser):
    """argparse that ends with one plain sentence, a hint, and exit status 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bad_value: str | None = None  # the sentence of the last value an option refused

    def error(self, message: str) -> NoReturn:
        if self.bad_value is None:  # argparse's own complaint (a missing value, say)
            self.bad_value = message[0].upper() + message[1:].rstrip(".") + "."
        _fail(self.bad_value, self.prog)


def _value(parser: _Parser, option: str,
           convert: Callable[[str, str], Any]) -> Callable[[str], Any]:
    """An argparse `type` whose refusal is a whole sentence naming the value and the option."""
    def checked(text: str) -> Any:
        try:
            return convert(text, option)
        except ValueError as exc:
            parser.bad_value = str(exc)
            raise argparse.ArgumentTypeError(str(exc)) from None
    return checked


def _date(text: str, option: str) -> dt.date:
    from wizard.text.command_line import cli_bad_date
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(cli_bad_date(text, option)) from None


def _plan(text: str, option: str) -> str:
    from wizard.text.command_line import cli_bad_plan
    plan = plan_from_choice(text)
    if plan is None:
        raise ValueError(cli_bad_plan(text, option, PLAN_CHOICES))
    return plan


def _payroll(text: str, option: str) -> bool:
    from wizard.text.command_line import cli_bad_yes_no
    low = text.strip().lower()
    if low in ("yes", "y", "on", "true"):
        return True
    if low in ("no", "n", "off", "false"):
        return False
    raise ValueError(cli_bad_yes_no(text, option))


def _add_source_options(parser: argparse.ArgumentParser) -> None:
    """Where the data comes from, for `check` and `fix`."""
    from wizard.text import _

    parser.add_argument("--demo", action="store_true", help=_("use the built-in sample company"))
    assert isinstance(parser, _Parser)
    parser.add_argument("--from", dest="date_from", type=_value(parser, "--from", _date),
                        metavar="YYYY-MM-DD",
                        help=_("first day of the period (default: 30 days before {option})")
                        .format(option="--to"))
    parser.add_argument("--to", dest="date_to", type=_value(parser, "--to", _date),
                        metavar="YYYY-MM-DD",
                        help=_("last day of the period (default: today)"))
    parser.add_argument("--clockify-file", action="append", type=Path, default=[], metavar="F",
                        help=_("a Clockify export (you may give several)"))
    parser.add_argument("--qbo-file", action="append", type=Path, default=[], metavar="F",
                        help=_("a QuickBooks export (you may give several)"))
    parser.add_argument("--plan", type=_value(parser, "--plan", _plan), metavar="NAME",
                        help=_("the QuickBooks plan, for export files: {choices}").format(
                            choices=", ".join(PLAN_CHOICES)))
    parser.add_argument("--payroll", type=_value(parser, "--payroll", _payroll),
                        metavar="yes|no",
                        help=_("whether QuickBooks payroll is on, for export files"))
    parser.add_argument("--closing-date", type=_value(parser, "--closing-date", _date),
                        metavar="YYYY-MM-DD",
                        help=_("the QuickBooks closing date, for export files"))


def build_parser() -> argparse.ArgumentParser:
    """The options, their help in the chosen language (argparse's own words too)."""
    from wizard.text import _
    from wizard.text.command_line import route_argparse

    route_argparse()
    parser = _Parser(prog="sync-checkup",
                     description=_("Finds out why Clockify time entries don't arrive in "
                                   "QuickBooks Online, and says how to fix it."))
    parser.add_argument("--version", action="version", version=f"Sync Checkup {__version__}",
                        help=_("show the version and exit"))
    parser.add_argument("--demo", action="store_true",
                        help=_("open the wizard on the sample company"))
    parser.add_argument("--screenshots", metavar="DIR", type=Path,
                        help=_("walk every wizard page, save one PNG per page in {folder}, then "
                               "quit").format(folder="DIR"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    check = sub.add_parser("check", help=_("run every check without a window"),
                           description=_("Runs every check without a window. Exit status: 0 no "
                                         "failing check, 1 at least one, 2 could not run."))
    _add_source_options(check)
    check.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    check.add_argument("--report", type=Path, metavar="FILE",
                       help=_("write the support report (.pdf or .html)"))
    from wizard import companies_cli, fix_cli
    companies_cli.add_check_options(check)
    fix_cli.add_parsers(sub, _add_source_options)
    companies_cli.add_parsers(sub)
    return parser


def _period(args: argparse.Namespace, today: dt.date) -> tuple[dt.date, dt.date]:
    from wizard.core.checks import default_period

    end = args.date_to or today
    start = args.date_from or default_period(end)[0]
    if start > end:
        from wizard.text import _
        raise SyncCheckupError(_("The period starts ({start}) after it ends ({end}); swap "
                                 "{from_option} and {to_option}.").format(
            start=start, end=end, from_option="--from", to_option="--to"))
    return start, end


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


def run_check(args: argparse.Namespace) -> int:
    import json

    if getattr(args, "company", None) is not None or getattr(args, "all_companies", False):
        from wizard import companies_cli
        return companies_cli.run_company_check(args, lambda a: _period(a, dt.date.today()))

    result = read_and_check(args)[0]
    files_read = _files_read((*args.clockify_file, *args.qbo_file))
    comparison = _save_history(result)
    if args.report:
        from wizard.report import write_report
        write_report(result, args.report, comparison)
    from wizard.redact import scrub
    if args.json:
        payload = _with_files(result.to_json(), files_read)
        # SPEC §4: null on a first run of this workspace and company
        payload["changes"] = comparison.to_json() if comparison is not None else None
        sys.stdout.write(json.dumps(_scrub_tree(payload, scrub), ensure_ascii=False,
                                    indent=2) + "\n")
    else:
        text = format_text(result, files_read)
        if comparison is not None:
            from wizard.text import _
            from wizard.text.changes import changes_summary
            from wizard.text.checks import check_titles
            text += "\n" + _("Since the previous run: {changes}").format(
                changes=changes_summary(*comparison.counts,
                                        check_titles(comparison.not_compared))) + "\n"
        sys.stdout.write(scrub(text))
    return result.exit_code


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
    period = _period(args, today_for(args.demo))
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
    with paused_gc():  # hundreds of thousands of records: see wizard/core/gcpause.py
        clockify_side = read_clockify(request)
    if clockify == "file" and args.date_from is None and args.date_to is None \
            and clockify_side.data is not None and clockify_side.data.period is not None:
        period = clockify_side.data.period  # the export's own range, not the last 30 days
    qbo_side = read_quickbooks(request)
    result = run_checks(clockify_side, qbo_side, period, dt.datetime.now(dt.UTC), __version__)
    return result, clockify_side, qbo_side


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


def _scrub_tree(value: Any, scrub: Callable[[str], str]) -> Any:
    """Every string value scrubbed (a second guard: e.g. an invitee named by their e-mail)."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, dict):
        return {k: _scrub_tree(v, scrub) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub_tree(v, scrub) for v in value]
    return value


def _save_history(result: RunResult) -> Comparison | None:
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

    from wizard.text import _, _n
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


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The options; anything not understood ends the program with one sentence (exit 2)."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        # not before the window's first paint
        from wizard.text.command_line import cli_unknown_options
        prog = f"{parser.prog} {args.command}" if args.command else parser.prog
        _fail(cli_unknown_options(extra, prog), prog)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    from wizard import logs
    from wizard.text import _

    args = parse(argv)
    if args.command not in ("check", "fix", "undo", "companies"):
        return main_gui(args)  # the window opens its log file after its first paint
    with contextlib.suppress(OSError):  # a read-only home must not stop a check
        logs.setup()
    try:
        if args.command == "companies":
            from wizard import companies_cli
            return companies_cli.run_companies(args)
        if args.command != "check":
            from wizard import fix_cli
            return fix_cli.run(args)
        return run_check(args)
    except SyncCheckupError as exc:
        sys.stderr.write(f"sync-checkup: {exc}\n")
        return EXIT_CANNOT_RUN
    except KeyboardInterrupt:
        sys.stderr.write(f"sync-checkup: {_('Stopped.')}\n")
        return EXIT_CANNOT_RUN
    except Exception:
        log.exception("internal error during check")
        sys.stderr.write("sync-checkup: " + _("An internal problem stopped the check; the "
                                              "details are in the log file {path}.").format(
            path=logs.log_file()) + "\n")
        return EXIT_CANNOT_RUN


def main_gui(args: argparse.Namespace | None = None) -> int:
    if args is None:
        args = parse()
    import gc

    # Start-up creates many long-lived objects (modules, Qt types) and no garbage worth a cyclic
    # collection: run_app turns the collector back on once the window has painted.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        from wizard.ui.app import run_app
        return run_app(demo=args.demo, screenshots=args.screenshots)
    finally:
        if was_enabled:
            gc.enable()
