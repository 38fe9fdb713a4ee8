"""For the staff home: which pupils have said something new since a member of staff last
looked, and how many worries are open."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache

from sqlalchemy import Select, bindparam, func, literal_column, select, union_all

from ...domain.roles import SENCO, TEACHER
from ...extensions import db
from ...models import AuditEvent, Proposal, SelfRating, Sort, SortChoice, User, Worry
from .worries import open_worry_counts


def _latest_voice_queries(pupil_ids, with_worries: bool) -> list[Select]:
    """(pupil id, when) for each way a pupil speaks: sorting a card, proposing, rating and,
    for those who see worries, raising one."""
    queries = [
        select(Sort.pupil_id, func.max(SortChoice.chosen_at))
        .join(SortChoice, SortChoice.sort_id == Sort.id)
        .where(Sort.pupil_id.in_(pupil_ids))
        .group_by(Sort.pupil_id),
        select(Proposal.pupil_id, func.max(Proposal.created_at))
        .where(Proposal.pupil_id.in_(pupil_ids))
        .group_by(Proposal.pupil_id),
        select(SelfRating.pupil_id, func.max(SelfRating.created_at))
        .where(SelfRating.pupil_id.in_(pupil_ids))
        .group_by(SelfRating.pupil_id),
    ]
    if with_worries:
        queries.append(
            select(Worry.pupil_id, func.max(Worry.raised_at))
            .where(Worry.pupil_id.in_(pupil_ids))
            .group_by(Worry.pupil_id)
        )
    return queries


def _last_looked_query(pupil_ids, user_id) -> Select:
    """(pupil id, when) this member of staff last opened each pupil's page (audit log)."""
    return (
        select(AuditEvent.object_id, func.max(AuditEvent.created_at))
        .where(
            AuditEvent.actor_user_id == user_id,
            AuditEvent.action == "view_voice",
            AuditEvent.object_type == "Pupil",
            AuditEvent.object_id.in_(pupil_ids),
        )
        .group_by(AuditEvent.object_id)
    )


@cache
def _voice_and_look_statement(with_worries: bool):
    """The union of the queries above, built once for each kind of reader (building it
    costs SQLAlchemy more than running it on the staff home); kind 0 is voice, 1 a look."""
    ids = bindparam("pupil_ids", expanding=True)
    said, looked = literal_column("0"), literal_column("1")
    parts = [q.add_columns(said) for q in _latest_voice_queries(ids, with_worries)]
    parts.append(_last_looked_query(ids, bindparam("user_id")).add_columns(looked))
    return union_all(*parts)


def last_voice_and_look(
    pupil_ids: Sequence[int], user: User, with_worries: bool
) -> tuple[dict[int, datetime], dict[int, datetime]]:
    """When each pupil last said something, and when ``user`` last looked: one query."""
    latest: dict[int, datetime] = {}
    last_looked: dict[int, datetime] = {}
    found_rows = db.session.execute(
        _voice_and_look_statement(with_worries), {"pupil_ids": list(pupil_ids), "user_id": user.id}
    )
    for pupil_id, when, kind in found_rows:
        when = _aware(when)
        found = last_looked if kind == 1 else latest
        if when is not None and (pupil_id not in found or when > found[pupil_id]):
            found[pupil_id] = when
    return latest, last_looked


def _aware(when: datetime | None) -> datetime | None:
    """max() over a UTC column comes back without its zone on SQLite."""
    if when is not None and when.tzinfo is None:
        return when.replace(tzinfo=UTC)
    return when


def staff_marks(
    pupil_ids: Sequence[int], user: User, worries: dict[int, int] | None = None
) -> dict[int, dict]:
    """For the staff home: which pupils have said something new since this person last
    looked, and (for teachers and the SENCO) how many worries are open; ``worries``, when
    the page counted them already, saves a query."""
    sees_worries = user.role in {SENCO, TEACHER}
    voiced, looked = last_voice_and_look(pupil_ids, user, with_worries=sees_worries)
    if worries is None:
        worries = open_worry_counts(pupil_ids) if sees_worries else {}
    return {
        pupil_id: {
            "new": pupil_id in voiced
            and (pupil_id not in looked or voiced[pupil_id] > looked[pupil_id]),
            "worries": worries.get(pupil_id, 0),
        }
        for pupil_id in pupil_ids
    }
