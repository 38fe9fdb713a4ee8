"""Staff home: the classes and pupils this member of staff works with."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_login import current_user

from ..access import STAFF, audience
from ..domain.roles import SENCO
from ..i18n import gettext as _
from ..i18n import today
from ..labels import STAGE_LABELS
from ..models import ClassGroup
from ..plan_labels import STATUS_LABELS
from ..services import classes, dashboard, voice

bp = Blueprint("staff", __name__, url_prefix="/staff", template_folder="templates")


def _own_class_ids() -> frozenset[int] | None:
    """The classes this person works with; None for the SENCO, who works with them all."""
    return None if current_user.role == SENCO else current_user.class_ids


def visible_classes() -> list[ClassGroup]:
    """The current school's classes this person works with (all of them for the SENCO), by
    year and name."""
    if current_user.role == SENCO:
        return classes.open_classes(current_user.school_id)
    # A teacher's or TA's classes are loaded with them for their permissions: no query.
    own = [
        group
        for group in current_user.classes
        if group.school_id == current_user.school_id and group.archived_at is None
    ]
    return sorted(own, key=lambda group: (group.year_group, group.name))


def filter_choices(groups) -> dict[str, list[tuple[str, str]]]:
    """The choices of the SENCO's register filters, by field: a plain GET form drawn in
    staff/_dashboard.html (WTForms' three selects cost more than the rest of the register)
    and read by ``dashboard.chosen_filters``."""
    statuses = [(code, STATUS_LABELS[code]) for code in dashboard.REGISTER_STATUSES[1:]]
    return {
        "class_id": [("", _("All classes"))] + [(str(group.id), group.name) for group in groups],
        "stage": [("", _("Any stage"))]
        + [(code, STAGE_LABELS[code]) for code in dashboard.REGISTER_STAGES],
        "status": [("", _("Any plan")), (dashboard.NO_PLAN, _("No plan yet"))] + statuses,
    }


@bp.get("/")
@audience(STAFF)
def home():
    """The dashboard: what needs attention first, then the register and the classes."""
    groups = visible_classes()
    pupils = dashboard.pupils(current_user.school_id, _own_class_ids())
    senco = current_user.role == SENCO
    if senco:
        filters = dashboard.chosen_filters(request.args, [group.id for group in groups])
    else:
        filters = dashboard.Filters()
    register = dashboard.register(pupils, filters)
    class_lists = dashboard.class_lists(groups, pupils)
    marks = voice.staff_marks([pupil.id for pupil, _plan in pupils], current_user)
    return render_template(
        "staff/home.html",
        class_lists=class_lists,
        worried=[p for _g, members in class_lists for p in members if marks[p.id]["worries"]],
        rows=dashboard.needs(register, marks, today=today()),
        review_counts=dashboard.review_counts,
        filters=filter_choices(groups) if senco else None,
        marks=marks,
        cooldowns=dashboard.picture_cooldowns(current_user.school_id, pupils),
        ask_for_two_step=senco and not current_user.totp_enabled,
    )
