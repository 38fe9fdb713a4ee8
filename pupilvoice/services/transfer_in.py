"""Importing a transfer file from another PupilVoice school (issue 14, item 5): the pupil,
matched only by their pupil reference and only when the SENCO says so, their voice history
and their old plan as a new draft. The file's format is in transfer.py."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from ..domain.lifecycle import DRAFT
from ..extensions import db
from ..models import (
    AuditEvent,
    Plan,
    Proposal,
    Pupil,
    Recording,
    SelfRating,
    Sort,
    SortChoice,
    Target,
    TopicCard,
    User,
)
from ..models.base import utcnow
from . import audit
from .transfer import DATES, PLAN_FIELDS, PUPIL_FIELDS, SCHEMA, TARGET_FIELDS, TIMES


class TransferError(ValueError):
    """The file is not a transfer file this version can read (the message says why)."""


def _parsed(name: str, value):
    if value is None or name not in DATES | TIMES:
        return value
    return date.fromisoformat(value) if name in DATES else datetime.fromisoformat(value)


def _in(values: dict, fields) -> dict:
    return {name: _parsed(name, values.get(name)) for name in fields if name in values}


def check(data) -> None:
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise TransferError("schema")
    pupil = data.get("pupil")
    if not isinstance(pupil, dict) or not str(pupil.get("first_name") or "").strip():
        raise TransferError("pupil")


def match(data: dict, school_id: int) -> Pupil | None:
    """The school's pupil with the file's pupil reference (UPN), if any: never by name."""
    upn = str(data["pupil"].get("upn") or "").strip()
    if not upn:
        return None
    found = select(Pupil).where(Pupil.school_id == school_id, Pupil.upn == upn)
    return db.session.scalars(found).first()


def already_imported(data: dict, school_id: int) -> bool:
    seen = select(AuditEvent.detail).where(
        AuditEvent.school_id == school_id, AuditEvent.action == "transferred_in"
    )
    return any(detail.get("transfer") == data.get("id") for detail in db.session.scalars(seen))


def bring_in(
    actor: User, data: dict, sounds: dict[str, bytes], class_id: int | None, into: Pupil | None
) -> Pupil:
    """Add the file's pupil (or add to ``into``, the pupil the SENCO chose) with their voice
    history and their plan as a new draft. Raises TransferError for a file it cannot read."""
    try:
        pupil = into or _new_pupil(actor, data["pupil"], class_id)
        recordings = _recordings(pupil, data.get("recordings", []), sounds)
        _sorts(actor, pupil, data.get("sorts", []), recordings)
        _ideas(pupil, data.get("proposals", []), recordings)
        if data.get("plan"):
            _plan(actor, pupil, data["plan"], data.get("from_school", ""))
        db.session.flush()
    except (KeyError, TypeError, ValueError, AttributeError) as problem:
        raise TransferError("content") from problem
    audit.record(
        actor, "transferred_in", pupil, transfer=data.get("id"), from_school=data.get("from_school")
    )
    return pupil


def _new_pupil(actor: User, values: dict, class_id: int | None) -> Pupil:
    pupil = Pupil(school_id=actor.school_id, class_id=class_id, **_in(values, PUPIL_FIELDS))
    db.session.add(pupil)
    db.session.flush()
    return pupil


def _recordings(pupil: Pupil, listed: list, sounds: dict[str, bytes]) -> dict[int, int]:
    made = {}
    for item in listed:
        body = sounds[item["file"]]
        sound = Recording(
            school_id=pupil.school_id,
            pupil_id=pupil.id,
            purpose="voice",
            content_type=item["content_type"],
            size=len(body),
            data=body,
        )
        db.session.add(sound)
        db.session.flush()
        made[item["id"]] = sound.id
    return made


def _card(school_id: int, card: dict) -> TopicCard:
    """The school's own card with that key, or the file's card kept aside (retired)."""
    if card.get("key"):
        found = select(TopicCard).where(
            TopicCard.school_id == school_id, TopicCard.key == card["key"]
        )
        if (own := db.session.scalars(found).first()) is not None:
            return own
    kept = TopicCard(
        school_id=school_id,
        key=None,
        word=card.get("word") or card.get("key"),
        symbol=card["symbol"],
        retired_at=utcnow(),
    )
    db.session.add(kept)
    db.session.flush()
    return kept


def _sorts(actor: User, pupil: Pupil, sorts: list, recordings: dict[int, int]) -> None:
    for item in sorts:
        sort = Sort(
            school_id=pupil.school_id, pupil_id=pupil.id, **_in(item, ("started_at", "finished_at"))
        )
        db.session.add(sort)
        db.session.flush()
        for choice in item["choices"]:
            card = _card(pupil.school_id, choice["card"])
            db.session.add(
                SortChoice(
                    school_id=pupil.school_id,
                    sort_id=sort.id,
                    card_id=card.id,
                    recording_id=recordings.get(choice.get("recording")),
                    **_in(choice, ("place", "words", "chosen_at")),
                )
            )


def _ideas(pupil: Pupil, ideas: list, recordings: dict[int, int]) -> None:
    for item in ideas:
        idea = Proposal(
            school_id=pupil.school_id,
            pupil_id=pupil.id,
            recording_id=recordings.get(item.get("recording")),
            **_in(item, ("area", "starter", "words", "created_at")),
        )
        db.session.add(idea)
        db.session.flush()
        for rating in item.get("ratings", []):
            db.session.add(
                SelfRating(
                    school_id=pupil.school_id,
                    pupil_id=pupil.id,
                    proposal_id=idea.id,
                    **_in(rating, ("level", "created_at")),
                )
            )


def _plan(actor: User, pupil: Pupil, values: dict, from_school: str) -> Plan:
    """The old school's plan, as a draft the new school reviews and makes its own."""
    plan = Plan(
        school_id=pupil.school_id,
        pupil_id=pupil.id,
        status=DRAFT,
        created_by_id=actor.id,
        updated_by_id=actor.id,
        **_in(values, PLAN_FIELDS),
    )
    db.session.add(plan)
    db.session.flush()
    for position, target in enumerate(values.get("targets", [])):
        db.session.add(
            Target(
                school_id=pupil.school_id,
                plan_id=plan.id,
                position=position,
                **_in(target, TARGET_FIELDS),
            )
        )
    return plan
