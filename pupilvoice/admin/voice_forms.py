"""SENCO forms for the pupil's voice: About me cards and the worry word list."""

from __future__ import annotations

from wtforms import BooleanField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..forms import Form
from ..i18n import lazy_gettext as _l


class TopicCardForm(Form):
    word = StringField(
        _l("Word on the card"),
        validators=[
            DataRequired(_l("Write the word pupils see, for example Swimming.")),
            Length(max=60, message=_l("Write at most %(max)d characters.")),
        ],
        description=_l("One or two short words a young child knows."),
    )
    symbol = RadioField(
        _l("Picture"),
        choices=[],
        validators=[DataRequired(_l("Choose a picture."))],
        invalid_choice_message=_l("Choose a picture."),
    )
    tell_staff_if_disliked = BooleanField(
        _l("Tell the class teacher and me when a pupil does not like this card")
    )


class WorryWordsForm(Form):
    words = TextAreaField(
        _l("Words and phrases, one a line"),
        validators=[Length(max=6000, message=_l("Write at most %(max)d characters."))],
        description=_l(
            "When a pupil does not like something and their own words contain one of these, "
            "or someone's name, the class teacher and the SENCO are told."
        ),
        render_kw={"rows": 14},
    )
