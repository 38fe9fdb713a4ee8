"""Parents and a shared plan: what each parent was sent and opened, their answers tied to
the version they read (REL-03), double taps saved once (REL-04), and the plan agreed when
every parent has confirmed every target. These functions flush, never commit."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, select, update

from ..domain import lifecycle
from ..domain import parent_answers as rules
from ..domain.versions import Change, changes
from ..extensions import db
from ..models import ParentLink, ParentResponse, Plan, PlanDelivery, PlanVersion, Target, User
from ..models.base import utcnow
from . import audit


@dataclass
class Answers:
    """One parent's latest answers to a plan: per target id, and per plan note."""

    targets: dict[int, ParentResponse] = field(default_factory=dict)
    notes: dict[str, ParentResponse] = field(default_factory=dict)

    def as_rules(self) -> dict[int, rules.Answer]:
        return {key: _as_rule(row) for key, row in self.targets.items()}

    def add(self, row: ParentResponse) -> None:
        """Take ``row`` as the latest answer to its target or note (rows come oldest first)."""
        if row.target_id is not None:
            self.targets[row.target_id] = row
        else:
            self.notes[row.kind] = row


def _as_rule(row: ParentResponse) -> rules.Answer:
    return rules.Answer(kind=row.kind, comment=row.comment, target_hash=row.target_hash)


@dataclass(frozen=True)
class Submission:
    """What a parent (or staff for them) sent: target id -> (answer, comment), and notes."""

    targets: Mapping[int, tuple[str, str]]
    notes: Mapping[str, str]


# --- who and what --------------------------------------------------------------------------


def parents_of(plan: Plan) -> list[User]:
    """The current parents and carers of the plan's pupil: everyone who is asked."""
    query = (
        select(User)
        .join(ParentLink, ParentLink.parent_id == User.id)
        .where(ParentLink.pupil_id == plan.pupil_id, User.archived_at.is_(None))
        .order_by(User.name, User.id)
    )
    return list(db.session.scalars(query))


def target_fields(target: Target) -> dict[str, Any]:
    return {name: getattr(target, name, None) for name in rules.PARENT_FIELDS}


def target_hashes(plan: Plan) -> dict[int, str]:
    """Each active target's hash of the words parents read."""
    return {t.id: rules.target_hash(target_fields(t)) for t in plan.active_targets}


def _version(plan: Plan, number: int) -> PlanVersion | None:
    query = select(PlanVersion).where(PlanVersion.plan_id == plan.id, PlanVersion.number == number)
    return db.session.scalars(query).first()


def current_version(plan: Plan) -> PlanVersion:
    """The kept version the parent is reading: every save of a plan keeps one."""
    kept = _version(plan, plan.version)
    if kept is None:
        raise LookupError(f"plan {plan.id} has no kept version {plan.version}")
    return kept


# Built once, with the ids bound at run time (as _DELIVERY below): the family pages and the
# staff plan page run them on every view, and building a statement costs SQLAlchemy about
# as much as running it. Oldest first, so the latest answer is the one kept.
_PLAN_ANSWERS = (
    select(ParentResponse)
    .where(ParentResponse.plan_id == bindparam("plan_id"))
    .order_by(ParentResponse.created_at, ParentResponse.id)
)
_ANSWERS = _PLAN_ANSWERS.where(ParentResponse.parent_id == bindparam("parent_id"))


def latest_answers(plan: Plan, parent: User) -> Answers:
    """The parent's latest answer to each target and latest plan notes (history stays)."""
    found = Answers()
    for row in db.session.scalars(_ANSWERS, {"plan_id": plan.id, "parent_id": parent.id}):
        found.add(row)
    return found


def latest_answers_by_parent(plan: Plan) -> dict[int, Answers]:
    """``latest_answers`` for every parent of the plan at once, by parent id (one query)."""
    found: dict[int, Answers] = defaultdict(Answers)
    for row in db.session.scalars(_PLAN_ANSWERS, {"plan_id": plan.id}):
        found[row.parent_id].add(row)
    return found


def target_states(plan: Plan, answers: Answers) -> dict[int, str]:
    """unanswered / answered / changed (answered an older wording) for each target."""
    given = answers.as_rules()
    return {
        target_id: rules.target_state(given.get(target_id), current)
        for target_id, current in target_hashes(plan).items()
    }


