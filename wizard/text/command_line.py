"""The command line's own sentences."""

from __future__ import annotations

from wizard.text import _, _n

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
