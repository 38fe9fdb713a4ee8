"""The staff dashboard: pupils on the SEN register a member of staff works with, with what
needs their attention. A fixed number of queries however many pupils (no query a pupil)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, case, func, select
from sqlalchemy.orm import aliased, joinedload

from ..domain.attention import IN_REVIEW_NOW, REVIEW_DUE, REVIEW_OVERDUE, attention, urgency
from ..domain.lifecycle import CLOSED, STATUSES
from ..domain.roles import SEN_STAGES
from ..extensions import db
from ..models import ClassGroup, PictureKey, Plan, Pupil, Worry
from ..paging import like_text
from . import picture_keys, signoff

NO_PLAN = "none"
# What the SENCO can narrow the register to, besides a class.
REGISTER_STAGES = SEN_STAGES[1:]  # "none" is not on the register
REGISTER_STATUSES = (NO_PLAN, *(status for status in STATUSES if status != CLOSED))


@dataclass(frozen=True)
class Filters:
    """What the SENCO narrowed the register to; empty means everything."""

    class_id: int | None = None
    stage: str = ""
    status: str = ""  # a plan status, or "none" for pupils without a plan
    name: str = ""  # the start of a first name, then of the initial ("Sam", "Sam T")


def chosen_filters(asked: Mapping[str, str], class_ids: Collection[int], name: str = "") -> Filters:
    """The SENCO's filters from the query string: only values the form offers (a class of
    ``class_ids``, a stage, a status) and the name searched for; anything else means no
    filter."""
    class_id, stage, status = (asked.get(name, "") for name in ("class_id", "stage", "status"))
    return Filters(
        class_id=int(class_id) if class_id in {str(i) for i in class_ids} else None,
        stage=stage if stage in REGISTER_STAGES else "",
        status=status if status in REGISTER_STATUSES else "",
        name=name,
    )


@dataclass(frozen=True)
class Row:
    pupil: Pupil
    plan: Plan | None
    attention: tuple[str, ...]
    open_worries: int = 0


# A pupil's current plan: their latest that is not closed.
_later = aliased(Plan)
_CURRENT_PLAN = (
    select(_later.id)
    .where(_later.pupil_id == Pupil.id, _later.status != CLOSED)
    .order_by(_later.created_at.desc(), _later.id.desc())
    .limit(1)
    .scalar_subquery()
)
# Built once: the staff home runs one of these on every visit, and building a statement
# with a loader option costs SQLAlchemy about as much as running it.
_SCHOOL_PUPILS = (
    select(Pupil, Plan)
    .outerjoin(Plan, Plan.id == _CURRENT_PLAN)
    .where(Pupil.school_id == bindparam("school_id"), Pupil.archived_at.is_(None))
    .options(joinedload(Pupil.class_group))
    .order_by(Pupil.first_name, Pupil.surname_initial, Pupil.id)
)
_CLASSES_PUPILS = _SCHOOL_PUPILS.where(Pupil.class_id.in_(bindparam("class_ids", expanding=True)))


def pupils(school_id: int, class_ids: Collection[int] | None) -> list[tuple[Pupil, Plan | None]]:
    """The school's pupils who are not archived, by name, with their class and current
    plan: those in ``class_ids``, or everyone for None (the SENCO). One query for both
    the class lists and the register."""
    if class_ids is None:
        found = db.session.execute(_SCHOOL_PUPILS, {"school_id": school_id})
    else:
        found = db.session.execute(
            _CLASSES_PUPILS, {"school_id": school_id, "class_ids": class_ids}
        )
    return [(pupil, plan) for pupil, plan in found]


_REGISTER = (
    select(Pupil, Plan)
    .outerjoin(Plan, Plan.id == _CURRENT_PLAN)
    .where(
        Pupil.school_id == bindparam("school_id"),
        Pupil.archived_at.is_(None),
        Pupil.sen_stage != "none",
    )
    .order_by(Pupil.first_name, Pupil.surname_initial, Pupil.id)
)


def school_register(school_id: int, filters: Filters) -> list[tuple[Pupil, Plan | None]]:
    """The school's pupils on the SEN register, with their current plan, narrowed in the
    database (the SENCO's home: the rest of the school is not loaded). Their classes are
    not joined: the page loaded the school's classes already, and a pupil's class comes
    from the session's identity map without a query."""
    statement = _REGISTER
    if filters.class_id:
        statement = statement.where(Pupil.class_id == filters.class_id)
    if filters.stage:
        statement = statement.where(Pupil.sen_stage == filters.stage)
    if filters.status == NO_PLAN:
        statement = statement.where(Plan.id.is_(None))
    elif filters.status:
        statement = statement.where(Plan.status == filters.status)
    if filters.name:
        statement = statement.where(*name_search(filters.name))
    found = db.session.execute(statement, {"school_id": school_id})
    return [(pupil, plan) for pupil, plan in found]


def name_search(words: str) -> list:
    """Conditions for a pupil search: the first word starts the first name, a second the
    surname initial; any case, and % or _ typed are plain letters."""
    first, _, initial = words.partition(" ")
    found = [_starts(Pupil.first_name, first)]
    if initial.strip():
        found.append(_starts(Pupil.surname_initial, initial))
    return found


def _starts(column, words: str):
    return func.lower(column).like(like_text(words.strip()) + "%", escape="\\")


def class_counts(school_id: int) -> dict[int, tuple[int, int]]:
    """Class id -> (pupils, pupils on the SEN register): one query, for the SENCO's list of
    classes (their pupils are a click away, on the class's own list)."""
    on_register = func.sum(case((Pupil.sen_stage != "none", 1), else_=0))
    rows = db.session.execute(
        select(Pupil.class_id, func.count(), on_register)
        .where(Pupil.school_id == school_id, Pupil.archived_at.is_(None))
        .group_by(Pupil.class_id)
    )
    return {class_id: (count, int(sen or 0)) for class_id, count, sen in rows}


def worried(school_id: int) -> list[tuple[Pupil, int]]:
    """The school's pupils with an open worry, and how many: one query (the SENCO's home,
    which does not load every pupil to find them)."""
    rows = db.session.execute(
        select(Pupil, func.count(Worry.id))
        .join(Worry, Worry.pupil_id == Pupil.id)
        .where(Pupil.school_id == school_id, Pupil.archived_at.is_(None), Worry.closed_at.is_(None))
        .group_by(Pupil.id)
        .order_by(Pupil.first_name, Pupil.surname_initial, Pupil.id)
    )
    return [(pupil, count) for pupil, count in rows]


def class_lists(
    classes: Iterable[ClassGroup], pupils: Iterable[tuple[Pupil, Plan | None]]
) -> list[tuple[ClassGroup, list[Pupil]]]:
    """Each class with its pupils among ``pupils`` (in their order)."""
    members: dict[int, list[Pupil]] = {group.id: [] for group in classes}
    for pupil, _plan in pupils:
        if pupil.class_id in members:
            members[pupil.class_id].append(pupil)
    return [(group, members[group.id]) for group in classes]


def register(
    pupils: Iterable[tuple[Pupil, Plan | None]], filters: Filters
) -> list[tuple[Pupil, Plan | None]]:
    """Those of ``pupils`` on the SEN register, with their current plan, filtered."""
    return [
        (pupil, plan)
        for pupil, plan in pupils
        if pupil.sen_stage != "none"
        and (not filters.class_id or pupil.class_id == filters.class_id)
        and (not filters.stage or pupil.sen_stage == filters.stage)
        and (not filters.status or _status(plan) == filters.status)
        and (not filters.name or _named(pupil, filters.name))
    ]


def _named(pupil: Pupil, words: str) -> bool:
    first, _, initial = words.lower().partition(" ")
    return pupil.first_name.lower().startswith(first) and (
        pupil.surname_initial.lower().startswith(initial.strip())
    )


def _status(plan: Plan | None) -> str:
    return plan.status if plan else NO_PLAN


def needs(
    register: list[tuple[Pupil, Plan | None]], marks: Mapping[int, Mapping], *, today: date
) -> list[Row]:
    """Each pupil with what needs attention, most urgent first. ``marks``: open worries
    and new voice by pupil id (``voice.staff_marks``)."""
    rows = []
    talk = signoff.talk_requests([plan.id for _pupil, plan in register if plan])
    for pupil, plan in register:
        mark = marks.get(pupil.id, {})
        codes = attention(
            today=today,
            plan_status=plan.status if plan else None,
            review_on=plan.review_on if plan else None,
            open_worries=mark.get("worries", 0),
            new_voice=mark.get("new", False),
            parent_talk=bool(plan and talk.get(plan.id)),
        )
        rows.append(Row(pupil, plan, codes, mark.get("worries", 0)))
    return sorted(rows, key=lambda row: urgency(row.attention))


@dataclass(frozen=True)
class PictureCooldown:
    pupil: Pupil
    key: PictureKey
    minutes: int  # still to wait; 0 when the pupil may try again


def picture_cooldowns(school_id: int, pupil_ids: Collection[int] | None) -> list[PictureCooldown]:
    """Those of ``pupil_ids`` (None: the whole school's) whose picture sign-in paused
    after wrong tries since they last got it right (SEC-05), those still waiting first.
    One query, with the pupils."""
    rows = [
        PictureCooldown(key.pupil, key, picture_keys.minutes_left(key))
        for key in picture_keys.cooled_down(school_id, pupil_ids)
        if key.pupil.archived_at is None
    ]
    return sorted(
        rows, key=lambda row: (row.minutes == 0, row.pupil.first_name, row.pupil.surname_initial)
    )


REVIEW_CODES = (REVIEW_OVERDUE, IN_REVIEW_NOW, REVIEW_DUE)


def review_counts(rows: Iterable[Row]) -> dict[str, int]:
    """How many of ``rows`` have a review overdue, started, or due within three weeks
    (the same rule as the attention list and ``flask reviews-due``)."""
    return {code: sum(1 for row in rows if code in row.attention) for code in REVIEW_CODES}
