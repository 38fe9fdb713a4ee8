"""Parent home: the children linked to this parent, and nobody else's, each with their plan
and what the school is asking. The plan pages are in plans.py."""

from __future__ import annotations

from dataclasses import dataclass

from flask import render_template
from flask_login import current_user
from sqlalchemy import bindparam, select
from sqlalchemy.orm import joinedload

from ..access import audience
from ..domain.lifecycle import DRAFT
from ..domain.permissions import can
from ..domain.roles import PARENT
from ..extensions import db
from ..models import ParentLink, Plan, Pupil
from ..services import signoff
from . import data, plans  # noqa: F401 - they add their pages to the blueprint
from .blueprint import bp

__all__ = ["bp"]


@dataclass(frozen=True)
class Child:
    pupil: Pupil
    plan: Plan | None
    may_answer: bool
    answered: bool


# Both statements are built once, with the ids bound at run time: building them costs
# SQLAlchemy about as much as running them.
_CHILDREN = (
    select(Pupil)
    .join(ParentLink, ParentLink.pupil_id == Pupil.id)
    .where(ParentLink.parent_id == bindparam("parent_id"), Pupil.archived_at.is_(None))
    .options(joinedload(Pupil.class_group))
    .order_by(Pupil.first_name)
)
# The child's newest plan the school has shared (drafts stay with the school).
_LATEST_SHARED_PLAN = (
    select(Plan)
    .where(Plan.pupil_id == bindparam("pupil_id"), Plan.status != DRAFT)
    .order_by(Plan.created_at.desc(), Plan.id.desc())
    .limit(1)
)


def _children() -> list[Pupil]:
    return list(db.session.scalars(_CHILDREN, {"parent_id": current_user.id}))


def _latest_shared_plan(pupil: Pupil) -> Plan | None:
    found = db.session.scalars(_LATEST_SHARED_PLAN, {"pupil_id": pupil.id}).first()
    return found if can(current_user, "read_as_family", found) else None


def _child(pupil: Pupil) -> Child:
    plan = _latest_shared_plan(pupil)
    if plan is None:
        return Child(pupil, None, False, False)
    answers = signoff.latest_answers(plan, current_user)
    return Child(
        pupil, plan, can(current_user, "answer", plan), signoff.has_answered(plan, answers)
    )


@bp.get("/")
@audience(PARENT)
def home():
    return render_template("parent/home.html", children=[_child(p) for p in _children()])
