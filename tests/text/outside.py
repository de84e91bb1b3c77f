"""Finds string literals in wizard/ (outside wizard/text) that a person would read but that
don't go through the catalogue. The rules, so the count in the issue note can be re-made:

- every string constant and every literal part of an f-string in wizard/**/*.py, except
  wizard/text/ (the catalogue's own modules);
- not a docstring; not an argument of `_`, `_n`, `N_` (those are the catalogue);
- not an argument of a logging call (`log.*`, `logger.*`, `logging.*`) or `warnings.warn`:
  logs are for support, in English;
- not the message of a `ValueError` or `TypeError`: those say what data was malformed, for
  the caller that catches them and the log (it records their type); an error a person reads is
  a `SyncCheckupError` (core/errors.py), its sentence from the catalogue — and the command
  line's option converters, the one place a ValueError carries a sentence, take it from there;
- it reads as prose: two or more words of two or more letters in a row — or a single word
  of three or more letters starting with a capital that is handed to a Qt text setter or
  widget (`setText`, `QLabel(...)`, `addItem`, …);
- and it is not markup, an address, a code, a key or a query: no "://", not all upper-case,
  not a style sheet rule (`name {` or `name: value;`) or HTML attributes, not a
  `select … from` query, not all lower-case without a sentence's end (those are keys matched
  against export headers and API answers: every sentence here starts with a capital, or is
  handed to a Qt setter, or is an argparse `help=`/`description=`, which count even in lower
  case);
- files that only speak for the outside world are left out: `sources/service_rules.py` and
  `sources/replay.py` (the sample's imitation of the services' own error answers) and
  `sources/exports/languages.py` (export headers in other languages);
- and it is not one of `NOT_SENTENCES` below: names that are the same in every language
  (the product, QuickBooks plans, a font, the sample's member), and strings that read as
  prose to the rules but are queries or attributes — each with why; nor an argument of
  `log_auth_error` (labels only the log sees), nor a regular expression (starts with `^`).

`python tests/text/outside.py` lists what is found; `test_outside.py` holds the count at 0.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MARKERS = {"_", "_n", "N_"}
LOG_OWNERS = {"log", "logger", "logging", "_log", "warnings"}
QT_TEXT = {"setText", "setToolTip", "setAccessibleName", "setAccessibleDescription",
           "setWindowTitle", "setPlaceholderText", "addItem", "addItems", "setTitle",
           "setStatusTip", "setWhatsThis", "setButtonText", "setLabelText", "showMessage",
           "setHorizontalHeaderLabels", "setHeaderLabels", "setInformativeText",
           "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction",
           "QToolButton", "setDefaultSuffix", "setNameFilter", "getSaveFileName",
           "getOpenFileNames", "getExistingDirectory"}
PROSE = re.compile(r"[A-Za-z]{2,}[’']?[a-z]*[ ,:;.–—]+[A-Za-z]{2,}")
WORD = re.compile(r"^[A-Z][a-z]{2,}[a-z …:.!?]*$")
NOT_PROSE = re.compile(r"://|^\s*[.#]?[a-z-]+\s*\{|^\s*[a-z-]+:\s*[^\s;]+;|^select |^--|^\^",
                       re.IGNORECASE)
CODE = re.compile(r"^[A-Z0-9_ -]+$|^[a-z0-9_.-]+$")
KEY = re.compile(r"^[a-z0-9 ()/&,'’_.-]+$")  # lower case, no sentence end: a key or header
MARKUP = re.compile(r'^\s*<|="|^["\s]*>|style=|cellspacing')
SHOWN_KEYWORDS = {"help", "description", "epilog"}  # argparse's words for the user
NOT_MESSAGES = {"ValueError", "TypeError"}
# What the rules take for prose but is not a sentence of the app's own, each with why
# (compared with the string's stripped text).
NOT_SENTENCES: dict[str, str] = {
    "Sync Checkup": "the product's name, the same in every language (titles, version lines)",
    "Simple Start": "a QuickBooks plan's name",
    "QuickBooks Online": "the start of a QuickBooks plan's name",
    "DejaVu Sans": "a font",
    "Jon Smith": "the sample company's member the screenshot walk selects: data",
    "PLAN.json": "an argparse placeholder for a file the user names, like FILE and NAME",
    "support@clockify.me": "an address",
    "text/html; charset=utf-8": "a MIME type",
    "WHERE Active IN (true, false) STARTPOSITION": "a QuickBooks query",
    "WHERE Active IN (true, false)": "a QuickBooks query",
    "WHERE DisplayName =": "a QuickBooks query",
    "AND Active IN (true, false)": "a QuickBooks query",
    "fail.Keyring": "a keyring backend's name",
    "null.Keyring": "a keyring backend's name",
    '; text-decoration:underline"': "a style attribute",
}
LOG_ONLY = {"log_auth_error"}  # helpers that only write to the log
OUTSIDE_WORLD = {"wizard/sources/service_rules.py", "wizard/sources/replay.py",
                 "wizard/sources/exports/languages.py"}


def _call_name(call: ast.Call) -> str:
    f = call.func
    if isinstance(f, ast.Name):
        return f.id
    if isinstance(f, ast.Attribute):
        return f.attr
    return ""


def _owner(call: ast.Call) -> str:
    f = call.func
    if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name):
        return f.value.id
    return ""


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def outside(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    qt_args: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        inside = (name in MARKERS or name in NOT_MESSAGES or name in LOG_ONLY
                  or _owner(node) in LOG_OWNERS
                  or (name == "warn" and _owner(node) == "warnings"))
        for arg in [*node.args, *(k.value for k in node.keywords)]:
            for sub in ast.walk(arg):
                if inside:
                    skip.add(id(sub))
                elif name in QT_TEXT:
                    qt_args.add(id(sub))
        for keyword in node.keywords:
            if keyword.arg in SHOWN_KEYWORDS and not inside:
                qt_args.update(id(sub) for sub in ast.walk(keyword.value))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if id(node) in skip:
            continue
        text = node.value.strip()
        if (not text or text in NOT_SENTENCES or NOT_PROSE.search(text) or CODE.match(text)
                or MARKUP.search(text)):
            continue
        if KEY.match(text) and id(node) not in qt_args and not text.endswith((".", "?", "!")):
            continue
        if PROSE.search(text) or (id(node) in qt_args and WORD.match(text)):
            yield node.lineno, node.value


def scan() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted((ROOT / "wizard").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("wizard/text/") or rel in OUTSIDE_WORLD:
            continue
        found += [(rel, line, text) for line, text in outside(path)]
    return found


if __name__ == "__main__":
    from collections import Counter
    rows = scan()
    for rel, line, text in rows:
        print(f"{rel}:{line}: {text[:90]!r}")  # noqa: T201
    print(len(rows), Counter(r[0] for r in rows).most_common())  # noqa: T201
