"""Keeping records (issue 14, PRI-04): the SENCO sets how long the school keeps a pupil's
file after they leave, closed worries and recordings, and sees what the daily retention
run would remove today."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user
from wtforms import SelectField

from ..access import audience
from ..domain import retention as rules
from ..domain.roles import SENCO
from ..extensions import db
from ..forms import Form
from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from ..i18n import ngettext, today
from ..models import School
from ..privacy_labels import processing_record
from ..services import audit, retention
from .blueprint import bp

_CHOOSE = _l("Choose one of the options.")
_FIELDS = (
    "keep_sen_until_age",
    "keep_ehc_until_age",
    "keep_worries_years",
    "keep_recordings_months",
)


def _choices(numbers, word) -> list[tuple[int, str]]:
    return [(n, word(n)) for n in numbers]


def _age(n):
    return _("until they are %(age)s", age=n)


def _years(n):
    return ngettext("%(num)s year", "%(num)s years", n)


def _months(n):
    return ngettext("%(num)s month", "%(num)s months", n)


class RecordsForm(Form):
    keep_sen_until_age = SelectField(
        _l("A pupil's file with SEN support, after they leave"),
        coerce=int,
        invalid_choice_message=_CHOOSE,
    )
    keep_ehc_until_age = SelectField(
        _l("A pupil's file with an EHC plan, after they leave"),
        coerce=int,
        invalid_choice_message=_CHOOSE,
    )
    keep_worries_years = SelectField(
        _l("A worry, after it is closed"),
        coerce=int,
        invalid_choice_message=_CHOOSE,
        description=_l(
            "If a worry became a safeguarding concern, keep it in the safeguarding records too."
        ),
    )
    keep_recordings_months = SelectField(
        _l("A recording of a pupil's voice, after it is made"),
        coerce=int,
        invalid_choice_message=_CHOOSE,
        description=_l("What the pupil typed stays in their file."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.keep_sen_until_age.choices = _choices(rules.AGES, _age)
        self.keep_ehc_until_age.choices = _choices(rules.AGES, _age)
        self.keep_worries_years.choices = _choices(rules.WORRY_YEARS_RANGE, _years)
        self.keep_recordings_months.choices = _choices(rules.RECORDING_MONTHS_RANGE, _months)


def _due_here(school: School) -> dict[str, int]:
    return {d.kind: len(d.ids) for d in retention.due_in(school, today())}


@bp.route("/records", methods=["GET", "POST"])
@audience(SENCO)
def records():
    school = db.session.get(School, current_user.school_id)
    form = RecordsForm(obj=school)
    if form.validate_on_submit():
        changed = {
            name: form[name].data for name in _FIELDS if form[name].data != getattr(school, name)
        }
        for name, value in changed.items():
            setattr(school, name, value)
        if changed:
            audit.record(current_user, "retention_changed", school, **changed)
        db.session.commit()
        flash(_("How long records are kept is saved."), "success")
        return redirect(url_for("admin.records"))
    page = render_template("admin/records.html", form=form, due=_due_here(school))
    return page, 422 if form.errors else 200


@bp.get("/records/processing")
@audience(SENCO)
def processing():
    """The record of processing, for the school's data protection officer (printable)."""
    school = db.session.get(School, current_user.school_id)
    return render_template("admin/processing.html", rows=processing_record(), school=school)
