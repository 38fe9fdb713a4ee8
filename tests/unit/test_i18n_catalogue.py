"""The catalogue a request keeps (i18n.translations) follows force_locale in and out."""

from flask import render_template_string
from flask_babel import force_locale

from pupilvoice import create_app

TEMPLATE = '{{ _("Sign out") }}'


def test_templates_follow_force_locale_and_return_to_the_page_language(tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'db.sqlite'}"})
    with app.test_request_context("/?lang=en"):
        english = render_template_string(TEMPLATE)
        with force_locale("pl"):
            polish = render_template_string(TEMPLATE)
            with force_locale("cy"):
                welsh = render_template_string(TEMPLATE)
            polish_again = render_template_string(TEMPLATE)
        english_again = render_template_string(TEMPLATE)
    assert english == english_again == "Sign out"
    assert polish == polish_again != english
    assert welsh not in (english, polish)


def test_wtforms_own_messages_follow_the_page_language(tmp_path):
    from werkzeug.datastructures import MultiDict
    from wtforms import DateField

    from pupilvoice.forms import Form

    class When(Form):
        class Meta:
            csrf = False

        day = DateField()

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'db.sqlite'}"})
    errors = {}
    for language in ("en", "pl", "en"):
        with app.test_request_context(f"/?lang={language}"), force_locale(language):
            form = When(MultiDict({"day": "not a date"}))
            form.validate()
            errors.setdefault(language, []).append(form.day.errors[0])
    assert errors["en"] == ["Not a valid date value.", "Not a valid date value."]
    assert errors["pl"][0] != errors["en"][0]
