"""School-scoped queries the admin pages share: every one is limited to the SENCO's school."""

from __future__ import annotations

from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..domain.roles import PARENT, STAFF_ROLES
from ..extensions import db
from ..inputs import MAX_ID
from ..models import ClassGroup, ParentLink, Pupil, User


def classes(archived: bool = False) -> list[ClassGroup]:
    query = (
        select(ClassGroup)
        .where(ClassGroup.school_id == current_user.school_id, _archived(ClassGroup, archived))
        .options(selectinload(ClassGroup.staff), selectinload(ClassGroup.pupils))
        .order_by(ClassGroup.year_group, ClassGroup.name)
    )
    return list(db.session.scalars(query))


def class_names() -> list[str]:
    """Every class name of the school, archived ones too (names are unique)."""
    query = select(ClassGroup.name).where(ClassGroup.school_id == current_user.school_id)
    return list(db.session.scalars(query))


def staff(archived: bool = False) -> list[User]:
    query = (
        select(User)
        .where(User.school_id == current_user.school_id, User.role.in_(STAFF_ROLES))
        .where(_archived(User, archived))
        .options(selectinload(User.classes))
        .order_by(User.name)
    )
    return list(db.session.scalars(query))


def staff_by_ids(ids: list[int]) -> list[User]:
    """The current staff among ``ids``; ids of anyone else are ignored (SEC-02)."""
    wanted = set(ids)
    return [user for user in staff() if user.id in wanted]


def parents(archived: bool = False) -> list[User]:
    query = (
        select(User)
        .where(User.school_id == current_user.school_id, User.role == PARENT)
        .where(_archived(User, archived))
        .options(selectinload(User.children_links).selectinload(ParentLink.pupil))
        .order_by(User.name)
    )
    return list(db.session.scalars(query))


def pupils(class_id: str = "", stage: str = "", archived: bool = False) -> list[Pupil]:
    query = (
        select(Pupil)
        .where(Pupil.school_id == current_user.school_id, _archived(Pupil, archived))
        .options(selectinload(Pupil.class_group), selectinload(Pupil.parent_links))
        .order_by(Pupil.first_name, Pupil.surname_initial, Pupil.id)
    )
    if class_id == "none":
        query = query.where(Pupil.class_id.is_(None))
    elif class_id.isascii() and class_id.isdigit() and int(class_id) <= MAX_ID:
        query = query.where(Pupil.class_id == int(class_id))
    if stage:
        query = query.where(Pupil.sen_stage == stage)
    return list(db.session.scalars(query))


def _archived(model, archived: bool):
    return model.archived_at.is_not(None) if archived else model.archived_at.is_(None)
