"""Pupils on the class tablet: the class list and pupil sessions.

A pupil never types a password (SEC-06): they tap their pictures (``picture_keys``) or an
adult signs them in.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import bindparam, select
from sqlalchemy.orm import contains_eager

from ..extensions import db
from ..models import Device, LoginSession, Pupil, PupilSignIn, User
from . import accounts, audit, devices, tokens


def start_session(pupil: Pupil, device: Device, helper: User | None = None) -> str:
    """Sign the pupil in on this device; returns the raw session token."""
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
        *devices.active_device_hashed(bindparam("device_hash")),
    )
)


def sign_in_on_device(token: str | None, device_cookie: str | None) -> PupilSignIn | None:
    """The pupil sign-in behind a live session token, made on the active tablet this
    device cookie names; None if the session has ended or the tablet is not that one, or
    not active any more. Every pupil request asks, so it is one query, which also loads
    the tablet (with its class)."""
    if not token or not devices.is_plausible(device_cookie):
        return None
    hashes = {"session_hash": tokens.digest(token), "device_hash": tokens.digest(device_cookie)}
    return db.session.execute(_SIGN_IN_ON_DEVICE, hashes).scalar()


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
