"""Pupils' recordings: read an upload safely, check it is audio, keep it in the database."""

from __future__ import annotations

from werkzeug.datastructures import FileStorage

from ..domain import audio
from ..extensions import db
from ..models import Pupil, Recording


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
