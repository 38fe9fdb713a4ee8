"""Who may open which route, and loading objects the current person may see.

Every view declares its audience with ``@audience(...)``; a route without one is
refused (SEC-01, deny by default). Objects are loaded through ``load_or_404`` so that
another school's, class's or family's row is indistinguishable from a missing one (SEC-02).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit

from flask import abort, current_app, flash, g, redirect, request, session, url_for
from flask_login import current_user

from .domain.permissions import can
from .domain.roles import PUPIL, STAFF_ROLES
from .extensions import db, login_manager
from .i18n import gettext as _
from .i18n import remember_signed_out_language
from .models.base import utcnow
from .services import accounts, devices

PUBLIC = "public"
SIGNED_IN = "signed_in"
STAFF = tuple(sorted(STAFF_ROLES))
PUBLIC_ENDPOINTS = frozenset({"static"})
# How often requests move a session's last-seen time forward (a write each time). The
# stored time may then lag the last request by up to this much, so a session is idle only
# once the limit *and* this lag have passed: never before the limit (nor before the
# browser's warning), at most this much after it; the browser signs out on time.
TOUCH_EVERY = timedelta(seconds=60)
PUPIL_TOUCH_EVERY = timedelta(seconds=15)  # 5 idle minutes, warned 60 s before


def audience(*who: str) -> Callable:
    """Declare who may use a view: PUBLIC, SIGNED_IN, or role names."""
    allowed = frozenset(r for item in who for r in ((item,) if isinstance(item, str) else item))

    def decorate(view: Callable) -> Callable:
        view.audience = allowed  # type: ignore[attr-defined]
        return view

    return decorate


def enforce_audience():
    """before_request: refuse any route whose audience does not include this person."""
    if request.endpoint is None or request.endpoint in PUBLIC_ENDPOINTS:
        return None
    view = current_app.view_functions.get(request.endpoint)
    allowed = getattr(view, "audience", None)
    if not allowed:
        abort(404)
    if PUBLIC in allowed:
        return None
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if SIGNED_IN in allowed or current_user.role in allowed:
        return None
    abort(403)


def load_or_404(model: type, object_id: Any, action: str = "view"):
    """Load a row the current person may ``action``; anything else is a 404."""
    obj = db.session.get(model, object_id) if isinstance(object_id, int) else None
    return allowed_or_404(obj, action)


def allowed_or_404(obj: Any, action: str = "view"):
    """``obj`` when the current person may ``action`` it; a missing row or one they may
    not see is the same 404."""
    if obj is None or not can(current_user, action, obj):
        abort(404)
    return obj


def on_class_tablet() -> bool:
    """Whether this request comes from an enrolled class tablet: a pupil signed in on it
    (the pupil blueprint has checked the tablet), or the tablet itself before anyone signs
    in. Only there may a page ask the server to read a sentence aloud (A11Y-06)."""
    if current_user.is_authenticated:
        return current_user.role == PUPIL
    if "device" not in g:
        g.device = devices.find_active(request.cookies.get(devices.COOKIE))
    return g.device is not None


class Limits(NamedTuple):
    """A session's time limits (SEC-07). Last-seen is written at most every ``touch``, so
    the idle check allows that much lag on top of ``idle``."""

    idle: int  # seconds
    most: int  # seconds
    touch: timedelta


def limits_for(principal: Any) -> Limits:
    config = current_app.config
    if principal.role == PUPIL:
        return Limits(config["PUPIL_IDLE_SECONDS"], config["PUPIL_MAX_SECONDS"], PUPIL_TOUCH_EVERY)
    return Limits(config["STAFF_IDLE_SECONDS"], config["STAFF_MAX_SECONDS"], TOUCH_EVERY)


@login_manager.user_loader
def load_principal(token: str):
    """Flask-Login loader: the cookie names a server-side session, never a user id."""
    record = accounts.find_session(token)
    if record is None:
        return None
    principal = record.pupil if record.pupil_id else record.user  # loaded with the session
    if principal is None or not principal.is_active:
        return None
    limits = limits_for(principal)
    now, seen = utcnow(), record.last_seen_at
    if now - seen > timedelta(seconds=limits.idle) + limits.touch or (
        now - record.created_at > timedelta(seconds=limits.most)
    ):
        record.ended_at = now
        db.session.commit()
        session["timed_out"] = True
        if principal.role != PUPIL:  # the class tablet keeps its own language (item 2)
            remember_signed_out_language(principal.locale)
        return None
    if now - seen > limits.touch:
        record.last_seen_at = now
        db.session.commit()
    principal.session_token = token
    return principal


@login_manager.unauthorized_handler
def unauthorized():
    if request.blueprint == "pupil" and request.accept_mimetypes.best != "application/json":
        # A pupil whose session ended (idle, finished, tablet stopped) goes back to the
        # class list (which clears what is left in the browser), never to staff sign-in.
        return redirect(url_for("tablet.class_list"))
    if request.accept_mimetypes.best == "application/json":
        abort(401)
    if session.pop("timed_out", False):
        flash(_("You were signed out because nothing happened for a while."), "info")
    if request.method == "GET":
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
    # A form sent after the session ended (Send on a phone that slept): what was typed is
    # kept in the browser (issue 13, items 7 and 14), so sign in and come back to the page
    # the form was on. Without a page of this site to come back to: "Please sign in" (401).
    back = referrer_path()
    if back is None:
        abort(401)
    return redirect(url_for("auth.login", next=back), 303)


def referrer_path() -> str | None:
    """The path (and query) of the page of this site that sent this request, if it is a
    safe place to come back to (SEC-11); the Referer is same-origin only (SEC-13)."""
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc != request.host or referrer.scheme != request.scheme:
        return None
    back = referrer.path + (f"?{referrer.query}" if referrer.query else "")
    return back if is_safe_next(back) else None


# What a browser ignores or reads as a slash inside a URL (tab, newline, backslash, ...),
# and anything else that has no business in a path we made ourselves.
_UNSAFE_IN_NEXT = re.compile(r"[^\x21-\x7e]|\\")


def is_safe_next(target: str | None) -> bool:
    """SEC-11: only a path on this site. Browsers drop tabs and newlines from a URL and
    read a backslash as a slash, so "/%09/evil.example/" (a tab once decoded) would take
    them to "//evil.example/": refuse any such character outright, then require a plain
    "/path" (never "//host"), also after percent-decoding."""
    if not target or len(target) > 2000 or _UNSAFE_IN_NEXT.search(target):
        return False
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("//"):
        return False
    path = parts.path
    for _round in range(3):  # "%252F" is "%2F" after one decoding and "/" after two
        if not path.startswith("/") or path.startswith("//") or _UNSAFE_IN_NEXT.search(path):
            return False
        path, before = unquote(path), path
        if path == before:
            return True
    return False


def home_for(principal: Any) -> str:
    if principal.role == PUPIL:
        return url_for("pupil.home")
    if principal.role in STAFF_ROLES:
        return url_for("staff.home")
    return url_for("parent.home")
