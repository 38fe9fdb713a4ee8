"""The provision catalogue: add and edit provisions, and keep the targets that point at
one in step with it. Editing a provision saves a new version of every open plan that
uses it (its snapshot records the new numbers). They flush, never commit (REL-01)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..domain import lifecycle
from ..domain.provision_costs import pence, session_cost
from ..extensions import db
from ..models import Plan, Provision, Target, User
from ..models.base import utcnow
from . import audit, plans
from .records import assign

FIELDS = (
    "name",
    "provider",
    "group_size",
    "sessions_per_week",
    "minutes_per_session",
    "weeks",
    "location",
    "need_areas",
    "cost_kind",
    "cost_pence",
)


def catalogue(school_id: int) -> list[Provision]:
    query = select(Provision).where(Provision.school_id == school_id).order_by(Provision.name)
    return list(db.session.scalars(query))


def find(school_id: int, provision_id: Any) -> Provision | None:
    """The school's provision with this id; None for another school's or a missing one."""
    if not isinstance(provision_id, int):
        return None
    found = db.session.get(Provision, provision_id)
    return found if found is not None and found.school_id == school_id else None


def numbers(provision: Provision) -> dict[str, Any]:
    """The target fields a provision sets: a target that points at it shows these."""
    cost = session_cost(provision.cost_kind, provision.cost_pence, provision.minutes_per_session)
    return {
        "provider": provision.provider,
        "group_size": provision.group_size,
        "sessions_per_week": provision.sessions_per_week,
        "minutes_per_session": provision.minutes_per_session,
        "weeks": provision.weeks,
        "cost_per_session_pence": pence(cost),
        "location": provision.location,
    }


def filled(school_id: int, values: Mapping[str, Any]) -> dict[str, Any]:
    """A target's values with its provision's numbers in place of its own, when it points
    at one of the school's provisions."""
    found = dict(values)
    provision = find(school_id, found.get("provision_id"))
    if "provision_id" in found and provision is None:
        found["provision_id"] = None
    if provision is not None:
        found |= numbers(provision)
    return found


def create(actor: User, values: Mapping[str, Any]) -> Provision:
    provision = Provision(school_id=actor.school_id, updated_by_id=actor.id, **values)
    db.session.add(provision)
    db.session.flush()
    audit.record(actor, "provision_added", provision, name=provision.name)
    return provision


def edit(actor: User, provision: Provision, values: Mapping[str, Any]) -> list[Plan]:
    """Save the provision, then every open plan whose targets point at it; returns the
    plans that changed. A plan in review or closed keeps what it had (its history)."""
    changed = assign(provision, values)
    if not changed:
        return []
    provision.updated_by_id, provision.updated_at = actor.id, utcnow()
    audit.record(actor, "provision_edited", provision, fields=changed)
    return _update_targets(actor, provision)


def _update_targets(actor: User, provision: Provision) -> list[Plan]:
    query = (
        select(Target)
        .join(Target.plan)
        .where(Target.provision_id == provision.id, Target.archived_at.is_(None))
        .options(joinedload(Target.plan).selectinload(Plan.targets))
    )
    updated: dict[int, Plan] = {}
    wanted = numbers(provision)
    for target in db.session.scalars(query).unique():
        plan = target.plan
        if not lifecycle.is_editable(plan.status) or not assign(target, wanted):
            continue
        updated.setdefault(plan.id, plan)
    for plan in updated.values():
        plans.saved(actor, plan, "provision_edited", targets_changed=True, provision=provision.id)
    return list(updated.values())
