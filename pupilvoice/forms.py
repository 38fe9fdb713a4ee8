"""Form pieces shared by every blueprint."""

from __future__ import annotations

from functools import lru_cache

from babel import support
from flask_babel import get_locale
from flask_wtf import FlaskForm
from wtforms import PasswordField
from wtforms.i18n import messages_path
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError

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
