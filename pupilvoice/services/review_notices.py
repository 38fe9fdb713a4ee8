"""Inviting parents to a review meeting: an e-mail in their language with the date, time
and place and a link to say beforehand how it has gone at home, or a letter to print
for families who prefer paper. Mail goes out after the view has committed (REL-01)."""

from __future__ import annotations

import smtplib
from dataclasses import dataclass

from flask import current_app, render_template
from flask_babel import force_locale, format_date, format_time
from sqlalchemy import select

from ..domain.invitations import HAS_ACCOUNT
from ..extensions import db
from ..i18n import format_locale
from ..i18n import gettext as _
from ..links import public_url
from ..models import ParentLink, Plan, ReviewMeeting, School, User
from . import audit, invitations, mail, signoff
from .plan_notices import EMAIL, LETTER


@dataclass(frozen=True)
class Invitee:
    parent: User
    method: str  # "email" or "letter"
    token: str | None = None  # an account invitation, for an e-mail to a parent without one
    letter: invitations.Letter | None = None  # a code to type, for a letter likewise


def _method(plan: Plan, parent: User) -> str:
    query = select(ParentLink).where(
        ParentLink.parent_id == parent.id, ParentLink.pupil_id == plan.pupil_id
    )
    link = db.session.scalars(query).first()
    return LETTER if link is not None and link.contact_method == LETTER else EMAIL


def prepare(actor: User, plan: Plan) -> list[Invitee]:
    """Every current parent, with an account invitation for those who have none yet
    (flush). Commit, then ``send`` the e-mails and print the letters."""
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


def send(actor: User, plan: Plan, meeting: ReviewMeeting, invitees: list[Invitee]) -> list[User]:
    """E-mail the invitations; returns the parents whose mail did not go."""
    failed = []
    for invitee in invitees:
        if invitee.method != EMAIL:
            continue
        if _mail(plan, meeting, invitee):
            audit.record(actor, "review_invitation_mailed", plan, parent=invitee.parent.id)
        else:
            failed.append(invitee.parent)
    db.session.flush()
    return failed


def _mail(plan: Plan, meeting: ReviewMeeting, invitee: Invitee) -> bool:
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
    try:
        mail.send(parent.email, subject, body, language=language)
    except (OSError, smtplib.SMTPException):
        current_app.logger.exception("Could not mail parent %s about review %s", parent.id, plan.id)
        return False
    return True


def letter_link(plan: Plan, invitee: Invitee) -> str:
    """The QR code's link: the account invitation, else the plan."""
    language = invitations.language_of(invitee.parent)
    if invitee.letter is not None:
        return invitations.link_for(invitee.letter.token, language)
    return public_url("parent.plan", plan_id=plan.id, lang=language)
