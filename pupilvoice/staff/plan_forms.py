"""Forms of the plan editor, the target bank, the glossary and the dashboard's filters.
Each binds only the fields it declares (SEC-12); labels and hints come from plan_labels,
so the version history names fields the same way."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from wtforms import (
    DateField,
    SelectField,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..admin.forms import AT_MOST, CHOOSE, options
from ..domain.plans import AREAS, MAX_LONG_TEXT, MAX_SHORT_TEXT, MAX_TEXT
from ..forms import (
    DateInput,
    DecimalField,
    Form,
    HiddenInput,
    IntegerField,
    NumberInput,
    Select,
    TextArea,
    TextInput,
)
from ..i18n import lazy_gettext as _l
from ..plan_labels import AREA_LABELS, FIELD_HINTS, FIELD_LABELS
from ..services.plans import PLAN_FIELDS, TARGET_FIELDS

WHOLE_NUMBER = _l("Write a whole number, like 3.")
BETWEEN = _l("Write a number from %(min)s to %(max)s.")
DATE = _l("Write a date, like 14/03/2027.")
MONEY_RANGE = _l("Write an amount up to £10,000.")
MAX_MEASURE = 100_000


# --- fields ----------------------------------------------------------------------------------


def _strip(value: Any) -> Any:
    """Trim text, with browsers' CRLF line ends as plain newlines (so saves compare alike)."""
    return value.replace("\r\n", "\n").strip() if isinstance(value, str) else value


def _text(name: str, longest: int = MAX_TEXT, required: Any = None, **kwargs) -> Any:
    validators: list = [DataRequired(required)] if required else []
    validators.append(Length(max=longest, message=AT_MOST))
    kind, widget = (
        (StringField, TextInput) if longest <= MAX_SHORT_TEXT else (TextAreaField, TextArea)
    )
    return kind(
        FIELD_LABELS[name],
        validators=validators,
        widget=widget(),
        description=FIELD_HINTS.get(name, ""),
        filters=[_strip],
        **kwargs,
    )


def _number(name: str, most: int) -> IntegerField:
    return IntegerField(
        FIELD_LABELS[name],
        validators=[Optional(), NumberRange(min=1, max=most, message=BETWEEN)],
        description=FIELD_HINTS[name],
        invalid_value_message=WHOLE_NUMBER,
        render_kw={"inputmode": "numeric"},
        widget=NumberInput(),
    )


def _date(name: str) -> DateField:
    return DateField(
        FIELD_LABELS[name],
        validators=[Optional()],
        description=FIELD_HINTS[name],
        invalid_value_message=DATE,
        widget=DateInput(),
    )


def _empty_text(field) -> Any:
    return "" if field.data is None and isinstance(field, StringField) else field.data


CHOOSE_AREA = _l("Choose the area this target is about.")


def _area(chosen_by_teacher: bool = False) -> SelectField:
    """The area; ``chosen_by_teacher``: no area is chosen for them (the list starts with
    "Choose an area"), unless the target starts from something that has one (a bank
    target, a pupil's "I can…"): a silent "Reading" was saved on targets about maths."""
    pairs = [(code, AREA_LABELS[code]) for code in AREAS]
    if chosen_by_teacher:
        pairs.insert(0, ("", _l("Choose an area")))
    return SelectField(
        FIELD_LABELS["area"],
        choices=options(pairs),
        validators=[DataRequired(CHOOSE_AREA)] if chosen_by_teacher else [],
        invalid_choice_message=CHOOSE,
        description=FIELD_HINTS["area"],
        widget=Select(),
    )


class PenceField(DecimalField):
    """Money typed in pounds ("6.50", "£6,50"), kept in whole pence. Out of range, nan and
    1e308 are refused by DecimalField before they are multiplied."""

    def process_formdata(self, valuelist):
        if not valuelist:
            return
        cleaned = [value.replace("£", "").replace(",", ".").strip() for value in valuelist]
        super().process_formdata(cleaned)
        if self.data is not None:
            self.data = int((self.data * 100).to_integral_value())

    def _value(self) -> str:
        if self.raw_data:
            return self.raw_data[0]
        return "" if self.data is None else f"{Decimal(self.data) / 100:.2f}"


