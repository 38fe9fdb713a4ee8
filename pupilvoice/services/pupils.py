"""Adding, editing and archiving pupils. They flush, never commit (REL-01)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import update

from ..extensions import db
from ..models import LoginSession, Pupil, User
from ..models.base import utcnow
from . import audit
from .records import assign, set_archived


def create(actor: User, values: Mapping[str, Any]) -> Pupil:
    pupil = Pupil(school_id=actor.school_id, **values)
    db.session.add(pupil)
    db.session.flush()
    audit.record(actor, "created", pupil)
    return pupil


def edit(actor: User, pupil: Pupil, values: Mapping[str, Any]) -> None:
    changed = assign(pupil, values)
    if changed:
        audit.record(actor, "updated", pupil, fields=changed)


def archive(actor: User, pupil: Pupil) -> None:
    """Archive a pupil who has left: hidden from lists and class tablets, history kept."""
    set_archived(actor, pupil, True)
    db.session.execute(
        update(LoginSession)
        .where(LoginSession.pupil_id == pupil.id, LoginSession.ended_at.is_(None))
        .values(ended_at=utcnow())
    )


def restore(actor: User, pupil: Pupil) -> None:
    """Bring a pupil back; if their class was archived meanwhile, they have no class yet."""
    set_archived(actor, pupil, False)
    if pupil.class_group is not None and pupil.class_group.archived_at is not None:
        pupil.class_group = None
