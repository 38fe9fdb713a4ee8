"""A pupil's page for staff, and the pupil's picture password (set, reset, unlock)."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..access import STAFF, audience, load_or_404
from ..domain import pictures
from ..extensions import db
from ..models import Pupil
from ..services import tablet
from ..voice_labels import PICTURE_NAMES
from .forms import PicturePasswordForm
from .routes import bp


@bp.get("/pupils/<int:pupil_id>")
@audience(STAFF)
def pupil(pupil_id: int):
    child = load_or_404(Pupil, pupil_id, "work_with")
    return render_template("staff/pupil.html", pupil=child, picture_key=tablet.picture_key(child))


@bp.route("/pupils/<int:pupil_id>/pictures", methods=["GET", "POST"])
@audience(STAFF)
def pupil_pictures(pupil_id: int):
    """Choose the pupil's three pictures; the card to print is shown once, straight away
    (only a hash is kept, so a lost card means choosing again)."""
    child = load_or_404(Pupil, pupil_id, "set_pictures")
    form = PicturePasswordForm()
    if form.validate_on_submit():
        tablet.set_pictures(child, form.picks, current_user)
        db.session.commit()
        return render_template(
            "staff/picture_card.html", pupil=child, picks=form.picks, picture_names=PICTURE_NAMES
        )
    if not form.is_submitted():
        form.first.data, form.second.data, form.third.data = pictures.suggestion()
    return render_template(
        "staff/pupil_pictures.html",
        pupil=child,
        form=form,
        picture_names=PICTURE_NAMES,
        picture_key=tablet.picture_key(child),
    )


@bp.post("/pupils/<int:pupil_id>/pictures/unlock")
@audience(STAFF)
def unlock_pictures(pupil_id: int):
    child = load_or_404(Pupil, pupil_id, "set_pictures")
    if tablet.unlock(child, current_user):
        db.session.commit()
        flash(
            _("%(name)s can sign in with their pictures again.", name=child.first_name), "success"
        )
    return redirect(url_for("staff.pupil", pupil_id=child.id))
