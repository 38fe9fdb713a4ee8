"""The SENCO's school administration pages."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user
from sqlalchemy import func, select

from ..access import audience
from ..domain.roles import SENCO
from ..extensions import db
from ..models import ClassGroup, Pupil, User

bp = Blueprint("admin", __name__, url_prefix="/school", template_folder="templates")


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
        "staff": _count(User, User.role != "parent"),
        "parents": _count(User, User.role == "parent"),
        "classes": _count(ClassGroup),
        "pupils": _count(Pupil),
        "register": _count(Pupil, Pupil.sen_stage != "none"),
    }
    return render_template("admin/home.html", counts=counts, school=current_user.school)
