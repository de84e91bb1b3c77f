"""The catalogue's machinery: language choice, plurals, and the pseudo-language."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wizard import text
from wizard.text import _, _n, pseudo


@pytest.fixture
def lang(monkeypatch: pytest.MonkeyPatch):
    def use(value: str | None) -> None:
        if value is None:
            monkeypatch.delenv(text.ENV_VAR, raising=False)
        else:
            monkeypatch.setenv(text.ENV_VAR, value)
        text.set_language(None)

    yield use
    text.set_language(None)


def test_english_is_the_source_language(lang) -> None:
    lang("en")
    assert _("Reading Clockify…") == "Reading Clockify…"
    assert _n("{count} thing to fix", "{count} things to fix", 1) == "{count} thing to fix"
    assert _n("{count} thing to fix", "{count} things to fix", 3) == "{count} things to fix"


def test_pseudo_is_chosen_by_the_environment(lang) -> None:
    lang("pseudo")
    shown = _("Reading Clockify…")
    assert shown.startswith("[")
    assert shown.endswith("]")
    assert "Reading" not in shown
    assert _n("{count} thing", "{count} things", 2).count("{count}") == 1


def test_an_unknown_language_falls_back_to_english(lang) -> None:
    lang("xx_YY")
    assert _("Reading Clockify…") == "Reading Clockify…"


@pytest.mark.parametrize(("variables", "expected"), [
    ({}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "de_DE"),
    ({"LANG": "C.UTF-8"}, "C"),
    ({"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "nl_NL@euro"}, "nl_NL"),
    ({"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "nl_NL", "LC_ALL": "pt_BR.ISO-8859-1"}, "pt_BR"),
    ({"LANG": "fr_FR.UTF-8", "LC_ALL": "pt_BR", "LANGUAGE": "sv_SE:de:en"}, "sv_SE"),
    ({"LANG": "fr_FR.UTF-8", "LANGUAGE": ""}, "fr_FR"),
    ({"LANG": "fr_FR.UTF-8", "SYNC_CHECKUP_LANG": "pseudo"}, "pseudo"),
])
def test_the_system_language_is_read_as_gettext_reads_it(monkeypatch, variables, expected) -> None:  # type: ignore[no-untyped-def]
    for name in (text.ENV_VAR, "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert text.language() == expected


def test_the_c_locale_reads_english(lang, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    lang(None)
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert _("Reading Clockify…") == "Reading Clockify…"
    assert type(text._translations()).__name__ == "NullTranslations"


def test_pseudo_keeps_placeholders_tags_and_commands() -> None:
    shown = pseudo("Run `sync-checkup check --help` for {what:>3} <b>now</b> &amp; %(n)s %s "
                   "%(value)r %r")
    for kept in ("`sync-checkup check --help`", "{what:>3}", "<b>", "</b>", "&amp;", "%(n)s",
                 " %s ", "%(value)r", "%r"):
        assert kept in shown
    assert "now" not in shown
    assert "Run" not in shown


@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), min_size=1))
def test_pseudo_is_longer_bracketed_and_formats_like_the_source(message: str) -> None:
    shown = pseudo(message)
    assert shown.startswith("[")
    assert shown.endswith("]")
    assert len(shown) > len(message)
    placeholders = re.findall(r"\{[^{}]*\}", message)
    assert re.findall(r"\{[^{}]*\}", shown) == placeholders


def test_pseudo_is_about_forty_percent_longer() -> None:
    message = "Every user must be spelled exactly like a QuickBooks employee."
    letters = sum(ch.isalpha() for ch in message)
    assert len(pseudo(message)) - len(message) - 3 == round(letters * 0.4)
