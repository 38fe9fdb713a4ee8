"""The SENCO's view of the append-only audit log (REL-06): browse and filter, never edit."""

from __future__ import annotations

from datetime import UTC, datetime, time

from flask import Blueprint, abort, render_template, request
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import aliased

from ..access import audience
from ..domain.permissions import can
from ..domain.roles import SENCO
from ..extensions import db
from ..inputs import int_arg
from ..models import AuditEvent, Pupil, User

bp = Blueprint("audit", __name__, url_prefix="/school/audit", template_folder="templates")
PER_PAGE = 50


def _date(name: str) -> datetime | None:
    value = request.args.get(name, "")
    try:
        day = datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        return None
    return datetime.combine(day, time.max if name == "until" else time.min, tzinfo=UTC)


def _filtered_query():
    actor = aliased(User)
    pupil = aliased(Pupil)
    query = (
        select(AuditEvent, actor, pupil)
        .outerjoin(actor, actor.id == AuditEvent.actor_user_id)
        .outerjoin(pupil, pupil.id == AuditEvent.actor_pupil_id)
        .where(AuditEvent.school_id == current_user.school_id)
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    )
    if request.args.get("action"):
        query = query.where(AuditEvent.action == request.args["action"][:40])
    if request.args.get("kind"):
        query = query.where(AuditEvent.object_type == request.args["kind"][:40])
    if who := int_arg("who"):
        query = query.where(AuditEvent.actor_user_id == who)
    if since := _date("since"):
        query = query.where(AuditEvent.created_at >= since)
    if until := _date("until"):
        query = query.where(AuditEvent.created_at <= until)
    return query


def _choices(column) -> list[str]:
    query = select(column).where(AuditEvent.school_id == current_user.school_id).distinct()
    return sorted(db.session.execute(query).scalars())


@bp.get("/")
@audience(SENCO)
def index():
    if not can(current_user, "view_audit", current_user.school):
        abort(404)
    page = int_arg("page", high=99_999) or 1
    query = _filtered_query().limit(PER_PAGE + 1).offset((page - 1) * PER_PAGE)
    rows = db.session.execute(query).all()
    staff = db.session.execute(
        select(User)
        .where(User.school_id == current_user.school_id, User.role != "parent")
        .order_by(User.name)
    ).scalars()
    return render_template(
        "admin/audit.html",
        rows=rows[:PER_PAGE],
        page=page,
        has_next=len(rows) > PER_PAGE,
        actions=_choices(AuditEvent.action),
        kinds=_choices(AuditEvent.object_type),
        staff=list(staff),
        args=request.args,
    )
