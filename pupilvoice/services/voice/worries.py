"""Worries: a pupil's "Something worries me" and the dislikes that need a look, who hears
about them (by mail, never what they say), and staff closing them.

Services flush, never commit: the view commits once, the worry and its e-mails to staff
together (the outbox sends them, so a pupil never waits for a mail server).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from flask import render_template
from flask_babel import force_locale
from sqlalchemy import and_, bindparam, case, func, or_, select

from ...domain import worry_words
from ...domain.roles import SENCO, STAFF_ROLES, TEACHER
from ...extensions import db
from ...i18n import gettext as _
from ...links import public_url
from ...models import ClassGroup, ClassStaff, Pupil, SortChoice, User, Worry
from ...models.base import utcnow
from .. import audit, outbox, recordings
from .cards import school_words
from .words import MAX_WORDS

REPEAT_WINDOW = timedelta(minutes=2)  # a double tap does not raise a worry twice


def flag_reasons(choice: SortChoice, pupil: Pupil) -> list[dict]:
    """Why a dislike needs a member of staff to look (empty: it does not)."""
    if choice.place != "dislike":
        return []
    reasons = []
    if choice.card.tell_staff_if_disliked:
        reasons.append({"kind": "card", "matched": "", "listed": choice.card.key or ""})
    names = people_names(pupil)
    flags = worry_words.find_flags(choice.words or "", school_words(pupil.school_id), names)
    return reasons + [flag.as_dict() for flag in flags]


def flag_if_needed(choice: SortChoice, pupil: Pupil, helper: User | None) -> SortChoice:
    """Raise (or bring up to date) the staff flag for a dislike that needs a look."""
    reasons = flag_reasons(choice, pupil)
    flag = db.session.execute(select(Worry).where(Worry.sort_choice_id == choice.id)).scalar()
    if not reasons:
        return choice
    if flag is None:
        flag = Worry(
            school_id=pupil.school_id, pupil_id=pupil.id, source="about_me", sort_choice=choice
        )
        db.session.add(flag)
        tell_staff = True
    elif not flag.is_open:
        return choice  # staff already dealt with it; the new words show in the sort
    else:
        tell_staff = False
    flag.reasons = reasons
    flag.words = choice.words
    flag.helper_id = helper.id if helper else None
    db.session.flush()
    if tell_staff:
        queue_notifications(flag)
    return choice


def people_names(pupil: Pupil) -> list[str]:
    """Names a pupil might write: the school's other pupils and its staff."""
    return people_names_in(pupil.school_id, leave_out=pupil.id)


def people_names_in(school_id: int, leave_out: int | None = None) -> list[str]:
    pupils = db.session.execute(
        select(Pupil.first_name).where(
            Pupil.school_id == school_id, Pupil.id != (leave_out or 0), Pupil.archived_at.is_(None)
        )
    ).scalars()
    staff = db.session.execute(
        select(User.name).where(
            User.school_id == school_id,
            User.role.in_(STAFF_ROLES),
            User.archived_at.is_(None),
        )
    ).scalars()
    return [*pupils, *staff]


def raise_worry(
    pupil: Pupil, kind: str, words: str, helper: User | None, recording: bytes | None = None
) -> Worry:
    """The pupil tapped "Something worries me". A double tap does not raise it twice."""
    words = words.strip()[:MAX_WORDS] or None
    recent = db.session.execute(
        select(Worry).where(
            Worry.pupil_id == pupil.id,
            Worry.source == "pupil",
            Worry.kind == kind,
            Worry.raised_at > utcnow() - REPEAT_WINDOW,
        )
    ).scalar()
    if recent is not None and recent.words == words and recording is None:
        return recent
    worry = Worry(
        school_id=pupil.school_id,
        pupil_id=pupil.id,
        source="pupil",
        kind=kind,
        words=words,
        helper_id=helper.id if helper else None,
    )
    if recording is not None:
        worry.recording = recordings.keep(pupil, recording, "worry")
    db.session.add(worry)
    db.session.flush()
    audit.record(pupil, "raise_worry", worry)
    queue_notifications(worry)
    return worry


# Built once: the worry page asks on every visit, and building this statement costs
# SQLAlchemy about as much as running it. A pupil without a class has no class teachers
# (no class_staff row has an empty class), so only the SENCOs are found.
_WORRY_STAFF = (
    select(User)
    .where(
        User.archived_at.is_(None),
        or_(
            and_(
                User.role == TEACHER,
                User.id.in_(
                    select(ClassStaff.user_id).where(ClassStaff.class_id == bindparam("class_id"))
                ),
            ),
            and_(User.role == SENCO, User.school_id == bindparam("school_id")),
        ),
    )
    .order_by(case((User.role == TEACHER, 0), else_=1), User.id)
)


def worry_staff(pupil: Pupil) -> list[User]:
    """Who a worry goes to: the pupil's class teachers, then the school's SENCOs (each
    in the order they joined), in one query."""
    found = db.session.scalars(
        _WORRY_STAFF, {"class_id": pupil.class_id, "school_id": pupil.school_id}
    )
    return list(found)


def voice_staff(pupil: Pupil) -> list[User]:
    """Who sees what a pupil says in About me and "I can...": class staff and SENCOs."""
    class_staff = []
    if pupil.class_id is not None:
        group = db.session.get(ClassGroup, pupil.class_id)
        class_staff = [u for u in group.staff if u.is_active]
    return _unique([*class_staff, *worry_staff(pupil)])


def _unique(users: list[User]) -> list[User]:
    seen, result = set(), []
    for user in users:
        if user.id not in seen:
            seen.add(user.id)
            result.append(user)
    return result


def queue_notifications(worry: Worry) -> None:
    """Tell staff a pupil has raised a worry, never what it says: one e-mail each, in the
    outbox, in the same transaction as the worry (the staff pages highlight it either way)."""
    for user in worry_staff(worry.pupil):
        if user.email:
            _queue_worry_mail(user, worry)


def _queue_worry_mail(user: User, worry: Worry) -> None:
    with force_locale(user.locale or "en"):
        link = public_url("staff.pupil", pupil_id=worry.pupil_id)
        body = render_template("staff/mail_worry.txt", user=user, worry=worry, link=link)
        subject = _("PupilVoice: a pupil has raised a worry")
    outbox.queue(user.email, subject, body, kind="worry", language=user.locale or "en",
                 user=user, pupil=worry.pupil)  # fmt: skip


def worries_of(pupil: Pupil) -> list[Worry]:
    """Open worries first (oldest first: they have waited longest), then closed ones."""
    rows = db.session.execute(
        select(Worry).where(Worry.pupil_id == pupil.id).order_by(Worry.raised_at)
    ).scalars()
    rows = list(rows)
    return [w for w in rows if w.is_open] + [w for w in reversed(rows) if not w.is_open]


def close_worry(worry: Worry, action: str, by: User) -> None:
    """Record what staff did; the worry stops being highlighted."""
    if not worry.is_open:
        return
    worry.action_taken = action.strip()
    worry.closed_at = utcnow()
    worry.closed_by_id = by.id
    audit.record(by, "close_worry", worry, pupil=worry.pupil_id)


def open_worry_counts(pupil_ids: Sequence[int]) -> dict[int, int]:
    rows = db.session.execute(
        select(Worry.pupil_id, func.count())
        .where(Worry.pupil_id.in_(pupil_ids), Worry.closed_at.is_(None))
        .group_by(Worry.pupil_id)
    )
    return dict(rows.all())
