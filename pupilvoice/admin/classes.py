"""Classes: list, create, edit (name, year group, staff), archive and restore."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from ..access import audience, load_or_404
from ..domain.roles import SENCO
from ..extensions import db
from ..i18n import gettext as _
from ..models import ClassGroup
from ..services import classes as class_service
from . import lookups
from .blueprint import bp
from .forms import ClassForm


@bp.get("/classes")
@audience(SENCO)
def classes():
    return render_template(
        "admin/classes.html",
        current=lookups.classes(),
        archived=lookups.classes(archived=True),
        pupil_counts=lookups.pupil_counts(),
    )


@bp.route("/classes/new", methods=["GET", "POST"])
@audience(SENCO)
def class_new():
    form = ClassForm(staff=lookups.staff(), taken=lookups.class_names())
    if form.validate_on_submit():
        group = class_service.create(current_user, **_values(form))
        db.session.commit()
        flash(_("The class %(name)s is saved.", name=group.name), "success")
        return redirect(url_for("admin.classes"))
    return render_template("admin/class_form.html", form=form, group=None)


@bp.route("/classes/<int:class_id>", methods=["GET", "POST"])
@audience(SENCO)
def class_edit(class_id: int):
    group = load_or_404(ClassGroup, class_id, "manage")
    others = [name for name in lookups.class_names() if name != group.name]
    form = ClassForm(obj=group, staff=lookups.staff(), taken=others)
    if not form.is_submitted():
        form.staff.data = [user.id for user in group.staff]
    if form.validate_on_submit():
        class_service.edit(current_user, group, **_values(form))
        db.session.commit()
        flash(_("The class %(name)s is saved.", name=group.name), "success")
        return redirect(url_for("admin.classes"))
    return render_template("admin/class_form.html", form=form, group=group)


@bp.post("/classes/<int:class_id>/archive")
@audience(SENCO)
def class_archive(class_id: int):
    group = load_or_404(ClassGroup, class_id, "manage")
    if not class_service.archive(current_user, group):
        flash(
            _("%(name)s still has pupils. Move them to another class first.", name=group.name),
            "error",
        )
        return redirect(url_for("admin.class_edit", class_id=group.id))
    db.session.commit()
    flash(_("The class %(name)s is archived.", name=group.name), "success")
    return redirect(url_for("admin.classes"))


@bp.post("/classes/<int:class_id>/restore")
@audience(SENCO)
def class_restore(class_id: int):
    group = load_or_404(ClassGroup, class_id, "manage")
    class_service.restore(current_user, group)
    db.session.commit()
    flash(_("The class %(name)s is back.", name=group.name), "success")
    return redirect(url_for("admin.classes"))


def _values(form: ClassForm) -> dict:
    return {
        "name": form.name.data,
        "year_group": form.year_group.data,
        "staff": lookups.staff_by_ids(form.staff.data or []),
    }
