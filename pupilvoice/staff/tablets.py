"""Class tablets for staff: put this device into class mode, see and stop enrolled tablets."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, session, url_for
from flask_login import current_user, logout_user
from wtforms.fields.choices import SelectChoice

from ..access import STAFF, audience, load_or_404
from ..domain.permissions import can
from ..extensions import db
from ..i18n import LANGUAGE_NAMES, chosen_language
from ..i18n import gettext as _
from ..models import ClassGroup, Device
from ..services import accounts, devices
from .forms import EnrolTabletForm
from .routes import bp, visible_classes


def _enrol_form(classes) -> EnrolTabletForm:
    form = EnrolTabletForm(language=chosen_language())
    form.class_id.choices = [
        SelectChoice(group.id, group.name)
        for group in classes
        if can(current_user, "enrol_tablet", group)
    ]
    return form


@bp.get("/tablets")
@audience(STAFF)
def tablets():
    classes = visible_classes()
    enrolled = devices.active_for_classes(group.id for group in classes)
    here = devices.find_active(request.cookies.get(devices.COOKIE))
    return render_template(
        "staff/tablets.html",
        classes=classes,
        enrolled=enrolled,
        here=here,
        form=_enrol_form(classes),
        idle_since=devices.idle_since(),
    )


@bp.post("/tablets/enrol")
@audience(STAFF)
def enrol_tablet():
    """Turn the device this request comes from into the class tablet, and sign the
    member of staff out on it, so no staff session is left on a device children share."""
    classes = visible_classes()
    form = _enrol_form(classes)
    if not form.validate_on_submit():
        enrolled = devices.active_for_classes(group.id for group in classes)
        return render_template(
            "staff/tablets.html",
            classes=classes,
            enrolled=enrolled,
            here=None,
            form=form,
            idle_since=devices.idle_since(),
        )
    group = load_or_404(ClassGroup, form.class_id.data, "enrol_tablet")
    previous = devices.find_any(request.cookies.get(devices.COOKIE))
    if previous is not None and previous.school_id != current_user.school_id:
        previous = None
    language = form.language.data
    if language not in LANGUAGE_NAMES:
        language = chosen_language()
    raw = devices.enrol(group, current_user, form.name.data or "", language, replacing=previous)
    accounts.end_session(current_user.get_id())
    db.session.commit()
    lang = session.get("lang")
    logout_user()
    session.clear()
    if lang:
        session["lang"] = lang
    response = redirect(url_for("tablet.class_list"))
    response.set_cookie(
        devices.COOKIE,
        raw,
        max_age=devices.COOKIE_MAX_AGE,
        secure=True,
        httponly=True,
        samesite="Lax",
        path="/",
    )
    # Staff pages may be in this browser's cache: clear it, but keep the cookies,
    # or the new device cookie would go with them.
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response


@bp.post("/tablets/<int:device_id>/revoke")
@audience(STAFF)
def revoke_tablet(device_id: int):
    device = load_or_404(Device, device_id, "revoke")
    if device.is_active:
        devices.revoke(device, current_user)
        db.session.commit()
        flash(_("%(name)s is no longer a class tablet.", name=device.name), "success")
    return redirect(url_for("staff.tablets"))
