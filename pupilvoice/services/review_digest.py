"""The daily reviews-due digest: each class teacher and SENCO gets one e-mail listing
their pupils' reviews overdue and due within three weeks, naming a plan at most once a
week. A plan named is recorded (``ReviewDigest``) in the same transaction as the mail is
put in the outbox, so a rerun, or two runs at once, sends nothing twice, and neither is
kept without the other; the outbox tries a mail that fails again."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask import render_template
from flask_babel import force_locale, format_date
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..domain import lifecycle
from ..domain import reviews as rules
from ..domain.roles import SENCO, TEACHER
from ..extensions import db
from ..i18n import format_locale
from ..i18n import gettext as _
from ..links import public_url
from ..models import ClassStaff, Plan, Pupil, ReviewDigest, User
from . import invitations, outbox


@dataclass
class Digest:
    user: User
    items: list[tuple[Plan, str]] = field(default_factory=list)  # (plan, "overdue" | "due")


def _due_plans(today: date) -> list[Plan]:
    query = (
        select(Plan)
        .join(Pupil, Pupil.id == Plan.pupil_id)
        .where(
            Plan.status != lifecycle.CLOSED,
            Plan.review_on.is_not(None),
            Plan.review_on <= today + rules.DIGEST_AHEAD,
            Pupil.archived_at.is_(None),
        )
        .order_by(Plan.review_on, Plan.id)
    )
    return list(db.session.scalars(query))


def _readers(plan: Plan) -> list[User]:
    """Who runs the review: the pupil's class teachers and the school's SENCOs."""
    in_class = select(ClassStaff.user_id).where(ClassStaff.class_id == plan.pupil.class_id)
    query = select(User).where(
        User.school_id == plan.school_id,
        User.archived_at.is_(None),
        (User.role == SENCO) | ((User.role == TEACHER) & User.id.in_(in_class)),
    )
    return list(db.session.scalars(query.order_by(User.id)))


def _already_named(week: date) -> set[tuple[int, int]]:
    query = select(ReviewDigest.user_id, ReviewDigest.plan_id).where(ReviewDigest.week_of == week)
    return {(user_id, plan_id) for user_id, plan_id in db.session.execute(query)}


def due(today: date) -> list[Digest]:
    """Each member of staff with the reviews to name this week (not named yet)."""
    named = _already_named(rules.week_of(today))
    digests: dict[int, Digest] = {}
    for plan in _due_plans(today):
        kind = rules.digest_kind(plan.review_on, today)
        for user in _readers(plan):
            if kind and (user.id, plan.id) not in named:
                digests.setdefault(user.id, Digest(user)).items.append((plan, kind))
    return [digests[user_id] for user_id in sorted(digests)]


def queue(digest: Digest, today: date) -> bool:
    """Record the plans as named this week and put the mail in the outbox (commits);
    False when another run has named them."""
    week = rules.week_of(today)
    _mail(digest)  # first: making it reads the database, which would flush the rows below
    for plan, _kind in digest.items:
        db.session.add(
            ReviewDigest(school_id=plan.school_id, user_id=digest.user.id, plan_id=plan.id,
                         week_of=week)
        )  # fmt: skip
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return False
    return True


def _mail(digest: Digest) -> None:
    user = digest.user
    language = invitations.language_of(user)
    with force_locale(format_locale(language)):
        rows = [
            {
                "name": plan.pupil.display_name,
                "date": format_date(plan.review_on, "long"),
                "overdue": kind == rules.OVERDUE,
                "link": public_url("staff.plan", plan_id=plan.id),
            }
            for plan, kind in digest.items
        ]
        body = render_template("mail/reviews_due.txt", user=user, rows=rows)
        subject = _("Reviews due: %(num)d", num=len(rows))
    outbox.queue(user.email, subject, body, kind="reviews_due", language=language, user=user)
