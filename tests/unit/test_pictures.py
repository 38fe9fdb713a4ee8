"""Picture passwords as pure rules (SEC-05, SEC-06)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

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


def test_sec05_cooldowns_grow_1_2_5_minutes_and_stay_at_5():
    minutes = [pictures.cooldown_length(n) / timedelta(minutes=1) for n in range(1, 7)]
    assert minutes == [1, 2, 5, 5, 5, 5]


def test_sec05_minutes_left_round_up_and_end_at_zero():
    now = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
    assert pictures.minutes_left(None, now) == 0
    assert pictures.minutes_left(now + timedelta(minutes=2), now) == 2
    assert pictures.minutes_left(now + timedelta(seconds=61), now) == 2
    assert pictures.minutes_left(now + timedelta(seconds=1), now) == 1
    assert pictures.minutes_left(now, now) == 0
    assert pictures.minutes_left(now - timedelta(seconds=1), now) == 0
