"""Picture passwords as pure rules (SEC-05, SEC-06)."""

from __future__ import annotations

from pupilvoice.domain import pictures


def test_parse_keeps_only_grid_pictures_and_at_most_three():
    assert pictures.parse("apple,dragon,star") == ["apple", "star"]
    assert pictures.parse("apple,star,boat,cake") == ["apple", "star", "boat"]
    assert pictures.parse("") == [] and pictures.parse(None) == []


def test_match_needs_the_same_pictures_in_the_same_order():
    salt = pictures.new_salt()
    stored = pictures.digest("secret", salt, ["apple", "star", "boat"])
    assert pictures.matches("secret", salt, ["apple", "star", "boat"], stored)
    assert not pictures.matches("secret", salt, ["star", "apple", "boat"], stored)
    assert not pictures.matches("secret", salt, ["apple", "star"], stored)
    assert not pictures.matches("other secret", salt, ["apple", "star", "boat"], stored)


def test_the_same_pictures_hash_differently_for_two_pupils():
    picks = ["apple", "star", "boat"]
    assert pictures.digest("s", pictures.new_salt(), picks) != pictures.digest(
        "s", pictures.new_salt(), picks
    )


def test_suggestion_is_three_different_grid_pictures():
    for _ in range(20):
        picks = pictures.suggestion()
        assert len(set(picks)) == 3 and pictures.is_complete(picks)
