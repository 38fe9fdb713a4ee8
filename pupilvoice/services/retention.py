"""Retention (PRI-04): what each school's rules say may go today, and removing it. A dry
run prints the same list a real run then carries out, so the two always agree; a second
run finds nothing more, so it is safe to run daily from cron."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import delete, select, update

from ..domain import outbox as mail_rules
from ..domain import retention as rules
from ..extensions import db
from ..models import (
    AccountToken,
    LoginSession,
    Proposal,
    Pupil,
    PupilSignIn,
    Recording,
    School,
    SortChoice,
    Worry,
)
from . import audit, erasure, outbox

# The order a real run removes them in: everything a pupil's erasure would also take first,
# so each listed row is removed by its own step.
KINDS = ("worry", "recording", "tablet-sign-in", "session", "link", "mail", "pupil")


@dataclass(frozen=True)
class Due:
    school_id: int | None  # None: sign-in records, which belong to no one school
    kind: str
    ids: tuple[int, ...]


def rules_of(school: School) -> rules.Rules:
    return rules.Rules(
        school.keep_sen_until_age,
        school.keep_ehc_until_age,
        school.keep_worries_years,
        school.keep_recordings_months,
    )


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _ids(statement) -> tuple[int, ...]:
    return tuple(db.session.scalars(statement.order_by(statement.selected_columns[0])))


def _pupils(school: School, kept: rules.Rules, day: date) -> tuple[int, ...]:
    left = db.session.execute(
        select(Pupil.id, Pupil.archived_at, Pupil.born_on, Pupil.year_group, Pupil.sen_stage)
        .where(Pupil.school_id == school.id, Pupil.archived_at.is_not(None))
        .order_by(Pupil.id)
    )
    return tuple(
        pupil_id
        for pupil_id, left_at, born_on, year_group, stage in left
        if rules.file_kept_until(left_at.date(), born_on, year_group, stage == "ehcp", kept) < day
    )


def _worries(school: School, kept: rules.Rules, day: date) -> tuple[int, ...]:
    closed_before = _start_of(rules.add_years(day, -kept.worries_years))
    return _ids(
        select(Worry.id).where(Worry.school_id == school.id, Worry.closed_at < closed_before)
    )


def _recordings(school: School, kept: rules.Rules, day: date) -> tuple[int, ...]:
    made_before = _start_of(rules.add_months(day, -kept.recordings_months))
    return _ids(
        select(Recording.id).where(
            Recording.school_id == school.id, Recording.created_at < made_before
        )
    )


def _for_school(school: School, day: date) -> Iterable[Due]:
    kept = rules_of(school)
    yield Due(school.id, "worry", _worries(school, kept, day))
    yield Due(school.id, "recording", _recordings(school, kept, day))
    yield Due(school.id, "pupil", _pupils(school, kept, day))


def _sign_ins(day: date) -> Iterable[Due]:
    quiet_since = _start_of(day - timedelta(days=rules.SIGN_IN_DAYS))
    sessions = select(LoginSession.id).where(LoginSession.last_seen_at < quiet_since)
    yield Due(None, "session", _ids(sessions))
    tablets = select(PupilSignIn.id).where(PupilSignIn.login_session_id.in_(sessions))
    yield Due(None, "tablet-sign-in", _ids(tablets))
    yield Due(
        None, "link", _ids(select(AccountToken.id).where(AccountToken.expires_at < quiet_since))
    )


def _mails(day: date) -> Due:
    """E-mails sent, or given up, a while ago: their record (the body is already empty)."""
    return Due(None, "mail", outbox.old_ids(_start_of(day - timedelta(mail_rules.SENT_KEPT_DAYS))))


def due_in(school: School, day: date) -> list[Due]:
    """What is past this school's retention on ``day`` (the SENCO's records page): three
    queries, whatever the number of schools or sign-ins."""
    return [d for d in _for_school(school, day) if d.ids]


def due(day: date) -> list[Due]:
    """Everything past its school's retention on ``day``, in the order it is removed."""
    found = [
        d
        for school in db.session.scalars(select(School).order_by(School.id))
        for d in _for_school(school, day)
    ]
    found += [*_sign_ins(day), _mails(day)]
    return sorted(
        (d for d in found if d.ids), key=lambda d: (KINDS.index(d.kind), d.school_id or 0)
    )


def remove(found: list[Due]) -> None:
    """Carry out ``due``'s list, in one transaction the caller commits."""
    for item in found:
        _REMOVERS[item.kind](item)
    for school_id in sorted({d.school_id for d in found if d.school_id}):
        kinds = {d.kind: len(d.ids) for d in found if d.school_id == school_id}
        audit.record(None, "retention_applied", db.session.get(School, school_id), kinds=kinds)


def _delete(model) -> Callable[[Due], None]:
    return lambda item: db.session.execute(delete(model).where(model.id.in_(item.ids)))


def _remove_recordings(item: Due) -> None:
    """What the pupil typed stays; the recording beside it goes."""
    for model in (SortChoice, Worry, Proposal):
        db.session.execute(
            update(model).where(model.recording_id.in_(item.ids)).values(recording_id=None)
        )
    db.session.execute(delete(Recording).where(Recording.id.in_(item.ids)))


def _remove_pupils(item: Due) -> None:
    for pupil_id in item.ids:
        erasure.erase_pupil(None, db.session.get(Pupil, pupil_id))


_REMOVERS: dict[str, Callable[[Due], None]] = {
    "worry": _delete(Worry),  # a recording made with it goes by the recordings' rule
    "recording": _remove_recordings,
    "tablet-sign-in": _delete(PupilSignIn),
    "session": _delete(LoginSession),  # after the tablet sign-ins that name them
    "link": _delete(AccountToken),
    "mail": lambda item: outbox.remove(item.ids),
    "pupil": _remove_pupils,
}
