"""Picture passwords: the grid of nine pictures, and checking a pupil's three picks.

A picture password is a mix-up guard on a shared class tablet, not a secret (SEC-06):
it is stored as an HMAC of the sequence with the app's secret and a per-pupil salt, so
the database alone does not say which pictures a child uses.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable, Sequence

GRID = ("apple", "ball", "car", "sun", "star", "fish", "cake", "boat", "balloon")
LENGTH = 3
MAX_WRONG_TRIES = 5  # SEC-05: then a teacher unlocks it


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
