"""The staff dashboard: pupils on the SEN register a member of staff works with, with what
needs their attention. A fixed number of queries however many pupils (no query a pupil)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..domain.attention import attention, urgency
from ..domain.lifecycle import CLOSED, STATUSES
from ..domain.roles import SEN_STAGES
from ..extensions import db
from ..models import Plan, Pupil
from . import signoff

NO_PLAN = "none"
# What the SENCO can narrow the register to, besides a class.
REGISTER_STAGES = SEN_STAGES[1:]  # "none" is not on the register
REGISTER_STATUSES = (NO_PLAN, *(status for status in STATUSES if status != CLOSED))


@dataclass(frozen=True)
class Filters:
    """What the SENCO narrowed the register to; empty means everything."""

    class_id: int | None = None
    stage: str = ""
    status: str = ""  # a plan status, or "none" for pupils without a plan


def chosen_filters(asked: Mapping[str, str], class_ids: Collection[int]) -> Filters:
    """The SENCO's filters from the query string: only values the form offers (a class of
    ``class_ids``, a stage, a status); anything else means no filter."""
    class_id, stage, status = (asked.get(name, "") for name in ("class_id", "stage", "status"))
    return Filters(
        class_id=int(class_id) if class_id in {str(i) for i in class_ids} else None,
        stage=stage if stage in REGISTER_STAGES else "",
        status=status if status in REGISTER_STATUSES else "",
    )


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


def register(
    school_id: int, class_ids: Collection[int] | None, filters: Filters
) -> list[tuple[Pupil, Plan | None]]:
    """The pupils on the register with their current plan, filtered. ``class_ids`` None:
    the whole school (the SENCO)."""
    pupils = _pupils(school_id, class_ids, filters)
    plans = current_plans([p.id for p in pupils])
    found = [(pupil, plans.get(pupil.id)) for pupil in pupils]
    if filters.status:
        found = [
            (p, plan) for p, plan in found if (plan.status if plan else NO_PLAN) == filters.status
        ]
    return found


def needs(
    register: list[tuple[Pupil, Plan | None]], marks: Mapping[int, Mapping], *, today: date
) -> list[Row]:
    """Each pupil with what needs attention, most urgent first. ``marks``: open worries
    and new voice by pupil id (``voice.staff_marks``)."""
    rows = []
    talk = signoff.talk_requests([plan.id for _pupil, plan in register if plan])
    for pupil, plan in register:
        mark = marks.get(pupil.id, {})
        codes = attention(
            today=today,
            plan_status=plan.status if plan else None,
            review_on=plan.review_on if plan else None,
            open_worries=mark.get("worries", 0),
            new_voice=mark.get("new", False),
            parent_talk=bool(plan and talk.get(plan.id)),
        )
        rows.append(Row(pupil, plan, codes, mark.get("worries", 0)))
    return sorted(rows, key=lambda row: urgency(row.attention))
