"""A school's classes and the staff who work with them. They flush, never commit (REL-01)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, func, select

from ..extensions import db
from ..models import ClassGroup, Pupil, User
from . import audit
from .records import assign, set_archived


def create(actor: User, *, name: str, year_group: int, staff: Iterable[User]) -> ClassGroup:
    group = ClassGroup(school_id=actor.school_id, name=name.strip(), year_group=year_group)
    group.staff = list(staff)
    db.session.add(group)
    db.session.flush()
    audit.record(actor, "created", group, staff=[user.id for user in group.staff])
    return group


def edit(
    actor: User, group: ClassGroup, *, name: str, year_group: int, staff: Iterable[User]
) -> None:
    changed = assign(group, {"name": name.strip(), "year_group": year_group})
    staff = list(staff)
    if {user.id for user in staff} != {user.id for user in group.staff}:
        group.staff = staff
        changed.append("staff")
    if changed:
        audit.record(actor, "updated", group, fields=changed, staff=[u.id for u in staff])


# Built once: the SENCO's staff home and tablets page run it on every visit.
_OPEN_CLASSES = (
    select(ClassGroup)
    .where(ClassGroup.school_id == bindparam("school_id"), ClassGroup.archived_at.is_(None))
    .order_by(ClassGroup.year_group, ClassGroup.name)
)


def open_classes(school_id: int) -> list[ClassGroup]:
    """The school's classes that are not archived, by year and name."""
    return list(db.session.scalars(_OPEN_CLASSES, {"school_id": school_id}))


def active_pupils(group: ClassGroup) -> int:
    query = select(func.count()).where(Pupil.class_id == group.id, Pupil.archived_at.is_(None))
    return db.session.execute(query).scalar_one()


def archive(actor: User, group: ClassGroup) -> bool:
    """Archive an empty class; False (and nothing changed) while it still has pupils."""
    if active_pupils(group):
        return False
    set_archived(actor, group, True)
    return True


def restore(actor: User, group: ClassGroup) -> None:
    set_archived(actor, group, False)
