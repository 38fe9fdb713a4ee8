"""Server-side sign-in sessions, single-use account tokens and two-factor recovery codes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow


class LoginSession(db.Model):
    """One sign-in. Ending it makes any copy of the cookie useless (SEC-07)."""

    __tablename__ = "login_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    pupil_id: Mapped[int | None] = mapped_column(ForeignKey("pupil.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user = relationship("User")
    pupil = relationship("Pupil")


class AccountToken(db.Model):
    """A single-use, expiring, hashed token: an invitation or a password reset (SEC-09).

    An invitation is sent by e-mail (a link) or on a printed letter (the same link as a QR
    code, and a short code to type at /join). Only hashes are stored: the link's token
    hashed, the code hashed with the app's secret key; ``code_lookup`` is the code's first
    half, which finds the invitation so that wrong tries lock that one invitation.
    """

    __tablename__ = "account_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(16))  # "invite" or "reset"
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # invitations only: how it went out, who made it, the letter's code, and its end
    method: Mapped[str | None] = mapped_column(String(16))  # "email" or "letter"
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    code_lookup: Mapped[str | None] = mapped_column(String(8), index=True)
    code_hash: Mapped[str | None] = mapped_column(String(64))
    failed_tries: Mapped[int] = mapped_column(default=0)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user = relationship("User", foreign_keys=[user_id])
    created_by = relationship("User", foreign_keys=[created_by_id])


class RecoveryCode(db.Model):
    __tablename__ = "recovery_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SignInThrottle(db.Model):
    """Wrong sign-in tries counted for one key (SEC-04, SEC-05): a typed e-mail address
    from one network address, a typed address from everywhere, or one account's two-step
    codes. Keys are HMACs with the app's secret, so typed addresses (known or not) and
    network addresses are never stored; unknown addresses are counted exactly like known
    ones, so the answers cannot tell them apart. Rows quiet for a day are deleted."""

    __tablename__ = "sign_in_throttle"

    id: Mapped[int] = mapped_column(primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    account_key: Mapped[str] = mapped_column(String(64), index=True)  # to clear them all
    kind: Mapped[str] = mapped_column(String(8))  # "address", "account" or "code"
    failures: Mapped[int] = mapped_column(default=0)
    last_failure_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    blocked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
