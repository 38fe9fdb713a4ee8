"""How much a pupil may record: a store per pupil and one per school, and a rate, so a
stuck button or a script in a loop cannot fill the server's disk (SEC-15, REL-05)."""

from __future__ import annotations

from dataclasses import dataclass

from .audio import MIN_BYTES

MIB = 1024 * 1024

TOO_FAST = "too-fast"
PUPIL_FULL = "pupil-full"
SCHOOL_FULL = "school-full"


@dataclass(frozen=True)
class Limits:
    pupil_bytes: int
    school_bytes: int
    per_minute: int  # recordings one pupil may keep in any minute


@dataclass(frozen=True)
class Use:
    pupil_bytes: int
    school_bytes: int
    last_minute: int = 0  # the pupil's recordings made in the last minute


def limits_from(config) -> Limits:
    """The limits from the app's configuration (sizes are given in MB there)."""
    return Limits(
        pupil_bytes=int(config["RECORDING_QUOTA_PUPIL_MB"]) * MIB,
        school_bytes=int(config["RECORDING_QUOTA_SCHOOL_MB"]) * MIB,
        per_minute=int(config["RECORDINGS_PER_MINUTE"]),
    )


def problem(use: Use, limits: Limits, size: int) -> str | None:
    """Why a new recording of ``size`` bytes cannot be kept, or None when it can."""
    if use.last_minute >= limits.per_minute:
        return TOO_FAST
    if use.pupil_bytes + size > limits.pupil_bytes:
        return PUPIL_FULL
    if use.school_bytes + size > limits.school_bytes:
        return SCHOOL_FULL
    return None


def room(use: Use, limits: Limits) -> int:
    """Bytes the pupil may still record: what is left of their store or the school's,
    whichever is less; 0 when not even the shortest recording fits. The recorder stops
    at this size, and a page with no room offers typing before the pupil starts talking."""
    left = min(limits.pupil_bytes - use.pupil_bytes, limits.school_bytes - use.school_bytes)
    return left if left >= MIN_BYTES else 0


def is_full(used: int, limit: int) -> bool:
    """No room for even the shortest recording, for staff to see."""
    return used + MIN_BYTES > limit
