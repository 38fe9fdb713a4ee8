"""What a group's page shows: its members now and before (only pupils this member of staff
may see), each member's open plan, and each member's own progress on each common target."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..domain.permissions import can
from ..domain.plans import Provision
from ..models import GroupTarget, TeachingGroup, User
from ..services import groups


def numbers(common: GroupTarget) -> Provision:
    return Provision(
        common.group_size,
        common.sessions_per_week,
        common.minutes_per_session,
        common.weeks,
        common.cost_per_session_pence,
    )


def context(actor: User, group: TeachingGroup) -> dict[str, Any]:
    progress: dict[int, list] = defaultdict(list)
    for copy in groups.copies_of(group):
        measured = [e for e in copy.evidence if e.measured is not None]
        latest = max(measured, key=lambda e: (e.observed_on, e.id)) if measured else None
        progress[copy.group_target_id].append((copy, latest))
    past = [m for m in group.members if m.left_at is not None and can(actor, "view", m.pupil)]
    return {
        "plans": groups.open_plans(group),
        "past": past,
        "progress": progress,
        "provision": {t.id: numbers(t) for t in group.active_targets},
        "may_manage": can(actor, "manage", group),
    }
