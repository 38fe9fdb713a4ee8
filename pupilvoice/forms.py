"""Form pieces shared by every blueprint."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any

from babel import support
from flask_babel import get_locale
from flask_wtf import FlaskForm
from markupsafe import Markup, escape
from wtforms import DecimalField as _DecimalField
from wtforms import HiddenField, PasswordField, StringField, TextAreaField, widgets
from wtforms import IntegerField as _IntegerField
from wtforms.i18n import messages_path
from wtforms.validators import (
    DataRequired,
    EqualTo,
    Length,
    NumberRange,
    StopValidation,
    ValidationError,
)
from wtforms.widgets.core import clean_key

from . import form_errors
from .domain.passwords import MAX_LENGTH, MIN_LENGTH, password_problem
from .domain.text import has_control_characters
from .i18n import lazy_gettext as _l
from .inputs import MAX_ID

PASSWORD_MESSAGES = {
    "too-short": _l("Use at least %(n)s characters. A short sentence is easy to remember.", n=12),
    "too-long": _l("Use at most %(n)s characters.", n=256),
    "common": _l("That password is too easy to guess. Try a few words you will remember."),
    "personal": _l("Do not use your name or e-mail address as your password."),
}


@lru_cache(maxsize=8)
def _wtforms_catalogue(locale: str) -> support.NullTranslations:
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


CONTROL_MESSAGES = {
    False: _l("Write this on one line, without special characters."),
    True: _l("Take out the special characters (they may have come with pasted text)."),
}


class PlainText:
    """Every text field: no NUL or other control characters, and no line breaks in
    one-line fields such as names (they reach e-mail subjects and bodies). Text areas, and
    hidden fields carrying text areas' content, may hold line breaks and tabs (REL-05)."""

    def __init__(self, multiline: bool) -> None:
        self.multiline = multiline

    def __call__(self, form, field) -> None:
        values = field.raw_data or ([field.data] if isinstance(field.data, str) else [])
        if any(has_control_characters(value, self.multiline) for value in values):
            raise StopValidation(str(CONTROL_MESSAGES[self.multiline]))


class Form(FlaskForm):
    """Every form. WTForms' own messages ("Not a valid date value.") come from its catalogue
    for the page's language, read from disk once a worker rather than on every request as
    Flask-WTF does. Every text field is checked by PlainText before its own validators.
    Each form is remembered for the page's error summary (``form_errors``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        form_errors.remember(self)

    class Meta:
        def get_translations(self, form):
            return _wtforms_catalogue(str(get_locale()))

        def bind_field(self, form, unbound_field, options):
            field = unbound_field.bind(form=form, **options)
            if isinstance(field, StringField):
                multiline = isinstance(field, TextAreaField | HiddenField)
                field.validators = [PlainText(multiline), *field.validators]
            return field


# --- numbers within range ------------------------------------------------------------------
# A number past what the database holds, or 1e308, nan and inf, is refused where it is
# typed: the field's data is then None, so nothing (a checker, a query) ever sees it.

TOO_BIG = _l("Write a smaller number.")


class _Bounded:
    """A number field whose value is at most MAX_ID either way, and which reports a field
    left out of a posted edit form (browsers always send it) instead of reusing old data."""

    def process_formdata(self, valuelist):
        if not valuelist:
            return
        super().process_formdata(valuelist)
        if self.data is None:
            return
        if not self._finite(self.data):  # nan, inf
            self.data = None
            raise ValueError(str(self.invalid_value_message or TOO_BIG))
        if not -MAX_ID <= self.data <= MAX_ID:  # 1e308, 99999999999999999999
            self.data = None
            raise ValueError(str(self._range_message()))

    def _range_message(self):
        """The field's own range, when it says one ("Write a number from 1 to 100000.")."""
        for rule in self.validators:
            if isinstance(rule, NumberRange) and rule.message:
                return str(rule.message) % {"min": rule.min, "max": rule.max}
        return TOO_BIG

    @staticmethod
    def _finite(number) -> bool:
        return number.is_finite() if isinstance(number, Decimal) else True

    def pre_validate(self, form) -> None:
        """A form posted without this box, on an edit page, would quietly keep the old
        number (and the cost field crashed on it): ask for it instead. On a new form a
        missing number is an empty one, as before; a hidden version may be absent."""
        raw = getattr(self, "raw_data", None)
        typed = bool(raw and str(raw[0]).strip())  # an empty box is for Optional() to judge
        if self.process_errors and typed:
            raise StopValidation()  # one message: the range validators would add a second
        shown = getattr(self.widget, "input_type", "") != "hidden"  # version: the page's
        if shown and raw == [] and self.object_data is not None:
            self.data = None
            raise StopValidation(str(self.invalid_value_message or TOO_BIG))


