"""Mutation testing of the core's verdicts: mutmut on the given modules with tests/core, then
the score, raw and without the mutants listed as equivalent in tests/core/equivalent_mutants.toml.

Called by `python3 dev.py mutate [--max-children N] [--fresh] [FILE ...]`. mutmut is set up in
pyproject.toml ([tool.mutmut]) and works in the `mutants/` folder; a later run tests again only
the mutants that no test killed before (`--fresh` starts from nothing and tests every one).
Exits 1 when a module scores below the goal without its listed equivalents, or when a listed
equivalent no longer matches a surviving mutant.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import json
import os
import subprocess
import sys
import time
import tomllib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WORK = ROOT / "mutants"
EQUIVALENTS = ROOT / "tests" / "core" / "equivalent_mutants.toml"
DEFAULT_FILES = ("wizard/core/names.py", "wizard/core/compare.py")
GOAL = 90.0

# mutmut's exit codes per mutant (mutmut/stats.py), folded into what the score needs
_KILLED = {1, 3, 24, -24, 36, 152, 255, 37}  # a failing test, a timeout, the type checker
_SURVIVED = {0}
_NO_TESTS = {5, 33}


@dataclass(frozen=True)
class Equivalent:
    name: str
    change: str  # text on the mutated line, so a renumbered mutant is not excused by mistake
    reason: str


@dataclass
class Score:
    path: str
    total: int = 0
    killed: int = 0
    survived: list[str] = field(default_factory=list)
    no_tests: list[str] = field(default_factory=list)
    not_run: list[str] = field(default_factory=list)
    excused: list[str] = field(default_factory=list)  # survivors listed as equivalent

    @property
    def raw(self) -> float:
        return 100.0 * self.killed / self.total if self.total else 0.0

    @property
    def without_equivalents(self) -> float:
        counted = self.total - len(self.excused)
        return 100.0 * self.killed / counted if counted else 0.0

    @property
    def unexplained(self) -> list[str]:
        return [m for m in self.survived + self.no_tests if m not in self.excused]


def module_of(path: str) -> str:
    return path.removesuffix(".py").replace("/", ".")


def load_equivalents(path: Path = EQUIVALENTS) -> dict[str, Equivalent]:
    """The listed equivalent mutants by name; each needs the changed text and a reason."""
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    found: dict[str, Equivalent] = {}
    for row in data.get("mutant", []):
        name, change, reason = row.get("name"), row.get("change"), row.get("reason")
        if not (isinstance(name, str) and isinstance(change, str) and isinstance(reason, str)
                and reason.strip()):
            raise ValueError(f"{path.name}: every [[mutant]] needs a name, a change and a reason")
        if name in found:
            raise ValueError(f"{path.name}: {name} is listed twice")
        found[name] = Equivalent(name, change, reason)
    return found


def score(path: str, exit_codes: dict[str, int | None], equivalents: dict[str, Equivalent],
          diff_of: Callable[[str], str] | None = None) -> tuple[Score, list[str]]:
    """The score of one module from mutmut's exit codes, and the problems with its listed
    equivalents (listed but killed, missing, or no longer the same change)."""
    result = Score(path)
    for name, code in sorted(exit_codes.items()):
        result.total += 1
        if code in _KILLED:
            result.killed += 1
        elif code in _SURVIVED:
            result.survived.append(name)
        elif code in _NO_TESTS:
            result.no_tests.append(name)
        else:
            result.not_run.append(name)
    problems = []
    prefix = module_of(path) + "."
    for name, equivalent in equivalents.items():
        if not name.startswith(prefix):
            continue
        if name not in exit_codes:
            problems.append(f"{name} is listed as equivalent but is no mutant of {path}")
        elif name not in result.survived and name not in result.no_tests:
            problems.append(f"{name} is listed as equivalent but tests kill it: remove it")
        elif diff_of is not None and not _diff_has(diff_of(name), equivalent.change):
            problems.append(f"{name} no longer changes {equivalent.change!r}: check the list")
        else:
            result.excused.append(name)
    return result, problems


def _diff_has(diff: str, change: str) -> bool:
    return any(line.startswith("+") and change in line for line in diff.splitlines())


def _diff_reader(path: str) -> Callable[[str], str]:
    """The changed lines of each mutant of `path`, read from mutmut's copy of the module (one
    `mutmut show` per mutant takes seconds; this reads the file once)."""
    source = (WORK / path).read_text(encoding="utf-8")
    lines = source.splitlines()
    bodies = {node.name: lines[node.lineno:node.end_lineno]
              for node in ast.walk(ast.parse(source))
              if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)}

    def diff(name: str) -> str:
        function, _, _ = name.rpartition(".")[2].rpartition("__mutmut_")
        mutant, orig = bodies.get(name.rpartition(".")[2]), bodies.get(function + "__mutmut_orig")
        if mutant is None or orig is None:
            return ""
        return "\n".join(line for line in difflib.unified_diff(orig, mutant, lineterm="")
                         if line[:1] in "+-" and line[:3] not in ("+++", "---"))
    return diff


def _exit_codes(path: str) -> dict[str, int | None]:
    meta = WORK / (path + ".meta")
    if not meta.exists():
        return {}
    codes: dict[str, int | None] = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    return codes


def to_test(path: str, fresh: bool, unrun_only: bool = False) -> list[str]:
    """The mutants of one module to give mutmut: all of them (as a pattern) the first time,
    else the ones without a kill (with `unrun_only`, only those that have no result yet)."""
    codes = _exit_codes(path)
    if fresh or all(code is None for code in codes.values()):
        return [module_of(path) + ".*"]
    if unrun_only:
        return sorted(name for name, code in codes.items() if code is None)
    return sorted(name for name, code in codes.items() if code not in _KILLED)


def report(result: Score, equivalents: dict[str, Equivalent],
           diff_of: Callable[[str], str]) -> list[str]:
    lines = [f"{result.path}: {result.killed} of {result.total} mutants killed "
             f"({result.raw:.1f} %); without the {len(result.excused)} listed as equivalent: "
             f"{result.killed} of {result.total - len(result.excused)} "
             f"({result.without_equivalents:.1f} %)"]
    for name in result.excused:
        lines.append(f"    equivalent  {name}: {equivalents[name].reason}")
    for name in result.unexplained:
        kind = "no test    " if name in result.no_tests else "survived   "
        lines.append(f"    {kind} {name}   (.venv/bin/mutmut show {name})")
        lines.extend(f"        {line}" for line in diff_of(name).splitlines())
    for name in result.not_run:
        lines.append(f"    not run     {name}")
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="dev.py mutate", description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", default=list(DEFAULT_FILES))
    parser.add_argument("--max-children", type=int, default=1,
                        help="mutants tested at once (default 1: the machine is shared)")
    parser.add_argument("--fresh", action="store_true", help="forget earlier runs first")
    args = parser.parse_args(argv)
    files = [Path(f).resolve().relative_to(ROOT).as_posix() for f in args.files]
    for path in files:
        if not path.startswith("wizard/core/") or not path.endswith(".py"):
            parser.error(f"{path}: mutation testing covers the modules in wizard/core/ only")
    if args.fresh and WORK.exists():
        import shutil
        shutil.rmtree(WORK)
    equivalents = load_equivalents()
    started = time.monotonic()
    WORK.mkdir(exist_ok=True)
    # Which tests reach which function: mutmut keeps this from its first run and adds only new
    # tests, so a test that changed, or a function added since, would run no test at all
    # ("no tests"). Collect it again every time (one traced run of the tests).
    (WORK / "mutmut-stats.json").unlink(missing_ok=True)
    log = WORK / "mutmut-run.log"
    with log.open("w", encoding="utf-8") as out:
        # Killed mutants stay killed while tests are only added: a later run tests again only
        # what survived; --fresh tests every mutant. mutmut renews the mutants of changed code
        # only when it starts, so a second pass tests those the first could not name (the
        # ones still without a result), and nothing twice.
        for unrun_only in (False, True):
            wanted = [name for path in files
                      for name in to_test(path, args.fresh, unrun_only)]
            if not wanted:
                break
            code = subprocess.call(
                [str(BIN / "mutmut"), "run", "--max-children", str(args.max_children),
                 *wanted], cwd=ROOT, stdout=out, stderr=out,
                env={**os.environ, "HYPOTHESIS_PROFILE": "mutation"})
            if code != 0:
                print(log.read_text(encoding="utf-8", errors="replace")[-4000:])
                print(f"mutmut failed (exit code {code}); its whole output is in {log}")
                return 1
            args.fresh = False
    elapsed = time.monotonic() - started
    failed = False
    statuses: Counter[str] = Counter()
    for path in files:
        result, problems = score(path, _exit_codes(path), equivalents, _diff_reader(path))
        print("\n".join(report(result, equivalents, _diff_reader(path))))
        for problem in problems:
            print(f"    PROBLEM     {problem}")
        statuses.update(killed=result.killed, total=result.total, excused=len(result.excused))
        failed |= bool(problems) or result.without_equivalents < GOAL
    if len(files) > 1:
        counted = statuses["total"] - statuses["excused"]
        print(f"all: {statuses['killed']} of {statuses['total']} killed "
              f"({100.0 * statuses['killed'] / max(statuses['total'], 1):.1f} %); without "
              f"equivalents {statuses['killed']} of {counted} "
              f"({100.0 * statuses['killed'] / max(counted, 1):.1f} %)")
    print(f"mutmut ran for {elapsed:.0f} s with {args.max_children} at once "
          f"(log: mutants/mutmut-run.log)")
    if failed:
        print(f"Below the goal of {GOAL:.0f} % or with a problem in {EQUIVALENTS.name}.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
