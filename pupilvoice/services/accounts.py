"""Staff and parent accounts: passwords, sign-in checks, tokens and two-factor."""

from __future__ import annotations

import contextlib
from datetime import datetime, timedelta
from typing import NamedTuple

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import joinedload

from ..domain import invitations as invitation_rules
from ..domain import sign_in_throttle as rules
from ..extensions import db
from ..models import AccountToken, LoginSession, RecoveryCode, User
from ..models.base import utcnow
from . import sign_in_throttle as throttle
from . import tokens

INVITE_DAYS = invitation_rules.INVITE_DAYS
RESET_HOURS = 2
RECOVERY_CODES = 10
# Verified against when the e-mail is unknown, so a wrong address takes as long as a wrong password.
_DUMMY_HASH = None


def _hasher() -> PasswordHasher:
    config = current_app.config
    return PasswordHasher(
        time_cost=config["ARGON2_TIME_COST"], memory_cost=config["ARGON2_MEMORY_COST"]
    )


def set_password(user: User, password: str) -> None:
    user.password_hash = _hasher().hash(password)


def find_by_email(email: str) -> User | None:
    """The account for an address typed in any case (addresses are stored in lower case)."""
    return db.session.execute(select(User).where(User.email == email.strip().lower())).scalar()


class SignInCheck(NamedTuple):
    """The answer to a password or two-step code: ``outcome`` is "ok", "wrong" or "wait"
    (too many wrong tries: wait ``minutes`` before the next one is even checked)."""

    user: User | None
    outcome: str
    minutes: int = 0


def check_password(email: str, password: str, client: str | None) -> SignInCheck:
    """Check a password typed for ``email`` from network address ``client`` (SEC-05).

    Wrong tries slow down that address for that e-mail address, and a far higher number
    from everywhere slows down the e-mail address (sign_in_throttle). Unknown addresses
    are counted and answered exactly like known ones, in words and in time: both check a
    hash, both count, and a waiting try is not checked for either.
    """
    keys = throttle.password_keys(email, client)
    user = find_by_email(email)
    if user is not None and (user.password_hash is None or not user.is_active):
        user = None
    if minutes := throttle.wait_minutes(keys):
        return SignInCheck(None, "wait", minutes)
    hasher = _hasher()
    if user is None:
        _burn_time(hasher, password)
    elif _verify(hasher, user, password):
        throttle.forget(keys, rules.ADDRESS)
        return SignInCheck(user, "ok")
    minutes = throttle.count_failure(keys, user)
    return SignInCheck(None, "wait" if minutes else "wrong", minutes)


def _verify(hasher: PasswordHasher, user: User, password: str) -> bool:
    try:
        hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
    return True


def _burn_time(hasher: PasswordHasher, password: str) -> None:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hasher.hash("not a real password, only for timing")
    with contextlib.suppress(VerificationError):
        hasher.verify(_DUMMY_HASH, password)


def check_second_factor(user: User, code: str) -> SignInCheck:
    """Check a two-step code (SEC-04). Wrong codes have their own counter, which a correct
    password does not reset: after a few, the second step waits, from every address."""
    keys = throttle.code_keys(user)
    if minutes := throttle.wait_minutes(keys):
        return SignInCheck(user, "wait", minutes)
    if second_factor_ok(user, code):
        throttle.forget(keys, rules.CODE)
        return SignInCheck(user, "ok")
    minutes = throttle.count_failure(keys, user)
    return SignInCheck(user, "wait" if minutes else "wrong", minutes)


def unlock(user: User) -> int:
    """Let this account sign in again at once: every wait and count, from every address
    and for two-step codes, starts from nothing. Returns how many counters there were."""
    return throttle.forget_account(user)


# --- single-use tokens (invitations and password resets) -------------------------------


def issue_token(user: User, purpose: str) -> str:
    """Create a fresh token for ``user``; older unused tokens of that purpose stop working."""
    raw, _ = new_token(user, purpose)
    return raw


def new_token(user: User, purpose: str) -> tuple[str, AccountToken]:
    """Like issue_token, and also return the stored row (only its hash is kept)."""
    now = utcnow()
    revoke_tokens(user, purpose, now)
    life = timedelta(days=INVITE_DAYS) if purpose == "invite" else timedelta(hours=RESET_HOURS)
    raw = tokens.new_token()
    record = AccountToken(
        user_id=user.id,
        purpose=purpose,
        token_hash=tokens.digest(raw),
        created_at=now,
        expires_at=now + life,
    )
    db.session.add(record)
    db.session.flush()
    return raw, record


def revoke_tokens(user: User, purpose: str, now: datetime | None = None) -> int:
    """Stop every open token of ``purpose``; return how many there were."""
    result = db.session.execute(
        update(AccountToken)
        .where(
            AccountToken.user_id == user.id,
            AccountToken.purpose == purpose,
            AccountToken.used_at.is_(None),
            AccountToken.revoked_at.is_(None),
        )
        .values(revoked_at=now or utcnow())
    )
    return result.rowcount or 0


