"""Group Education Plans: set up a group, write its common targets once, and keep every
member's open plan in step. A member's plan carries its own copy of each common target
(``Target.group_target_id``), so parents confirm it and staff record that pupil's own
evidence and outcome on it; each change to a plan is a new version of it. Joining and
leaving are kept (who, when). They flush, never commit (REL-01)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from ..domain import groups as rules
from ..domain import lifecycle
from ..domain import parent_answers as answer_rules
from ..domain.permissions import can
from ..domain.roles import SENCO
from ..extensions import db
from ..models import GroupMember, GroupTarget, Plan, Pupil, Target, TeachingGroup, User
from ..models.base import utcnow
from . import audit, dashboard, plans
from .records import assign

# What a member's copy takes from the common target: everything but the pupil's own words.
COMMON_FIELDS = tuple(name for name in plans.TARGET_FIELDS if name != "pupil_words") + (
    "provision_id",
)

_GROUPS = (
    select(TeachingGroup)
    .options(
        selectinload(TeachingGroup.members).joinedload(GroupMember.pupil),
        selectinload(TeachingGroup.members).joinedload(GroupMember.joined_by),
        selectinload(TeachingGroup.members).joinedload(GroupMember.left_by),
        selectinload(TeachingGroup.targets),
    )
    .order_by(TeachingGroup.name, TeachingGroup.id)
)


def visible(actor: User) -> list[TeachingGroup]:
    """The groups this member of staff may see (the SENCO: every one of the school)."""
    found = db.session.scalars(_GROUPS.where(TeachingGroup.school_id == actor.school_id))
    return [group for group in found if can(actor, "view", group)]


def load(group_id: int) -> TeachingGroup | None:
    query = _GROUPS.where(TeachingGroup.id == group_id)
    return db.session.scalars(query).one_or_none()


def pupils_for(actor: User) -> list[Pupil]:
    """The pupils this member of staff may put in a group: their classes' (SENCO: all)."""
    class_ids = None if actor.role == SENCO else actor.class_ids
    return [pupil for pupil, _plan in dashboard.pupils(actor.school_id, class_ids)]


# --- groups and members ----------------------------------------------------------------------


def create(actor: User, name: str, members: Iterable[Pupil]) -> TeachingGroup:
    group = TeachingGroup(school_id=actor.school_id, name=name, created_by_id=actor.id)
    db.session.add(group)
    db.session.flush()
    audit.record(actor, "group_created", group, name=name)
    for pupil in members:
        join(actor, group, pupil)
    return group


def join(actor: User, group: TeachingGroup, pupil: Pupil) -> GroupMember | None:
    """Put a pupil in the group and its common targets on their open plan. None when they
    are in it already (a second click changes nothing, REL-04)."""
    if rules.may_join((m.pupil_id for m in group.current_members), pupil.id):
        return None
    member = GroupMember(school_id=group.school_id, group=group, pupil=pupil, joined_by_id=actor.id)
    db.session.add(member)
    db.session.flush()
    audit.record(actor, "group_joined", group, pupil=pupil.id)
    plan = plans.current_plan(pupil)
    if plan is not None:
        _add_copies(actor, plan, group.active_targets, "group_joined", group=group.id)
    return member


def leave(actor: User, group: TeachingGroup, pupil: Pupil) -> bool:
    """Take a pupil out of the group: the stay is kept with who ended it and when; their
    open plan's copies of the common targets come off it (kept, with their evidence, in
    the plan's history)."""
    member = next((m for m in group.current_members if m.pupil_id == pupil.id), None)
    if member is None:
        return False
    member.left_at, member.left_by_id = utcnow(), actor.id
    audit.record(actor, "group_left", group, pupil=pupil.id)
    plan = plans.current_plan(pupil)
    common = {t.id for t in group.targets}
    if plan is not None and lifecycle.is_editable(plan.status):
        copies = [t for t in plan.active_targets if t.group_target_id in common]
        for target in copies:
            target.archived_at = utcnow()
        if copies:
            plans.saved(actor, plan, "group_left", targets_changed=True, group=group.id)
    return True


def bring_into(actor: User, plan: Plan) -> None:
    """A plan started for a pupil who is in groups gets the groups' common targets."""
    query = (
        select(TeachingGroup)
        .join(GroupMember)
        .where(GroupMember.pupil_id == plan.pupil_id, GroupMember.left_at.is_(None))
        .options(selectinload(TeachingGroup.targets))
    )
    for group in db.session.scalars(query).unique():
        _add_copies(actor, plan, group.active_targets, "group_joined", group=group.id)


def current_common_ids(pupil_id: int) -> set[int]:
    """The common targets, still running, of the groups the pupil is in now."""
    query = (
        select(GroupTarget.id)
        .join(GroupMember, GroupMember.group_id == GroupTarget.group_id)
        .where(
            GroupMember.pupil_id == pupil_id,
            GroupMember.left_at.is_(None),
            GroupTarget.archived_at.is_(None),
        )
    )
    return set(db.session.scalars(query))


