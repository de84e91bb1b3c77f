"""The command line's `--help`, argparse's own words included, comes from the catalogue: under
the pseudo-language no English word of the app's own is left (options, command names and
upper-case placeholders are what the user types or fills in, the same in every language)."""

from __future__ import annotations

import argparse
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.text.english import english_words
from wizard import cli, text
from wizard.core.plans import PLAN_CHOICES
from wizard.text import command_line

ROOT = Path(__file__).resolve().parents[2]
HELPS = [[], ["check"], ["fix"], ["undo"], ["companies"], ["companies", "list"],
         ["companies", "add"], ["companies", "remove"]]
# what the user types: the program, its commands, and the values --plan and --payroll take
TYPED = ["sync-checkup", "check", "fix", "undo", "companies", "list", "add", "remove", "yes|no",
         *PLAN_CHOICES]


@pytest.fixture
def pseudo() -> object:
    text.set_language("pseudo")
    yield
    text.set_language(None)
    command_line.route_argparse()  # back to the English lookups for later parsers


def _help(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exited:
        cli.parse([*args, "--help"])
    assert exited.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("args", HELPS, ids=lambda a: " ".join(a) or "top")
def test_help_in_pseudo_has_no_english_word(pseudo: object, capsys: pytest.CaptureFixture[str],
                                            args: list[str]) -> None:
    shown = _help(capsys, *args)
    assert "ûšåĝé" in shown  # argparse's "usage: " came through the catalogue
    assert "show this help message" not in shown
    typed = re.sub(r"--?[\w-]+|\{[^}]*\}|\S+\.json|SYNC_CHECKUP_\*", " ", shown)
    assert english_words(typed, TYPED) == []


def test_help_in_english_is_argparse_as_usual(capsys: pytest.CaptureFixture[str]) -> None:
    shown = _help(capsys, "check")
    assert shown.startswith("usage: sync-checkup check")
    assert "show this help message and exit" in shown
    assert "first day of the period (default: 30 days before --to)" in " ".join(shown.split())


def test_argparse_refusals_come_through_the_catalogue() -> None:
    """A refusal argparse words itself (a missing value) is in the chosen language too."""
    env = {**os.environ, text.ENV_VAR: "pseudo"}
    shown = subprocess.run([sys.executable, "-m", "wizard", "check", "--from"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=60, check=False)
    assert shown.returncode == 2
    assert "--from" in shown.stderr
    assert "expected one argument" not in shown.stderr
    assert "éẋþéçţéð öñé" in shown.stderr  # "expected one": accented
    refusal = shown.stderr.splitlines()[0].removeprefix("sync-checkup: ")
    assert english_words(re.sub(r"--?[\w-]+", " ", refusal), TYPED) == []


def test_argparse_still_uses_every_word_the_catalogue_marks() -> None:
    """The ids are argparse's own (Python 3.11): one it no longer uses would never be looked up."""
    source = inspect.getsource(argparse)
    missing = [w for w in command_line.ARGPARSE_WORDS if repr(w) not in source
               and f'"{w}"' not in source]
    assert missing == []
