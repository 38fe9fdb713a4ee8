"""Group Education Plans: the pure rules of who is in a group and which targets a member's
plan carries from it. No Flask, no SQLAlchemy: the service hands in plain values."""

from __future__ import annotations

from collections.abc import Iterable

MIN_MEMBERS = 2  # a group plan is for pupils taught together: at least two
MAX_MEMBERS = 12


def members_problem(chosen: Iterable[int]) -> str | None:
    """Why a new group's members cannot be these (a code the form words), or None."""
    count = len(set(chosen))
    if count < MIN_MEMBERS:
        return "too_few"
    if count > MAX_MEMBERS:
        return "too_many"
    return None


def copies_missing(common: Iterable[int], carried: Iterable[int | None]) -> list[int]:
    """The common targets (ids, in their order) a member's plan does not carry yet: a plan
    gets each common target once, however often it is brought up to date."""
    have = {found for found in carried if found is not None}
    return [target_id for target_id in common if target_id not in have]


def may_join(current_member_ids: Iterable[int], pupil_id: int) -> str | None:
    """Why this pupil cannot join now (already in the group, group full), or None."""
    current = set(current_member_ids)
    if pupil_id in current:
        return "already"
    if len(current) >= MAX_MEMBERS:
        return "too_many"
    return None
