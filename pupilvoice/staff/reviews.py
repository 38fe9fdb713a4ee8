"""A plan's review (issue 12): start it, invite the parents to the meeting, the review
screen that teacher, pupil and parent look at together, each target's outcome, the
pupil's comment and who took part, and closing it with the next plan in one action."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..access import STAFF, allowed_or_404, audience, load_or_404
from ..domain.permissions import can
from ..extensions import db
from ..i18n import gettext as _
from ..i18n import ngettext
from ..models import Plan, School
from ..services import invitations, plans, review_notices, reviews
from . import letters, review_screen
from .plans import WRITERS, _commit, _merge_page, _new_plan_values, target_of
from .review_forms import MeetingForm, MeetingRecordForm, OutcomeForm
from .routes import bp


def _screen(plan_id: int) -> str:
    return url_for("staff.review", plan_id=plan_id)


@bp.post("/plans/<int:plan_id>/review/start")
@audience(WRITERS)
def review_start(plan_id: int):
    """Start the review; a second click finds it started and just opens it (REL-04)."""
    found = load_or_404(Plan, plan_id, "invite_to_review")
    if can(current_user, "start_review", found):
        # a start that raced another (the row's version moved on) is tried once more
        _commit(lambda: reviews.start(current_user, found))
        flash(_("The review has started. Record the outcomes with everyone."), "success")
    return redirect(_screen(found.id))


@bp.get("/plans/<int:plan_id>/review")
@audience(STAFF)
def review(plan_id: int):
    """The review screen: the pupil's views first, then each target. No checker notes."""
    found = allowed_or_404(plans.load_page(plan_id), "see_review")
    page = review_screen.render(found)
    plans.record_read(current_user, found, "viewed_review")
    db.session.commit()
    return page


@bp.post("/plans/<int:plan_id>/review/targets/<int:target_id>")
@audience(WRITERS)
def review_outcome(plan_id: int, target_id: int):
    found = allowed_or_404(plans.load_with_pupil(plan_id), "record_review")
    target = target_of(found, target_id)
    form = OutcomeForm(obj=target, data={"version": found.version})
    if not form.validate_on_submit():
        return review_screen.render(plans.load_page(found.id), outcome_form=(target.id, form))
    was = form.version.data
    stale = _commit(lambda: reviews.record_outcome(current_user, target, form.values(), was))
    if stale:
        theirs = OutcomeForm(formdata=None, obj=target)
        return _merge_page(form, theirs, stale, found, request.path)
    flash(_("The outcome is saved."), "success")
    return redirect(url_for("staff.review", plan_id=found.id, _anchor=f"target-{target.id}"))


@bp.post("/plans/<int:plan_id>/review/meeting")
@audience(WRITERS)
def review_meeting(plan_id: int):
    found = load_or_404(Plan, plan_id, "record_review")
    form = MeetingRecordForm()
    if not form.validate_on_submit():
        return review_screen.render(plans.load_page(found.id), meeting_form=form)
    people = review_screen.people_at(found)
    sent = {key: request.form.get(f"attend-{key}", "") for key, _name in people}
    try:
        reviews.record_meeting(
            current_user, found, form.pupil_comment.data or "", sent, form.version.data
        )
    except reviews.MeetingChanged as changed:
        db.session.rollback()
        clash = (changed.meeting, sent)
        page = review_screen.render(
            plans.load_page(found.id), meeting_form=form, meeting_clash=clash
        )
        return page, 409
    db.session.commit()
    flash(_("Saved."), "success")
    return redirect(url_for("staff.review", plan_id=found.id, _anchor="meeting-title"))


@bp.post("/plans/<int:plan_id>/review/close")
@audience(WRITERS)
def review_close(plan_id: int):
    """Close the review and start the next plan, in one transaction (REL-01). A second
    tap finds it closed and opens the next plan (REL-04)."""
    found = allowed_or_404(plans.load_page(plan_id), "see_review")
    meeting = reviews.meeting_of(found)
    if not can(current_user, "record_review", found):
        if meeting is None or meeting.next_plan_id is None:
            abort(404)
        return redirect(url_for("staff.plan", plan_id=meeting.next_plan_id))
    values = _new_plan_values(found.pupil)
    try:
        following = reviews.close(current_user, found, values)
    except reviews.NotReady as not_ready:
        db.session.rollback()
        flash(
            ngettext(
                "%(num)d target has no outcome yet. Record it, then close the review.",
                "%(num)d targets have no outcome yet. Record them, then close the review.",
                not_ready.missing,
            ),
            "error",
        )
        return redirect(_screen(found.id))
    db.session.commit()
    flash(_("The review is closed. Here is the next plan, with the targets that go on."))
    return redirect(url_for("staff.plan", plan_id=following.id))


# --- inviting the parents ----------------------------------------------------------------------


@bp.route("/plans/<int:plan_id>/review/invite", methods=["GET", "POST"])
@audience(WRITERS)
def review_invite(plan_id: int):
    """The meeting's date, time and place, e-mailed to parents in their language; letters
    to print for families who prefer paper (shown once: they may carry a code)."""
    found = load_or_404(Plan, plan_id, "invite_to_review")
    meeting = reviews.meeting_of(found)
    form = MeetingForm(obj=meeting, data={} if meeting else {"meets_on": found.review_on})
    if not form.is_submitted():
        page = render_template("staff/review_invite.html", plan=found, form=form)
        plans.record_read(current_user, found, "opened_review_invitation")
        db.session.commit()
        return page
    if not form.validate():
        return render_template("staff/review_invite.html", plan=found, form=form)
    meeting = reviews.set_meeting(
        current_user, found, form.meets_on.data, form.meets_at.data, form.place.data or ""
    )
    invitees = review_notices.prepare(current_user, found)
    review_notices.queue_mails(current_user, found, meeting, invitees)
    db.session.commit()  # the meeting, the invitations and their e-mails, together
    on_paper = [i for i in invitees if i.method == review_notices.LETTER]
    if not on_paper:
        flash(_("The invitations are on their way by e-mail."), "success")
        return redirect(url_for("staff.plan", plan_id=found.id))
    return _letters(found, meeting, on_paper)


def _letters(plan: Plan, meeting, invitees: list[review_notices.Invitee]) -> str:
    school = db.session.get(School, plan.school_id)
    printed = []
    for invitee in invitees:
        family = invitations.language_of(invitee.parent)
        printed.append(
            {
                "parent": invitee.parent,
                "qr": letters.qr_code(review_notices.letter_link(plan, invitee)),
                "code": invitee.letter.code if invitee.letter else None,
                "texts": letters.in_languages(
                    "staff/_review_letter_text.html",
                    family,
                    parent=invitee.parent,
                    pupil=plan.pupil,
                    meeting=meeting,
                    where=review_notices.when_and_where,
                    code=invitee.letter.code if invitee.letter else None,
                    join_url=letters.join_address(),
                    sender=current_user,
                ),
            }
        )
    return render_template(
        "staff/plan_letters.html",
        about="review",
        plan=plan,
        letters=printed,
        school=school,
        join_url=letters.join_address(),
    )
