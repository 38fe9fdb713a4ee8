"""The provision catalogue's form: a provision's numbers, areas of need and cost."""

from __future__ import annotations

from typing import Any

from wtforms import RadioField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange

from ..admin.forms import AT_MOST, CHOOSE, options
from ..domain.need_areas import NEED_AREAS, known
from ..domain.plans import MAX_SHORT_TEXT
from ..domain.provision_costs import COST_KINDS, PER_SESSION
from ..forms import Form, IntegerField, NumberInput, TextInput
from ..i18n import lazy_gettext as _l
from ..plan_labels import FIELD_HINTS, FIELD_LABELS
from ..provision_labels import COST_KIND_LABELS, NEED_AREA_LABELS
from .plan_forms import BETWEEN, MONEY_RANGE, WHOLE_NUMBER, PenceField, _strip


def _text(label: Any, required: Any = None, hint: Any = "") -> StringField:
    validators: list = [DataRequired(required)] if required else []
    validators.append(Length(max=MAX_SHORT_TEXT, message=AT_MOST))
    return StringField(
        label, validators=validators, widget=TextInput(), description=hint, filters=[_strip]
    )


def _number(name: str, most: int, required: Any) -> IntegerField:
    return IntegerField(
        FIELD_LABELS[name],
        validators=[InputRequired(required), NumberRange(min=1, max=most, message=BETWEEN)],
        description=FIELD_HINTS[name],
        invalid_value_message=WHOLE_NUMBER,
        render_kw={"inputmode": "numeric"},
        widget=NumberInput(),
    )


class ProvisionForm(Form):
    name = _text(
        _l("Name of the provision"),
        _l("Write the provision's name."),
        _l("e.g. Phonics catch-up group, or 1:1 reading."),
    )
    provider = _text(FIELD_LABELS["provider"], hint=FIELD_HINTS["provider"])
    group_size = _number("group_size", 40, _l("Write how many pupils are in a group."))
    sessions_per_week = _number("sessions_per_week", 20, _l("Write the sessions a week."))
    minutes_per_session = _number("minutes_per_session", 300, _l("Write the minutes."))
    weeks = _number("weeks", 52, _l("Write the number of weeks."))
    location = _text(FIELD_LABELS["location"], hint=FIELD_HINTS["location"])
    need_areas = SelectMultipleField(
        _l("Areas of need it serves"),
        choices=options((code, NEED_AREA_LABELS[code]) for code in NEED_AREAS),
        validate_choice=True,
    )
    cost_kind = RadioField(
        _l("How it is costed"),
        choices=options((kind, COST_KIND_LABELS[kind]) for kind in COST_KINDS),
        default=PER_SESSION,
        validators=[InputRequired(CHOOSE)],
    )
    cost_pence = PenceField(
        _l("Cost (£)"),
        validators=[
            InputRequired(_l("Write the cost, like 6.50.")),
            NumberRange(min=0, max=1_000_000, message=MONEY_RANGE),
        ],
        description=_l("For one session, or for one hour of staff time."),
        invalid_value_message=_l("Write an amount in pounds, like 6.50."),
        render_kw={"inputmode": "decimal"},
        widget=NumberInput(step="any"),
    )

    def values(self) -> dict[str, Any]:
        found = {
            name: self[name].data
            for name in (
                "name",
                "provider",
                "group_size",
                "sessions_per_week",
                "minutes_per_session",
                "weeks",
                "location",
                "cost_kind",
                "cost_pence",
            )
        }
        found["provider"] = found["provider"] or ""
        found["location"] = found["location"] or ""
        found["need_areas"] = known(self.need_areas.data or [])
        return found