class VersionedForm(Form):
    """A form that carries the plan version it was opened at (REL-02)."""

    version = IntegerField(widget=HiddenInput(), validators=[Optional()])
    FIELDS: tuple[str, ...] = ()

    def values(self) -> dict[str, Any]:
        """The declared fields' values; empty text is "" (the columns are never NULL)."""
        return {field.name: _empty_text(field) for field in self.user_fields()}

    def user_fields(self) -> list:
        return [self[name] for name in self.FIELDS if name in self]


class PlanForm(VersionedForm):
    FIELDS = PLAN_FIELDS

    term_label = _text("term_label", 60, _l("Write the term, like Spring 2027."))
    starts_on = _date("starts_on")
    review_on = _date("review_on")
    involved = _text("involved")
    pupil_views = _text("pupil_views", MAX_LONG_TEXT)
    home_help = _text("home_help")
    extra_target_reason = _text("extra_target_reason")

    def validate_review_on(self, field) -> None:
        if field.data and self.starts_on.data and field.data <= self.starts_on.data:
            raise ValidationError(_l("The review date must be after the start date."))


class TargetForm(VersionedForm):
    FIELDS = TARGET_FIELDS

    area = _area(chosen_by_teacher=True)
    pupil_words = _text("pupil_words")
    smart_text = _text("smart_text", required=_l("Write the target."))
    child_text = _text("child_text")
    baseline = _text("baseline")
    success_criteria = _text("success_criteria")
    strategies = _text("strategies")
    provider = _text("provider", MAX_SHORT_TEXT)
    group_size = _number("group_size", 40)
    sessions_per_week = _number("sessions_per_week", 20)
    minutes_per_session = _number("minutes_per_session", 300)
    weeks = _number("weeks", 52)
    cost_per_session_pence = PenceField(
        FIELD_LABELS["cost_per_session_pence"],
        validators=[Optional(), NumberRange(min=0, max=1_000_000, message=MONEY_RANGE)],
        description=FIELD_HINTS["cost_per_session_pence"],
        invalid_value_message=_l("Write an amount in pounds, like 6.50."),
        render_kw={"inputmode": "decimal"},
        widget=NumberInput(step="any"),
    )
    location = _text("location", MAX_SHORT_TEXT)
    provision_id = SelectField(
        FIELD_LABELS["provision_id"],
        coerce=lambda value: int(value) if value not in (None, "", "None") else None,
        choices=[],
        validate_choice=True,
        invalid_choice_message=CHOOSE,
        description=_l("Choose one, and its numbers fill the fields below; or write them."),
        widget=Select(),
    )
    target_on = _date("target_on")
    home_text = _text("home_text")
    extra_target_reason = _text("extra_target_reason")

    def __init__(self, *args, words_locked=False, needs_reason=False, provisions=(), **kw) -> None:
        super().__init__(*args, **kw)
        self.provision_id.choices = options(
            [(None, _l("None: its own numbers"))] + [(item.id, item.name) for item in provisions]
        )
        if words_locked:
            del self.pupil_words  # the pupil's words from their proposal stay verbatim
        if not needs_reason:
            del self.extra_target_reason
        elif self.extra_target_reason.data is None:
            self.extra_target_reason.data = ""

    def validate_extra_target_reason(self, field) -> None:
        if not field.data:
            raise ValidationError(
                _l("Write why this pupil needs more than four targets, or take one off first.")
            )

    def with_provision(self) -> dict[str, Any]:
        """The values with the catalogue provision chosen (its numbers filled in later)."""
        return self.values() | {"provision_id": self.provision_id.data}

    def reason(self) -> str:
        return self.extra_target_reason.data if "extra_target_reason" in self else ""


