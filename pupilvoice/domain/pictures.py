"""Picture passwords: the grid of nine pictures, and checking a pupil's three picks.

A picture password is a mix-up guard on a shared class tablet, not a secret (SEC-06):
it is stored as an HMAC of the sequence with the app's secret and a per-pupil salt, so
the database alone does not say which pictures a child uses.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

GRID = ("apple", "ball", "car", "sun", "star", "fish", "cake", "boat", "balloon")
LENGTH = 3
# SEC-05: this many wrong picks start a short cool-down for that pupil (never a lock: one
# child tapping at random must not keep anyone out for long); each one after it is longer.
TRIES_BEFORE_COOLDOWN = 5
COOLDOWN_MINUTES = (1, 2, 5)  # the first round, the second, then every one after


def parse(text: str | None) -> list[str]:
    """The picks so far from a form's comma-separated field; unknown names are dropped."""
    picks = [name for name in (text or "").split(",") if name in GRID]
    return picks[:LENGTH]


def is_complete(picks: Sequence[str]) -> bool:
    return len(picks) == LENGTH and all(name in GRID for name in picks)


def new_salt() -> str:
    return secrets.token_hex(16)


def digest(secret: str, salt: str, picks: Iterable[str]) -> str:
    message = f"{salt}|{','.join(picks)}".encode()
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def matches(secret: str, salt: str, picks: Sequence[str], expected: str) -> bool:
    return is_complete(picks) and hmac.compare_digest(digest(secret, salt, picks), expected)


def suggestion() -> list[str]:
    """Three different pictures, a fresh choice each time, for staff to accept or change."""
    pool = list(GRID)
    return [pool.pop(secrets.randbelow(len(pool))) for _ in range(LENGTH)]


def cooldown_length(rounds: int) -> timedelta:
    """How long the cool-down of round ``rounds`` lasts (rounds count up from 1 until the
    pupil gets their pictures right): 1, 2, then 5 minutes, and 5 minutes from then on."""
    step = min(max(rounds, 1), len(COOLDOWN_MINUTES))
    return timedelta(minutes=COOLDOWN_MINUTES[step - 1])


def minutes_left(until: datetime | None, now: datetime) -> int:
    """Whole minutes of cool-down still to wait, rounded up (a child is never told "0 minutes"
    while the pictures still say no); 0 when they may try again."""
    if until is None or until <= now:
        return 0
    return max(1, math.ceil((until - now).total_seconds() / 60))
