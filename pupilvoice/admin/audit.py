"""The SENCO's view of the append-only audit log (REL-06): browse and filter, never edit."""

from __future__ import annotations

from datetime import UTC, datetime, time

from flask import Blueprint, abort, render_template, request
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import aliased

from ..access import audience
from ..audit_labels import ACTION_LABELS, KIND_LABELS
from ..domain.permissions import can
from ..domain.roles import SENCO
from ..extensions import db
from ..inputs import int_arg
from ..models import AuditEvent, Pupil, User
from ..paging import Page, asked_page, uncounted
from . import audit_display

bp = Blueprint("audit", __name__, url_prefix="/school/audit", template_folder="templates")
PER_PAGE = 50


def _date(name: str) -> datetime | None:
    value = request.args.get(name, "")
    try:
        day = datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        return None
    return datetime.combine(day, time.max if name == "until" else time.min, tzinfo=UTC)


def _filtered_ids():
    """The ids of the school's events the filters ask for, newest first: read from the
    indexes by school and time, action or record kind alone (models/audit.py)."""
    query = (
        select(AuditEvent.id)
        .where(AuditEvent.school_id == current_user.school_id)
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    )
    if (action := request.args.get("action")) in ACTION_LABELS:
        query = query.where(AuditEvent.action == action)
    if (kind := request.args.get("kind")) in KIND_LABELS:
        query = query.where(AuditEvent.object_type == kind)
    if who := int_arg("who"):
        query = query.where(AuditEvent.actor_user_id == who)
    if since := _date("since"):
        query = query.where(AuditEvent.created_at >= since)
    if until := _date("until"):
        query = query.where(AuditEvent.created_at <= until)
    return query


def _choices(labels: dict) -> list[tuple[str, str]]:
    """The filter's choices: every kind the app writes (not a scan of the whole log), by
    their words in the page's language."""
    return sorted(((code, str(label)) for code, label in labels.items()), key=lambda c: c[1])


def _page_of_events(number: int) -> tuple[list, Page]:
    """One page of events with who did them: first the page's ids (one more, to know if
    an older page exists; never a count of the whole log), then those rows."""
    ids = list(
        db.session.scalars(_filtered_ids().limit(PER_PAGE + 1).offset((number - 1) * PER_PAGE))
    )
    ids, page = uncounted(ids, number, PER_PAGE)
    actor, pupil = aliased(User), aliased(Pupil)
    rows = db.session.execute(
        select(AuditEvent, actor, pupil)
        .outerjoin(actor, actor.id == AuditEvent.actor_user_id)
        .outerjoin(pupil, pupil.id == AuditEvent.actor_pupil_id)
        .where(AuditEvent.id.in_(ids))
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    ).all()
    return rows, page


@bp.get("/")
@audience(SENCO)
def index():
    if not can(current_user, "view_audit", current_user.school):
        abort(404)
    rows, page = _page_of_events(asked_page())
    staff = db.session.execute(
        select(User)
        .where(User.school_id == current_user.school_id, User.role != "parent")
        .order_by(User.name)
    ).scalars()
    return render_template(
        "admin/audit.html",
        lines=audit_display.lines(rows, current_user.school_id),
        page=page,
        actions=_choices(ACTION_LABELS),
        kinds=_choices(KIND_LABELS),
        staff=list(staff),
        args=request.args,
    )
