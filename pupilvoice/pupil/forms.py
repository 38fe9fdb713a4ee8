"""Forms on the class tablet. Pupils tap, and may type their own words; adults type
their staff e-mail and password to help, which never starts a staff session there."""

from __future__ import annotations

from flask_wtf.file import FileField
from wtforms import (
    EmailField,
    HiddenField,
    PasswordField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from ..domain import recording_quota
from ..forms import Form
from ..i18n import lazy_gettext as _l


class PictureForm(Form):
    """One tap on the picture grid. The picks so far travel in a hidden field, so the
    page works without JavaScript; nothing is saved until the third pick."""

    picks = HiddenField()
    pick = HiddenField()  # set by the tapped button's name/value


class StaffCheckForm(Form):
    """An adult proves who they are on the tablet without starting a staff session there."""

    email = EmailField(
        _l("Your school e-mail address"),
        validators=[
            DataRequired(_l("Type your e-mail address.")),
            Length(max=254, message=_l("Write at most %(max)d characters.")),
        ],
        render_kw={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"},
    )
    password = PasswordField(
        _l("Your password"),
        validators=[DataRequired(_l("Type your password.")), Length(max=256)],
        render_kw={"autocomplete": "off"},
    )
    code = StringField(
        _l("Code from your app"),
        validators=[Optional(), Length(max=40)],
        description=_l("Only if you use two-step sign-in."),
        render_kw={"autocomplete": "off", "inputmode": "numeric"},
    )


class AssistForm(StaffCheckForm):
    pupil = SelectField(_l("Pupil"), coerce=int, choices=[])
    helping = RadioField(
        _l("How is the pupil working today?"),
        choices=[
            SelectChoice("yes", _l("I am helping them")),
            SelectChoice("no", _l("They are working on their own")),
        ],
        default="yes",
    )


class PlaceForm(Form):
    """Where a card goes: set by the tapped button's name/value (like, unsure, dislike,
    or skip)."""

    place = HiddenField()


RECORDING_PROBLEMS = {
    "too-big": _l("That recording is too long. Please make a shorter one."),
    "not-audio": _l("We could not use that recording. Please try again."),
    # the school's store being full is the pupil's box being full, to the pupil
    recording_quota.PUPIL_FULL: _l(
        "Your talking box is full. Please ask an adult. You can still type."
    ),
    recording_quota.SCHOOL_FULL: _l(
        "Your talking box is full. Please ask an adult. You can still type."
    ),
    recording_quota.TOO_FAST: _l(
        "That is a lot of recordings! Please wait a minute, then try again."
    ),
}


class WordsForm(Form):
    """The pupil's own words, typed or recorded. Empty is fine: saying nothing more is
    allowed. The recording is checked by its content in the view (SEC-15)."""

    words = TextAreaField(
        _l("Your words"),
        validators=[
            Optional(),
            Length(max=1000, message=_l("That is a lot of words! Please make it a bit shorter.")),
        ],
        render_kw={"rows": 5, "spellcheck": "true", "autocapitalize": "sentences"},
    )
    recording = FileField(_l("Or say it out loud"), render_kw={"accept": "audio/*"})


NOTHING_SAID = _l("Please finish the sentence, or say it out loud. An adult can help you.")


class ProposalForm(WordsForm):
    """An "I can..." idea needs words or a recording (checked in the view, which reads
    the recording)."""

    words = TextAreaField(
        _l("Finish the sentence"),
        validators=[
            Length(max=1000, message=_l("That is a lot of words! Please make it a bit shorter.")),
        ],
        render_kw={"rows": 4, "spellcheck": "true", "autocapitalize": "none"},
    )


class RateForm(Form):
    """One tap on a face: set by the tapped button's name/value."""

    level = HiddenField()
