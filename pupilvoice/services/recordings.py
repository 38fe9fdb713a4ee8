"""Pupils' recordings: read an upload safely, check it is audio and that there is room
for it, keep it in the database."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select, update
from werkzeug.datastructures import FileStorage

from ..domain import audio, recording_quota
from ..domain.recording_quota import Limits, Use
from ..extensions import db
from ..models import Pupil, Recording
from ..models.base import utcnow

RATE_WINDOW = timedelta(minutes=1)


def read_upload(upload: FileStorage | None) -> tuple[bytes | None, str | None]:
    """(the bytes, None), (None, None) when nothing was sent, or (None, a problem code).
    Never reads more than one byte over the limit."""
    if upload is None or not isinstance(upload, FileStorage) or not upload.filename:
        return None, None
    data = upload.stream.read(audio.MAX_BYTES + 1)
    if not data:
        return None, None
    problem = audio.problem(data)
    return (None, problem) if problem else (data, None)


def limits() -> Limits:
    return recording_quota.limits_from(current_app.config)


def pupil_bytes(pupil: Pupil) -> int:
    query = select(func.coalesce(func.sum(Recording.size), 0))
    return int(db.session.scalar(query.where(Recording.pupil_id == pupil.id)))


def usage(pupil: Pupil, *, rate: bool = False) -> Use:
    """What the pupil and their school keep now and, with ``rate``, the pupil's
    recordings of the last minute (recordings replaced since are gone, and take no room)."""
    recent = 0
    if rate:
        since = utcnow() - RATE_WINDOW
        query = select(func.count()).where(
            Recording.pupil_id == pupil.id, Recording.created_at > since
        )
        recent = int(db.session.scalar(query))
    return Use(pupil_bytes(pupil), school_bytes(pupil.school_id), recent)


def school_bytes(school_id: int) -> int:
    query = select(func.coalesce(func.sum(Recording.size), 0))
    return int(db.session.scalar(query.where(Recording.school_id == school_id)))


def room_left(pupil: Pupil) -> int:
    """Bytes the pupil may still record; 0 when not even the shortest recording fits
    (their talking box is full)."""
    return recording_quota.room(usage(pupil), limits())


def check_room(pupil: Pupil, size: int) -> str | None:
    """Why a new recording of ``size`` bytes cannot be kept (a recording_quota code), or
    None. Holds the pupil's uploads in turn until this transaction ends, so uploads sent
    at the same moment are counted one after the other and cannot overshoot together."""
    _hold_uploads_of(pupil)
    return recording_quota.problem(usage(pupil, rate=True), limits(), size)


def _hold_uploads_of(pupil: Pupil) -> None:
    """An UPDATE that changes nothing, to take a lock until the commit: PostgreSQL locks
    the pupil's row (FOR NO KEY UPDATE: rows that refer to the pupil are not held up),
    SQLite takes its single write lock. Every sum read after it includes every upload
    committed before. Another pupil's upload at the very same moment can still pass the
    school's sum on PostgreSQL: the school may go over by at most one recording
    (audio.MAX_BYTES) per upload running at that instant."""
    pupils = Pupil.__table__
    db.session.execute(update(pupils).where(pupils.c.id == pupil.id).values(avatar=pupils.c.avatar))


def keep(pupil: Pupil, data: bytes, purpose: str) -> Recording:
    recording = Recording(
        school_id=pupil.school_id,
        pupil_id=pupil.id,
        purpose=purpose,
        content_type=audio.sniff(data) or "application/octet-stream",
        size=len(data),
        data=data,
    )
    db.session.add(recording)
    db.session.flush()
    return recording


def replace(owner, pupil: Pupil, data: bytes | None, purpose: str = "voice") -> None:
    """Give ``owner`` (a sort choice or proposal) this new recording; the old one goes."""
    if data is None:
        return
    old = owner.recording
    owner.recording = keep(pupil, data, purpose)
    if old is not None:
        db.session.delete(old)


def most_used(school_id: int, count: int = 10) -> list[tuple[Pupil, int]]:
    """The pupils whose recordings take the most room, with their bytes, for the SENCO."""
    used = func.sum(Recording.size).label("used")
    query = (
        select(Pupil, used)
        .join(Recording, Recording.pupil_id == Pupil.id)
        .where(Recording.school_id == school_id)
        .group_by(Pupil.id)
        .order_by(used.desc(), Pupil.id)
        .limit(count)
    )
    return [(pupil, int(size)) for pupil, size in db.session.execute(query)]
