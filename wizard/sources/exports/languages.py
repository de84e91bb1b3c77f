"""Clockify's column names in other interface languages (reference exports.md §1).

Clockify writes an export's header in the exporting user's interface language (English, French,
German, Spanish or Portuguese). Only words seen in a real export are read as their English
column: `ALIASES`. Words known only from help pages tell the language but are never read as a
column (`HINTS`): a file that has them is refused with a sentence naming what to change.
Each language is a code here; its name for the user is in `messages.LANGUAGE_NAMES`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

# Portuguese: a Detailed report published by a user (exports.md §1, "seen in a real published
# export"). It had no Billable column; its "Email" is the English word. The Projects and Team
# exports' Portuguese words are not known, so those files get the switch-language sentence.
_PORTUGUESE_DETAILED = {
    "projeto": "project",
    "cliente": "client",
    "descrição": "description",
    "tarefa": "task",
    "usuário": "user",
    "grupo": "group",
    "etiqueta": "tags",
    "data de início": "start date",
    "hora de início": "start time",
    "data final": "end date",
    "hora de término": "end time",
    "duração (h)": "duration (h)",
    "duração (decimal)": "duration (decimal)",
}

# German: the field names of Clockify's German help pages (exports.md §1, not seen in a file).
_GERMAN_HINTS = ("projekt", "kunde", "beschreibung", "aufgabe", "benutzer")

ALIASES: dict[str, str] = dict(_PORTUGUESE_DETAILED)
_LANGUAGE_OF: dict[str, str] = {
    **dict.fromkeys(_PORTUGUESE_DETAILED, "pt"),
    **dict.fromkeys(_GERMAN_HINTS, "de"),
}


def fold(name: str) -> str:
    """A header name already trimmed and case-folded, in composed Unicode form."""
    return unicodedata.normalize("NFC", name)


def english(name: str) -> str:
    """The English column a known translated header name stands for (else the name itself)."""
    return ALIASES.get(fold(name), name)


def language_of(names: Iterable[str]) -> str | None:
    """The language code most of a header row's translated words belong to, or None.

    Two words of one language are needed: a single word such as "Grupo" is shared by several.
    """
    counts: dict[str, int] = {}
    for name in names:
        code = _LANGUAGE_OF.get(fold(name))
        if code is not None:
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    code, found = max(counts.items(), key=lambda kv: kv[1])
    return code if found >= 2 else None


def has_foreign_word(names: Iterable[str]) -> bool:
    return any(fold(n) in _LANGUAGE_OF for n in names)


def looks_like_clockify_report(names: Iterable[str]) -> bool:
    """A header with "… (h)" and "… (decimal)" columns: Clockify's Detailed or Summary report,
    whatever the language ("Duration (h)", "Duração (decimal)", "Time (h)")."""
    listed = list(names)
    return any(n.endswith(" (h)") for n in listed) and any(
        n.endswith(" (decimal)") for n in listed)
