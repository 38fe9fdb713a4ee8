"""The SEN register: the pupils on it with their stage, needs and dates, filtered by class,
stage and need, a page at a time, and the same list as CSV. Changes are made on each
pupil's page (services/sen_register.py keeps the history)."""

from __future__ import annotations

from datetime import date

from flask import Response, render_template, request
from flask_babel import format_date
from flask_login import current_user
from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import selectinload

from ..access import audience
from ..domain.roles import SENCO
from ..domain.sen_register import AREAS, NEEDS, REGISTER_STAGES, needs_in, register_csv
from ..extensions import db
from ..i18n import lazy_gettext as _l
from ..inputs import MAX_ID, int_arg
from ..labels import STAGE_LABELS, need_label
from ..models import ClassGroup, Pupil
from ..models.base import utcnow
from ..paging import counted
from ..services import audit
from .blueprint import bp
from .register_forms import RegisterFilterForm

PER_PAGE = 50
REGISTER_FIELDS = {
    "stage": _l("SEN stage"),
    "primary_need": _l("Primary need"),
    "secondary_need": _l("Secondary need"),
    "added_on": _l("Added to the register"),
    "reviewed_on": _l("Last reviewed"),
    "removed_on": _l("Removed from the register"),
}
REGISTER_SOURCES = {"form": _l("on the pupil's page"), "import": _l("by the roster import")}


def register_value(name: str, value) -> str:
    """A history value as a person reads it."""
    if not value:
        return "—"
    if name == "stage":
        return str(STAGE_LABELS.get(value, value))
    if name.endswith("_need"):
        return need_label(value) or value
    return format_date(date.fromisoformat(value), "medium")


@bp.context_processor
def register_globals() -> dict:
    return {
        "register_fields": REGISTER_FIELDS,
        "register_sources": REGISTER_SOURCES,
        "register_value": register_value,
        "need_label": need_label,
    }


def _filters() -> RegisterFilterForm:
    """The filters from the query string, with the school's current classes (names only:
    the pupils list's lookup also loads every class's staff and pupils)."""
    classes = db.session.scalars(
        select(ClassGroup)
        .where(ClassGroup.school_id == current_user.school_id, ClassGroup.archived_at.is_(None))
        .order_by(ClassGroup.year_group, ClassGroup.name)
    )
    return RegisterFilterForm(request.args, classes=list(classes))


def _query(filters: RegisterFilterForm) -> Select:
    """The school's current pupils on the register, narrowed by the filters given."""
    query = select(Pupil).where(
        Pupil.school_id == current_user.school_id,
        Pupil.archived_at.is_(None),
        Pupil.sen_stage.in_(REGISTER_STAGES),
    )
    class_id, stage, need = (filters.class_id.data or "", filters.stage.data, filters.need.data)
    if class_id == "none":
        query = query.where(Pupil.class_id.is_(None))
    elif class_id.isascii() and class_id.isdigit() and int(class_id) <= MAX_ID:
        query = query.where(Pupil.class_id == int(class_id))
    if stage in REGISTER_STAGES:
        query = query.where(Pupil.sen_stage == stage)
    codes = needs_in(need) if need in AREAS else (need,) if need in NEEDS else ()
    if codes:
        query = query.where(or_(Pupil.primary_need.in_(codes), Pupil.secondary_need.in_(codes)))
    return query


def _ordered(query: Select) -> Select:
    return query.options(selectinload(Pupil.class_group)).order_by(
        Pupil.first_name, Pupil.surname_initial, Pupil.id
    )


def _page_number(total: int) -> tuple[int, int]:
    pages = max(1, -(-total // PER_PAGE))
    return min(int_arg("page", high=99_999) or 1, pages), pages


@bp.get("/register")
@audience(SENCO)
def register():
    filters = _filters()
    query = _query(filters)
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    page, _ = _page_number(total)
    pupils = db.session.scalars(_ordered(query).limit(PER_PAGE).offset((page - 1) * PER_PAGE))
    kept = {k: v for k, v in request.args.items() if k in ("class_id", "stage", "need") and v}
    return render_template(
        "admin/register.html",
        filters=filters,
        pupils=list(pupils),
        total=total,
        page=counted(page, PER_PAGE, total),
        kept=kept,
    )


@bp.get("/register.csv")
@audience(SENCO)
def register_export():
    filters = _filters()
    pupils = list(db.session.scalars(_ordered(_query(filters))))
    text = register_csv(_csv_row(pupil) for pupil in pupils)  # before the commit expires them
    audit.record(current_user, "register_exported", current_user.school, rows=len(pupils))
    db.session.commit()
    response = Response(text, mimetype="text/csv")
    name = f"pupilvoice-sen-register-{utcnow():%Y-%m-%d}.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _csv_row(pupil: Pupil) -> tuple:
    return (
        pupil.upn or "",
        pupil.first_name,
        pupil.surname or pupil.surname_initial,
        pupil.class_group.name if pupil.class_group else "",
        pupil.year_group,
        pupil.sen_stage,
        pupil.primary_need or "",
        pupil.secondary_need or "",
        pupil.sen_added_on.isoformat() if pupil.sen_added_on else "",
        pupil.sen_reviewed_on.isoformat() if pupil.sen_reviewed_on else "",
    )
