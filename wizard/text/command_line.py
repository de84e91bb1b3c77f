"""The command line's own sentences, and argparse's own words routed through the catalogue."""

from __future__ import annotations

import argparse

from wizard.text import N_, _, _n

# --- argparse's own words ---------------------------------------------------------------------
# argparse looks its words up with the gettext functions it imported (`argparse._`,
# `argparse.ngettext`). These are the ones `sync-checkup --help` and its refusals can show,
# marked so the catalogue carries them; the ids are argparse's exactly (Python 3.11; a test
# checks each is still in argparse), %-placeholders included, because argparse fills them in.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("expected one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("ignored explicit argument %r"),
)


def route_argparse() -> None:
    """Make argparse look up its own words in the catalogue (in the chosen language), from the
    next parser built on. argparse offers no other hook: it calls the module's `_`/`ngettext`."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = _n  # type: ignore[attr-defined]


# --- the command line: exit 2 (SPEC §4: one sentence naming the value and the option) ----------

def cli_bad_date(value: str, option: str) -> str:
    return _("“{value}” given to {option} is not a date; write it as YYYY-MM-DD, for example "
             "2026-11-01.").format(value=value, option=option)


def cli_bad_plan(value: str, option: str, choices: tuple[str, ...] | list[str]) -> str:
    return _("“{value}” given to {option} is not a QuickBooks plan this app knows; use one of: "
             "{choices}.").format(value=value, option=option, choices=", ".join(choices))


def cli_bad_yes_no(value: str, option: str) -> str:
    return _("“{value}” given to {option} is not yes or no.").format(value=value, option=option)


def cli_missing_file(path: str, option: str) -> str:
    return _("The file {path} given to {option} doesn't exist or can't be opened; check the "
             "name and folder.").format(path=path, option=option)


def cli_unknown_options(options: list[str], prog: str) -> str:
    return _n("Unknown option {names} for “{prog}”.", "Unknown options {names} for “{prog}”.",
              len(options)).format(names=" ".join(options), prog=prog)


def cli_help_hint(prog: str) -> str:
    return _("Run {command} for the options.").format(command=f"`{prog} --help`")
