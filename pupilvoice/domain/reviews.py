"""Review rules (pure): the outcomes a target can have and which carry into the next
plan, how people took part in the meeting, and which reviews a staff digest names."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

ACHIEVED, PARTLY, NOT_YET = "achieved", "partly", "not_yet"
OUTCOMES = (ACHIEVED, PARTLY, NOT_YET)
IN_PERSON, PHONE, ABSENT = "in_person", "phone", "absent"
ATTENDANCE = (IN_PERSON, PHONE, ABSENT)
DIGEST_AHEAD = timedelta(weeks=3)
OVERDUE, DUE = "overdue", "due"


def carries_forward(outcome: str | None) -> bool:
    """A target partly achieved or not yet achieved goes on into the next plan, in the
    same words; an achieved one closes with its outcome."""
    return outcome in (PARTLY, NOT_YET)


def missing_outcomes(outcomes: Iterable[str | None]) -> int:
    """How many targets still have no outcome: a review closes only when none do."""
    return sum(1 for outcome in outcomes if outcome not in OUTCOMES)


def week_of(day: date) -> date:
    """The Monday of ``day``'s week: a digest names a plan at most once a week."""
    return day - timedelta(days=day.weekday())


def digest_kind(review_on: date | None, today: date) -> str | None:
    """ "overdue" when the review date has passed, "due" within the next three weeks,
    else None (not in the digest)."""
    if review_on is None:
        return None
    if review_on < today:
        return OVERDUE
    return DUE if review_on <= today + DIGEST_AHEAD else None
