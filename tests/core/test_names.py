"""Near-match layers (SPEC §3.6): each layer on realistic messy names, the spelling threshold's
limits, and properties that must hold for any names."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from wizard.core.names import (
    LAYERS,
    NameIndex,
    NearKind,
    NearMatch,
    describe_difference,
    near_kind,
    spelling_close,
)


@pytest.mark.parametrize(("clockify", "qbo", "kind"), [
    (unicodedata.normalize("NFD", "Zoë Martin"), "Zoë Martin", NearKind.UNICODE),
    ("Aisha  Khan", "Aisha Khan", NearKind.WHITESPACE),
    ("Aisha Khan ", "Aisha Khan", NearKind.WHITESPACE),
    ("Aisha\u00a0Khan", "Aisha Khan", NearKind.WHITESPACE),
    ("Smith&Jones Law", "Smith & Jones Law", NearKind.WHITESPACE),
    ("emily clarke", "Emily Clarke", NearKind.CASE),
    ("ACME CORP", "Acme Corp", NearKind.CASE),
    ("Liam O’Connor", "Liam O'Connor", NearKind.PUNCTUATION),
    ("Smith and Jones Law", "Smith & Jones Law", NearKind.PUNCTUATION),
    ("Summit Outdoor Co", "Summit Outdoor Co.", NearKind.PUNCTUATION),
    ("Book-keeping Setup", "Bookkeeping Setup", NearKind.PUNCTUATION),
    ("Mary-Jane Watson", "Mary Jane Watson", NearKind.PUNCTUATION),
    ("José García", "Jose Garcia", NearKind.ACCENTS),
    ("Greenleaf Café", "Greenleaf Cafe", NearKind.ACCENTS),
    ("Nguyen, Thanh", "Thanh Nguyen", NearKind.WORD_ORDER),
    ("Smith, John", "John Smith", NearKind.WORD_ORDER),
    ("Jon Smith", "John Smith", NearKind.SPELLING),
    ("Website Redesing", "Website Redesign", NearKind.SPELLING),
    ("Open House Flyer", "Open House Flyers", NearKind.SPELLING),
    ("Katharine Ng", "Katherine Ng", NearKind.SPELLING),
    ("Christopher Lee", "Christofer Lee", NearKind.SPELLING),  # two edits in a long word
    ("Christine Lee", "Christyna Lee", NearKind.SPELLING),  # nine letters is long
    # each letter that Unicode does not decompose has its own fold
    ("Søren Berg", "Soren Berg", NearKind.ACCENTS),
    ("Łukasz Nowak", "Lukasz Nowak", NearKind.ACCENTS),
    ("Đorđe Petrović", "Dorde Petrovic", NearKind.ACCENTS),
    ("Sæther Bygg", "Saether Bygg", NearKind.ACCENTS),
    # an accent and a hyphen apart: the folded key drops the spaces too
    ("Café-Bar Ltd", "Cafebar Ltd", NearKind.ACCENTS),
])
def test_each_layer_names_the_first_difference(clockify: str, qbo: str, kind: NearKind) -> None:
    assert near_kind(clockify, qbo) is kind


def test_mixed_differences_report_the_first_layer_that_makes_them_identical() -> None:
    # doubled space AND different case: identical only once case is folded too
    assert near_kind("jon  SMITH", "Jon Smith") is NearKind.CASE
    # curly apostrophe AND an accent: accents is the first layer that undoes both
    assert near_kind("Renée O’Hara", "Renee O'Hara") is NearKind.ACCENTS


@pytest.mark.parametrize(("a", "b"), [
    ("Dan Kim", "Dan Lim"),  # different short surnames sharing letters
    ("Li Wei", "Li Wen"),
    ("Ann Lee", "Ann Leo"),
    ("Brown", "Braun"),
    ("Maria Lopez", "Mario Lopes"),  # two words changed: two people
    ("Katherine Ng", "Catherine Ng"),  # first letter changed
    ("Phase 2", "Phase 3"),
    ("Acme Corp", "Apex Corp"),
    ("Website Redesign", "Website Design"),
    ("Harbor Dental", "Harbor Rental"),
    ("John Smith", "John Smith Jr"),
    ("Tom Becker", "Tim Becker"),
    ("Mark Smith", "Mary Smith"),  # four letters is short: no changed letter
    ("Anne Lee", "Anna Lee"),
    ("Margaret Hill", "Margorit Hill"),  # eight letters: one edit only
    ("Christopher Lee", "Christofar Lee"),  # three edits: too many even in a long word
])
def test_unrelated_names_never_pair(a: str, b: str) -> None:
    assert near_kind(a, b) is None
    assert near_kind(b, a) is None


def test_identical_names_are_never_near_even_with_odd_characters() -> None:
    for name in ("Q4: Ads", "  spaced  ", "Zoë", ""):
        assert near_kind(name, name) is None


def test_index_prefers_the_strictest_layer_and_active_records() -> None:
    records = [("John Smith", True), ("Jon Smith", False), ("jon smith", True)]
    index = NameIndex(records, lambda r: r[0])
    near = index.near("Jon  Smith", prefer=lambda r: r[1])
    assert near is not None
    assert near.kind is NearKind.WHITESPACE
    assert near.name == "Jon Smith"
    assert index.exact("John Smith") == [("John Smith", True)]
    assert index.exact("john smith") == []


@pytest.mark.parametrize(("query", "kind"), [("Jon  Smith", NearKind.WHITESPACE),
                                            ("Jon Smiht", NearKind.SPELLING)])
def test_index_prefers_the_active_record_of_two_with_the_same_name(query: str,
                                                                   kind: NearKind) -> None:
    inactive, active = ("Jon Smith", False, "E1"), ("Jon Smith", True, "E2")
    index = NameIndex([inactive, active], lambda r: r[0])
    near = index.near(query, prefer=lambda r: r[1])
    assert near is not None
    assert (near.record, near.kind) == (active, kind)
    # with nothing to prefer, the first record of the layer is the answer
    assert index.near(query, prefer=lambda r: False) == index.near(query)
    assert index.near(query).record is inactive


def test_index_answers_its_tenth_question_as_its_first() -> None:
    # the decoy looks closer to rapidfuzz but changes two words; the layers are built once
    index = NameIndex(["Christopher Lee", "Christoferr Leee"], lambda n: n)
    answers = {index.near("Christofer Lee") for _ in range(10)}
    assert answers == {NearMatch("Christopher Lee", "Christopher Lee", NearKind.SPELLING)}


def test_index_looks_past_seven_closer_looking_names_the_word_rule_rejects() -> None:
    decoys = [f"Christoferr Lee{c}" for c in "abcdefg"]  # two words changed: never a match
    index = NameIndex([*decoys, "Christopher Lee"], lambda n: n)
    near = index.near("Christofer Lee")
    assert near is not None
    assert near.name == "Christopher Lee"


def test_each_difference_reads_as_the_end_of_a_sentence() -> None:
    phrases = [describe_difference(kind) for kind in NearKind]
    assert len(set(phrases)) == len(NearKind)
    for phrase in phrases:  # "The names are close but not identical: {phrase}."
        assert phrase.islower(), phrase
        assert not phrase.endswith("."), phrase


def test_index_finds_spelling_among_many_names() -> None:
    names = [f"Customer {i:05d} Holdings" for i in range(5000)] + ["Evergreen Landscaping"]
    index = NameIndex(names, lambda n: n)
    near = index.near("Evergren Landscaping")
    assert near is not None
    assert (near.name, near.kind) == ("Evergreen Landscaping", NearKind.SPELLING)
    assert index.near("Completely Different") is None


names_strategy = st.lists(
    st.sampled_from([*"abcdeéABCDÉ &'’.,-:\u00a0", "e\u0301", "\u0301", "ß", "and"]),
    max_size=24).map("".join)


@settings(max_examples=400)
@given(names_strategy)
def test_identical_names_are_never_near_matches(name: str) -> None:
    assert near_kind(name, name) is None
    index = NameIndex([name], lambda n: n)
    assert index.near(name) is None


@settings(max_examples=400)
@given(names_strategy)
def test_normalisation_is_idempotent(name: str) -> None:
    for _, norm in LAYERS:
        once = norm(name)
        assert norm(once) == once


_MESS = {
    NearKind.UNICODE: lambda n: unicodedata.normalize("NFD", n),
    NearKind.WHITESPACE: lambda n: n.replace(" ", "  ", 1) + " ",
    NearKind.CASE: str.upper,
    NearKind.PUNCTUATION: lambda n: n.replace("'", "’").replace(" & ", " and ") + ".",
    NearKind.ACCENTS: lambda n: n.replace("e", "é").replace("a", "à"),
    NearKind.WORD_ORDER: lambda n: " ".join(reversed(n.split())),
}
_RANK = {kind: i for i, (kind, _) in enumerate(LAYERS)}
real_names = st.lists(st.sampled_from(["Anna", "Lee", "O'Brien", "&", "Acme", "Corp", "Jose",
                                       "Zoe", "Martin", "Reyes", "Studio"]),
                      min_size=2, max_size=4, unique=True).map(" ".join)


@settings(max_examples=400)
@given(real_names, st.sampled_from(list(_MESS)))
def test_a_messed_up_name_is_found_no_later_than_its_layer(name: str, kind: NearKind) -> None:
    messy = _MESS[kind](name)
    found = near_kind(messy, name)
    if messy == name:
        assert found is None
    else:
        assert found is not None
        assert _RANK[found] <= _RANK[kind]


@settings(max_examples=300)
@given(names_strategy, names_strategy)
def test_near_kind_is_symmetric(a: str, b: str) -> None:
    assert near_kind(a, b) == near_kind(b, a)


@settings(max_examples=300)
@given(st.text(alphabet="abcdefghijklmnop ", min_size=1, max_size=20),
       st.text(alphabet="abcdefghijklmnop ", min_size=1, max_size=20))
def test_spelling_needs_aligned_words_and_few_edits(a: str, b: str) -> None:
    if spelling_close(a, b):
        assert len(a.split()) == len(b.split())
        assert sum(x != y for x, y in zip(a.split(), b.split(), strict=True)) == 1


@settings(max_examples=1000)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=30))
def test_ascii_fast_path_gives_the_same_keys_as_the_unicode_path(name: str) -> None:
    from wizard.core.names import _ascii_keys, _unicode_keys
    assert _ascii_keys(name) == _unicode_keys(name)


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(["and", "AND", "an", "d", "'", "`", ".", "&", " ", "  ", "-", "_",
                                 "x", "7", "\t"]), max_size=8).map("".join))
def test_ascii_fast_path_gives_the_same_keys_around_the_word_and(name: str) -> None:
    """The pieces that decide whether "and" is a word of its own, put together many ways."""
    from wizard.core.names import _ascii_keys, _unicode_keys
    assert _ascii_keys(name) == _unicode_keys(name)


def _plain_near(records: list[tuple[str, bool]], name: str,
                prefer: bool) -> NearMatch[tuple[str, bool]] | None:
    """The layers as the SPEC words them: every record, strictest layer first, in the order
    given; an active one first when asked."""
    for kind, norm in LAYERS:
        found = [r for r in records if r[0] != name and norm(r[0]) == norm(name)]
        if found:
            chosen = [r for r in found if r[1]] if prefer else []
            record = (chosen or found)[0]
            return NearMatch(record, record[0], kind)
    return None


@settings(max_examples=300)
@given(st.lists(st.tuples(st.sampled_from(["Jon Smith", "jon smith", "JON SMITH", "Jon  Smith",
                                           "Smith, Jon", "Ann Lee", "Jon Smiht"]),
                          st.booleans()), max_size=8),
       st.sampled_from(["jON sMITH", "jon  smith", "Smith Jon", "Ann  Lee", "Jon Smit"]),
       st.booleans())
@example([("JON SMITH", False), ("jon smith", True), ("JON SMITH", True)], "jON sMITH", True)
def test_index_layers_are_the_plain_rule_over_every_record(
        records: list[tuple[str, bool]], name: str, prefer: bool) -> None:
    # the index files each distinct name once; records of several names that share a layer's
    # key still come back in the order given (the first, or the first active, wins)
    index = NameIndex(records, lambda r: r[0])
    near = index.near(name, prefer=(lambda r: r[1]) if prefer else None)
    expected = _plain_near(records, name, prefer)
    if expected is not None:
        assert near == expected
    else:  # only the spelling layer, which the index alone answers, is left
        assert near is None or near.kind is NearKind.SPELLING