def find_token(raw: str, purpose: str) -> AccountToken | None:
    """The token if it exists, has this purpose, is unused and unexpired; else None."""
    if not raw or len(raw) > 200:
        return None
    token = db.session.execute(
        select(AccountToken).where(AccountToken.token_hash == tokens.digest(raw))
    ).scalar()
    if token is None or token.purpose != purpose:
        return None
    return token if token_is_open(token) else None


def token_is_open(token: AccountToken) -> bool:
    """Unused, not revoked or locked, unexpired, and its account not archived."""
    if token.used_at is not None or token.revoked_at is not None:
        return False
    if invitation_rules.is_locked(token.failed_tries):
        return False
    return token.expires_at > utcnow() and token.user.is_active


def use_token(token: AccountToken, password: str) -> User | None:
    """Spend the token: set the password, unlock, and end every existing sign-in.

    Spending is one conditional UPDATE, so of two requests racing with the same token
    (a double tap) only one wins; the other gets None and changes nothing.
    """
    spent = db.session.execute(
        update(AccountToken)
        .where(
            AccountToken.id == token.id,
            AccountToken.used_at.is_(None),
            AccountToken.revoked_at.is_(None),
        )
        .values(used_at=utcnow())
        .execution_options(synchronize_session="fetch")
    )
    if spent.rowcount != 1:
        return None
    user = token.user
    set_password(user, password)
    unlock(user)
    end_all_sessions(user)
    return user


# --- server-side sessions ----------------------------------------------------------------


def start_session(*, user: User | None = None, pupil_id: int | None = None) -> str:
    raw = tokens.new_token()
    db.session.add(
        LoginSession(
            token_hash=tokens.digest(raw),
            user_id=user.id if user else None,
            pupil_id=pupil_id,
        )
    )
    if user is not None:
        user.last_login_at = utcnow()
    db.session.flush()
    return raw


# Every signed-in request runs this, so it is built once: building a statement with
# loader options costs SQLAlchemy about as much again as running it. It brings the staff
# member's or parent's school too (the about page, the audit log, the bank and the plan
# page's "manage bank" check ask for it): one statement for session, person and school.
_OPEN_SESSION = (
    select(LoginSession)
    .options(
        joinedload(LoginSession.user).joinedload(User.school),
        joinedload(LoginSession.pupil),
    )
    .where(LoginSession.token_hash == bindparam("token_hash"), LoginSession.ended_at.is_(None))
)


def find_session(raw: str) -> LoginSession | None:
    """The open session for this cookie, with its staff member, parent or pupil (and a
    staff member's or parent's school): every signed-in request needs them, so they come
    in one query."""
    if not raw or len(raw) > 200:
        return None
    return db.session.execute(_OPEN_SESSION, {"token_hash": tokens.digest(raw)}).scalar()


def touch_session(raw: str | None) -> None:
    record = find_session(raw) if raw else None
    if record is not None:
        record.last_seen_at = utcnow()


def end_session(raw: str | None) -> None:
    record = find_session(raw) if raw else None
    if record is not None:
        record.ended_at = utcnow()


def end_all_sessions(user: User) -> None:
    db.session.execute(
        update(LoginSession)
        .where(LoginSession.user_id == user.id, LoginSession.ended_at.is_(None))
        .values(ended_at=utcnow())
    )


# --- two-factor (SEC-04) -----------------------------------------------------------------


def new_totp_secret() -> str:
    return pyotp.random_base32()


def totp_uri(user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name="PupilVoice")


def totp_ok(secret: str, code: str) -> bool:
    code = "".join(code.split())
    return code.isdigit() and pyotp.TOTP(secret).verify(code, valid_window=1)


def enable_totp(user: User, secret: str) -> list[str]:
    """Turn two-factor on and return fresh recovery codes (shown once, stored hashed)."""
    user.totp_secret = secret
    user.totp_enabled = True
    db.session.execute(
        update(RecoveryCode).where(RecoveryCode.user_id == user.id).values(used_at=utcnow())
    )
    codes = [tokens.new_token(6).replace("-", "x").replace("_", "y")[:10] for _ in range(10)]
    for code in codes:
        db.session.add(RecoveryCode(user_id=user.id, code_hash=tokens.digest(code.lower())))
    db.session.flush()
    return codes


def disable_totp(user: User) -> None:
    user.totp_enabled = False
    user.totp_secret = None
    db.session.execute(
        update(RecoveryCode).where(RecoveryCode.user_id == user.id).values(used_at=utcnow())
    )


def second_factor_ok(user: User, code: str) -> bool:
    """A current TOTP code, or an unused recovery code (which is then spent)."""
    if user.totp_secret and totp_ok(user.totp_secret, code):
        return True
    cleaned = "".join(code.split()).lower()
    if not cleaned or len(cleaned) > 40:
        return False
    match = db.session.execute(
        select(RecoveryCode).where(
            RecoveryCode.user_id == user.id,
            RecoveryCode.code_hash == tokens.digest(cleaned),
            RecoveryCode.used_at.is_(None),
        )
    ).scalar()
    if match is None:
        return False
    match.used_at = utcnow()
    return True
