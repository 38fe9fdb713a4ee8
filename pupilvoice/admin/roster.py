"""Import and export of the school roster CSV: classes, pupils and parents.

Upload → preview (every bad row named, nothing written) → confirm, which checks the same
text again and imports all of it or nothing. The preview keeps no state on the server:
the confirm form sends the file's text back.
"""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, url_for
from flask_login import current_user

from ..access import audience
from ..domain import roster_csv
from ..domain.people import AVATARS, RELATIONSHIPS
from ..domain.roles import SENCO
from ..extensions import db
from ..i18n import gettext as _
from ..models.base import utcnow
from ..services import roster as roster_service
from .blueprint import bp
from .forms import RosterConfirmForm, RosterUploadForm
from .messages import describe


@bp.get("/roster")
@audience(SENCO)
def roster():
    return _upload_page(RosterUploadForm())


@bp.post("/roster/preview")
@audience(SENCO)
def roster_preview():
    form = RosterUploadForm()
    if not form.validate_on_submit():
        return _upload_page(form), 400
    plan = roster_service.plan(current_user.school, form.roster)
    confirm = RosterConfirmForm(formdata=None, text=form.text)
    return _preview_page(plan, confirm)


@bp.post("/roster/import")
@audience(SENCO)
def roster_import():
    form = RosterConfirmForm()
    if not form.validate_on_submit():
        flash(_("Something went wrong with the file. Please choose it again."), "error")
        return _upload_page(RosterUploadForm(formdata=None)), 400
    plan = roster_service.apply(current_user, current_user.school, form.roster)
    if not plan.ok:
        db.session.rollback()
        return _preview_page(plan, form), 409
    db.session.commit()
    flash(_("The file is imported: %(count)d rows.", count=len(plan.roster.rows)), "success")
    return redirect(url_for("admin.roster"))


@bp.get("/roster/template.csv")
@audience(SENCO)
def roster_template():
    return _csv(roster_csv.to_csv(roster_csv.EXAMPLE), "pupilvoice-roster-template.csv")


@bp.get("/roster/export.csv")
@audience(SENCO)
def roster_export():
    text = roster_service.export_csv(current_user, current_user.school)
    db.session.commit()  # the audit event of the export
    return _csv(text, f"pupilvoice-roster-{utcnow():%Y-%m-%d}.csv")


def _upload_page(form: RosterUploadForm) -> str:
    return render_template(
        "admin/roster.html",
        form=form,
        columns=roster_csv.COLUMNS,
        example=roster_csv.to_csv(roster_csv.EXAMPLE).removeprefix(roster_csv.BOM),
        avatars=AVATARS,
        relationships=RELATIONSHIPS,
    )


def _preview_page(plan: roster_service.Plan, confirm: RosterConfirmForm) -> str:
    return render_template(
        "admin/roster_preview.html",
        plan=plan,
        problems=[describe(problem) for problem in plan.problems],
        confirm=confirm,
    )


def _csv(text: str, filename: str) -> Response:
    response = Response(text, mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