def has_answered(plan: Plan, answers: Answers) -> bool:
    """True when the parent has answered every target as it reads now ("talk" counts)."""
    return all_answered(target_states(plan, answers))


def all_answered(states: Mapping[int, str]) -> bool:
    """``has_answered`` for states the caller has already worked out."""
    return bool(states) and all(state == rules.ANSWERED for state in states.values())


def talk_requests(plan_ids: list[int]) -> dict[int, int]:
    """For each plan, how many of its targets a parent's latest answer asks to talk about
    (one query for a whole dashboard)."""
    if not plan_ids:
        return {}
    answer = ParentResponse
    query = (
        select(answer.plan_id, answer.parent_id, answer.target_id, answer.kind)
        .join(Target, Target.id == answer.target_id)
        .where(answer.plan_id.in_(plan_ids), Target.archived_at.is_(None))
        .order_by(answer.created_at, answer.id)
    )
    latest = {
        (plan, parent, target): kind for plan, parent, target, kind in db.session.execute(query)
    }
    counts: dict[int, int] = {}
    for (plan_id, _parent, _target), kind in latest.items():
        if kind == rules.TALK:
            counts[plan_id] = counts.get(plan_id, 0) + 1
    return counts


def everyone_confirmed(plan: Plan) -> bool:
    hashes = target_hashes(plan)
    latest = [latest_answers(plan, parent).as_rules() for parent in parents_of(plan)]
    return rules.everyone_confirmed(hashes, latest)


# --- sent and opened -----------------------------------------------------------------------


_DELIVERY = select(PlanDelivery).where(
    PlanDelivery.plan_id == bindparam("plan_id"), PlanDelivery.parent_id == bindparam("parent_id")
)


def delivery(plan: Plan, parent: User) -> PlanDelivery | None:
    return db.session.scalars(_DELIVERY, {"plan_id": plan.id, "parent_id": parent.id}).first()


def answer_round(found: PlanDelivery | None) -> int:
    """The answer round a parent's page sends back: 0 before the plan reached them."""
    return found.answer_round if found else 0


def record_sent(plan: Plan, parent: User, method: str, sent_by: User | None) -> PlanDelivery:
    """The plan (this version) went to the parent; opening and the reminder start again."""
    found = delivery(plan, parent)
    if found is None:
        found = PlanDelivery(school_id=plan.school_id, plan_id=plan.id, parent_id=parent.id)
        db.session.add(found)
    found.method = method
    found.sent_version = plan.version
    found.sent_at = utcnow()
    found.sent_by_id = sent_by.id if sent_by else None
    found.opened_at = None
    found.reminded_at = None
    db.session.flush()
    return found


def carry_forward(plan: Plan, previous: int) -> None:
    """The plan has a new version whose words parents read are the same as ``previous``:
    a parent sent ``previous`` has what they read now, so nothing is sent to them again
    (and their reminder still follows the version they have)."""
    db.session.execute(
        update(PlanDelivery)
        .where(PlanDelivery.plan_id == plan.id, PlanDelivery.sent_version == previous)
        .values(sent_version=plan.version)
        .execution_options(synchronize_session="fetch")
    )


def record_opened(parent: User, plan: Plan) -> PlanDelivery:
    """Every view is audited; the first view of what was sent is "received"."""
    found = delivery(plan, parent) or record_sent(plan, parent, "online", None)
    first = found.opened_at is None
    if first:
        found.opened_at = utcnow()
    audit.record(parent, "parent_viewed", plan, version=plan.version, received=first)
    return found


# --- answers -------------------------------------------------------------------------------

SAVED, REPEAT, STALE = "saved", "repeat", "stale"


