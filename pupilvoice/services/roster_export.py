"""Exporting a school's roster as CSV, in the import's columns: every current class, pupil
and parent link, so that importing the file again changes nothing."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..domain.roster_csv import to_csv
from ..extensions import db
from ..models import ClassGroup, ParentLink, Pupil, School, User
from . import audit
from .roster_match import current_links


def export_rows(school_id: int) -> list[dict[str, Any]]:
    """Every current class, pupil and parent link, in the import's columns."""
    classes = db.session.scalars(
        select(ClassGroup)
        .where(ClassGroup.school_id == school_id, ClassGroup.archived_at.is_(None))
        .order_by(ClassGroup.year_group, ClassGroup.name)
    )
    rows: list[dict[str, Any]] = [{"class": g.name, "year_group": g.year_group} for g in classes]
    links = defaultdict(list)
    for link in sorted(current_links(school_id), key=lambda link: link.parent.name.casefold()):
        links[link.pupil_id].append(link)
    pupils = sorted(_current_pupils(school_id), key=_export_order)
    for pupil in pupils:
        rows += [_pupil_row(pupil, link) for link in links[pupil.id]] or [_pupil_row(pupil)]
    return rows


def export_csv(actor: User, school: School) -> str:
    rows = export_rows(school.id)
    audit.record(actor, "exported", school, rows=len(rows))
    return to_csv(rows)


def _current_pupils(school_id: int) -> list[Pupil]:
    query = (
        select(Pupil)
        .where(Pupil.school_id == school_id, Pupil.archived_at.is_(None))
        .options(selectinload(Pupil.class_group))
    )
    return list(db.session.scalars(query))


def _export_order(pupil: Pupil) -> tuple:
    group = pupil.class_group
    place = (0, group.year_group, group.name.casefold()) if group else (1, 0, "")
    return (*place, pupil.first_name.casefold(), pupil.surname_initial, pupil.id)


def _pupil_row(pupil: Pupil, link: ParentLink | None = None) -> dict[str, Any]:
    row = {
        "class": pupil.class_group.name if pupil.class_group else "",
        "year_group": pupil.year_group,
        "upn": pupil.upn or "",
        "first_name": pupil.first_name,
        "surname": pupil.surname or "",
        "surname_initial": pupil.surname_initial,
        "date_of_birth": pupil.born_on.isoformat() if pupil.born_on else "",
        "sen_stage": pupil.sen_stage,
        "primary_need": pupil.primary_need or "",
        "secondary_need": pupil.secondary_need or "",
        "avatar": pupil.avatar,
    }
    if link is not None:
        row |= {
            "parent_name": link.parent.name,
            "parent_email": link.parent.email or "",
            "relationship": link.relationship_label,
            "language": link.preferred_language,
            "contact": link.contact_method,
        }
    return row
