"""Staff home: the classes and pupils this member of staff works with."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..access import STAFF, audience
from ..domain.roles import SENCO
from ..extensions import db
from ..models import ClassGroup

bp = Blueprint("staff", __name__, url_prefix="/staff", template_folder="templates")


def visible_classes():
    """The current school's classes this person works with (all of them for the SENCO)."""
    query = (
        select(ClassGroup)
        .where(ClassGroup.school_id == current_user.school_id, ClassGroup.archived_at.is_(None))
        .options(selectinload(ClassGroup.pupils))
        .order_by(ClassGroup.year_group, ClassGroup.name)
    )
    if current_user.role != SENCO:
        query = query.where(ClassGroup.id.in_(current_user.class_ids))
    return db.session.execute(query).scalars().all()


@bp.get("/")
@audience(STAFF)
def home():
    classes = visible_classes()
    ask_for_two_step = current_user.role == SENCO and not current_user.totp_enabled
    return render_template("staff/home.html", classes=classes, ask_for_two_step=ask_for_two_step)
