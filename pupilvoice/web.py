"""Pages for everyone: the front door and the health check."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user

from . import ping_database
from .access import PUBLIC, audience, home_for
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


@bp.get("/healthz")
@audience(PUBLIC)
def healthz():
    ping_database()
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8"}
