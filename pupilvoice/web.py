"""Pages for everyone: the front door, the privacy page and the health check."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from . import ping_database
from .access import PUBLIC, audience, home_for
from .extensions import db
from .models import School
from .privacy_labels import family_notice
from .services import devices

bp = Blueprint("web", __name__)


@bp.get("/")
@audience(PUBLIC)
def index():
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    if devices.find_active(request.cookies.get(devices.COOKIE)):
        return redirect(url_for("tablet.class_list"))  # a class tablet opens on its names
    return render_template("index.html")


@bp.get("/about")
@audience(PUBLIC)
def about():
    """What PupilVoice is and who sees what. Also the benchmarks' floor page, so it
    makes exactly one small query: a visitor's health ping, or for someone signed in the
    session, which brings their school's name with it (accounts.find_session)."""
    school_name = None
    if current_user.is_authenticated:
        school = getattr(current_user, "school", None)  # a pupil has none loaded
        school_name = school.name if school is not None else _school_name()
    else:
        ping_database()
    return render_template("about.html", school_name=school_name)


def _school_name() -> str:
    return db.session.execute(
        select(School.name).where(School.id == current_user.school_id)
    ).scalar_one()


@bp.get("/healthz")
@audience(PUBLIC)
def healthz():
    ping_database()
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8"}


@bp.get("/privacy")
@audience(PUBLIC)
def privacy():
    """The families' privacy notice: what is kept, why and for how long, from the privacy
    registry (PRI-02), in the visitor's language."""
    return render_template("privacy.html", kept=family_notice())
