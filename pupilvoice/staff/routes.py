"""Staff home: the classes and pupils this member of staff works with."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..access import STAFF, audience
from ..domain.roles import SENCO
from ..extensions import db
from ..i18n import today
from ..models import ClassGroup
from ..services import dashboard, voice
from .plan_forms import RegisterFilterForm

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
    """The dashboard: what needs attention first, then the register and the classes."""
    classes = visible_classes()
    senco = current_user.role == SENCO
    filters = RegisterFilterForm(request.args if senco else None, classes=classes)
    register = dashboard.register(
        current_user.school_id, None if senco else current_user.class_ids, filters.filters()
    )
    class_pupils = [p.id for group in classes for p in group.pupils if p.archived_at is None]
    ids = sorted(set(class_pupils) | {pupil.id for pupil, _plan in register})
    marks = voice.staff_marks(ids, current_user)
    return render_template(
        "staff/home.html",
        classes=classes,
        rows=dashboard.needs(register, marks, today=today()),
        filters=filters if senco else None,
        marks=marks,
        ask_for_two_step=senco and not current_user.totp_enabled,
    )
