"""Parent home: the children linked to this parent, and nobody else's, each with their plan
and what the school is asking. The plan pages are in plans.py."""

from __future__ import annotations

from dataclasses import dataclass

from flask import render_template
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..access import audience
from ..domain.lifecycle import DRAFT
from ..domain.permissions import can
from ..domain.roles import PARENT
from ..extensions import db
from ..models import ParentLink, Plan, Pupil
from ..services import signoff
from . import plans  # noqa: F401 - adds the plan pages to the blueprint
from .blueprint import bp

__all__ = ["bp"]


@dataclass(frozen=True)
class Child:
    pupil: Pupil
    plan: Plan | None
    may_answer: bool
    answered: bool


def _children() -> list[Pupil]:
    query = (
        select(Pupil)
        .join(ParentLink, ParentLink.pupil_id == Pupil.id)
        .where(ParentLink.parent_id == current_user.id, Pupil.archived_at.is_(None))
        .options(selectinload(Pupil.class_group))
        .order_by(Pupil.first_name)
    )
    return list(db.session.scalars(query))


def _latest_shared_plans(pupils: list[Pupil]) -> dict[int, Plan]:
    """Each child's newest plan the school has shared (drafts stay with the school), with
    its targets: pupil id -> plan, in one query for all the children."""
    newest = (
        select(
            Plan.id,
            func.row_number()
            .over(partition_by=Plan.pupil_id, order_by=(Plan.created_at.desc(), Plan.id.desc()))
            .label("rank"),
        )
        .where(Plan.pupil_id.in_([p.id for p in pupils]), Plan.status != DRAFT)
        .subquery()
    )
    query = (
        select(Plan)
        .join(newest, newest.c.id == Plan.id)
        .where(newest.c.rank == 1)
        .options(selectinload(Plan.targets))
    )
    found = db.session.scalars(query)
    return {plan.pupil_id: plan for plan in found if can(current_user, "read_as_family", plan)}


def _family(pupils: list[Pupil]) -> list[Child]:
    if not pupils:
        return []
    shared = _latest_shared_plans(pupils)
    answers = signoff.latest_answers_to(shared.values(), current_user)
    children = []
    for pupil in pupils:
        plan = shared.get(pupil.id)
        if plan is None:
            children.append(Child(pupil, None, False, False))
            continue
        answered = signoff.has_answered(plan, answers[plan.id])
        children.append(Child(pupil, plan, can(current_user, "answer", plan), answered))
    return children


@bp.get("/")
@audience(PARENT)
def home():
    return render_template("parent/home.html", children=_family(_children()))
