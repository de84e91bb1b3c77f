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
from functools import lru_cache
from typing import Generic, TypeVar

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

from wizard.text.report import difference


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


@lru_cache(maxsize=262_144)
def name_keys(name: str) -> tuple[tuple[str, ...], str]:
    """Every layer's key for a name in one pass, and its folded words for the spelling layer.

    Cached: the same names come back for every index and every run of the checks. Most names
    are plain ASCII, for which Unicode normalisation and case folding reduce to cheaper calls
    with the same result (a property test holds `_ascii_keys` to `_unicode_keys`).
    """
    return _ascii_keys(name) if name.isascii() else _unicode_keys(name)


def _unicode_keys(name: str) -> tuple[tuple[str, ...], str]:
    uni = unicodedata.normalize("NFC", name)
    spaced = _SPACE_AMP.sub(" & ", _SPACES.sub(" ", uni).strip())
    # casefold can undo NFC ("ß" + accent → "ss" + accent): normalise again
    case = unicodedata.normalize("NFC", spaced.casefold())
    text = _AND.sub(" and ", case.translate(_APOSTROPHES)).replace("'", "").replace(".", "")
    plain = " ".join(_NOT_WORD.sub(" ", text).replace("_", " ").split())
    return _keys(uni, spaced, case, plain, fold_accents(plain))


def _ascii_keys(name: str) -> tuple[tuple[str, ...], str]:
    spaced = " ".join(name.split())
    if "&" in spaced:
        spaced = _SPACE_AMP.sub(" & ", spaced)
    case = spaced.lower()
    text = case.replace("`", "'")  # the one ASCII character of _APOSTROPHES (translate is slow)
    # Spaces put around a word "and" only change the keys where an apostrophe or a full stop
    # meets it ("rock'and'roll"), as both are dropped below rather than made spaces; elsewhere
    # the word is already apart, so the regular expression is spared for names like "Landscaping"
    if "&" in text or ("and" in text and ("'" in text or "." in text)):
        text = _AND.sub(" and ", text)
    text = text.replace("'", "").replace(".", "")
    if text.replace(" ", "").isalnum():
        plain = " ".join(text.split())
    else:
        plain = " ".join(_NOT_WORD.sub(" ", text).replace("_", " ").split())
    return _keys(name, spaced, case, plain, plain)


def _keys(uni: str, spaced: str, case: str, plain: str,
          fold: str) -> tuple[tuple[str, ...], str]:
    # Punctuation and accents drop spaces too, so "Book-keeping" meets "Bookkeeping".
    joined = plain.replace(" ", "")
    return (uni, spaced, case, joined, joined if fold is plain else fold.replace(" ", ""),
            " ".join(sorted(fold.split())) if " " in fold else fold), fold


def fold_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped.replace("ß", "ss").replace("ø", "o")
                                 .replace("ł", "l").replace("đ", "d").replace("æ", "ae"))


def folded(name: str) -> str:
    """Case-folded words without punctuation or accents: what the spelling layer compares."""
    return name_keys(name)[1]


def norm_unicode(name: str) -> str:
    return name_keys(name)[0][0]


def norm_whitespace(name: str) -> str:
    return name_keys(name)[0][1]


def norm_case(name: str) -> str:
    return name_keys(name)[0][2]


def norm_punctuation(name: str) -> str:
    return name_keys(name)[0][3]


def norm_accents(name: str) -> str:
    return name_keys(name)[0][4]


