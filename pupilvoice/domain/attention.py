"""What on a pupil's record needs a member of staff's attention, most urgent first: open
worries, a parent who would like to talk, new voice since they last looked, reviews
overdue (until the review is closed) or due within three weeks, reviews started and not
yet closed, plans waiting for parents, plans in draft, pupils on
the register without a plan."""

from __future__ import annotations

from datetime import date, timedelta

from .lifecycle import CLOSED, DRAFT, IN_REVIEW, needs_signoff

WORRY = "worry"
PARENT_TALK = "parent_talk"  # a parent would like to talk about a target
NEW_VOICE = "new_voice"
REVIEW_OVERDUE = "review_overdue"
REVIEW_DUE = "review_due"
IN_REVIEW_NOW = "in_review"
AWAITING_PARENTS = "awaiting_parents"
IN_DRAFT = "draft"
NO_PLAN = "no_plan"
ORDER = (
    WORRY,
    PARENT_TALK,
    NEW_VOICE,
    REVIEW_OVERDUE,
    IN_REVIEW_NOW,
    REVIEW_DUE,
    AWAITING_PARENTS,
    IN_DRAFT,
    NO_PLAN,
)
DUE_WITHIN = timedelta(weeks=3)


def _review(status: str, review_on: date | None, today: date) -> list[str]:
    """A review is overdue from the day after its date until it is closed (starting it
    does not clear that: holding it does); one started shows as started."""
    found = [IN_REVIEW_NOW] if status == IN_REVIEW else []
    if review_on is None or status == CLOSED:
        return found
    if review_on < today:
        return [REVIEW_OVERDUE, *found]
    if review_on <= today + DUE_WITHIN and status != IN_REVIEW:
        found.append(REVIEW_DUE)
    return found


def _plan(status: str | None, review_on: date | None, today: date) -> list[str]:
    if status is None or status == CLOSED:
        return [NO_PLAN]
    found = _review(status, review_on, today)
    if needs_signoff(status):
        found.append(AWAITING_PARENTS)
    if status == DRAFT:
        found.append(IN_DRAFT)
    return found


def attention(
    *,
    today: date,
    plan_status: str | None = None,
    review_on: date | None = None,
    open_worries: int = 0,
    new_voice: bool = False,
    parent_talk: bool = False,
) -> tuple[str, ...]:
    """The codes that need attention for one pupil, in ORDER. ``plan_status`` is the
    pupil's current plan's status, or None when they have no plan."""
    found = [WORRY] if open_worries else []
    if parent_talk:
        found.append(PARENT_TALK)
    if new_voice:
        found.append(NEW_VOICE)
    found += _plan(plan_status, review_on, today)
    return tuple(sorted(found, key=ORDER.index))


def urgency(codes: tuple[str, ...]) -> int:
    """Sort key: a pupil whose most urgent code comes first in ORDER comes first."""
    return ORDER.index(codes[0]) if codes else len(ORDER)
