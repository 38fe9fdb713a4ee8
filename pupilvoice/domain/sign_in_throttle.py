"""How wrong sign-in tries slow things down (SEC-04, SEC-05): pure rules, no storage.

Three counters, each with a number of free tries and then a wait that grows with every
further wrong try:
- "address": one typed e-mail address from one network address. A stranger's tries
  slow down only the stranger's own address, never the owner's.
- "account": one typed e-mail address from everywhere, a far higher backstop against
  tries spread over many network addresses.
- "code": the two-step code of one account. A correct password does not reset it.
Counters restart after a quiet day, a successful sign-in, a password reset or a SENCO.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

ADDRESS = "address"
ACCOUNT = "account"
CODE = "code"


@dataclass(frozen=True)
class Rule:
    """``free`` wrong tries, then a wait after each further one: ``waits`` in minutes,
    the last repeated."""

    free: int
    waits: tuple[int, ...]


def wait_after(failures: int, rule: Rule) -> timedelta | None:
    """How long to wait after the ``failures``-th wrong try in a row; None: no wait."""
    if failures < rule.free:
        return None
    step = min(failures - rule.free, len(rule.waits) - 1)
    return timedelta(minutes=rule.waits[step])


def starts_again(last_failure_at: datetime | None, now: datetime, quiet: timedelta) -> bool:
    """True when the last wrong try is long enough ago that counting starts from nothing."""
    return last_failure_at is None or now - last_failure_at >= quiet


def minutes_left(blocked_until: datetime | None, now: datetime) -> int:
    """Whole minutes still to wait (rounded up), 0 when there is no wait."""
    if blocked_until is None or blocked_until <= now:
        return 0
    return max(1, math.ceil((blocked_until - now).total_seconds() / 60))