class IntegerField(_Bounded, _IntegerField):
    pass


class DecimalField(_Bounded, _DecimalField):
    pass


# --- quick widgets -------------------------------------------------------------------------
# For forms with many fields (the plan editors draw about 20). WTForms' widgets write each
# attribute with a Markup.format, which was a third of the target editor's time; these
# write the same HTML (attributes sorted, escaped and quoted as
# ``wtforms.widgets.html_params`` does) with plain strings, every piece of which goes
# through ``escape``.


def _html(escaped: str) -> Markup:
    """HTML that a widget below built from escaped parts only (hence no XSS warning)."""
    return Markup(escaped)  # noqa: S704  # nosec B704


def _attributes(**attrs: Any) -> str:
    """What ``wtforms.widgets.html_params`` writes: sorted; True a bare name, False left out."""
    written = []
    for key, value in sorted(attrs.items()):
        name = escape(clean_key(key))
        if value is True:
            written.append(name)
        elif value is not False:
            quoted = str(escape(value)).replace('"', "&quot;")  # only a Markup value has any
            written.append(f'{name}="{quoted}"')
    return " ".join(written)


def _with_flags(widget, field, kwargs: dict) -> dict:
    """The id, and the validators' flags (required, maxlength, ...) the widget shows."""
    kwargs.setdefault("id", field.id)
    for flag, value in vars(field.flags).items():
        if flag in widget.validation_attrs and flag not in kwargs:
            kwargs[flag] = value
    return kwargs


class _QuickInput:
    """WTForms' hook for an <input>'s attributes."""

    @staticmethod
    def html_params(**attrs: Any) -> Markup:
        return _html(_attributes(**attrs))


class TextInput(_QuickInput, widgets.TextInput):
    pass


class NumberInput(_QuickInput, widgets.NumberInput):
    pass


class DateInput(_QuickInput, widgets.DateInput):
    pass


class HiddenInput(_QuickInput, widgets.HiddenInput):
    pass


class TextArea(widgets.TextArea):
    def __call__(self, field, **kwargs) -> Markup:
        attrs = _attributes(name=field.name, **_with_flags(self, field, kwargs))
        return _html(f"<textarea {attrs}>\r\n{escape(field._value())}</textarea>")


class Select(widgets.Select):
    def __call__(self, field, **kwargs) -> Markup:
        attrs = _attributes(name=field.name, **_with_flags(self, field, kwargs))
        options = "".join(map(self.render_option, field._iter_choices_normalized()))
        return _html(f"<select {attrs}>{options}</select>")

    @classmethod
    def render_option(cls, choice, **kwargs) -> Markup:
        attrs = {"value": choice.value, **(choice.render_kw or {}), **kwargs}
        if choice.selected:
            attrs["selected"] = True
        label = escape(choice.label or choice.value)
        return _html(f"<option {_attributes(**attrs)}>{label}</option>")


class NewPasswordForm(Form):
    """A new password, typed twice, checked against SEC-03."""

    password = PasswordField(
        _l("New password"),
        validators=[DataRequired(_l("Type a new password.")), Length(max=MAX_LENGTH)],
        description=_l("At least %(n)s characters. Several words work well.", n=MIN_LENGTH),
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        _l("Type it again"),
        validators=[
            DataRequired(_l("Type the password again.")),
            EqualTo("password", _l("The two passwords are not the same.")),
        ],
        render_kw={"autocomplete": "new-password"},
    )
    email_for_check = ""

    def validate_password(self, field) -> None:
        problem = password_problem(field.data or "", email=self.email_for_check)
        if problem:
            raise ValidationError(str(PASSWORD_MESSAGES[problem]))
