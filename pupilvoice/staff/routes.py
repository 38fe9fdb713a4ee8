"""Staff home: the classes and pupils this member of staff works with."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..access import STAFF, audience
from ..domain.roles import SENCO
from ..extensions import db
from ..i18n import gettext as _
from ..i18n import today
from ..labels import STAGE_LABELS
from ..models import ClassGroup
from ..plan_labels import STATUS_LABELS
from ..services import dashboard, voice

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


def filter_choices(classes) -> dict[str, list[tuple[str, str]]]:
    """The choices of the SENCO's register filters, by field: a plain GET form drawn in
    staff/_dashboard.html (WTForms' three selects cost more than the rest of the register)
    and read by ``dashboard.chosen_filters``."""
    statuses = [(code, STATUS_LABELS[code]) for code in dashboard.REGISTER_STATUSES[1:]]
    return {
        "class_id": [("", _("All classes"))] + [(str(group.id), group.name) for group in classes],
        "stage": [("", _("Any stage"))]
        + [(code, STAGE_LABELS[code]) for code in dashboard.REGISTER_STAGES],
        "status": [("", _("Any plan")), (dashboard.NO_PLAN, _("No plan yet"))] + statuses,
    }


@bp.get("/")
@audience(STAFF)
def home():
    """The dashboard: what needs attention first, then the register and the classes."""
    classes = visible_classes()
    senco = current_user.role == SENCO
    if senco:
        filters = dashboard.chosen_filters(request.args, [group.id for group in classes])
    else:
        filters = dashboard.Filters()
    register = dashboard.register(
        current_user.school_id, None if senco else current_user.class_ids, filters
    )
    class_pupils = [p.id for group in classes for p in group.pupils if p.archived_at is None]
    ids = sorted(set(class_pupils) | {pupil.id for pupil, _plan in register})
    marks = voice.staff_marks(ids, current_user)
    return render_template(
        "staff/home.html",
        classes=classes,
        rows=dashboard.needs(register, marks, today=today()),
        filters=filter_choices(classes) if senco else None,
        marks=marks,
        ask_for_two_step=senco and not current_user.totp_enabled,
    )
