"""Plans: create, edit, targets, evidence, sharing, and the version kept on every save.
They flush, never commit (REL-01); every read and change is audited (REL-06)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import joinedload, selectinload

from ..domain import lifecycle
from ..domain import parent_answers as rules
from ..domain.versions import Clash, clashes, plain, text_hash
from ..extensions import db
from ..models import (
    Evidence,
    Plan,
    PlanVersion,
    Proposal,
    Pupil,
    Target,
    TargetBankEntry,
    User,
    Worry,
)
from ..models.base import utcnow
from . import audit, bank_translations, plan_translations, signoff
from .records import assign

PLAN_FIELDS = (
    "term_label",
    "starts_on",
    "review_on",
    "involved",
    "pupil_views",
    "home_help",
    "extra_target_reason",
)
TARGET_FIELDS = (
    "area",
    "pupil_words",
    "smart_text",
    "child_text",
    "baseline",
    "success_criteria",
    "strategies",
    "provider",
    "group_size",
    "sessions_per_week",
    "minutes_per_session",
    "weeks",
    "cost_per_session_pence",
    "location",
    "target_on",
    "home_text",
)


class StaleSave(Exception):
    """Someone saved the plan after this form was opened and changed the same fields."""

    def __init__(self, clashes: list[Clash], latest: PlanVersion | None) -> None:
        super().__init__("the plan changed since this form was opened")
        self.clashes = clashes
        self.latest = latest


# --- versions ------------------------------------------------------------------------------


def _fields(obj: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: plain(getattr(obj, name)) for name in names}


REVIEW_FIELDS = ("outcome", "outcome_note", "next_step")


def _target_snapshot(target: Target) -> dict[str, Any]:
    """A target's text and the catalogue provision it points at; its outcome too once the
    review has one (so a plan's versions before its review keep the same hash)."""
    found = _fields(target, TARGET_FIELDS) | {"archived": target.archived_at is not None}
    if target.provision_id:  # only when set: the versions saved before keep their hash
        found["provision_id"] = target.provision_id
    if any(getattr(target, name) for name in REVIEW_FIELDS):
        found |= {name: getattr(target, name) or None for name in REVIEW_FIELDS}
    return found


def snapshot(plan: Plan) -> dict[str, Any]:
    """The plan's text as plain data, kept with each version, with the translations
    families read (not in the text hash: parents confirm the school's words)."""
    return {
        "plan": _fields(plan, PLAN_FIELDS),
        "targets": {str(t.id): _target_snapshot(t) for t in plan.targets},
        "translations": plan_translations.snapshot(plan),
    }


def _keep_version(actor: User | None, plan: Plan, change: str) -> None:
    content = snapshot(plan)
    db.session.add(
        PlanVersion(
            school_id=plan.school_id,
            plan_id=plan.id,
            number=plan.version,
            change=change,
            snapshot=content,
            text_hash=text_hash(content),
            saved_by_id=actor.id if actor else None,
        )
    )


def saved(
    actor: User | None,
    plan: Plan,
    change: str,
    targets_changed: bool = False,
    parents_read: bool = True,
    **detail,
) -> None:
    """Every save: the life-cycle, one more version (the UPDATE checks the row's version,
    so a save that raced another fails), a snapshot, and the audit event. ``actor`` is
    None for a daily command (a review that starts on its date). ``parents_read``: False
    when the targets changed only in words no parent reads (the pupil's own)."""
    previous = plan.version
    if targets_changed:
        plan.status = lifecycle.after_change(plan.status, parents_read)
    plan.version += 1
    plan.updated_by_id = actor.id if actor else None
    plan.updated_at = utcnow()
    db.session.flush()
    _keep_version(actor, plan, change)
    audit.record(actor, change, plan, version=plan.version, **detail)
    if targets_changed and not parents_read:
        signoff.carry_forward(plan, previous)  # what they were sent still reads the same
    if targets_changed:
        # parents confirm the words they read: a change they do not read keeps the plan agreed
        signoff.settle(actor, plan)


# Built once: a statement with this many loader options costs SQLAlchemy more to build
# than to run. The targets come joined to the plan (a plan has a handful, and a second
# SELECT costs more than the repeated plan columns); their evidence, which grows all
# term, comes in a second query rather than multiplying the rows.
_PLAN_PAGE = (
    select(Plan)
    .where(Plan.id == bindparam("plan_id"))
    .options(
        joinedload(Plan.pupil),
        joinedload(Plan.updated_by),
        joinedload(Plan.targets).options(
            selectinload(Target.evidence).joinedload(Evidence.recorded_by),
            joinedload(Target.carried_from).joinedload(Target.carried_from),
            selectinload(Target.source_proposal).selectinload(Proposal.ratings),
        ),
    )
)


def load_page(plan_id: int) -> Plan | None:
    """Load, in a fixed number of queries, all a plan page shows: targets, their evidence
    and who recorded it, the pupil's faces on the ideas they grew from, where each target
    was carried from, who saved the plan last."""
    return db.session.scalars(_PLAN_PAGE, {"plan_id": plan_id}).unique().one_or_none()


# The plan with its pupil, whom every permission check looks at (one query, not two).
_PLAN_AND_PUPIL = (
    select(Plan).where(Plan.id == bindparam("plan_id")).options(joinedload(Plan.pupil))
)


def load_with_pupil(plan_id: int) -> Plan | None:
    return db.session.scalars(_PLAN_AND_PUPIL, {"plan_id": plan_id}).one_or_none()


_VERSIONS = (
    select(PlanVersion)
    .where(PlanVersion.plan_id == bindparam("plan_id"))
    .order_by(PlanVersion.number.desc())
    .options(joinedload(PlanVersion.saved_by))
)


def versions(plan: Plan) -> list[PlanVersion]:
    return list(db.session.scalars(_VERSIONS, {"plan_id": plan.id}))


def version(plan: Plan, number: int | None) -> PlanVersion | None:
    query = select(PlanVersion).where(PlanVersion.plan_id == plan.id, PlanVersion.number == number)
    return db.session.scalars(query).first()


def check_stale(plan: Plan, base_version: int | None, part: tuple, mine: Mapping) -> None:
    """Raise StaleSave when others changed, since ``base_version``, fields this save sets.
    ``part`` finds the fields in a snapshot: ("plan",) or ("targets", "<id>")."""
    if base_version == plan.version:
        return
    current = snapshot(plan)
    base = version(plan, base_version)
    base_fields, theirs = (base.snapshot if base else {}), current
    for key in part:
        base_fields, theirs = base_fields.get(key, {}), theirs.get(key, {})
    found = clashes(base_fields, theirs, {k: plain(v) for k, v in mine.items()})
    if found:
        raise StaleSave(found, version(plan, plan.version))


# --- plans ---------------------------------------------------------------------------------


def create(actor: User, pupil: Pupil, values: Mapping[str, Any]) -> Plan:
    plan = Plan(
        school_id=pupil.school_id,
        pupil=pupil,
        created_by_id=actor.id,
        updated_by_id=actor.id,
        **values,
    )
    db.session.add(plan)
    db.session.flush()
    _keep_version(actor, plan, "created")
    audit.record(actor, "created", plan, version=plan.version, pupil=pupil.id)
    return plan


def edit(actor: User, plan: Plan, values: Mapping[str, Any], base_version: int | None) -> None:
    """Save the plan's own fields; raises StaleSave instead of overwriting others' work."""
    check_stale(plan, base_version, ("plan",), values)
    changed = assign(plan, values)
    if changed:
        saved(actor, plan, "edited", fields=changed)


def record_read(actor: User, plan: Plan, what: str = "viewed", **detail: Any) -> None:
    """Every read of a plan is in the audit log (REL-06)."""
    audit.record_row(actor, what, plan, version=plan.version, **detail)


def share(actor: User, plan: Plan) -> None:
    """Send a draft to the pupil's parents (the parents' side says how they hear of it)."""
    plan.status = lifecycle.next_status(plan.status, lifecycle.SHARE)
    saved(actor, plan, "shared")


def worry_choice_ids(pupil: Pupil) -> set[int]:
    """The About me choices whose words were flagged as a worry: they stay out of a plan,
    which parents read."""
    query = select(Worry.sort_choice_id).where(
        Worry.pupil_id == pupil.id, Worry.sort_choice_id.is_not(None)
    )
    return set(db.session.scalars(query))


def current_plan(pupil: Pupil) -> Plan | None:
    """The pupil's latest plan that is not closed."""
    query = (
        select(Plan)
        .where(Plan.pupil_id == pupil.id, Plan.status != lifecycle.CLOSED)
        .order_by(Plan.created_at.desc(), Plan.id.desc())
    )
    return db.session.scalars(query).first()


def plans_of(pupil: Pupil) -> list[Plan]:
    """The pupil's plans, newest first (in the same order as ``current_plan``)."""
    query = (
        select(Plan)
        .where(Plan.pupil_id == pupil.id)
        .order_by(Plan.created_at.desc(), Plan.id.desc())
    )
    return list(db.session.scalars(query))


def current_of(newest_first: list[Plan]) -> Plan | None:
    """``current_plan`` from the list ``plans_of`` gave, without asking again."""
    return next((plan for plan in newest_first if plan.status != lifecycle.CLOSED), None)


# --- targets -------------------------------------------------------------------------------


def add_target(
    actor: User,
    plan: Plan,
    values: Mapping[str, Any],
    reason: str = "",
    proposal: Proposal | None = None,
    words: str = "",
    bank_entry: TargetBankEntry | None = None,
) -> Target:
    """Add a target at the end; ``reason`` (why more than four) is kept on the plan. From
    a pupil's proposal, ``words`` are their sentence, kept verbatim and linked to it. From
    the bank, the target brings the bank's translations along."""
    if reason:
        plan.extra_target_reason = reason
    position = max((t.position for t in plan.targets), default=0) + 1
    target = Target(school_id=plan.school_id, plan=plan, position=position, **values)
    if proposal is not None:
        target.source_proposal_id, target.pupil_words = proposal.id, words
    db.session.add(target)
    db.session.flush()
    if bank_entry is not None:
        bank_translations.carry_into(bank_entry, target)
    saved(actor, plan, "target_added", targets_changed=True, target=target.id)
    return target


def edit_target(
    actor: User, target: Target, values: Mapping[str, Any], base_version: int | None
) -> None:
    plan = target.plan
    check_stale(plan, base_version, ("targets", str(target.id)), values)
    changed = assign(target, values)
    if changed:
        saved(
            actor,
            plan,
            "target_edited",
            targets_changed=True,
            parents_read=rules.parents_read(changed),
            target=target.id,
            fields=changed,
        )


def archive_target(actor: User, target: Target) -> None:
    """Take a target off the plan; it is kept, with its evidence, in the plan's history."""
    if target.archived_at is not None:
        return  # a second click changes nothing (REL-04)
    target.archived_at = utcnow()
    saved(actor, target.plan, "target_archived", targets_changed=True, target=target.id)


def add_evidence(actor: User, target: Target, values: Mapping[str, Any]) -> Evidence:
    evidence = Evidence(
        school_id=target.school_id, target=target, recorded_by_id=actor.id, **values
    )
    db.session.add(evidence)
    db.session.flush()
    audit.record(actor, "evidence_added", target.plan, target=target.id, evidence=evidence.id)
    return evidence
