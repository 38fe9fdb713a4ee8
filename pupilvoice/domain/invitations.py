"""Invitation rules: the short code printed on a letter, and the state of an invitation.

A letter carries a code of 8 characters from an alphabet without look-alikes (no 0/O,
1/I/L), shown as ``ABCD-EFGH``. The first 4 characters find the invitation; the whole code
is checked against its stored hash, so a wrong guess counts against that one invitation
and locks it after ``MAX_CODE_TRIES`` (SEC-09). The page where codes are typed is also
rate-limited per address and overall, so guessing across invitations is slow too.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
LOOKUP_LENGTH = 4
MAX_CODE_TRIES = 5
INVITE_DAYS = 14
METHODS = ("email", "letter")

# The states an invitation can be in, as staff see them.
HAS_ACCOUNT = "has_account"
NOT_INVITED = "not_invited"
WAITING = "waiting"
EXPIRED = "expired"
REVOKED = "revoked"
LOCKED = "locked"
ARCHIVED = "archived"


def new_code() -> str:
    """A fresh random code, like "K7QM4XPD" (about 40 bits)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    """ "K7QM4XPD" -> "K7QM-4XPD": easier to read out and to type."""
    return f"{code[:LOOKUP_LENGTH]}-{code[LOOKUP_LENGTH:]}"


def normalise_code(typed: str) -> str | None:
    """What a family typed -> the code, or None when it cannot be one.

    Spaces, dashes and lower case are forgiven. Look-alikes (0, O, 1, I, L) are not in
    the alphabet, so a code with one of them was mistyped and the family is told so.
    """
    cleaned = "".join(ch for ch in typed.upper() if ch not in " -\t\u00a0")
    if len(cleaned) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in cleaned):
        return None
    return cleaned


def lookup_part(code: str) -> str:
    return code[:LOOKUP_LENGTH]


@dataclass(frozen=True)
class InvitationFacts:
    """What is known about a person's latest invitation (all times timezone-aware UTC)."""

    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None
    revoked_at: datetime | None = None
    failed_tries: int = 0


def is_locked(failed_tries: int) -> bool:
    return failed_tries >= MAX_CODE_TRIES


def invitation_state(
    has_password: bool, archived: bool, latest: InvitationFacts | None, now: datetime
) -> str:
    """One word for where a person is: has an account, waiting for them, or why not."""
    if archived:
        return ARCHIVED
    if has_password:
        return HAS_ACCOUNT
    if latest is None:
        return NOT_INVITED
    if latest.revoked_at is not None or latest.used_at is not None:
        return REVOKED
    if is_locked(latest.failed_tries):
        return LOCKED
    if latest.expires_at <= now:
        return EXPIRED
    return WAITING
