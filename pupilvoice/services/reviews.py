"""Reviews: a plan moves to "in review" when staff start it, or when its review date
comes (``flask reviews-due`` moves those each day: GET never changes data); parents are
invited to the meeting and may say beforehand how each target went at home; staff record
each target's outcome, the pupil's comment and who took part; closing the review starts
the next plan in the same transaction. They flush, never commit (REL-01); every change
is audited (REL-06)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from ..domain import lifecycle
from ..domain import reviews as rules
from ..extensions import db
from ..models import Plan, Proposal, ReviewMeeting, ReviewView, Sort, Target, User
from ..models.base import utcnow
from . import audit, groups, plans
from .records import assign

OUTCOME_FIELDS = plans.REVIEW_FIELDS
CARRIED_FIELDS = (*plans.TARGET_FIELDS, "source_proposal_id")


class NotReady(ValueError):
    """The review cannot close yet: some targets have no outcome."""

    def __init__(self, missing: int) -> None:
        super().__init__(f"{missing} targets have no outcome")
        self.missing = missing


# --- starting and the meeting --------------------------------------------------------------


def meeting_of(plan: Plan) -> ReviewMeeting | None:
    query = select(ReviewMeeting).where(ReviewMeeting.plan_id == plan.id)
    return db.session.scalars(query).one_or_none()


def _meeting(actor: User | None, plan: Plan) -> ReviewMeeting:
    found = meeting_of(plan)
    if found is None:
        found = ReviewMeeting(
            school_id=plan.school_id, plan_id=plan.id, started_by_id=actor.id if actor else None
        )
        db.session.add(found)
        db.session.flush()
    return found


def start(actor: User | None, plan: Plan) -> ReviewMeeting:
    """The review begins: the plan is "in review" and takes outcomes, not edits. A plan
    already in review is left as it is (a second click, REL-04)."""
    if plan.status != lifecycle.IN_REVIEW:
        plan.status = lifecycle.next_status(plan.status, lifecycle.START_REVIEW)
        plans.saved(actor, plan, "review_started")
    return _meeting(actor, plan)


def start_due(today: date) -> list[Plan]:
    """Start the review of every plan whose review date has come (the daily command)."""
    startable = [s for s in lifecycle.STATUSES if lifecycle.START_REVIEW in _moves(s)]
    query = (
        select(Plan).where(Plan.status.in_(startable), Plan.review_on <= today).order_by(Plan.id)
    )
    due = list(db.session.scalars(query))
    for plan in due:
        start(None, plan)
    return due


def _moves(status: str) -> set[str]:
    return lifecycle.allowed_transitions(status)


def set_meeting(
    actor: User, plan: Plan, meets_on: date, meets_at: time | None, place: str
) -> ReviewMeeting:
    """When and where the review meeting is, as the parents' invitation says."""
    found = _meeting(actor, plan)
    changed = assign(found, {"meets_on": meets_on, "meets_at": meets_at, "place": place})
    db.session.flush()
    audit.record(actor, "review_meeting_set", plan, fields=changed)
    return found


class MeetingChanged(Exception):
    """Someone else saved who came or the pupil's comment since this form was opened, and
    differently: show theirs beside what was typed (REL-02)."""

    def __init__(self, meeting: ReviewMeeting) -> None:
        super().__init__("the meeting record changed since this form was opened")
        self.meeting = meeting


def record_meeting(
    actor: User,
    plan: Plan,
    pupil_comment: str,
    attendance: Mapping[str, str],
    base_version: int | None,
) -> None:
    """The pupil's own comment (typed by an adult) and how each person took part."""
    found = _meeting(actor, plan)
    kept = {who: how for who, how in attendance.items() if how in rules.ATTENDANCE}
    mine = {"pupil_comment": pupil_comment, "attendance": kept}
    theirs = {"pupil_comment": found.pupil_comment, "attendance": found.attendance or {}}
    if (base_version or 0) != found.version and mine != theirs:
        raise MeetingChanged(found)
    changed = assign(found, mine)
    if changed:
        found.version += 1
        found.recorded_by_id, found.recorded_at = actor.id, utcnow()
    db.session.flush()
    audit.record(actor, "review_meeting_recorded", plan, fields=changed)


# --- what parents say before -----------------------------------------------------------------


def save_home_view(parent: User, plan: Plan, target: Target, words: str) -> ReviewView:
    """A parent's "How has it gone at home?" for one target; writing again replaces it."""
    query = select(ReviewView).where(
        ReviewView.target_id == target.id, ReviewView.parent_id == parent.id
    )
    found = db.session.scalars(query).one_or_none()
    if found is None:
        found = ReviewView(
            school_id=plan.school_id, plan_id=plan.id, target_id=target.id, parent_id=parent.id
        )
        db.session.add(found)
    found.words, found.updated_at = words, utcnow()
    db.session.flush()
    audit.record(parent, "home_view_sent", plan, target=target.id)
    return found


