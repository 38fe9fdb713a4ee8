"""The pupil's "I can..." ideas for targets, and the faces they rate their progress with."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import bindparam, select
from sqlalchemy.orm import joinedload, selectinload

from ...extensions import db
from ...models import Proposal, Pupil, SelfRating, User
from ...models.base import utcnow
from .. import audit, recordings
from .words import MAX_WORDS

CHANGE_MIND_WINDOW = timedelta(seconds=20)  # a second face this soon replaces the first
AREAS = ("reading", "writing", "maths", "talking", "friends", "feelings", "myself", "moving")
STARTERS = ("i_can", "better", "helps")
LEVELS = (1, 2, 3)


def proposals_of(pupil: Pupil, with_ratings: bool = False) -> list[Proposal]:
    """The pupil's proposals, newest first; ``with_ratings`` loads every one's faces and
    who helped, in one more query (the staff pupil page shows them all)."""
    query = (
        select(Proposal)
        .where(Proposal.pupil_id == pupil.id)
        .order_by(Proposal.created_at.desc(), Proposal.id.desc())
    )
    if with_ratings:
        query = query.options(
            joinedload(Proposal.helper),
            selectinload(Proposal.ratings).joinedload(SelfRating.helper),
        )
    return list(db.session.execute(query).scalars())


# The "I can..." page lists the pupil's ideas, each with its latest face (none when not
# rated yet): one query, built once. Only the last face is read, however many there are.
_LAST_LEVEL = (
    select(SelfRating.level)
    .where(SelfRating.proposal_id == Proposal.id)
    .order_by(SelfRating.created_at.desc(), SelfRating.id.desc())
    .limit(1)
    .scalar_subquery()
)
_PROPOSALS_WITH_LAST_LEVEL = (
    select(Proposal, _LAST_LEVEL)
    .where(Proposal.pupil_id == bindparam("pupil_id"))
    .order_by(Proposal.created_at.desc(), Proposal.id.desc())
)


def proposals_with_last_levels(pupil: Pupil) -> tuple[list[Proposal], dict[int, int]]:
    """The pupil's proposals, newest first (as ``proposals_of``), and each one's latest
    face by proposal id; a proposal not rated yet has none."""
    rows = db.session.execute(_PROPOSALS_WITH_LAST_LEVEL, {"pupil_id": pupil.id}).all()
    levels = {proposal.id: level for proposal, level in rows if level is not None}
    return [proposal for proposal, _level in rows], levels


def propose(
    pupil: Pupil,
    area: str,
    starter: str,
    words: str,
    helper: User | None,
    recording: bytes | None = None,
) -> Proposal:
    if area not in AREAS or starter not in STARTERS:
        raise ValueError("unknown area or sentence starter")
    proposal = Proposal(
        school_id=pupil.school_id,
        pupil_id=pupil.id,
        area=area,
        starter=starter,
        words=words.strip()[:MAX_WORDS] or None,
        helper_id=helper.id if helper else None,
    )
    db.session.add(proposal)
    recordings.replace(proposal, pupil, recording)
    db.session.flush()
    audit.record(pupil, "propose_target", proposal)
    return proposal


def rate(proposal: Proposal, level: int, pupil: Pupil, helper: User | None) -> SelfRating:
    """Add a face to the pupil's picture of progress. Tapping another face straight away
    changes the last one instead (a double tap or a quick change of mind)."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    last = proposal.ratings[-1] if proposal.ratings else None
    if last is not None and utcnow() - last.created_at < CHANGE_MIND_WINDOW:
        rating = last
    else:
        rating = SelfRating(
            school_id=proposal.school_id, pupil_id=pupil.id, proposal=proposal, level=level
        )
        db.session.add(rating)
    rating.level = level
    rating.helper_id = helper.id if helper else None
    db.session.flush()
    audit.record(pupil, "self_rating", rating, proposal=proposal.id, level=level)
    return rating
