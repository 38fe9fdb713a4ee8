"""The SENCO's school administration: the overview page, and every other admin page
(each module below adds its own to the blueprint)."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user
from sqlalchemy import Select, Subquery, and_, bindparam, func, select, true

from ..access import audience
from ..domain import outbox as mail_rules
from ..domain.roles import PARENT, SENCO
from ..extensions import db
from ..models import ClassGroup, OutboxMessage, Pupil, School, User
from . import (  # noqa: F401 - each adds its pages
    classes,
    erase,
    export,
    mail,
    parents,
    pupils,
    records,
    register,
    roster,
    staff,
    transfer,
)
from .blueprint import bp

__all__ = ["bp"]


def _tally(model, **counted) -> Subquery:
    """One row of counts of a school's current ``model`` rows: name=condition each."""
    columns = [func.count().filter(where).label(name) for name, where in counted.items()]
    return (
        select(*columns)
        .where(model.school_id == bindparam("school_id"), model.archived_at.is_(None))
        .subquery()
    )


def _overview() -> Select:
    """The school and every count on its overview, in one query (built once)."""
    works_here = User.role != PARENT
    tallies = [
        _tally(
            User,
            staff=works_here,
            invited=and_(works_here, User.password_hash.is_(None)),
            parents=User.role == PARENT,
        ),
        _tally(ClassGroup, classes=true()),
        _tally(Pupil, pupils=true(), register=Pupil.sen_stage != "none"),
    ]
    tallies.append(
        select(
            func.count().filter(OutboxMessage.state == mail_rules.FAILED).label("mail_failed"),
            func.count().filter(OutboxMessage.state != mail_rules.FAILED).label("mail_waiting"),
        )
        .where(
            OutboxMessage.school_id == bindparam("school_id"),
            OutboxMessage.state != mail_rules.SENT,
        )
        .subquery()
    )
    query = select(School, *tallies).select_from(School)
    for tally in tallies:
        query = query.join(tally, true())
    return query.where(School.id == bindparam("school_id"))


OVERVIEW = _overview()


def _school_and_counts() -> tuple[School, dict[str, int]]:
    row = db.session.execute(OVERVIEW, {"school_id": current_user.school_id}).one()
    counts = dict(row._mapping)
    return counts.pop(School.__name__), counts


@bp.get("/")
@audience(SENCO)
def home():
    school, counts = _school_and_counts()
    return render_template("admin/home.html", counts=counts, school=school)
