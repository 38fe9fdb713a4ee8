"""Staff forms for the pupil's side: class tablets, picture passwords, closing worries."""

from __future__ import annotations

from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from ..domain import pictures
from ..forms import Form
from ..i18n import LANGUAGE_NAMES
from ..i18n import lazy_gettext as _l


class EnrolTabletForm(Form):
    class_id = SelectField(_l("Class"), coerce=int, choices=[])
    name = StringField(
        _l("A name for this tablet (optional)"),
        validators=[Optional(), Length(max=60, message=_l("Write at most %(max)d characters."))],
        description=_l("For example: Blue tablet, or Oak tablet 2."),
    )
    # Not required: without it the tablet takes the language of this page (see the view).
    language = SelectField(
        _l("Language on the tablet"),
        choices=[SelectChoice(code, name) for code, name in LANGUAGE_NAMES.items()],
        validate_choice=False,
        description=_l(
            "The names and every pupil start in this language. A pupil can choose another "
            "language for their own turn."
        ),
    )


def _picture_field(label):
    return RadioField(
        label,
        choices=[SelectChoice(name) for name in pictures.GRID],
        validators=[DataRequired(_l("Choose a picture."))],
        invalid_choice_message=_l("Choose a picture."),
    )


class PicturePasswordForm(Form):
    first = _picture_field(_l("First picture"))
    second = _picture_field(_l("Second picture"))
    third = _picture_field(_l("Third picture"))

    @property
    def picks(self) -> list[str]:
        return [self.first.data, self.second.data, self.third.data]


class CloseWorryForm(Form):
    action_taken = TextAreaField(
        _l("What we did"),
        validators=[
            DataRequired(_l("Write what was done, so others know the worry was dealt with.")),
            Length(max=2000, message=_l("Write at most %(max)d characters.")),
        ],
        description=_l("For example: Talked with Sam at lunch; moved seats; told parents."),
        render_kw={"rows": 3},
    )
