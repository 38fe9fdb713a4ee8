"""Forms of the group pages: a new group with its members, a member to add, and a common
target (the target form without the pupil's own words: each member has their own)."""

from __future__ import annotations

from typing import Any

from wtforms import SelectField, SelectMultipleField, StringField, ValidationError
from wtforms.validators import DataRequired, Length
from wtforms.widgets import CheckboxInput, ListWidget

from ..admin.forms import AT_MOST, CHOOSE, options
from ..domain import groups as rules
from ..forms import Form, Select, TextInput
from ..i18n import lazy_gettext as _l
from .plan_forms import TargetForm, _strip


def _pupil_choices(pupils) -> list:
    return options((pupil.id, pupil.display_name) for pupil in pupils)


def _name() -> StringField:
    return StringField(
        _l("Name of the group"),
        validators=[DataRequired(_l("Write the group's name.")), Length(max=120, message=AT_MOST)],
        description=_l("Staff see it, families never do, e.g. “Year 2 phonics, Tuesday”."),
        filters=[_strip],
        widget=TextInput(),
    )


class GroupForm(Form):
    name = _name()
    members = SelectMultipleField(
        _l("Who is in the group"),
        coerce=int,
        choices=[],
        validate_choice=True,
        description=_l("Pupils with similar needs who will work on the same targets."),
        widget=ListWidget(prefix_label=False),  # boxes to tick: the summary links the first
        option_widget=CheckboxInput(),
    )

    def __init__(self, *args: Any, pupils=(), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.members.choices = _pupil_choices(pupils)

    def validate_members(self, field) -> None:
        problem = rules.members_problem(field.data or [])
        if problem == "too_few":
            raise ValidationError(
                _l("Choose at least %(num)d pupils taught together.", num=rules.MIN_MEMBERS)
            )
        if problem == "too_many":
            raise ValidationError(_l("Choose at most %(num)d pupils.", num=rules.MAX_MEMBERS))


class RenameForm(Form):
    name = _name()


class MemberForm(Form):
    pupil_id = SelectField(
        _l("Pupil to add"),
        coerce=int,
        choices=[],
        validate_choice=True,
        invalid_choice_message=CHOOSE,
        widget=Select(),
    )

    def __init__(self, *args: Any, pupils=(), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pupil_id.choices = _pupil_choices(pupils)


class CommonTargetForm(TargetForm):
    """A common target: the target form's fields, checkers and provision, without the
    pupil's own words or a reason for a fifth target (those belong to each member)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, words_locked=True, needs_reason=False, **kwargs)
