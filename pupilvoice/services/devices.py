"""Class tablets: enrolling a device into class mode, finding it from its cookie, revoking it,
and letting one that has not been used for a term expire."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import contains_eager

from ..extensions import db
from ..models import ClassGroup, Device, LoginSession, PupilSignIn, User
from ..models.base import utcnow
from . import audit, tokens, voice

COOKIE = "__Host-pupilvoice-device"
COOKIE_MAX_AGE = 400 * 24 * 60 * 60  # the longest a browser keeps a cookie; see idle_since
SEEN_EVERY = timedelta(minutes=5)


def enrol(
    group: ClassGroup,
    by: User,
    name: str,
    language: str | None = None,
    replacing: Device | None = None,
) -> str:
    """Put this device into class mode for ``group``, in ``language`` (the tablet's own,
    see Device.language); returns the raw token for its cookie.

    A device that was already enrolled (``replacing``) stops working: one cookie, one row.
    """
    if replacing is not None and replacing.is_active:
        revoke(replacing, by)
    voice.ensure_defaults(group.school_id)  # the cards the pupils will sort
    raw = tokens.new_token(32)
    device = Device(
        school_id=group.school_id,
        class_id=group.id,
        name=name.strip() or group.name,
        token_hash=tokens.digest(raw),
        enrolled_by_id=by.id,
        language=language,
    )
    db.session.add(device)
    db.session.flush()
    audit.record(by, "enrol_tablet", device, class_id=group.id)
    return raw


def is_plausible(raw: str | None) -> bool:
    """Worth looking up at all: a cookie value, and not an absurdly long one."""
    return bool(raw) and len(raw) <= 200


def idle_since():
    """A tablet last used before this is no longer enrolled (DEVICE_IDLE_DAYS, a term by
    default): a lost or forgotten tablet's cookie stops working on the server, whatever
    the browser keeps. The teacher enrols it again."""
    return utcnow() - timedelta(days=current_app.config["DEVICE_IDLE_DAYS"])


def active_device_hashed(token_hash, seen_after) -> tuple:
    """The conditions for "the active tablet whose cookie hashes to this", for a query that
    joins Device to its ClassGroup: the token matches, it is not revoked nor idle since
    ``seen_after`` (see idle_since), its class is current. The arguments: values, or
    bindparams for a statement built once."""
    return (
        Device.token_hash == token_hash,
        Device.revoked_at.is_(None),
        Device.last_seen_at > seen_after,
        ClassGroup.archived_at.is_(None),
    )


# Every page of the tablet before sign-in asks, so the statement is built once (building
# it with its loader option costs about as much as running it).
_ACTIVE_DEVICE = (
    select(Device)
    .join(Device.class_group)
    .options(contains_eager(Device.class_group))
    .where(*active_device_hashed(bindparam("token_hash"), bindparam("seen_after")))
)


def find_active(raw: str | None) -> Device | None:
    """The active device this cookie names, or None (unknown, revoked, idle for too long,
    or archived class)."""
    if not is_plausible(raw):
        return None
    values = {"token_hash": tokens.digest(raw), "seen_after": idle_since()}
    return db.session.scalars(_ACTIVE_DEVICE, values).first()


def find_any(raw: str | None) -> Device | None:
    """The device this cookie names, active or not (to replace it when re-enrolling)."""
    if not raw or len(raw) > 200:
        return None
    return db.session.execute(
        select(Device).where(Device.token_hash == tokens.digest(raw))
    ).scalar()


def touch(device: Device) -> bool:
    """Note that the tablet is in use, at most every SEEN_EVERY; True when it wrote."""
    now = utcnow()
    if now - device.last_seen_at > SEEN_EVERY:
        device.last_seen_at = now
        return True
    return False


def revoke(device: Device, by: User) -> None:
    """Stop the device at once: its class list goes blank and pupils on it are signed out."""
    now = utcnow()
    device.revoked_at = now
    device.revoked_by_id = by.id
    sessions = select(PupilSignIn.login_session_id).where(PupilSignIn.device_id == device.id)
    db.session.execute(
        update(LoginSession)
        .where(LoginSession.id.in_(sessions), LoginSession.ended_at.is_(None))
        .values(ended_at=now)
    )
    audit.record(by, "revoke_tablet", device)


def active_for_classes(class_ids) -> list[Device]:
    return list(
        db.session.execute(
            select(Device)
            .where(Device.class_id.in_(list(class_ids)), Device.revoked_at.is_(None))
            .order_by(Device.enrolled_at)
        ).scalars()
    )