# --- common targets --------------------------------------------------------------------------


def common_values(common: GroupTarget) -> dict[str, Any]:
    return {name: getattr(common, name) for name in COMMON_FIELDS}


def _add_copies(
    actor: User, plan: Plan, common: list[GroupTarget], change: str, **detail: Any
) -> None:
    """Add to an open plan the common targets it does not carry yet, as one new version."""
    if not lifecycle.is_editable(plan.status):
        return  # in review or closed: the plan keeps what it had
    by_id = {t.id: t for t in common}
    missing = rules.copies_missing(
        by_id, (t.group_target_id for t in plan.targets if t.archived_at is None)
    )
    if not missing:
        return
    position = max((t.position for t in plan.targets), default=0)
    for offset, target_id in enumerate(missing, start=1):
        values = common_values(by_id[target_id])
        db.session.add(
            Target(
                school_id=plan.school_id,
                plan=plan,
                position=position + offset,
                group_target_id=target_id,
                **values,
            )
        )
    db.session.flush()
    plans.saved(actor, plan, change, targets_changed=True, **detail)


def _member_plans(group: TeachingGroup) -> list[Plan]:
    found = [plans.current_plan(m.pupil) for m in group.current_members]
    return [plan for plan in found if plan is not None]


def add_target(actor: User, group: TeachingGroup, values: Mapping[str, Any]) -> GroupTarget:
    """Write a common target once; every member's open plan gets its copy."""
    position = max((t.position for t in group.targets), default=0) + 1
    common = GroupTarget(
        school_id=group.school_id,
        group=group,
        position=position,
        updated_by_id=actor.id,
        **values,
    )
    db.session.add(common)
    db.session.flush()
    audit.record(actor, "group_target_added", group, group_target=common.id)
    for plan in _member_plans(group):
        _add_copies(actor, plan, [common], "group_target_added", group=group.id)
    return common


def _copies(common: GroupTarget) -> list[Target]:
    query = (
        select(Target)
        .where(Target.group_target_id == common.id, Target.archived_at.is_(None))
        .options(joinedload(Target.plan).selectinload(Plan.targets))
    )
    return [t for t in db.session.scalars(query).unique() if lifecycle.is_editable(t.plan.status)]


def edit_target(actor: User, common: GroupTarget, values: Mapping[str, Any]) -> list[Plan]:
    """Change a common target; every open plan that carries it saves a new version (parents
    confirm again when the words they read changed). Returns the plans that changed."""
    changed = assign(common, values)
    if not changed:
        return []
    common.updated_by_id, common.updated_at = actor.id, utcnow()
    audit.record(actor, "group_target_edited", common.group, group_target=common.id)
    updated = []
    for target in _copies(common):
        fields = assign(target, common_values(common))
        if not fields:
            continue
        plans.saved(
            actor,
            target.plan,
            "group_target_edited",
            targets_changed=True,
            parents_read=answer_rules.parents_read(fields),
            target=target.id,
            fields=fields,
        )
        updated.append(target.plan)
    return updated


def archive_target(actor: User, common: GroupTarget) -> None:
    """Stop a common target: it comes off every open plan (kept in their history)."""
    if common.archived_at is not None:
        return
    common.archived_at = utcnow()
    audit.record(actor, "group_target_archived", common.group, group_target=common.id)
    for target in _copies(common):
        target.archived_at = utcnow()
        plans.saved(actor, target.plan, "target_archived", targets_changed=True, target=target.id)


# --- what the group's page shows -------------------------------------------------------------


def copies_count(common: GroupTarget) -> int:
    """How many plans carry this common target now."""
    query = select(Target.id).where(
        Target.group_target_id == common.id, Target.archived_at.is_(None)
    )
    return len(db.session.scalars(query).all())


def copies_of(group: TeachingGroup) -> list[Target]:
    """Every member's copy of the group's common targets still on a plan, with its plan,
    pupil and evidence (each member's own progress), in three queries."""
    common = [t.id for t in group.targets]
    if not common:
        return []
    query = (
        select(Target)
        .where(Target.group_target_id.in_(common), Target.archived_at.is_(None))
        .options(joinedload(Target.plan).joinedload(Plan.pupil), selectinload(Target.evidence))
        .order_by(Target.id)
    )
    return list(db.session.scalars(query).unique())


def open_plans(group: TeachingGroup) -> dict[int, Plan | None]:
    """Each current member's open plan (None: no plan the common targets can go on yet),
    in one query whatever the number of members."""
    members = [m.pupil_id for m in group.current_members]
    query = (
        select(Plan)
        .where(Plan.pupil_id.in_(members), Plan.status != lifecycle.CLOSED)
        .order_by(Plan.created_at.desc(), Plan.id.desc())
    )
    latest: dict[int, Plan] = {}
    for plan in db.session.scalars(query) if members else []:
        latest.setdefault(plan.pupil_id, plan)  # current_plan's choice, for each pupil
    return {
        pupil: plan if (plan := latest.get(pupil)) and lifecycle.is_editable(plan.status) else None
        for pupil in members
    }
