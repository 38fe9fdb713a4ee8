"""Erasure (issue 14, PRI-03): a pupil or a parent with everything linked to them, in one
transaction, through the privacy registry. Rows go, children before parents; the audit log
keeps its lines without the person or any detail, and records the erasure itself: by whom
and how many rows of each kind, never the data."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, delete, func, select, update

from ..extensions import db
from ..models import AuditEvent, Pupil, User
from ..models.privacy import Entry
from . import audit, sign_in_throttle, speech
from .privacy_rows import PUPIL_TABLE, USER_TABLE, conditions, person_of, single_key

_BATCH = 500  # ids in one statement, well under every database's limit


def erase_pupil(actor: User, pupil: Pupil) -> dict[str, int]:
    """... and empties the read-aloud cache, whose audio can say the pupil's name (it is
    content-addressed, so which files do is not known; the audio is made again on use)."""
    erased = _erase(actor, PUPIL_TABLE, pupil)
    speech.prune(everything=True)
    return erased


def erase_parent(actor: User, parent: User) -> dict[str, int]:
    sign_in_throttle.forget_account(parent)
    return _erase(actor, USER_TABLE, parent)


def _erase(actor: User, person: str, who: Pupil | User) -> dict[str, int]:
    found = {e: c for e, c in conditions(person, who.id).items() if e.model is not AuditEvent}
    kinds = {entry.model.__name__: _count(entry, chosen) for entry, chosen in found.items()}
    kinds = {name: number for name, number in sorted(kinds.items()) if number}
    _scrub_audit(person, who.id, found)
    audit.record(actor, "erased", who, kinds=kinds)
    db.session.flush()
    for table in reversed(db.metadata.sorted_tables):
        for entry, chosen in found.items():
            if entry.model.__table__ is table:
                _apply(entry, chosen, person)
    db.session.expire_all()
    return kinds


def _count(entry: Entry, chosen: ColumnElement) -> int:
    table = entry.model.__table__
    return db.session.scalar(select(func.count()).select_from(table).where(chosen))


def _apply(entry: Entry, chosen: ColumnElement, person: str) -> None:
    table = entry.model.__table__
    if entry.erase == "delete":
        db.session.execute(delete(table).where(chosen))
    else:  # "detach": the row stays, its link to the person goes
        cleared = {name: None for name in entry.reach if person_of(table.c[name]) == person}
        db.session.execute(update(table).where(chosen).values(cleared))


def _scrub_audit(person: str, person_id: int, found: dict[Entry, ColumnElement]) -> None:
    """Each line stays (that something happened, when, by which staff); the person and
    what was recorded about them or their rows go."""
    actor = AuditEvent.actor_pupil_id if person == PUPIL_TABLE else AuditEvent.actor_user_id
    db.session.execute(
        update(AuditEvent).where(actor == person_id).values({actor.key: None, "detail": {}})
    )
    for entry, chosen in found.items():
        key = single_key(entry.model.__table__)
        if key is None or entry.erase != "delete":
            continue
        ids = list(db.session.scalars(select(key).where(chosen)))
        for start in range(0, len(ids), _BATCH):
            some = ids[start : start + _BATCH]
            about = and_(
                AuditEvent.object_type == entry.model.__name__, AuditEvent.object_id.in_(some)
            )
            db.session.execute(update(AuditEvent).where(about).values(detail={}))
