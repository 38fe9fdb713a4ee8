"""Each target's time line, for the plan page and the review screen: its evidence and,
when the target grew from one of the pupil's "I can…" ideas, the faces they gave it."""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import to_user_timezone

from ..domain import timeline
from ..i18n import text_direction
from ..models import Plan, Target


def _faces(plan: Plan, target: Target) -> list:
    idea = target.source_proposal
    if idea is None or idea.pupil_id != plan.pupil_id:
        return []
    # the day where the school is, as evidence dates are, not the UTC day
    return [(to_user_timezone(r.created_at).date(), r.level) for r in idea.ratings]


def for_targets(plan: Plan, targets: Iterable[Target]) -> dict[int, timeline.Timeline | None]:
    """Target id -> its time line (None: nothing to draw), from what the plan page's
    query loaded: no query of its own per target."""
    rtl = text_direction() == "rtl"
    starts = plan.starts_on or plan.created_at.date()
    return {
        t.id: timeline.build(
            starts,
            plan.review_on,
            [(e.observed_on, e.measured, e.out_of) for e in t.evidence],
            _faces(plan, t),
            rtl=rtl,
        )
        for t in targets
    }
