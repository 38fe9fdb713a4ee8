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


def test_template_gettext_escapes_its_variables_and_always_formats(tmp_path):
    """Jinja's "newstyle" gettext: the translation is trusted, the values put into it are
    escaped, %% is always a single %, and ngettext supplies num; in every scope (a loop
    or a block with its own {% set %} too)."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'db.sqlite'}"})
    source = (
        '{{ _("%(name)s\'s plan", name=who) }}|{{ gettext("100%%") }}|'
        '{{ ngettext("%(num)d target", "%(num)d targets", n) }}|'
        '{% for x in [1] %}{% set y = x %}{{ _("Sign out") }}{% endfor %}|'
        '{% autoescape false %}{{ _("%(name)s\'s plan", name=who) }}{% endautoescape %}'
    )
    with app.test_request_context("/?lang=en"):
        english = render_template_string(source, who="<b>Sam</b>", n=2)
    with app.test_request_context("/"), force_locale("pl"):
        polish = render_template_string(TEMPLATE)
    assert english.split("|") == [
        "&lt;b&gt;Sam&lt;/b&gt;'s plan",
        "100%",
        "2 targets",
        "Sign out",
        "<b>Sam</b>'s plan",
    ]
    assert polish != "Sign out"
