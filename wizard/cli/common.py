"""What every command of the command line shares: the exit codes, the one sentence and exit
status 2 that end a run that cannot go on (SPEC §4), argparse that speaks in such sentences,
the source options of `check` and `fix`, the period, and scrubbed output.

Only light modules are imported at the top: `sync-checkup` without a command opens the window,
and the window must not pay for the engine before its first paint.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from wizard.core.errors import SyncCheckupError
from wizard.core.plans import PLAN_CHOICES, plan_from_choice
from wizard.text import _

EXIT_OK, EXIT_FAIL, EXIT_CANNOT_RUN = 0, 1, 2  # SPEC §4: the same for every command


def fail(sentence: str, prog: str) -> NoReturn:
    """Exit 2 with the sentence and a hint to --help: at most three lines, no usage (SPEC §4)."""
    from wizard.text.command_line import cli_help_hint

    sys.stderr.write(f"sync-checkup: {sentence}\n{cli_help_hint(prog)}\n")
    raise SystemExit(EXIT_CANNOT_RUN)


class Parser(argparse.ArgumentParser):
    """argparse that ends with one plain sentence, a hint, and exit status 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bad_value: str | None = None  # the sentence of the last value an option refused

    def error(self, message: str) -> NoReturn:
        if self.bad_value is None:  # argparse's own complaint (a missing value, say)
            self.bad_value = message[0].upper() + message[1:].rstrip(".") + "."
        fail(self.bad_value, self.prog)


def checked_value(parser: Parser, option: str,
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


def add_source_options(parser: argparse.ArgumentParser) -> None:
    """Where the data comes from, for `check` and `fix`."""

    parser.add_argument("--demo", action="store_true", help=_("use the built-in sample company"))
    assert isinstance(parser, Parser)
    parser.add_argument("--from", dest="date_from", type=checked_value(parser, "--from", _date),
                        metavar="YYYY-MM-DD",
                        help=_("first day of the period (default: 30 days before {option})")
                        .format(option="--to"))
    parser.add_argument("--to", dest="date_to", type=checked_value(parser, "--to", _date),
                        metavar="YYYY-MM-DD",
                        help=_("last day of the period (default: today)"))
    parser.add_argument("--clockify-file", action="append", type=Path, default=[], metavar="F",
                        help=_("a Clockify export (you may give several)"))
    parser.add_argument("--qbo-file", action="append", type=Path, default=[], metavar="F",
                        help=_("a QuickBooks export (you may give several)"))
    parser.add_argument("--plan", type=checked_value(parser, "--plan", _plan), metavar="NAME",
                        help=_("the QuickBooks plan, for export files: {choices}").format(
                            choices=", ".join(PLAN_CHOICES)))
    parser.add_argument("--payroll", type=checked_value(parser, "--payroll", _payroll),
                        metavar="yes|no",
                        help=_("whether QuickBooks payroll is on, for export files"))
    parser.add_argument("--closing-date", type=checked_value(parser, "--closing-date", _date),
                        metavar="YYYY-MM-DD",
                        help=_("the QuickBooks closing date, for export files"))


def period_of(args: argparse.Namespace, today: dt.date) -> tuple[dt.date, dt.date]:
    from wizard.core.checks import default_period

    end = args.date_to or today
    start = args.date_from or default_period(end)[0]
    if start > end:
        raise SyncCheckupError(_("The period starts ({start}) after it ends ({end}); swap "
                                 "{from_option} and {to_option}.").format(
            start=start, end=end, from_option="--from", to_option="--to"))
    return start, end


def write(text: str) -> None:
    """Text for the terminal, scrubbed (a second guard: e.g. an invitee named by their e-mail)."""
    from wizard.redact import scrub

    sys.stdout.write(scrub(text))


def print_json(value: Any) -> None:
    """A JSON document for the terminal, every string in it scrubbed."""
    from wizard.redact import scrub_tree

    sys.stdout.write(json.dumps(scrub_tree(value), ensure_ascii=False, indent=2) + "\n")