def home_views(plan: Plan) -> dict[int, list[ReviewView]]:
    """Every parent's view before the review, by target id."""
    query = (
        select(ReviewView)
        .where(ReviewView.plan_id == plan.id)
        .order_by(ReviewView.updated_at, ReviewView.id)
    )
    found: dict[int, list[ReviewView]] = {}
    for view in db.session.scalars(query):
        found.setdefault(view.target_id, []).append(view)
    return found


# --- outcomes ----------------------------------------------------------------------------------


def record_outcome(
    actor: User, target: Target, values: Mapping[str, Any], base_version: int | None
) -> None:
    """A target's outcome, what worked and the next step. Raises plans.StaleSave when
    someone else recorded this target since ``base_version`` (REL-02)."""
    plan = target.plan
    mine = {name: values.get(name) or None for name in OUTCOME_FIELDS}
    plans.check_stale(plan, base_version, ("targets", str(target.id)), mine)
    changed = assign(target, {name: values.get(name) or "" for name in OUTCOME_FIELDS})
    if changed:
        target.outcome = target.outcome or None
        target.outcome_by_id, target.outcome_at = actor.id, utcnow()
        plans.saved(actor, plan, "outcome_recorded", target=target.id, fields=changed)


def close(actor: User, plan: Plan, next_values: Mapping[str, Any]) -> Plan:
    """Close the review and start the next plan (a draft), all in this transaction:
    targets partly or not yet achieved are carried forward in the same words, linked to
    the old target; achieved ones stay closed with their outcome on the old plan."""
    targets = plan.active_targets
    missing = rules.missing_outcomes(t.outcome for t in targets)
    if missing:
        raise NotReady(missing)
    following = plans.create(actor, plan.pupil, next_values)
    in_groups = groups.current_common_ids(plan.pupil_id)
    for position, old in enumerate(
        (t for t in targets if rules.carries_forward(t.outcome)), start=1
    ):
        copied = {name: getattr(old, name) for name in CARRIED_FIELDS}
        db.session.add(
            Target(
                school_id=plan.school_id,
                plan=following,
                position=position,
                carried_from_id=old.id,
                # still in the group: the target stays the group's common target
                group_target_id=old.group_target_id if old.group_target_id in in_groups else None,
                **copied,
            )
        )
    db.session.flush()
    plans.saved(actor, following, "targets_carried_forward")
    plan.status = lifecycle.next_status(plan.status, lifecycle.CLOSE)
    plans.saved(actor, plan, "review_closed", next_plan=following.id)
    found = _meeting(actor, plan)
    found.closed_at, found.next_plan_id = utcnow(), following.id
    db.session.flush()
    return following


# --- what the review screen shows ----------------------------------------------------------


def sorts_around(plan: Plan) -> tuple[Sort | None, Sort | None]:
    """The pupil's latest About me, and the one they had when the plan was made (to
    show what changed since)."""
    query = select(Sort).where(Sort.pupil_id == plan.pupil_id, Sort.choices.any())
    latest = db.session.scalars(query.order_by(Sort.started_at.desc(), Sort.id.desc())).first()
    before = db.session.scalars(
        query.where(Sort.started_at <= plan.created_at).order_by(
            Sort.started_at.desc(), Sort.id.desc()
        )
    ).first()
    return latest, (before if before is not latest else None)


def ideas_with_faces(plan: Plan) -> list[Proposal]:
    """The pupil's "I can…" ideas, newest first, with their faces and recordings (three
    queries however many there are)."""
    query = (
        select(Proposal)
        .where(Proposal.pupil_id == plan.pupil_id)
        .order_by(Proposal.created_at.desc(), Proposal.id.desc())
        .options(selectinload(Proposal.ratings), joinedload(Proposal.recording))
    )
    return list(db.session.scalars(query))


def newest_ideas(plan: Plan) -> list[Proposal]:
    """The pupil's "I can…" ideas made since ``plan`` started and not yet a target of it:
    offered on the next plan."""
    used = {t.source_proposal_id for t in plan.targets if t.source_proposal_id}
    query = (
        select(Proposal)
        .where(Proposal.pupil_id == plan.pupil_id, Proposal.created_at >= plan.created_at)
        .order_by(Proposal.created_at.desc(), Proposal.id.desc())
    )
    return [p for p in db.session.scalars(query) if p.id not in used]


def previous_plan(plan: Plan) -> Plan | None:
    """The closed plan whose review started ``plan``, if any."""
    query = select(ReviewMeeting).where(ReviewMeeting.next_plan_id == plan.id)
    found = db.session.scalars(query).first()
    return db.session.get(Plan, found.plan_id) if found else None


def latest_closed(pupil_id: int) -> Plan | None:
    """The pupil's most recently closed plan (its outcomes are what families see)."""
    query = (
        select(Plan)
        .join(ReviewMeeting, ReviewMeeting.plan_id == Plan.id)
        .where(Plan.pupil_id == pupil_id, Plan.status == lifecycle.CLOSED)
        .order_by(ReviewMeeting.closed_at.desc(), Plan.id.desc())
    )
    return db.session.scalars(query).first()