def norm_word_order(name: str) -> str:
    return name_keys(name)[0][5]


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

    Each layer is a dictionary from normalised name to the distinct names that have it, so the
    layered look-up costs a few dictionary reads; only the spelling layer asks rapidfuzz, over
    names of similar length.
    """

    def __init__(self, records: Iterable[T], name_of: Callable[[T], str]) -> None:
        self._name_of = name_of
        self._records = list(records)
        self._exact: dict[str, list[T]] = defaultdict(list)
        for record in self._records:
            self._exact[name_of(record)].append(record)
        # built on the first near() call: most names match exactly and never need them
        self._layers: list[dict[str, list[str]]] | None = None
        # spelling candidates by (first letter, word count): the word rule keeps both
        self._spelling: dict[tuple[str, int], tuple[list[str], list[T]]] = {}
        self._position: dict[int, int] | None = None  # by id(record); see _in_order

    def __len__(self) -> int:
        return len(self._records)

    def exact(self, name: str) -> list[T]:
        return self._exact.get(name, [])

    def _build_layers(self) -> list[dict[str, list[str]]]:
        # Each distinct name is filed once, not each record: names repeat (a large company's
        # 30,000 customers have about 7,000, as every firm has its "Website Redesign").
        layers: list[dict[str, list[str]]] = [defaultdict(list) for _ in LAYERS]
        # the six layers written out rather than zipped: a third less time over the tens of
        # thousands of customers a large company's indexes hold (unpacking fails loudly if a
        # layer is ever added without a line here)
        t0, t1, t2, t3, t4, t5 = layers
        spelling = self._spelling
        spelled: dict[str, tuple[str, tuple[list[str], list[T]]]] = {}
        for name in self._exact:
            (k0, k1, k2, k3, k4, k5), fold = name_keys(name)
            t0[k0].append(name)
            t1[k1].append(name)
            t2[k2].append(name)
            t3[k3].append(name)
            t4[k4].append(name)
            t5[k5].append(name)
            if fold:
                where = (fold[0], fold.count(" "))
                bucket = spelling.get(where)
                if bucket is None:
                    bucket = spelling[where] = ([], [])
                spelled[name] = fold, bucket
        # the spelling candidates stay one per record, in the records' order: rapidfuzz keeps
        # the eight best of them, and the first of equals wins
        name_of = self._name_of
        for record in self._records:
            found = spelled.get(name_of(record))
            if found is not None:
                fold, (folds, records) = found
                folds.append(fold)
                records.append(record)
        self._layers = layers
        return layers

    def near(self, name: str, prefer: Callable[[T], bool] | None = None) -> NearMatch[T] | None:
        """The closest record whose name differs from `name`, strictest layer first.

        `prefer` breaks ties inside a layer (e.g. active records before inactive ones).
        """
        layers = self._layers if self._layers is not None else self._build_layers()
        keys, key = name_keys(name)
        for table, (kind, _), layer_key in zip(layers, LAYERS, keys, strict=True):
            names = [n for n in table.get(layer_key, ()) if n != name]
            if names:
                return self._pick(self._in_order(names), kind, prefer)
        bucket = self._spelling.get((key[0], key.count(" "))) if key else None
        if not bucket:
            return None
        folds, records = bucket
        candidates = process.extract(key, folds, scorer=Indel.normalized_similarity,
                                     score_cutoff=_FUZZY_CUTOFF / 100, limit=8)
        close = [(score, records[i]) for _, score, i in candidates
                 if spelling_close(key, folds[i]) and self._name_of(records[i]) != name]
        if not close:
            return None
        best_score = max(score for score, _ in close)
        best = [r for score, r in close if score == best_score]
        return self._pick(best, NearKind.SPELLING, prefer)

    def _in_order(self, names: list[str]) -> list[T]:
        """The records of these names, in the order the index was given them."""
        if len(names) == 1:
            return self._exact[names[0]]
        if self._position is None:
            # by identity, as records need not be hashable (the index keeps each one alive);
            # a record given twice keeps its first place
            self._position = {}
            for i, record in enumerate(self._records):
                self._position.setdefault(id(record), i)
        position = self._position
        return sorted((r for n in names for r in self._exact[n]),
                      key=lambda r: position[id(r)])

    def _pick(self, found: Sequence[T], kind: NearKind,
              prefer: Callable[[T], bool] | None) -> NearMatch[T]:
        if prefer is not None:
            preferred = [r for r in found if prefer(r)]
            found = preferred or found
        record = found[0]
        return NearMatch(record, self._name_of(record), kind)


def describe_difference(kind: NearKind) -> str:
    """A short plain-language phrase for how two names differ."""
    return difference(kind)
