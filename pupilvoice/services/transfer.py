"""Moving school (issue 14, item 5): a pupil's register entry, current plan and voice history
as a transfer file another PupilVoice school imports; the same zip carries the plan as a PDF
for a school that does not use PupilVoice. Worries are not in it: safeguarding records go
from one school's safeguarding lead to the next by their own route.

transfer.json, schema ``pupilvoice.transfer/1``:
  {"schema", "id": a random id, "made_at", "from_school",
   "pupil": {first_name, surname_initial, surname, born_on, upn, year_group, sen_stage, avatar},
   "plan": {term_label, starts_on, review_on, involved, pupil_views, home_help,
            "targets": [{area, pupil_words, smart_text, child_text, ...}]} or null,
   "sorts": [{started_at, finished_at, "choices": [{"card": {key, word, symbol}, place,
              words, recording, chosen_at}]}],
   "proposals": [{area, starter, words, recording, created_at, "ratings": [{level, created_at}]}],
   "recordings": [{id, file, content_type}]}
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import select

from ..domain.lifecycle import DRAFT
from ..extensions import db
from ..models import (
    Plan,
    Proposal,
    Pupil,
    Recording,
    Sort,
)
from ..models.base import utcnow
from .plans import TARGET_FIELDS as PLAN_TARGET_FIELDS

SCHEMA = "pupilvoice.transfer/1"
PUPIL_FIELDS = (
    "first_name",
    "surname_initial",
    "surname",
    "born_on",
    "upn",
    "year_group",
    "sen_stage",
    "avatar",
)
PLAN_FIELDS = ("term_label", "starts_on", "review_on", "involved", "pupil_views", "home_help")
# What the new school sees of each target: its words and provision, and how it went.
TARGET_FIELDS = (*PLAN_TARGET_FIELDS, "outcome", "outcome_note", "next_step")
DATES = {"born_on", "starts_on", "review_on", "target_on"}
TIMES = {"started_at", "finished_at", "chosen_at", "created_at"}


def _out(row, fields) -> dict:
    values = {name: getattr(row, name) for name in fields}
    return {k: v.isoformat() if isinstance(v, date | datetime) else v for k, v in values.items()}


def current_plan(pupil: Pupil) -> Plan | None:
    """The newest plan the school has shared, or else the newest draft."""
    plans = sorted(pupil_plans(pupil), key=lambda p: (p.status != DRAFT, p.created_at, p.id))
    return plans[-1] if plans else None


def pupil_plans(pupil: Pupil) -> list[Plan]:
    return list(db.session.scalars(select(Plan).where(Plan.pupil_id == pupil.id)))


def build(pupil: Pupil, from_school: str) -> dict:
    plan = current_plan(pupil)
    sorts = db.session.scalars(select(Sort).where(Sort.pupil_id == pupil.id).order_by(Sort.id))
    ideas = db.session.scalars(
        select(Proposal).where(Proposal.pupil_id == pupil.id).order_by(Proposal.id)
    )
    sounds = db.session.execute(
        select(Recording.id, Recording.content_type).where(
            Recording.pupil_id == pupil.id, Recording.purpose == "voice"
        )
    ).all()
    kept = {sound_id for sound_id, _ in sounds}
    return {
        "schema": SCHEMA,
        "id": uuid.uuid4().hex,
        "made_at": utcnow().isoformat(),
        "from_school": from_school,
        "pupil": _out(pupil, PUPIL_FIELDS),
        "plan": _plan_out(plan) if plan else None,
        "sorts": [_sort_out(sort, kept) for sort in sorts],
        "proposals": [_idea_out(idea, kept) for idea in ideas],
        "recordings": [{"id": i, "file": f"recordings/{i}", "content_type": t} for i, t in sounds],
    }


def _plan_out(plan: Plan) -> dict:
    return _out(plan, PLAN_FIELDS) | {
        "targets": [_out(t, TARGET_FIELDS) for t in plan.active_targets]
    }


def _sort_out(sort: Sort, kept: set[int]) -> dict:
    choices = [
        _out(c, ("place", "words", "chosen_at"))
        | {
            "card": _out(c.card, ("key", "word", "symbol")),
            "recording": c.recording_id if c.recording_id in kept else None,
        }
        for c in sort.choices
    ]
    return _out(sort, ("started_at", "finished_at")) | {"choices": choices}


def _idea_out(idea: Proposal, kept: set[int]) -> dict:
    ratings = [_out(r, ("level", "created_at")) for r in idea.ratings]
    recording = idea.recording_id if idea.recording_id in kept else None
    return _out(idea, ("area", "starter", "words", "created_at")) | {
        "ratings": ratings,
        "recording": recording,
    }
