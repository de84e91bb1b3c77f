"""Exact name comparison and the near-match layers of SPEC §3.6.

Clockify's integration matches names exactly, so only identical strings match. A near match is
a suggestion for the bookkeeper: the layers below say *how* two names differ, strictest first,
each layer undoing one more kind of difference on top of the ones before it.

Spelling is the loosest layer. It pairs names whose words line up one to one and differ in a
single word by a slip of the keyboard: a missing or extra letter ("Jon" / "John"), or one
changed or swapped letter in a word of five letters or more ("Redesing"; two in words of nine
or more). Short words must not change a letter ("Kim" / "Lim", "Wen" / "Wei" are different
people), the first letter never changes, and numbers never change ("Phase 2" / "Phase 3").
rapidfuzz finds the candidates; the word rule
decides. See tests/core/test_names.py for the pairs that justify each limit.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel


class NearKind(StrEnum):
    UNICODE = "unicode"
    WHITESPACE = "whitespace"
    CASE = "case"
    PUNCTUATION = "punctuation"
    ACCENTS = "accents"
    WORD_ORDER = "word_order"
    SPELLING = "spelling"


_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_SPACE_AMP = re.compile(r"\s*&\s*")
_APOSTROPHES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",
                              "`": "'", "\u00b4": "'", "\u201c": '"', "\u201d": '"'})
_AND = re.compile(r"\s*&\s*|\band\b")
_NOT_WORD = re.compile(r"[^\w]+")


def norm_unicode(name: str) -> str:
    return unicodedata.normalize("NFC", name)


def norm_whitespace(name: str) -> str:
    text = _SPACES.sub(" ", norm_unicode(name)).strip()
    return _SPACE_AMP.sub(" & ", text)


def norm_case(name: str) -> str:
    # casefold can undo NFC ("ß" + accent → "ss" + accent): normalise again
    return unicodedata.normalize("NFC", norm_whitespace(name).casefold())


def words(name: str) -> str:
    """Case-folded words without punctuation, `&` spelled `and`: the base of the loose layers."""
    text = norm_case(name).translate(_APOSTROPHES)
    text = _AND.sub(" and ", text)
    text = text.replace("'", "").replace(".", "")
    return " ".join(_NOT_WORD.sub(" ", text).replace("_", " ").split())


def fold_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped.replace("ß", "ss").replace("ø", "o")
                                 .replace("ł", "l").replace("đ", "d").replace("æ", "ae"))


def folded(name: str) -> str:
    """Words with accents removed: what the spelling layer compares."""
    return fold_accents(words(name))


def norm_punctuation(name: str) -> str:
    # Spaces go too, so "Book-keeping" meets "Bookkeeping" and "Smith-Jones" meets "Smith Jones".
    return words(name).replace(" ", "")


def norm_accents(name: str) -> str:
    return folded(name).replace(" ", "")


def norm_word_order(name: str) -> str:
    return " ".join(sorted(folded(name).split()))


# Strictest first; spelling is handled apart, on the folded words.
LAYERS: tuple[tuple[NearKind, Callable[[str], str]], ...] = (
    (NearKind.UNICODE, norm_unicode),
    (NearKind.WHITESPACE, norm_whitespace),
    (NearKind.CASE, norm_case),
    (NearKind.PUNCTUATION, norm_punctuation),
    (NearKind.ACCENTS, norm_accents),
    (NearKind.WORD_ORDER, norm_word_order),
)

MAX_SPELLING_EDITS = 2
_SHORT_WORD = 4  # words this long or shorter may only gain or lose a letter
_FUZZY_CUTOFF = 70.0  # rapidfuzz ratio below which two folded names are never looked at


def near_kind(a: str, b: str) -> NearKind | None:
    """How two *different* names are close, or None. Identical names are never near."""
    if a == b:
        return None
    for kind, norm in LAYERS:
        if norm(a) == norm(b):
            return kind
    if spelling_close(folded(a), folded(b)):
        return NearKind.SPELLING
    return None


def spelling_close(a: str, b: str) -> bool:
    """The word rule for the spelling layer, on `folded` names (see module docstring)."""
    if not a or not b or a == b:
        return False
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    differing = [(wa, wb) for wa, wb in zip(words_a, words_b, strict=True) if wa != wb]
    if len(differing) != 1:
        return False  # "Maria Lopez" / "Mario Lopes" are two people, not one typo
    total = 0
    for wa, wb in differing:
        if wa[0] != wb[0] and not (wa[0].isdigit() and wb[0].isdigit()):
            return False
        if any(c.isdigit() for c in wa + wb):
            return False  # "Phase 2" and "Phase 3" are different projects
        indel = Indel.distance(wa, wb)
        if min(len(wa), len(wb)) <= _SHORT_WORD:
            if indel != 1:
                return False
            total += 1
            continue
        edits = OSA.distance(wa, wb)  # a swap of two neighbours counts once
        allowed = 2 if min(len(wa), len(wb)) >= 9 else 1
        if edits > allowed:
            return False
        total += edits
    return 0 < total <= MAX_SPELLING_EDITS


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class NearMatch(Generic[T]):
    record: T
    name: str
    kind: NearKind


class NameIndex(Generic[T]):
    """Finds records by exact name and by near match, built once per list of candidates.

    Each layer is a dictionary from normalised name to records, so the layered look-up costs a
    few dictionary reads; only the spelling layer asks rapidfuzz, over names of similar length.
    """

    def __init__(self, records: Iterable[T], name_of: Callable[[T], str]) -> None:
        self._name_of = name_of
        self._exact: dict[str, list[T]] = defaultdict(list)
        self._layers: list[dict[str, list[T]]] = [defaultdict(list) for _ in LAYERS]
        self._folded: list[str] = []
        self._folded_records: list[T] = []
        for record in records:
            name = name_of(record)
            self._exact[name].append(record)
            for table, (_, norm) in zip(self._layers, LAYERS, strict=True):
                table[norm(name)].append(record)
            self._folded.append(folded(name))
            self._folded_records.append(record)

    def __len__(self) -> int:
        return len(self._folded_records)

    def exact(self, name: str) -> list[T]:
        return self._exact.get(name, [])

    def near(self, name: str, prefer: Callable[[T], bool] | None = None) -> NearMatch[T] | None:
        """The closest record whose name differs from `name`, strictest layer first.

        `prefer` breaks ties inside a layer (e.g. active records before inactive ones).
        """
        for table, (kind, norm) in zip(self._layers, LAYERS, strict=True):
            found = [r for r in table.get(norm(name), ()) if self._name_of(r) != name]
            if found:
                return self._pick(found, kind, prefer)
        key = folded(name)
        if not key or not self._folded:
            return None
        candidates = process.extract(key, self._folded, scorer=Indel.normalized_similarity,
                                     score_cutoff=_FUZZY_CUTOFF / 100, limit=8)
        close = [(score, self._folded_records[i]) for _, score, i in candidates
                 if spelling_close(key, self._folded[i])
                 and self._name_of(self._folded_records[i]) != name]
        if not close:
            return None
        best_score = max(score for score, _ in close)
        best = [r for score, r in close if score == best_score]
        return self._pick(best, NearKind.SPELLING, prefer)

    def _pick(self, found: Sequence[T], kind: NearKind,
              prefer: Callable[[T], bool] | None) -> NearMatch[T]:
        if prefer is not None:
            preferred = [r for r in found if prefer(r)]
            found = preferred or found
        record = found[0]
        return NearMatch(record, self._name_of(record), kind)


def describe_difference(kind: NearKind) -> str:
    """A short plain-language phrase for how two names differ."""
    return {
        NearKind.UNICODE: "they look the same but were typed with different characters",
        NearKind.WHITESPACE: "the spaces differ (extra, doubled or special spaces)",
        NearKind.CASE: "capital and small letters differ",
        NearKind.PUNCTUATION: "punctuation differs (dots, dashes, apostrophes or & / and)",
        NearKind.ACCENTS: "accents differ",
        NearKind.WORD_ORDER: "the words are in a different order",
        NearKind.SPELLING: "the spelling differs slightly",
    }[kind]
