"""A parent or carer linked to a pupil after the pupil's plan went to the family (issue 13,
item 10): they are asked too. An agreed plan waits for them again; their answers, like
everyone's, are tied to the version they read. Flush, never commit."""

from __future__ import annotations

from ..domain import lifecycle
from ..extensions import db
from ..models import Plan, Pupil, User
from . import audit, plans, signoff


def parent_linked(actor: User | None, parent: User, pupil: Pupil) -> Plan | None:
    """Apply the life-cycle to the pupil's current plan; returns it when the new parent is
    now asked to confirm it (the caller sends it to them), else None."""
    plan = plans.current_plan(pupil)
    if plan is None or not lifecycle.asks_new_parent(plan.status):
        return None
    plan.status = lifecycle.after_parent_linked(plan.status)
    db.session.flush()
    audit.record(actor, "parent_added_to_plan", plan, parent=parent.id, version=plan.version)
    signoff.settle(actor, plan)  # linked again after confirming this version already
    return plan if lifecycle.needs_signoff(plan.status) else None
