"""Pupils: list with filters, add, edit, archive and restore. No photos and no dates of
birth: a first name, a surname initial and a chosen picture are enough (PRI-01)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..access import audience, load_or_404
from ..domain.roles import SENCO
from ..extensions import db
from ..i18n import gettext as _
from ..models import Pupil
from ..paging import asked_page, asked_search
from ..services import pupils as pupil_service
from ..services import sen_register
from . import lookups
from .blueprint import bp
from .forms import PupilFilterForm
from .register_forms import PupilRegisterForm

PER_PAGE = 50


@bp.get("/pupils")
@audience(SENCO)
def pupils():
    """The school's pupils, a page at a time, narrowed by class, stage and name."""
    filters = PupilFilterForm(request.args, classes=lookups.class_choices())
    found, page = lookups.pupils_page(
        class_id=filters.class_id.data or "",
        stage=filters.stage.data or "",
        archived=filters.show.data == "archived",
        name=asked_search(),
        number=asked_page(),
        size=PER_PAGE,
    )
    return render_template("admin/pupils.html", pupils=found, page=page, filters=filters)


@bp.route("/pupils/new", methods=["GET", "POST"])
@audience(SENCO)
def pupil_new():
    form = PupilRegisterForm(classes=lookups.classes())
    if form.validate_on_submit():
        pupil = pupil_service.create(current_user, form.values())
        sen_register.change(current_user, pupil, **form.register_values())
        db.session.commit()
        flash(_("%(name)s is added.", name=pupil.display_name), "success")
        return redirect(url_for("admin.pupils"))
    return render_template("admin/pupil_form.html", form=form, pupil=None)


@bp.route("/pupils/<int:pupil_id>", methods=["GET", "POST"])
@audience(SENCO)
def pupil_edit(pupil_id: int):
    pupil = load_or_404(Pupil, pupil_id, "manage")
    form = PupilRegisterForm(obj=pupil, classes=lookups.classes())
    if form.validate_on_submit():
        pupil_service.edit(current_user, pupil, form.values())
        sen_register.change(current_user, pupil, **form.register_values())
        db.session.commit()
        flash(_("The changes to %(name)s are saved.", name=pupil.display_name), "success")
        return redirect(url_for("admin.pupils"))
    history = sen_register.history(pupil)
    return render_template("admin/pupil_form.html", form=form, pupil=pupil, history=history)


@bp.post("/pupils/<int:pupil_id>/archive")
@audience(SENCO)
def pupil_archive(pupil_id: int):
    pupil = load_or_404(Pupil, pupil_id, "manage")
    pupil_service.archive(current_user, pupil)
    db.session.commit()
    flash(_("%(name)s is archived.", name=pupil.display_name), "success")
    return redirect(url_for("admin.pupils"))


@bp.post("/pupils/<int:pupil_id>/restore")
@audience(SENCO)
def pupil_restore(pupil_id: int):
    pupil = load_or_404(Pupil, pupil_id, "manage")
    pupil_service.restore(current_user, pupil)
    db.session.commit()
    flash(_("%(name)s is back on the pupil list.", name=pupil.display_name), "success")
    return redirect(url_for("admin.pupil_edit", pupil_id=pupil.id))
