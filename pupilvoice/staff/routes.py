"""Staff home: the classes and pupils this member of staff works with."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_login import current_user

from ..access import STAFF, audience
from ..domain.roles import SENCO
from ..i18n import gettext as _
from ..i18n import today
from ..labels import STAGE_LABELS, year_label
from ..models import ClassGroup
from ..paging import asked_search, page_of
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


ATTENTION_SHOWN = 10  # the most urgent; the rest lead the register, in the same order
REGISTER_PAGE = 25


@bp.get("/")
@audience(STAFF)
def home():
    """The dashboard: what needs attention first, then the register and the classes. The
    SENCO's register is narrowed and counted in the database and shown a page at a time;
    their classes are listed with counts (each class's pupils are on the pupils list)."""
    groups = visible_classes()
    if current_user.role == SENCO:
        return _senco_home(groups)
    pupils = dashboard.pupils(current_user.school_id, current_user.class_ids)
    register = dashboard.register(pupils, dashboard.Filters())
    class_lists = dashboard.class_lists(groups, pupils)
    marks = voice.staff_marks([pupil.id for pupil, _plan in pupils], current_user)
    worried = [p for _g, members in class_lists for p in members if marks[p.id]["worries"]]
    return _home(
        register,
        marks,
        class_lists=class_lists,
        worried=[(p, marks[p.id]["worries"]) for p in worried],
        cooldowns=dashboard.picture_cooldowns(current_user.school_id, [p.id for p, _ in pupils]),
    )


def _senco_home(groups):
    filters = dashboard.chosen_filters(request.args, [g.id for g in groups], asked_search())
    register = dashboard.school_register(current_user.school_id, filters)
    worried = dashboard.worried(current_user.school_id)
    worries = {pupil.id: count for pupil, count in worried}
    marks = voice.staff_marks([pupil.id for pupil, _plan in register], current_user, worries)
    counts = dashboard.class_counts(current_user.school_id)
    return _home(
        register,
        marks,
        class_counts=[(group, counts.get(group.id, (0, 0))) for group in groups],
        year_label=year_label,
        worried=worried,
        cooldowns=dashboard.picture_cooldowns(current_user.school_id, None),
        filters=filter_choices(groups),
        search=filters.name,
        ask_for_two_step=not current_user.totp_enabled,
    )


def _home(register, marks, **shown):
    rows = dashboard.needs(register, marks, today=today())
    urgent = [row for row in rows if row.attention]
    shown_rows, page = page_of(rows, REGISTER_PAGE)
    return render_template(
        "staff/home.html",
        rows=shown_rows,
        page=page,
        urgent=urgent[:ATTENTION_SHOWN],
        more_urgent=len(urgent) - ATTENTION_SHOWN,
        reviews=dashboard.review_counts(rows),
        marks=marks,
        **shown,
    )
