"""Form pieces shared by every blueprint."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from babel import support
from flask_babel import get_locale
from flask_wtf import FlaskForm
from markupsafe import Markup, escape
from wtforms import PasswordField, widgets
from wtforms.i18n import messages_path
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError
from wtforms.widgets.core import clean_key

from .domain.passwords import MAX_LENGTH, MIN_LENGTH, password_problem
from .i18n import lazy_gettext as _l

PASSWORD_MESSAGES = {
    "too-short": _l("Use at least %(n)s characters. A short sentence is easy to remember.", n=12),
    "too-long": _l("Use at most %(n)s characters.", n=256),
    "common": _l("That password is too easy to guess. Try a few words you will remember."),
    "personal": _l("Do not use your name or e-mail address as your password."),
}


@lru_cache(maxsize=8)
def _wtforms_catalogue(locale: str) -> support.NullTranslations:
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


class Form(FlaskForm):
    """Every form. WTForms' own messages ("Not a valid date value.") come from its catalogue
    for the page's language, read from disk once a worker rather than on every request as
    Flask-WTF does."""

    class Meta:
        def get_translations(self, form):
            return _wtforms_catalogue(str(get_locale()))


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
