"""The recording quota's rules: per pupil, per school, and a rate (SEC-15)."""

from __future__ import annotations

from pupilvoice.domain.recording_quota import (
    MIB,
    PUPIL_FULL,
    SCHOOL_FULL,
    TOO_FAST,
    Limits,
    Use,
    is_full,
    limits_from,
    problem,
    room,
)

LIMITS = Limits(pupil_bytes=20 * MIB, school_bytes=100 * MIB, per_minute=5)


def test_a_recording_that_fits_is_kept():
    assert problem(Use(19 * MIB, 50 * MIB, 4), LIMITS, MIB) is None


def test_the_pupils_store_is_checked_with_the_new_recording():
    assert problem(Use(19 * MIB, 50 * MIB), LIMITS, MIB + 1) == PUPIL_FULL


def test_the_schools_store_is_checked_too():
    assert problem(Use(MIB, 99 * MIB), LIMITS, MIB + 1) == SCHOOL_FULL


def test_too_many_in_a_minute_is_refused_whatever_the_room():
    assert problem(Use(0, 0, 5), LIMITS, 100) == TOO_FAST


def test_room_is_the_smaller_of_what_is_left_and_none_below_the_shortest_recording():
    assert room(Use(5 * MIB, 50 * MIB), LIMITS) == 15 * MIB
    assert room(Use(5 * MIB, 99 * MIB), LIMITS) == MIB
    assert room(Use(20 * MIB - 10, 0), LIMITS) == 0
    assert room(Use(30 * MIB, 0), LIMITS) == 0


def test_full_for_staff_and_limits_from_the_configuration():
    assert is_full(20 * MIB - 10, 20 * MIB) and not is_full(MIB, 20 * MIB)
    config = {
        "RECORDING_QUOTA_PUPIL_MB": "20",
        "RECORDING_QUOTA_SCHOOL_MB": 100,
        "RECORDINGS_PER_MINUTE": 5,
    }
    assert limits_from(config) == LIMITS