class EvidenceForm(Form):
    note = TextAreaField(
        _l("What you saw"),
        validators=[DataRequired(_l("Write what you saw.")), Length(max=MAX_TEXT, message=AT_MOST)],
        description=_l("e.g. “Read 31 of 45 words in the Friday check, 2 more than last week.”"),
        filters=[_strip],
        widget=TextArea(),
    )
    observed_on = DateField(
        _l("Date"),
        validators=[DataRequired(DATE)],
        invalid_value_message=DATE,
        widget=DateInput(),
    )

    measured = IntegerField(
        _l("Measured (optional)"),
        validators=[Optional(), NumberRange(min=0, max=MAX_MEASURE, message=BETWEEN)],
        invalid_value_message=WHOLE_NUMBER,
        widget=NumberInput(),
    )
    out_of = IntegerField(
        _l("Out of"),
        validators=[Optional(), NumberRange(min=1, max=MAX_MEASURE, message=BETWEEN)],
        invalid_value_message=WHOLE_NUMBER,
        widget=NumberInput(),
    )

    def __init__(self, *args: Any, last_out_of: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.last_out_of = last_out_of  # the total used last time for this target

    def validate(self, extra_validators=None) -> bool:
        """A number measured needs a total (the last one used, when left empty), and can
        be at most that total."""
        if not super().validate(extra_validators):
            return False
        measured, out_of = self.measured.data, self.out_of.data or self.last_out_of
        if measured is None:
            return True
        if out_of is None:
            self.out_of.errors.append(_l("Write the total, like 45 in “32 of 45”."))
            return False
        if measured > out_of:
            up_to = _l("Write a number up to the total, %(most)s.", most=out_of)
            self.measured.errors.append(up_to)
            return False
        self.out_of.data = out_of
        return True

    def values(self) -> dict[str, Any]:
        measured = self.measured.data
        return {
            "note": self.note.data,
            "observed_on": self.observed_on.data,
            "measured": measured,
            "out_of": self.out_of.data if measured is not None else None,
        }


class BankEntryForm(Form):
    area = _area()
    smart_template = TextAreaField(
        _l("SMART target"),
        validators=[DataRequired(_l("Write the target.")), Length(max=MAX_TEXT, message=AT_MOST)],
        description=_l(
            "Write {name} where the pupil's name goes, e.g. “By the review, {name} will read "
            "40 of the 45 Year 1 common exception words correctly on two checks in a row.”"
        ),
        filters=[_strip],
        widget=TextArea(),
    )
    child_template = TextAreaField(
        FIELD_LABELS["child_text"],
        validators=[Length(max=MAX_TEXT, message=AT_MOST)],
        description=FIELD_HINTS["child_text"],
        filters=[_strip],
        widget=TextArea(),
    )
    strategies = TextAreaField(
        FIELD_LABELS["strategies"],
        validators=[Length(max=MAX_TEXT, message=AT_MOST)],
        description=FIELD_HINTS["strategies"],
        filters=[_strip],
        widget=TextArea(),
    )

    home_template = TextAreaField(
        FIELD_LABELS["home_text"],
        validators=[Length(max=MAX_TEXT, message=AT_MOST)],
        description=FIELD_HINTS["home_text"],
        filters=[_strip],
        widget=TextArea(),
    )

    def values(self) -> dict[str, Any]:
        return {
            "area": self.area.data,
            "smart_template": self.smart_template.data,
            "child_template": self.child_template.data or "",
            "strategies": self.strategies.data or "",
            "home_template": self.home_template.data or "",
        }


class GlossaryForm(Form):
    terms = TextAreaField(
        _l("School words and their plain words"),
        validators=[Length(max=60_000, message=AT_MOST)],
        description=_l(
            "One a line: the school word, =, then plain words, e.g. “SALT = speech and "
            "language therapist”. Leave it empty to go back to the starter list."
        ),
        render_kw={"rows": 20, "spellcheck": "false"},
        widget=TextArea(),
    )
