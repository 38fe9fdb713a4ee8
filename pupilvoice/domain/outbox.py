"""When the outbox tries a mail again, as pure rules (services/outbox.py sends).

A mail the server could not take is tried again after 1, 2, 4, 8 … minutes (at most 6
hours apart), 10 tries in all, about 8½ hours: a mail server that is down for the
morning loses nothing. A refusal that will not change (an SMTP 5xx answer: no such
address) is not tried again. A sender that stopped half way (a crash, a killed worker)
leaves its claim; after ``CLAIM_EXPIRES`` another sender may take the mail.
"""

from __future__ import annotations

from datetime import datetime, timedelta

WAITING, SENDING, SENT, FAILED = "waiting", "sending", "sent", "failed"
STATES = (WAITING, SENDING, SENT, FAILED)

MAX_ATTEMPTS = 10
FIRST_WAIT = timedelta(minutes=1)
LONGEST_WAIT = timedelta(hours=6)
CLAIM_EXPIRES = timedelta(minutes=10)
SENT_KEPT_DAYS = 30  # a sent or failed mail's record, then retention removes it


def wait_after(attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th failed try (1 → 1 minute, 2 → 2, …)."""
    if attempts < 1:
        return timedelta(0)
    return min(FIRST_WAIT * 2 ** min(attempts - 1, 20), LONGEST_WAIT)


def next_try(attempts: int, now: datetime, permanent: bool = False) -> datetime | None:
    """When to try again after ``attempts`` failed tries; None: give up (too many tries, or
    a refusal that will not change)."""
    if permanent or attempts >= MAX_ATTEMPTS:
        return None
    return now + wait_after(attempts)


def is_permanent(smtp_code: int | None) -> bool:
    """An SMTP answer that trying again will not change (5xx: unknown address, refused)."""
    return smtp_code is not None and 500 <= smtp_code < 600


def claim_expired(claimed_at: datetime | None, now: datetime) -> bool:
    """A claim this old belongs to a sender that stopped: another may take the mail."""
    return claimed_at is None or claimed_at <= now - CLAIM_EXPIRES