def save_answers(
    parent: User,
    plan: Plan,
    sent: Submission,
    *,
    seen_version: int | None,
    seen_round: int | None = None,
    method: str = rules.ONLINE,
    recorded_by: User | None = None,
) -> str:
    """Save what the parent said about the plan they read. Returns SAVED; REPEAT when it
    was all said already (a double tap); STALE when the plan changed since they read it
    (``seen_version``) or another set of answers landed since this page was opened
    (``seen_round``). Only SAVED changes anything."""
    if seen_version != plan.version and not _reads_the_same(plan, seen_version):
        return STALE
    took_round = _take_round(plan, parent, seen_round)  # first: it waits for a racing twin
    rows = _new_rows(parent, plan, sent, latest_answers(plan, parent), method, recorded_by)
    if not rows:
        return REPEAT
    if not took_round:
        return STALE
    db.session.add_all(rows)
    db.session.flush()
    actor = recorded_by or parent
    audit.record(
        actor,
        "parent_answered",
        plan,
        parent=parent.id,
        version=plan.version,
        method=method,
        answers=[row.id for row in rows],
    )
    settle(actor, plan)
    return SAVED


def _reads_the_same(plan: Plan, seen_version: int | None) -> bool:
    """The version the parent's page showed reads the same to them as the current one
    (only words they never see changed since): their answers may be saved."""
    seen = _version(plan, seen_version) if seen_version else None
    return seen is not None and rules.reads_the_same(seen.snapshot, current_version(plan).snapshot)


def _take_round(plan: Plan, parent: User, seen_round: int | None) -> bool:
    """Move the parent's answer counter on, only from the value their page showed: of two
    requests from one page (a double tap), one wins; the other finds the counter moved."""
    found = delivery(plan, parent) or record_sent(plan, parent, "online", None)
    query = update(PlanDelivery).where(PlanDelivery.id == found.id)
    if seen_round is not None:
        query = query.where(PlanDelivery.answer_round == seen_round)
    result = db.session.execute(
        query.values(answer_round=PlanDelivery.answer_round + 1).execution_options(
            synchronize_session="fetch"
        )
    )
    return result.rowcount == 1


def _new_rows(parent, plan, sent, latest, method, recorded_by) -> list[ParentResponse]:
    common = {
        "school_id": plan.school_id,
        "plan_id": plan.id,
        "parent_id": parent.id,
        "plan_version": plan.version,
        "plan_text_hash": current_version(plan).text_hash,
        "method": method,
        "recorded_by_id": recorded_by.id if recorded_by else None,
    }
    hashes = target_hashes(plan)
    rows = []
    for target_id, (kind, comment) in sent.targets.items():
        if target_id not in hashes or kind not in rules.TARGET_ANSWERS:
            continue
        new = rules.Answer(kind, (comment or "").strip(), hashes[target_id])
        before = latest.targets.get(target_id)
        if not rules.is_repeat(_as_rule(before) if before else None, new):
            rows.append(
                ParentResponse(
                    target_id=target_id,
                    kind=kind,
                    comment=new.comment,
                    target_hash=new.target_hash,
                    **common,
                )
            )
    for kind, text in sent.notes.items():
        text = (text or "").strip()
        before = latest.notes.get(kind)
        if kind in rules.PLAN_NOTES and text != (before.comment if before else ""):
            rows.append(ParentResponse(target_id=None, kind=kind, comment=text, **common))
    return rows


def settle(actor: Any, plan: Plan) -> bool:
    """Agree the plan when every parent has confirmed every target as it reads now. Also
    called after staff change a plan: a change parents do not read (a cost, a baseline
    note) leaves their confirmations standing."""
    if not lifecycle.needs_signoff(plan.status) or not everyone_confirmed(plan):
        return False
    plan.status = lifecycle.next_status(plan.status, lifecycle.PARENT_CONFIRMED_ALL)
    db.session.flush()
    audit.record(actor, "agreed_by_parents", plan, version=plan.version)
    return True


# --- what changed since a parent answered --------------------------------------------------


def changes_since(plan: Plan, target: Target, answered_version: int) -> list[Change]:
    """What changed in the words of ``target`` that a parent reads, between the version
    they answered and now."""
    before, now = _version(plan, answered_version), current_version(plan)
    if before is None:
        return []
    key = str(target.id)
    old = {"plan": {}, "targets": {key: before.snapshot["targets"].get(key, {})}}
    new = {"plan": {}, "targets": {key: now.snapshot["targets"].get(key, {})}}
    return [c for c in changes(old, new) if c.field in rules.PARENT_FIELDS]
