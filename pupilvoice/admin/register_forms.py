"""Forms of the SEN register: a pupil's stage, needs and date reviewed (on the pupil's page)
and the register's filters (a GET form)."""

from __future__ import annotations

from typing import Any

from wtforms import SelectChoice, SelectField, ValidationError
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


def need_choices(empty, whole_areas: bool = False) -> list[SelectChoice]:
    """The census needs grouped under their broad areas (an <optgroup> each), after the
    empty choice; with ``whole_areas``, each group starts with the area itself (any need in it)."""
    choices = [SelectChoice("", empty)]
    for area in AREAS:
        group = str(AREA_LABELS[area])
        if whole_areas:
            choices.append(SelectChoice(area, group, optgroup=group))
        choices += [SelectChoice(code, need_label(code), optgroup=group) for code in needs_in(area)]
    return choices


def _code(value) -> str:
    """No need (None, or a field the request left out) is the empty choice."""
    return value or ""


def _need_field(label) -> SelectField:
    return SelectField(label, coerce=_code, invalid_choice_message=CHOOSE)


class PupilRegisterForm(PupilForm):
    """The pupil's page: their details and their place on the SEN register."""

    primary_need = SelectField(_l("Primary need"), coerce=_code, invalid_choice_message=CHOOSE)
    secondary_need = SelectField(_l("Secondary need"), coerce=_code, invalid_choice_message=CHOOSE)
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
        for need in (self.primary_need, self.secondary_need):
            need.data = need.data or ""  # None: none recorded, or left out of the request
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
        self.need.choices = need_choices(_l("Any need"), whole_areas=True)
