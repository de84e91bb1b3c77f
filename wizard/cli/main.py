"""The command line (SPEC §4): `sync-checkup [--demo]` opens the wizard; `check`, `fix`,
`undo` and `companies` run without a window (their modules beside this one).

Exit status: 0 done and nothing failing, 1 something failing, 2 it could not run (with one
sentence on stderr saying what to fix).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from wizard import __version__
from wizard.cli.common import EXIT_CANNOT_RUN, Parser, fail
from wizard.core.errors import SyncCheckupError
from wizard.text import _

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    """The options, their help in the chosen language (argparse's own words too)."""
    # The commands' modules are imported here and in `main`, not at the top: the window
    # (`main_gui`, and `python -m wizard` without a command) builds no parser, and the fix
    # planner and the companies commands would only slow its first picture.
    from wizard.cli import check, companies, fix
    from wizard.text.command_line import route_argparse

    route_argparse()
    parser = Parser(prog="sync-checkup",
                    description=_("Finds out why Clockify time entries don't arrive in "
                                  "QuickBooks Online, and says how to fix it."))
    parser.add_argument("--version", action="version", version=f"Sync Checkup {__version__}",
                        help=_("show the version and exit"))
    parser.add_argument("--demo", action="store_true",
                        help=_("open the wizard on the sample company"))
    parser.add_argument("--screenshots", metavar="DIR", type=Path,
                        help=_("walk every wizard page, save one PNG per page in {folder}, then "
                               "quit").format(folder="DIR"))
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    check_parser = check.add_parser(sub)
    companies.add_check_options(check_parser)
    fix.add_parsers(sub)
    companies.add_parsers(sub)
    return parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The options; anything not understood ends the program with one sentence (exit 2)."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        # not before the window's first paint
        from wizard.text.command_line import cli_unknown_options
        prog = f"{parser.prog} {args.command}" if args.command else parser.prog
        fail(cli_unknown_options(extra, prog), prog)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    from wizard import logs

    args = parse(argv)
    if args.command not in ("check", "fix", "undo", "companies"):
        return main_gui(args)  # the window opens its log file after its first paint
    with contextlib.suppress(OSError):  # a read-only home must not stop a check
        logs.setup()
    from wizard.cli import check, companies, fix

    try:
        if args.command == "companies":
            return companies.run_companies(args)
        if args.command != "check":
            return fix.run(args)
        if args.company is not None or args.all_companies:
            return companies.run_company_check(args)
        return check.run_check(args)
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
    # Qt and the wizard are imported only here: the commands above run without them.
    from wizard.ui.start import open_window
    return open_window(demo=args.demo, screenshots=args.screenshots)
