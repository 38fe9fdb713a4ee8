"""Moving school (issue 14, item 5): the SENCO downloads a leaving pupil's transfer file (a
zip another PupilVoice school imports, with the plan as a PDF for one that does not), and
imports a file from the pupil's old school. A pupil already here is matched only by their
pupil reference, and only when the SENCO ticks to add to them: nothing merged silently."""

from __future__ import annotations

import io
import json
import zipfile

from flask import flash, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, SelectField

from .. import copies, pdf
from ..access import audience, load_or_404
from ..domain.roles import SENCO
from ..export_zip import zip_response
from ..extensions import db
from ..forms import Form
from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from ..models import Plan, Pupil, School
from ..services import audit, transfer, transfer_in
from ..services import subject_export as export
from . import lookups
from .blueprint import bp


class TransferForm(Form):
    file = FileField(
        _l("Transfer file"),
        validators=[FileRequired(_l("Choose the transfer file (a .zip) from the old school."))],
        render_kw={"accept": ".zip,application/zip"},
    )
    class_id = SelectField(_l("Class"), coerce=int)
    add_to_existing = BooleanField(_l("Add this file to the pupil who is already here"))

    def __init__(self, *args, classes=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.class_id.choices = [(0, _l("No class yet"))] + [(c.id, c.name) for c in classes]


@bp.get("/pupils/<int:pupil_id>/transfer.zip")
@audience(SENCO)
def pupil_transfer(pupil_id: int):
    pupil = load_or_404(Pupil, pupil_id, "export")
    school = db.session.get(School, pupil.school_id)
    data = transfer.build(pupil, school.name)
    files = [("transfer.json", lambda: json.dumps(data, ensure_ascii=False, indent=1).encode())]
    files += [(s["file"], lambda s=s: export.sound(s["id"])) for s in data["recordings"]]
    plan = transfer.current_plan(pupil)
    if plan is not None and pdf.available():
        files.append(("plan.pdf", lambda plan_id=plan.id: _plan_pdf(plan_id)))
    audit.record(current_user, "transferred_out", pupil, transfer=data["id"])
    db.session.commit()
    return zip_response(files, f"transfer-{pupil.id}-{data['made_at'][:10]}.zip")


def _plan_pdf(plan_id: int) -> bytes:
    """The plan as a PDF, for a school without PupilVoice (made while the zip streams)."""
    return pdf.render(copies.render(db.session.get(Plan, plan_id), "staff"))


def _read(form: TransferForm) -> tuple[dict, dict[str, bytes]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(form.file.data.read()))
        data = json.loads(archive.read("transfer.json"))
        transfer_in.check(data)
        return data, {s["file"]: archive.read(s["file"]) for s in data.get("recordings", [])}
    except (zipfile.BadZipFile, KeyError, TypeError, ValueError) as problem:
        raise transfer_in.TransferError("file") from problem


def _import(form: TransferForm) -> tuple[Pupil | None, Pupil | None]:
    """(the pupil added, None), or (None, the pupil here with that reference) to ask first."""
    data, sounds = _read(form)
    school_id, form.from_school = current_user.school_id, data.get("from_school", "")
    matched = transfer_in.match(data, school_id)
    if transfer_in.already_imported(data, school_id):
        form.file.errors.append(_("This transfer file is already imported."))
        return None, None
    if matched is not None and not form.add_to_existing.data:
        return None, matched
    class_id = form.class_id.data or None
    return transfer_in.bring_in(current_user, data, sounds, class_id, matched), None


@bp.route("/pupils/transfer-in", methods=["GET", "POST"])
@audience(SENCO)
def transfer_import():
    form, pupil, matched = TransferForm(classes=lookups.classes()), None, None
    if form.validate_on_submit():
        try:
            pupil, matched = _import(form)
        except transfer_in.TransferError:
            db.session.rollback()
            form.file.errors.append(_("This is not a PupilVoice transfer file, or it is damaged."))
    if pupil is not None:
        db.session.commit()
        added = _(
            "%(name)s's file from %(school)s is added.",
            name=pupil.display_name,
            school=form.from_school,
        )
        flash(added + " " + _("Their plan is a draft for you to review."), "success")
        return redirect(url_for("admin.pupil_edit", pupil_id=pupil.id))
    page = render_template("admin/transfer.html", form=form, matched=matched)
    return page, 422 if form.errors or matched else 200
