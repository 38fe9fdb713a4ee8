"""What the review screen shows: the pupil's views first (their latest About me, what
moved since the plan was made, their words and recordings, their faces over time), then
each target with its baseline, evidence, the pupil's faces and the parents' views. It is
looked at with the parents in the room, so words flagged as a worry stay off it."""

from __future__ import annotations

from flask import render_template

from ..domain import voice_changes
from ..domain.lifecycle import can_record_outcomes
from ..models import Plan
from ..services import plans, reviews, signoff
from . import timelines
from .review_forms import ATTENDANCE_CHOICES, MeetingRecordForm, OutcomeForm


def _views(plan: Plan) -> dict:
    latest, before = reviews.sorts_around(plan)
    moved = []
    if latest is not None and before is not None:
        moved = voice_changes.changes(
            {c.card_id: c.place for c in before.choices},
            {c.card_id: c.place for c in latest.choices},
            order=[c.card_id for c in latest.choices],
        )
    cards = {c.card_id: c.card for s in (latest, before) if s for c in s.choices}
    return {
        "latest": latest,
        "before": before,
        "moved": moved,
        "cards": cards,
        "flagged": plans.worry_choice_ids(plan.pupil),
    }


def people_at(plan: Plan) -> list[tuple[str, str]]:
    """Who may take part in the meeting, as (key, name): the pupil and each parent."""
    found = [("pupil", plan.pupil.first_name)]
    return found + [(f"parent-{p.id}", p.name) for p in signoff.parents_of(plan)]


def _outcome_forms(plan: Plan, posted: tuple[int, OutcomeForm] | None) -> dict:
    forms = {
        t.id: OutcomeForm(formdata=None, obj=t, data={"version": plan.version})
        for t in plan.active_targets
    }
    if posted is not None:
        forms[posted[0]] = posted[1]
    for target_id, form in forms.items():  # one form a target: ids the error summary links to
        for field in form:
            field.id = f"{field.name}-{target_id}"
    return forms


def render(
    plan: Plan,
    outcome_form: tuple[int, OutcomeForm] | None = None,
    meeting_form: MeetingRecordForm | None = None,
    meeting_clash: tuple | None = None,
) -> str:
    """The page; ``outcome_form`` / ``meeting_form``: a refused form to show again;
    ``meeting_clash``: (the meeting as someone else saved it, the attendance typed)."""
    meeting = reviews.meeting_of(plan)
    ideas = reviews.ideas_with_faces(plan)
    if meeting_form is None:
        meeting_form = MeetingRecordForm(
            formdata=None,
            data={
                "pupil_comment": meeting.pupil_comment if meeting else "",
                "version": meeting.version if meeting else 0,
            },
        )
    meeting_form.pupil_comment.id = "pupil-comment"
    if meeting_clash is not None:  # saving again now keeps what was typed
        meeting_form.version.data = meeting_clash[0].version
        meeting_form.version.raw_data = [str(meeting_clash[0].version)]
    return render_template(
        "staff/review.html",
        plan=plan,
        pupil=plan.pupil,
        targets=plan.active_targets,
        timelines=timelines.for_targets(plan, plan.active_targets),
        open=can_record_outcomes(plan.status),
        outcome_forms=_outcome_forms(plan, outcome_form),
        meeting=meeting,
        meeting_form=meeting_form,
        meeting_clash=meeting_clash,
        chosen=meeting_clash[1] if meeting_clash else (meeting.attendance if meeting else {}),
        people=people_at(plan),
        attendance_choices=ATTENDANCE_CHOICES,
        home_views=reviews.home_views(plan),
        proposals=ideas,
        ideas_by_id={idea.id: idea for idea in ideas},
        **_views(plan),
    )


def panel(plan: Plan) -> dict:
    """What the plan page shows of reviews: this plan's meeting, and for a plan started
    by a review, the plan before it and the pupil's newest "I can…" ideas to offer."""
    previous = reviews.previous_plan(plan)
    return {
        "meeting": reviews.meeting_of(plan),
        "previous": previous,
        "ideas": reviews.newest_ideas(previous) if previous else [],
    }
