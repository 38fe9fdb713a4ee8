"""The staff dashboard: pupils on the SEN register a member of staff works with, with what
needs their attention. A fixed number of queries however many pupils (no query a pupil)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..domain.attention import attention, urgency
from ..domain.lifecycle import CLOSED
from ..extensions import db
from ..models import Plan, Pupil

NO_PLAN = "none"


@dataclass(frozen=True)
class Filters:
    """What the SENCO narrowed the register to; empty means everything."""

    class_id: int | None = None
    stage: str = ""
    status: str = ""  # a plan status, or "none" for pupils without a plan


@dataclass(frozen=True)
class Row:
    pupil: Pupil
    plan: Plan | None
    attention: tuple[str, ...]
    open_worries: int = 0


def _pupils(school_id: int, class_ids: Collection[int] | None, filters: Filters) -> list[Pupil]:
    query = (
        select(Pupil)
        .where(
            Pupil.school_id == school_id,
            Pupil.archived_at.is_(None),
            Pupil.sen_stage != "none",
        )
        .options(joinedload(Pupil.class_group))
        .order_by(Pupil.first_name, Pupil.surname_initial, Pupil.id)
    )
    if class_ids is not None:
        query = query.where(Pupil.class_id.in_(class_ids))
    if filters.class_id:
        query = query.where(Pupil.class_id == filters.class_id)
    if filters.stage:
        query = query.where(Pupil.sen_stage == filters.stage)
    return list(db.session.scalars(query))


def current_plans(pupil_ids: Collection[int]) -> dict[int, Plan]:
    """Each pupil's latest plan that is not closed."""
    query = (
        select(Plan)
        .where(Plan.pupil_id.in_(pupil_ids), Plan.status != CLOSED)
        .order_by(Plan.created_at, Plan.id)
    )
    return {plan.pupil_id: plan for plan in db.session.scalars(query)}


def voice_marks(pupil_ids: Collection[int]) -> dict[int, tuple[int, bool]]:
    """Open worries and new voice for each pupil (filled in by the pupil-voice models)."""
    return {}


def register(
    school_id: int,
    class_ids: Collection[int] | None,
    filters: Filters,
    *,
    today: date,
) -> list[Row]:
    """The register, most urgent first. ``class_ids`` None: the whole school (SENCO)."""
    pupils = _pupils(school_id, class_ids, filters)
    ids = [p.id for p in pupils]
    plans, marks = current_plans(ids), voice_marks(ids)
    rows = []
    for pupil in pupils:
        plan = plans.get(pupil.id)
        if filters.status and (plan.status if plan else NO_PLAN) != filters.status:
            continue
        worries, new_voice = marks.get(pupil.id, (0, False))
        codes = attention(
            today=today,
            plan_status=plan.status if plan else None,
            review_on=plan.review_on if plan else None,
            open_worries=worries,
            new_voice=new_voice,
        )
        rows.append(Row(pupil, plan, codes, worries))
    return sorted(rows, key=lambda row: urgency(row.attention))
