"""The catalogue as a translator gets it: Babel extracts every marked sentence into a .pot
without complaint, and every sentence formats with sample arguments, in English and in the
pseudo-language (a broken or positional placeholder fails here, not in front of a user)."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from wizard.text import pseudo

babel_extract = pytest.importorskip("babel.messages.extract", reason="Babel is a dev extra")
from babel.messages.catalog import Catalog  # noqa: E402
from babel.messages.pofile import read_po, write_po  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {"_": None, "N_": None, "_n": (1, 2)}
MARKERS = set(KEYWORDS)


def _extract() -> Catalog:
    catalog = Catalog(project="Sync Checkup", msgid_bugs_address="support@clockify.me")
    for filename, lineno, message, comments, context in babel_extract.extract_from_dir(
            ROOT / "wizard", method_map=[("**.py", "python")], keywords=KEYWORDS,
            comment_tags=("Translators:",), strip_comment_tags=True):
        catalog.add(message, locations=[(f"wizard/{filename}", lineno)],
                    auto_comments=comments, context=context)
    return catalog


@pytest.fixture(scope="module")
def pot(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    catalog = _extract()
    path = tmp_path_factory.mktemp("pot") / "sync_checkup.pot"
    with path.open("wb") as out:
        write_po(out, catalog, width=100)
    with path.open("rb") as back:
        return read_po(back)


def test_babel_extracts_the_catalogue_without_complaint(
        capfd: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    catalog = _extract()
    with (tmp_path / "sync_checkup.pot").open("wb") as out:
        write_po(out, catalog, width=100)
    assert capfd.readouterr().err == ""  # e.g. "Empty msgid" warnings
    assert len(catalog) > 400


def _messages(catalog: Catalog) -> list[tuple[str, ...]]:
    out = []
    for message in catalog:
        if not message.id:
            continue  # the header
        out.append(tuple(message.id) if isinstance(message.id, tuple | list) else (message.id,))
    return out


def _fields(text: str) -> list[tuple[str, str]]:
    return [(name, spec or "") for _lit, name, spec, _conv in string.Formatter().parse(text)
            if name is not None]


def _sample(spec: str) -> object:
    return 1234 if spec[-1:] in (",", "d", "n", "x") else "Sample Name"


def _format(text: str) -> str:
    fields = _fields(text)
    return text.format(**{name: _sample(spec) for name, spec in fields})


def test_every_message_formats_with_named_placeholders(pot: Catalog) -> None:
    broken = []
    for forms in _messages(pot):
        for text in forms:
            try:
                names = [name for name, _spec in _fields(text)]
                if any(not name or name.isdigit() for name in names):
                    broken.append(f"positional placeholder: {text!r}")
                    continue
                _format(text)
                _format(pseudo(text))
            except (ValueError, KeyError, IndexError) as exc:
                broken.append(f"{exc}: {text!r}")
        if len(forms) == 2 and {n for n, _s in _fields(forms[0])} - {n for n, _s in
                                                                   _fields(forms[1])}:
            broken.append(f"singular has a placeholder the plural lacks: {forms!r}")
    assert broken == []


def test_no_message_says_s_in_brackets_or_is_upper_cased(pot: Catalog) -> None:
    for forms in _messages(pot):
        for text in forms:
            assert "(s)" not in text, text
            words = [w for w in text.split() if w.isalpha() and len(w) > 3]
            assert not words or not all(w.isupper() for w in words), text


def _marked_calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name) and node.func.id in MARKERS]


def test_marked_sentences_are_literals_never_built() -> None:
    """`_(f"…")`, `_("a" + b)` or `_("…" % x)` would hand the translator a sentence that is
    never looked up: the sentence must be a literal, its values named placeholders."""
    built = []
    for path in sorted((ROOT / "wizard").rglob("*.py")):
        for call in _marked_calls(ast.parse(path.read_text(encoding="utf-8"))):
            for arg in call.args[:2 if call.func.id == "_n" else 1]:  # type: ignore[attr-defined]
                if isinstance(arg, ast.JoinedStr | ast.BinOp):
                    built.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert built == []
