"""School-scoped queries the admin pages share: every one is limited to the SENCO's school."""

from __future__ import annotations

from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..domain.roles import PARENT, STAFF_ROLES
from ..extensions import db
from ..inputs import MAX_ID
from ..models import ClassGroup, ParentLink, Pupil, User
from ..paging import Page, counted, like_text
from ..services.dashboard import name_search


def classes(archived: bool = False) -> list[ClassGroup]:
    """The school's classes with their staff (their pupils are counted: pupil_counts)."""
    query = (
        select(ClassGroup)
        .where(ClassGroup.school_id == current_user.school_id, _archived(ClassGroup, archived))
        .options(selectinload(ClassGroup.staff))
        .order_by(ClassGroup.year_group, ClassGroup.name)
    )
    return list(db.session.scalars(query))


def pupil_counts() -> dict[int, int]:
    """Class id -> how many current pupils it has: one query, no pupil loaded."""
    query = (
        select(Pupil.class_id, func.count())
        .where(Pupil.school_id == current_user.school_id, Pupil.archived_at.is_(None))
        .group_by(Pupil.class_id)
    )
    return dict(db.session.execute(query).all())


def class_choices() -> list[ClassGroup]:
    """The school's open classes for a filter or a form's choices, without their pupils
    and staff (a large school's list of classes would otherwise load every pupil)."""
    query = (
        select(ClassGroup)
        .where(ClassGroup.school_id == current_user.school_id, ClassGroup.archived_at.is_(None))
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


def parents_page(name: str, number: int, size: int) -> tuple[list[User], Page]:
    """One page of the school's current parents, by name, narrowed to those whose name
    holds ``name`` (any case): counted and read in the database."""
    query = select(User).where(
        User.school_id == current_user.school_id, User.role == PARENT, User.archived_at.is_(None)
    )
    if name:
        query = query.where(func.lower(User.name).like(f"%{like_text(name)}%", escape="\\"))
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    page = counted(number, size, total or 0)
    query = query.options(selectinload(User.children_links).selectinload(ParentLink.pupil))
    found = db.session.scalars(query.order_by(User.name, User.id).limit(size).offset(page.offset))
    return list(found), page


def pupils(class_id: str = "", stage: str = "", archived: bool = False) -> list[Pupil]:
    query = _pupils(class_id, stage, archived).options(
        selectinload(Pupil.class_group), selectinload(Pupil.parent_links)
    )
    return list(db.session.scalars(query))


def pupils_page(
    class_id: str, stage: str, archived: bool, name: str, number: int, size: int
) -> tuple[list[Pupil], Page]:
    """One page of the pupils list, counted and narrowed in the database; the page's pupils
    come with their class and parent links (two more queries, whatever the page)."""
    query = _pupils(class_id, stage, archived)
    if name:
        query = query.where(*name_search(name))
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    page = counted(number, size, total or 0)
    query = query.options(selectinload(Pupil.class_group), selectinload(Pupil.parent_links))
    return list(db.session.scalars(query.limit(size).offset(page.offset))), page


def _pupils(class_id: str, stage: str, archived: bool):
    query = (
        select(Pupil)
        .where(Pupil.school_id == current_user.school_id, _archived(Pupil, archived))
        .order_by(Pupil.first_name, Pupil.surname_initial, Pupil.id)
    )
    if class_id == "none":
        query = query.where(Pupil.class_id.is_(None))
    elif class_id.isascii() and class_id.isdigit() and int(class_id) <= MAX_ID:
        query = query.where(Pupil.class_id == int(class_id))
    if stage:
        query = query.where(Pupil.sen_stage == stage)
    return query


def _archived(model, archived: bool):
    return model.archived_at.is_not(None) if archived else model.archived_at.is_(None)
