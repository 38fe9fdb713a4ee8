"""Forms of a review: the meeting's date, time and place; each target's outcome; the
pupil's comment and who took part. Each binds only the fields it declares (SEC-12)."""

from __future__ import annotations

from typing import Any

from wtforms import (
    DateField,
    IntegerField,
    RadioField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, Length, Optional

from ..admin.forms import AT_MOST, options
from ..domain import reviews as rules
from ..domain.plans import MAX_SHORT_TEXT, MAX_TEXT
from ..forms import DateInput, Form, HiddenInput, TextArea, TextInput
from ..i18n import lazy_gettext as _l
from ..plan_labels import ATTENDANCE_LABELS, OUTCOME_LABELS
from .plan_forms import DATE, VersionedForm, _strip


class MeetingForm(Form):
    meets_on = DateField(
        _l("Date of the meeting"),
        validators=[DataRequired(DATE)],
        invalid_value_message=DATE,
        widget=DateInput(),
    )
    meets_at = TimeField(
        _l("Time"),
        validators=[Optional()],
        invalid_value_message=_l("Write a time, like 15:30."),
    )
    place = StringField(
        _l("Place"),
        validators=[Length(max=MAX_SHORT_TEXT, message=AT_MOST)],
        description=_l("e.g. “The library, by the main office”"),
        filters=[_strip],
        widget=TextInput(),
    )


def _long(label, hint="") -> TextAreaField:
    return TextAreaField(
        label,
        validators=[Length(max=MAX_TEXT, message=AT_MOST)],
        description=hint,
        filters=[_strip],
        widget=TextArea(),
    )


class OutcomeForm(VersionedForm):
    """One target's outcome. It carries the plan's version: a second person recording the
    same target meanwhile gets both versions to choose from (REL-02)."""

    FIELDS = ("outcome", "outcome_note", "next_step")

    outcome = RadioField(
        _l("Outcome"),
        choices=options((code, OUTCOME_LABELS[code]) for code in rules.OUTCOMES),
        validators=[DataRequired(_l("Choose achieved, partly achieved or not yet."))],
    )
    outcome_note = _long(_l("What worked"), _l("e.g. “Daily 10-minute reading with Mrs Evans.”"))
    next_step = _long(_l("Next step"), _l("e.g. “Carry on, and add two-syllable words.”"))


class MeetingRecordForm(Form):
    """The pupil's comment in their own words (typed by an adult), and how each person
    took part: one radio group a person, named "attend-pupil", "attend-parent-<id>",
    read by the view for the people the page offered (``reviews.record_meeting`` keeps
    only known choices)."""

    version = IntegerField(widget=HiddenInput(), validators=[Optional()])
    pupil_comment = _long(
        _l("What the pupil says, in their own words"),
        _l("Type exactly what they say, e.g. “I like reading to Mrs Evans now.”"),
    )


ATTENDANCE_CHOICES: list[tuple[str, Any]] = [
    (code, ATTENDANCE_LABELS[code]) for code in rules.ATTENDANCE
]
