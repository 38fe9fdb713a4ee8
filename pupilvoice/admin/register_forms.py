"""Forms of the SEN register: a pupil's stage, needs and date reviewed (on the pupil's page)
and the register's filters (a GET form)."""

from __future__ import annotations

from typing import Any

from wtforms import SelectField, ValidationError
from wtforms.fields import DateField
from wtforms.validators import Optional

from ..domain.sen_register import AREAS, REGISTER_STAGES, needs_in, needs_problem
from ..i18n import lazy_gettext as _l
from ..labels import AREA_LABELS, STAGE_LABELS, need_label
from .forms import CHOOSE, PupilFilterForm, PupilForm, options

NEED_PROBLEMS = {
    "need_off_register": _l(
        "A pupil who is not on the SEN register has no need here. Choose a stage, "
        "or leave the needs empty."
    ),
    "secondary_without_primary": _l("Choose a primary need first."),
    "same_need_twice": _l("Choose a different secondary need, or none."),
}


def need_choices(empty) -> dict:
    """The census needs grouped under their broad areas (an <optgroup> each)."""
    groups = {"": [("", empty)]}
    for area in AREAS:
        groups[str(AREA_LABELS[area])] = [(code, need_label(code)) for code in needs_in(area)]
    return groups


class PupilRegisterForm(PupilForm):
    """The pupil's page: their details and their place on the SEN register."""

    primary_need = SelectField(_l("Primary need"), invalid_choice_message=CHOOSE)
    secondary_need = SelectField(_l("Secondary need"), invalid_choice_message=CHOOSE)
    sen_reviewed_on = DateField(
        _l("Last reviewed"),
        validators=[Optional()],
        description=_l("The date of the last review of the pupil's SEN support."),
        render_kw={"autocomplete": "off"},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.primary_need.choices = need_choices(_l("No need recorded"))
        self.secondary_need.choices = need_choices(_l("No secondary need"))
        self.sen_reviewed_on.messages = {"invalid": _l("Write a date like 2026-09-01.")}

    def validate_primary_need(self, field) -> None:
        self._check_needs("need_off_register")

    def validate_secondary_need(self, field) -> None:
        self._check_needs("secondary_without_primary", "same_need_twice")

    def _check_needs(self, *mine: str) -> None:
        stage, primary, secondary = (
            self.sen_stage.data,
            self.primary_need.data,
            self.secondary_need.data,
        )
        problem = needs_problem(stage, primary, secondary)
        if problem in mine:
            raise ValidationError(NEED_PROBLEMS[problem])

    def values(self) -> dict[str, Any]:
        values = super().values()
        values.pop("sen_stage", None)
        return values

    def register_values(self) -> dict[str, Any]:
        return {
            "stage": self.sen_stage.data,
            "primary": self.primary_need.data or None,
            "secondary": self.secondary_need.data or None,
            "reviewed_on": self.sen_reviewed_on.data,
        }


class RegisterFilterForm(PupilFilterForm):
    """The filters above the register: class, stage (on the register only) and need."""

    need = SelectField(_l("Need"), validate_choice=False)

    def __init__(self, formdata, classes=()) -> None:
        super().__init__(formdata, classes=classes)
        del self.show
        self.stage.choices = options(
            [("", _l("Both stages"))] + [(code, STAGE_LABELS[code]) for code in REGISTER_STAGES]
        )
        groups = need_choices(_l("Any need"))
        for area in AREAS:
            label = str(AREA_LABELS[area])
            groups[label] = [(area, _l("Any need in this area"))] + groups[label]
        self.need.choices = groups
