"""Wrong sign-in tries, counted in the database so every app server and worker shares them
(SEC-04, SEC-05). The rules are in domain/sign_in_throttle.py; the keys are HMACs, so
neither typed e-mail addresses nor network addresses are stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ..domain import sign_in_throttle as rules
from ..extensions import db
from ..models import SignInThrottle, User
from ..models.base import utcnow
from . import audit, tokens


@dataclass(frozen=True)
class Keys:
    """The counters one try touches (kind -> key hash), and the account they belong to."""

    account_key: str
    hashes: dict[str, str]


def _key(*parts: str) -> str:
    return tokens.keyed_digest("\x00".join(parts), current_app.config["SECRET_KEY"])


def _normal(email: str) -> str:
    return (email or "").strip().lower()


def account_key(email: str) -> str:
    return _key(rules.ACCOUNT, _normal(email))


def password_keys(email: str, client: str | None) -> Keys:
    """The counters for a password typed for ``email`` from network address ``client``."""
    account = account_key(email)
    address = _key(rules.ADDRESS, _normal(email), client or "")
    return Keys(account, {rules.ADDRESS: address, rules.ACCOUNT: account})


def code_keys(user: User) -> Keys:
    """The counter for this account's two-step codes, from every address."""
    return Keys(account_key(user.email), {rules.CODE: _key(rules.CODE, _normal(user.email))})


def _rule(kind: str) -> rules.Rule:
    config = current_app.config
    prefix = {rules.ADDRESS: "LOGIN", rules.ACCOUNT: "LOGIN_ACCOUNT", rules.CODE: "LOGIN_CODE"}
    return rules.Rule(config[f"{prefix[kind]}_FREE_TRIES"], config[f"{prefix[kind]}_WAIT_MINUTES"])


def _quiet() -> timedelta:
    return timedelta(hours=current_app.config["LOGIN_QUIET_HOURS"])


def wait_minutes(keys: Keys) -> int:
    """Minutes before the next try may even be checked (0: go ahead)."""
    now = utcnow()
    rows = db.session.execute(
        select(SignInThrottle.blocked_until).where(
            SignInThrottle.key_hash.in_(keys.hashes.values())
        )
    ).scalars()
    return max((rules.minutes_left(until, now) for until in rows), default=0)


def count_failure(keys: Keys, user: User | None) -> int:
    """Count one wrong try on every counter of ``keys``; return the minutes to wait now.

    A wait that starts is audited: against the account when it exists, else against the
    counter, so known and unknown addresses do the same work (and take the same time).
    """
    now = utcnow()
    _forget_quiet(now)
    waits = []
    for kind, key_hash in keys.hashes.items():
        row = _counted(kind, key_hash, keys.account_key, now)
        wait = rules.wait_after(row.failures, _rule(kind))
        if wait is not None:
            row.blocked_until = now + wait
            waits.append(rules.minutes_left(row.blocked_until, now))
            minutes = int(wait.total_seconds() // 60)
            audit.record(None, "sign_in_paused", user or row, kind=kind, minutes=minutes)
    db.session.flush()
    return max(waits, default=0)


def _counted(kind: str, key_hash: str, account: str, now: datetime) -> SignInThrottle:
    """The counter for ``key_hash`` with one more failure (made if missing; the increment
    is one UPDATE, so two servers counting at once both count)."""
    row = _find(key_hash) or _create(kind, key_hash, account, now)
    again = rules.starts_again(row.last_failure_at, now, _quiet()) or row.failures == 0
    db.session.execute(
        update(SignInThrottle)
        .where(SignInThrottle.id == row.id)
        .values(
            failures=1 if again else SignInThrottle.failures + 1,
            last_failure_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(row)
    return row


def _find(key_hash: str) -> SignInThrottle | None:
    query = select(SignInThrottle).where(SignInThrottle.key_hash == key_hash)
    return db.session.execute(query).scalar()


def _create(kind: str, key_hash: str, account: str, now: datetime) -> SignInThrottle:
    """The counter at zero; if another server made it a moment ago, that one is kept."""
    insert = postgresql.insert if db.engine.dialect.name == "postgresql" else sqlite.insert
    db.session.execute(
        insert(SignInThrottle)
        .values(key_hash=key_hash, account_key=account, kind=kind, failures=0, last_failure_at=now)
        .on_conflict_do_nothing(index_elements=["key_hash"])
    )
    return _find(key_hash)


def _forget_quiet(now: datetime) -> None:
    """Delete counters with no wrong try for a day and no wait left, so the table stays
    small however many addresses are tried."""
    db.session.execute(
        delete(SignInThrottle)
        .where(
            SignInThrottle.last_failure_at < now - _quiet(),
            or_(SignInThrottle.blocked_until.is_(None), SignInThrottle.blocked_until < now),
        )
        .execution_options(synchronize_session=False)
    )


def forget(keys: Keys, *kinds: str) -> None:
    """Start these counters from nothing (after a correct password or code)."""
    hashes = [keys.hashes[kind] for kind in kinds]
    db.session.execute(
        delete(SignInThrottle)
        .where(SignInThrottle.key_hash.in_(hashes))
        .execution_options(synchronize_session=False)
    )


def forget_account(user: User) -> int:
    """Clear every counter of this account, from every address and for two-step codes
    (a password reset, or a SENCO letting them in again); return how many there were."""
    if not user.email:  # a letters-only parent cannot sign in, so has no counters
        return 0
    result = db.session.execute(
        delete(SignInThrottle)
        .where(SignInThrottle.account_key == account_key(user.email))
        .execution_options(synchronize_session=False)
    )
    return result.rowcount or 0


def paused_until(user: User) -> datetime | None:
    """When the longest current wait for this account ends (for the SENCO's page)."""
    if not user.email:
        return None
    now = utcnow()
    return db.session.execute(
        select(func.max(SignInThrottle.blocked_until)).where(
            SignInThrottle.account_key == account_key(user.email),
            SignInThrottle.blocked_until > now,
        )
    ).scalar()
