"""Import and export of the school roster CSV: classes, pupils and parents.

Upload → preview (every bad row named, every doubtful pupil asked about, nothing written)
→ answer the questions, if any → confirm, which checks the same text and answers again and
imports all of it or nothing. The preview keeps no state on the server: its forms send the
file's text (and the answers so far) back.
"""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..access import audience
from ..domain import roster_csv
from ..domain.people import AVATARS, RELATIONSHIPS
from ..domain.roles import SENCO
from ..domain.roster_headers import ALIASES
from ..extensions import db
from ..i18n import gettext as _
from ..models.base import utcnow
from ..services import roster as roster_service
from ..services import roster_export as export_service
from .blueprint import bp
from .forms import RosterConfirmForm, RosterUploadForm
from .messages import describe
from .roster_display import changed_values, question_view

MAX_ANSWERS = 1000


@bp.get("/roster")
@audience(SENCO)
def roster():
    return _upload_page(RosterUploadForm())


@bp.post("/roster/preview")
@audience(SENCO)
def roster_preview():
    form = RosterUploadForm()
    if not form.validate_on_submit():
        return _upload_page(form)
    plan = roster_service.plan(current_user.school, form.roster)
    return _preview_page(plan, RosterConfirmForm(formdata=None, text=form.text))


@bp.post("/roster/answer")
@audience(SENCO)
def roster_answer():
    """The preview again, with the SENCO's answers about doubtful pupils."""
    form = RosterConfirmForm()
    if not form.validate_on_submit():
        return _start_again()
    plan = roster_service.plan(current_user.school, form.roster, _answers())
    return _preview_page(plan, form, asked=True), 200 if plan.ready or not plan.ok else 400


@bp.post("/roster/import")
@audience(SENCO)
def roster_import():
    form = RosterConfirmForm()
    if not form.validate_on_submit():
        return _start_again()
    plan = roster_service.apply(current_user, current_user.school, form.roster, _answers())
    if not plan.ready:
        db.session.rollback()
        return _preview_page(plan, form, asked=True), 409
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
    text = export_service.export_csv(current_user, current_user.school)
    db.session.commit()  # the audit event of the export
    return _csv(text, f"pupilvoice-roster-{utcnow():%Y-%m-%d}.csv")


def _answers() -> dict[str, str]:
    """ "pupil-<row>": "new" or a pupil id, as the preview's radio buttons send them;
    the service keeps only answers that name one of the question's candidates."""
    pairs = request.form.items()
    found = {name: value for name, value in pairs if name.startswith("pupil-")}
    return dict(list(found.items())[:MAX_ANSWERS])


def _start_again():
    flash(_("Something went wrong with the file. Please choose it again."), "error")
    return _upload_page(RosterUploadForm(formdata=None)), 400


def _upload_page(form: RosterUploadForm) -> str:
    return render_template(
        "admin/roster.html",
        form=form,
        columns=roster_csv.COLUMNS,
        aliases={
            column: ", ".join(name.replace("_", " ") for name in names if name != column)
            for column, names in ALIASES.items()
        },
        example=roster_csv.to_csv(roster_csv.EXAMPLE).removeprefix(roster_csv.BOM),
        avatars=AVATARS,
        relationships=RELATIONSHIPS,
    )


def _preview_page(
    plan: roster_service.Plan, confirm: RosterConfirmForm, asked: bool = False
) -> str:
    return render_template(
        "admin/roster_preview.html",
        plan=plan,
        problems=[describe(problem) for problem in plan.problems],
        questions=[question_view(question, asked) for question in plan.questions],
        changed_values=changed_values,
        confirm=confirm,
    )


def _csv(text: str, filename: str) -> Response:
    response = Response(text, mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
