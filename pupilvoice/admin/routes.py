"""The SENCO's school administration: the overview page, and every other admin page
(each module below adds its own to the blueprint)."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user
from sqlalchemy import func, select

from ..access import audience
from ..domain.roles import PARENT, SENCO
from ..extensions import db
from ..models import ClassGroup, Pupil, User
from . import classes, parents, pupils, roster, staff  # noqa: F401 - they add their pages
from .blueprint import bp

__all__ = ["bp"]


def _count(model, *where) -> int:
    query = (
        select(func.count())
        .select_from(model)
        .where(model.school_id == current_user.school_id, model.archived_at.is_(None), *where)
    )
    return db.session.execute(query).scalar_one()


@bp.get("/")
@audience(SENCO)
def home():
    counts = {
        "staff": _count(User, User.role != PARENT),
        "invited": _count(User, User.role != PARENT, User.password_hash.is_(None)),
        "parents": _count(User, User.role == PARENT),
        "classes": _count(ClassGroup),
        "pupils": _count(Pupil),
        "register": _count(Pupil, Pupil.sen_stage != "none"),
    }
    return render_template("admin/home.html", counts=counts, school=current_user.school)
