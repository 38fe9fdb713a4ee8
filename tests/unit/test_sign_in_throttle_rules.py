"""The sign-in wait rules (SEC-04, SEC-05), without an app."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pupilvoice.domain.sign_in_throttle import Rule, minutes_left, starts_again, wait_after

RULE = Rule(free=5, waits=(1, 2, 5, 15))
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def test_sec05_free_tries_then_waits_that_grow_and_then_repeat():
    waits = [wait_after(n, RULE) for n in range(1, 11)]
    minutes = [None if w is None else int(w.total_seconds() // 60) for w in waits]
    assert minutes == [None, None, None, None, 1, 2, 5, 15, 15, 15]


def test_sec05_counting_starts_again_after_a_quiet_spell():
    day = timedelta(hours=24)
    assert starts_again(None, NOW, day)
    assert not starts_again(NOW - timedelta(hours=23, minutes=59), NOW, day)
    assert starts_again(NOW - day, NOW, day)


def test_sec05_minutes_left_round_up_and_never_show_zero_while_waiting():
    assert minutes_left(None, NOW) == 0
    assert minutes_left(NOW, NOW) == 0
    assert minutes_left(NOW + timedelta(seconds=1), NOW) == 1
    assert minutes_left(NOW + timedelta(minutes=2, seconds=1), NOW) == 3
