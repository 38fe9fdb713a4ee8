"""Changing a pupil's place on the SEN register: the one way in, which keeps the history
and the audit log. It flushes, never commits (REL-01)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..domain.sen_register import Entry, differences, next_entry
from ..extensions import db
from ..models import Pupil, RegisterChange, User
from . import audit


def entry_of(pupil: Pupil) -> Entry:
    return Entry(
        pupil.sen_stage or "none",
        pupil.primary_need,
        pupil.secondary_need,
        pupil.sen_added_on,
        pupil.sen_reviewed_on,
        pupil.sen_removed_on,
    )


def change(
    actor: User,
    pupil: Pupil,
    stage: str,
    primary: str | None = None,
    secondary: str | None = None,
    reviewed_on: date | None = None,
    source: str = "form",
    today: date | None = None,
) -> RegisterChange | None:
    """Set the pupil's stage and needs (and date reviewed, when given); the dates added and
    removed follow the stage. A history row and an audit line when anything changed."""
    before = entry_of(pupil)
    after = next_entry(before, stage, primary, secondary, today or date.today(), reviewed_on)
    changed = differences(before, after)
    if not changed:
        return None
    _store(pupil, after)
    history = RegisterChange(
        school_id=pupil.school_id, pupil=pupil, changed_by=actor, source=source, changes=changed
    )
    db.session.add(history)
    db.session.flush()
    audit.record(actor, "register_changed", pupil, source=source, fields=sorted(changed))
    return history


def _store(pupil: Pupil, entry: Entry) -> None:
    pupil.sen_stage = entry.stage
    pupil.primary_need = entry.primary_need
    pupil.secondary_need = entry.secondary_need
    pupil.sen_added_on = entry.added_on
    pupil.sen_reviewed_on = entry.reviewed_on
    pupil.sen_removed_on = entry.removed_on


def history(pupil: Pupil) -> list[RegisterChange]:
    """The pupil's register changes, newest first, with who made them."""
    query = (
        select(RegisterChange)
        .where(RegisterChange.pupil_id == pupil.id)
        .options(selectinload(RegisterChange.changed_by))
        .order_by(RegisterChange.changed_at.desc(), RegisterChange.id.desc())
    )
    return list(db.session.scalars(query))
