"""Inviting parents to a review meeting: an e-mail in their language with the date, time
and place and a link to say beforehand how it has gone at home, or a letter to print
for families who prefer paper. The e-mails are put in the outbox in the same transaction
as the meeting (REL-01); ``flask outbox send`` sends them."""

from __future__ import annotations

from dataclasses import dataclass

from flask import render_template
from flask_babel import force_locale, format_date, format_time
from sqlalchemy import select

from ..domain.invitations import HAS_ACCOUNT
from ..extensions import db
from ..i18n import format_locale
from ..i18n import gettext as _
from ..links import public_url
from ..models import ParentLink, Plan, ReviewMeeting, School, User
from . import audit, invitations, outbox, signoff
from .plan_notices import EMAIL, LETTER


@dataclass(frozen=True)
class Invitee:
    parent: User
    method: str  # "email" or "letter"
    token: str | None = None  # an account invitation, for an e-mail to a parent without one
    letter: invitations.Letter | None = None  # a code to type, for a letter likewise


def _method(plan: Plan, parent: User) -> str:
    """Letters for a family without an e-mail address, whatever the link says."""
    if not parent.email:
        return LETTER
    query = select(ParentLink).where(
        ParentLink.parent_id == parent.id, ParentLink.pupil_id == plan.pupil_id
    )
    link = db.session.scalars(query).first()
    return LETTER if link is not None and link.contact_method == LETTER else EMAIL


def prepare(actor: User, plan: Plan) -> list[Invitee]:
    """Every current parent, with an account invitation for those who have none yet
    (flush). ``queue_mails``, commit, then print the letters."""
    found = []
    for parent in signoff.parents_of(plan):
        method = _method(plan, parent)
        has_account = invitations.status(parent, None).state == HAS_ACCOUNT
        if method == LETTER:
            code = None if has_account else invitations.issue_letter(actor, parent)
            found.append(Invitee(parent, LETTER, letter=code))
            audit.record(actor, "review_letter_printed", plan, parent=parent.id)
        else:
            token = None if has_account else invitations.issue(actor, parent, EMAIL)
            found.append(Invitee(parent, EMAIL, token=token))
    return found


def when_and_where(meeting: ReviewMeeting) -> dict[str, str]:
    """The meeting's date, time and place in the current language."""
    return {
        "date": format_date(meeting.meets_on, "full") if meeting.meets_on else "",
        "time": format_time(meeting.meets_at, "short") if meeting.meets_at else "",
        "place": meeting.place,
    }


def queue_mails(actor: User, plan: Plan, meeting: ReviewMeeting, invitees: list[Invitee]) -> None:
    """Put the e-mail invitations in the outbox (they go when the caller commits)."""
    for invitee in invitees:
        if invitee.method == EMAIL and invitee.parent.email:
            _mail(plan, meeting, invitee)
            audit.record(actor, "review_invitation_mailed", plan, parent=invitee.parent.id)
    db.session.flush()


def _mail(plan: Plan, meeting: ReviewMeeting, invitee: Invitee) -> None:
    parent = invitee.parent
    language = invitations.language_of(parent)
    with force_locale(format_locale(language)):
        body = render_template(
            "mail/review_invitation.txt",
            parent=parent,
            child=plan.pupil.first_name,
            school=db.session.get(School, plan.school_id),
            plan_link=public_url("parent.plan", plan_id=plan.id, lang=language),
            invite_link=invitations.link_for(invitee.token, language) if invitee.token else "",
            **when_and_where(meeting),
        )
        subject = _("Come to %(name)s's review meeting", name=plan.pupil.first_name)
    outbox.queue(parent.email, subject, body, kind="review_invitation", language=language,
                 user=parent, pupil=plan.pupil, school_id=plan.school_id)  # fmt: skip


def letter_link(plan: Plan, invitee: Invitee) -> str:
    """The QR code's link: the account invitation, else the plan."""
    language = invitations.language_of(invitee.parent)
    if invitee.letter is not None:
        return invitations.link_for(invitee.letter.token, language)
    return public_url("parent.plan", plan_id=plan.id, lang=language)
