"""The one home of every sentence a person reads, ready for translation.

Sentences are whole, with named placeholders, and plurals come from `ngettext`, never from
"(s)" or glued fragments:

    from wizard.text import _, _n
    _("Reading Clockify…")
    _n("{count} thing to fix", "{count} things to fix", n).format(count=n)

Module-level sentences are marked with `N_` (so extraction finds them) and translated where they
are shown, because the language is chosen at run time.

The language is `SYNC_CHECKUP_LANG` when set, else the system's; English is the source language.
`pseudo` is a pseudo-translation — accented, about 40 % longer and bracketed — that shows any
sentence still outside the catalogue and any layout that clips longer text. Names from the
user's data pass through placeholders and are never translated.

This package imports nothing else of the application, so every layer may use it.
"""

from __future__ import annotations

import gettext
import os
import re
import threading
from pathlib import Path

DOMAIN = "sync_checkup"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
PSEUDO = "pseudo"
ENV_VAR = "SYNC_CHECKUP_LANG"
_SYSTEM_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # gettext's order

_lock = threading.Lock()
_active: gettext.NullTranslations | None = None
_active_lang: str | None = None


def N_(message: str) -> str:
    """Marks a sentence for the catalogue without translating it yet (translate where shown)."""
    return message


def _(message: str) -> str:
    """The sentence in the chosen language."""
    return _translations().gettext(message)


def _n(singular: str, plural: str, n: int) -> str:
    """The sentence in the right plural form for `n` in the chosen language."""
    return _translations().ngettext(singular, plural, n)


def language() -> str:
    """The language asked for: `SYNC_CHECKUP_LANG`, else the system's, else English.

    The system's is read the way gettext reads it: the first of LANGUAGE (a list, its first
    entry), LC_ALL, LC_MESSAGES and LANG that is set, without its encoding and modifier
    ("de_DE.UTF-8@euro" is "de_DE"). Windows sets none of them, so it reads English, as
    before. Reading the variables rather than the C library's locale gives the same answer
    before Qt has set the locale from them as after, and spares the first paint the `locale`
    module.
    """
    chosen = os.environ.get(ENV_VAR, "").strip()
    if chosen:
        return chosen
    for variable in _SYSTEM_VARIABLES:
        value = os.environ.get(variable, "").split(":")[0].split(".")[0].split("@")[0].strip()
        if value:
            return value
    return "en"


def set_language(lang: str | None) -> None:
    """Use `lang` from now on (None: decide again from the environment on next use)."""
    global _active, _active_lang
    with _lock:
        _active = None
        _active_lang = lang


def _translations() -> gettext.NullTranslations:
    global _active
    active = _active
    if active is not None:
        return active
    with _lock:
        if _active is None:
            lang = _active_lang or language()
            _active = _load(lang)
        return _active


def _load(lang: str) -> gettext.NullTranslations:
    if lang == PSEUDO:
        return PseudoTranslations()
    if lang.split("_")[0].lower() in ("en", "c", "posix"):
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


# --- the pseudo-language ----------------------------------------------------------------------

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
# Kept as they are: {placeholders} (with format specs), %(name)s and argparse's %s/%r, HTML tags
# and entities, and anything between backticks (commands and options the user types).
# (a pattern, compiled by `re` on the first pseudo-translation, not on every start)
_KEEP = r"\{[^{}]*\}|%(?:\([a-z_]+\))?[sdr]|<[^<>]+>|&[a-z]+;|`[^`]*`"


def pseudo(message: str) -> str:
    """`message` accented, about 40 % longer and bracketed, placeholders untouched."""
    if not message:
        return message
    parts: list[str] = []
    last = 0
    letters = 0
    for kept in re.finditer(_KEEP, message):
        plain = message[last:kept.start()]
        letters += sum(ch.isalpha() for ch in plain)
        parts.append(plain.translate(_ACCENTED))
        parts.append(kept.group())
        last = kept.end()
    tail = message[last:]
    letters += sum(ch.isalpha() for ch in tail)
    parts.append(tail.translate(_ACCENTED))
    padding = "~" * max(1, round(letters * 0.4))
    return f"[{''.join(parts)} {padding}]"


class PseudoTranslations(gettext.NullTranslations):
    """Every sentence of the catalogue, pseudo-translated."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)


__all__ = ["N_", "PSEUDO", "PseudoTranslations", "_", "_n", "language", "pseudo",
           "set_language"]
