"""Sign-in forms."""

from __future__ import annotations

from wtforms import EmailField, HiddenField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length

from ..forms import Form, NewPasswordForm
from ..i18n import lazy_gettext as _l


class LoginForm(Form):
    email = EmailField(
        _l("E-mail address"),
        validators=[
            DataRequired(_l("Type your e-mail address.")),
            Length(max=254, message=_l("Write at most %(max)d characters.")),
        ],
        render_kw={"autocomplete": "username"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(_l("Type your password.")), Length(max=256)],
        render_kw={"autocomplete": "current-password"},
    )
    next = HiddenField()


class CodeForm(Form):
    code = StringField(
        _l("Code"),
        validators=[DataRequired(_l("Type the code.")), Length(max=40)],
        description=_l("The 6 numbers from your authenticator app, or a recovery code."),
        render_kw={"autocomplete": "one-time-code", "inputmode": "text"},
    )


class EmailForm(Form):
    email = EmailField(
        _l("E-mail address"),
        validators=[
            DataRequired(_l("Type your e-mail address.")),
            Email(_l("Type an e-mail address like name@example.org.")),
            Length(max=254, message=_l("Write at most %(max)d characters.")),
        ],
        render_kw={"autocomplete": "email"},
    )


class LanguageForm(Form):
    locale = SelectField(_l("Language for PupilVoice"), choices=[])


class WelcomeForm(NewPasswordForm):
    """Setting up an invited account: a password and the language to use."""

    locale = SelectField(_l("Language for PupilVoice"), choices=[])


class WelcomeWithEmailForm(WelcomeForm):
    """Setting up the account of a family the school writes to by letter: they add the
    e-mail address they will sign in with (the school keeps sending letters)."""

    email = EmailField(
        _l("Your e-mail address"),
        validators=[
            DataRequired(_l("Type your e-mail address. You will sign in with it.")),
            Email(_l("Type an e-mail address like name@example.org.")),
            Length(max=254, message=_l("Write at most %(max)d characters.")),
        ],
        description=_l("You will sign in with it. The school still sends you letters."),
        render_kw={"autocomplete": "email"},
    )


class JoinCodeForm(Form):
    """The short code on an invitation letter."""

    code = StringField(
        _l("Code from the letter"),
        validators=[DataRequired(_l("Type the code from the letter.")), Length(max=40)],
        description=_l("8 letters and numbers, like K7QM-4XPD."),
        render_kw={
            "autocomplete": "one-time-code",
            "autocapitalize": "characters",
            "spellcheck": "false",
            "inputmode": "text",
        },
    )
