"""Pupils on the class tablet: picture passwords, lockout, and pupil sessions.

A pupil never types a password (SEC-06). Five wrong picture picks lock that pupil's
picture sign-in, on every device, until a member of staff unlocks it (SEC-05).
"""

from __future__ import annotations

from collections.abc import Sequence

from flask import current_app
from sqlalchemy import bindparam, select
from sqlalchemy.orm import contains_eager

from ..domain import pictures
from ..extensions import db
from ..models import Device, LoginSession, PictureKey, Pupil, PupilSignIn, User
from ..models.base import utcnow
from . import accounts, audit, devices, tokens


def picture_key(pupil: Pupil) -> PictureKey | None:
    return db.session.get(PictureKey, pupil.id)


def set_pictures(pupil: Pupil, picks: Sequence[str], by: User) -> PictureKey:
    """Set (or reset) a pupil's picture password; a reset also unlocks it."""
    if not pictures.is_complete(picks):
        raise ValueError("a picture password is three pictures from the grid")
    key = picture_key(pupil) or PictureKey(pupil_id=pupil.id, school_id=pupil.school_id)
    key.salt = pictures.new_salt()
    key.digest = pictures.digest(current_app.config["SECRET_KEY"], key.salt, picks)
    key.wrong_tries = 0
    key.locked_at = None
    key.set_by_id = by.id
    key.set_at = utcnow()
    db.session.add(key)
    audit.record(by, "set_pictures", pupil)
    db.session.flush()
    return key


def check_pictures(pupil: Pupil, picks: Sequence[str]) -> str:
    """ "ok", "wrong", "locked" (now or before) or "unset"; counts wrong tries."""
    key = picture_key(pupil)
    if key is None:
        return "unset"
    if key.is_locked:
        return "locked"
    secret = current_app.config["SECRET_KEY"]
    if pictures.matches(secret, key.salt, picks, key.digest):
        key.wrong_tries = 0
        return "ok"
    key.wrong_tries += 1
    if key.wrong_tries >= pictures.MAX_WRONG_TRIES:
        key.locked_at = utcnow()
        audit.record(pupil, "pictures_locked", pupil)
        return "locked"
    return "wrong"


def unlock(pupil: Pupil, by: User) -> bool:
    """Let the pupil try their pictures again; True when it was locked."""
    key = picture_key(pupil)
    if key is None or not key.is_locked:
        return False
    key.locked_at = None
    key.wrong_tries = 0
    audit.record(by, "unlock_pictures", pupil)
    return True


def start_session(pupil: Pupil, device: Device, helper: User | None = None) -> str:
    """Sign the pupil in on this device; returns the raw session token. The tablet is in
    use (this writes anyway, so its last use is kept too)."""
    devices.touch(device)
    raw = accounts.start_session(pupil_id=pupil.id)
    record = accounts.find_session(raw)
    db.session.add(
        PupilSignIn(
            school_id=pupil.school_id,
            pupil_id=pupil.id,
            device_id=device.id,
            login_session_id=record.id,
            how="adult" if helper else "pictures",
            helper_id=helper.id if helper else None,
        )
    )
    audit.record(pupil, "sign_in", pupil, device_id=device.id, helper_id=getattr(helper, "id", 0))
    db.session.flush()
    return raw


# Every pupil request runs this, so it is built once (building a statement with loader
# options costs about as much as running it). The session is only joined to check it: the
# sign-in loader has already loaded it this request.
_SIGN_IN_ON_DEVICE = (
    select(PupilSignIn)
    .join(PupilSignIn.login_session)
    .join(PupilSignIn.device)
    .join(Device.class_group)
    .options(contains_eager(PupilSignIn.device).contains_eager(Device.class_group))
    .where(
        LoginSession.token_hash == bindparam("session_hash"),
        LoginSession.ended_at.is_(None),
        *devices.active_device_hashed(bindparam("device_hash"), bindparam("seen_after")),
    )
)


def sign_in_on_device(token: str | None, device_cookie: str | None) -> PupilSignIn | None:
    """The pupil sign-in behind a live session token, made on the active tablet this
    device cookie names; None if the session has ended or the tablet is not that one, or
    not active any more. Every pupil request asks, so it is one query, which also loads
    the tablet (with its class)."""
    if not token or not devices.is_plausible(device_cookie):
        return None
    values = {
        "session_hash": tokens.digest(token),
        "device_hash": tokens.digest(device_cookie),
        "seen_after": devices.idle_since(),
    }
    return db.session.execute(_SIGN_IN_ON_DEVICE, values).scalar()


def set_helper(sign_in: PupilSignIn, pupil: Pupil, helper: User | None) -> None:
    """Record that an adult is now helping (or no longer helping) in this session."""
    sign_in.helper_id = helper.id if helper else None
    if helper is not None:
        audit.record(helper, "helper_on", pupil, sign_in_id=sign_in.id)
    else:
        audit.record(pupil, "helper_off", pupil, sign_in_id=sign_in.id)


# The class list on the tablet asks on every visit: built once.
_CLASS_PUPILS = (
    select(Pupil)
    .where(Pupil.class_id == bindparam("class_id"), Pupil.archived_at.is_(None))
    .order_by(Pupil.first_name, Pupil.surname_initial)
)


def class_pupils(device: Device) -> list[Pupil]:
    return list(db.session.scalars(_CLASS_PUPILS, {"class_id": device.class_id}))


def tablet_names(pupils: Sequence[Pupil]) -> dict[int, str]:
    """First names only (PRI-01); the surname initial only when two share a first name."""
    counts: dict[str, int] = {}
    for pupil in pupils:
        key = pupil.first_name.casefold()
        counts[key] = counts.get(key, 0) + 1
    return {
        p.id: p.display_name if counts[p.first_name.casefold()] > 1 else p.first_name
        for p in pupils
    }
