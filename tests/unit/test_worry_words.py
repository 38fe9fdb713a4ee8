"""The explainable word list that flags dislikes to staff."""

from __future__ import annotations

from pupilvoice.domain.worry_words import DEFAULT_WORDS, find_flags, name_parts, normalise


def test_finds_listed_words_with_everyday_endings():
    flags = find_flags("He keeps hitting me and kicked my bag", ["hit", "kick"])
    assert [(f.matched, f.listed) for f in flags] == [("hitting", "hit"), ("kicked", "kick")]


def test_matches_whole_words_only():
    assert find_flags("I like the white board", ["hit"]) == []
    assert find_flags("my chair", ["hair"]) == []


def test_finds_phrases():
    flags = find_flags("Nobody plays with me at lunch", DEFAULT_WORDS)
    assert ("nobody plays", "nobody plays") in [(f.matched, f.listed) for f in flags]


def test_finds_peoples_names_but_not_titles():
    flags = find_flags("Leo and mr jones", [], ["Leo", "Mr Jones"])
    assert {(f.kind, f.listed) for f in flags} == {("name", "leo"), ("name", "jones")}
    assert "mr" not in name_parts(["Mr Jones"])


def test_nothing_to_flag_in_an_ordinary_dislike():
    assert find_flags("It is too hard and boring", DEFAULT_WORDS, ["Sam"]) == []
    assert find_flags("", DEFAULT_WORDS) == []


def test_each_flag_says_why():
    (flag,) = find_flags("they pushed me", ["push"])
    assert flag.as_dict() == {"kind": "word", "matched": "pushed", "listed": "push"}


def test_list_entries_are_normalised():
    assert normalise("  Left   OUT!! ") == "left out"
    assert len(normalise("x" * 200)) == 60
