"""Choosing the language of a page, and its text direction (A11Y-10)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from urllib.parse import urlencode

from flask import Flask, current_app, g, has_app_context, request, session
from flask_babel import format_decimal, get_locale, get_translations, to_user_timezone
from flask_babel.speaklater import LazyString
from flask_login import current_user
from jinja2 import pass_eval_context
from jinja2.nodes import EvalContext
from markupsafe import Markup

from . import bidi


def remember_asked_language() -> None:
    """before_request: ?lang= is remembered for the visit, even on a page that redirects.
    Not on a class tablet, whose language is chosen per pupil (pupil.language)."""
    if g.get("tablet_language"):
        return
    asked = request.args.get("lang")
    if asked in current_app.config["LANGUAGES"] and session.get("lang") != asked:
        session["lang"] = asked


# Dates and numbers in English follow British conventions (14/03/2027, not 3/14/27).
FORMAT_LOCALES = {"en": "en_GB"}


def format_locale(language: str) -> str:
    """The locale to render a language in: "en" -> "en_GB" (for force_locale too)."""
    return FORMAT_LOCALES.get(language, language)


def today() -> date:
    """Today where the school is (the app's time zone), not in UTC."""
    return to_user_timezone(datetime.now(UTC)).date()


# The language of someone whose session just ended, for the pages before they sign in
# again ("Please sign in", the sign-in page): a parent timed out stays in Urdu.
SIGNED_OUT_LANGUAGE = "signed_out_lang"


def remember_signed_out_language(language: str | None) -> None:
    if language in current_app.config["LANGUAGES"]:
        session[SIGNED_OUT_LANGUAGE] = language


def chosen_language() -> str:
    """?lang= (remembered for the visit) → the person's saved choice → the saved choice of
    whoever was just signed out here → the browser → English. On a class tablet: the
    language chosen for this request there (pupil.language)."""
    if g.get("tablet_language"):
        return g.tablet_language
    languages = current_app.config["LANGUAGES"]
    if session.get("lang") in languages:
        return session["lang"]
    saved = getattr(current_user, "locale", None) if current_user else None
    if saved in languages:
        return saved
    if session.get(SIGNED_OUT_LANGUAGE) in languages:
        return session[SIGNED_OUT_LANGUAGE]
    return request.accept_languages.best_match(languages) or "en"


def select_locale() -> str:
    return format_locale(chosen_language())


def page_language() -> str:
    """The language code for <html lang>: "en", "cy", "pl" or "ur"."""
    return get_locale().language


def text_direction() -> str:
    return get_locale().text_direction


LANGUAGE_NAMES = {"en": "English", "cy": "Cymraeg", "pl": "Polski", "ur": "اردو"}


def translations():
    """This request's catalogue, found once and kept for the request. Flask-Babel looks it
    up again on every call (a page has dozens); ``force_locale`` empties the attribute used
    here on the way in and puts it back on the way out, so e-mails in a parent's language
    still get their own catalogue."""
    if not has_app_context():
        return get_translations()  # no request: the untranslated text
    context = g.get("_flask_babel")
    found = getattr(context, "babel_translations", None)
    if found is None:
        found = get_translations()
        g._flask_babel.babel_translations = found  # get_translations made the namespace
    return found


def install_template_gettext(app: Flask) -> None:
    """Templates' _(), gettext() and ngettext() through the kept catalogue (after
    babel.init_app). They behave as Jinja's "newstyle" gettext: the translation is trusted,
    the values put into it are escaped, and it is always %-formatted. Jinja's own versions
    reach the catalogue through three context calls a string (``_`` looks ``gettext`` up
    first), and copy the context when the caller's scope has its own variables; a page
    has dozens of strings, so these go straight to it."""
    app.jinja_env.install_gettext_callables(gettext, ngettext, newstyle=True)
    app.jinja_env.globals.update(_=_template_gettext, gettext=_template_gettext)
    app.jinja_env.globals.update(ngettext=_template_ngettext)
    app.jinja_env.filters["megabytes"] = megabytes
    # A11Y-10: {{ _("%(name)s's plan", name=pupil.first_name|bdi) }} isolates the name
    app.jinja_env.filters.update(bdi=bidi.bdi, isolate=bidi.isolated, plain=bidi.plain)


def megabytes(size: int) -> str:
    """A size in MB (2**20 bytes, as the recording limits are set), to one decimal place,
    in the page's language: "0.5", "2,048"."""
    return format_decimal(size / (1024 * 1024), "#,##0.#")


@pass_eval_context
def _template_gettext(eval_context: EvalContext, text: str, **variables) -> str:
    return _trusted(eval_context, translations().ugettext(text)) % variables


@pass_eval_context
def _template_ngettext(
    eval_context: EvalContext, singular: str, plural: str, num: int, **variables
) -> str:
    variables.setdefault("num", num)
    return _trusted(eval_context, translations().ungettext(singular, plural, num)) % variables


def _trusted(eval_context: EvalContext, translation: str) -> str:
    """Our catalogue's text is trusted like the template around it (as in Jinja's own
    gettext); the values that % then puts into a Markup are escaped."""
    return Markup(translation) if eval_context.autoescape else translation  # noqa: S704  # nosec B704


# Flask-Babel's gettext, ngettext and lazy_gettext, through the kept catalogue.


def gettext(text: str, **variables) -> str:
    found = translations().ugettext(text)
    return found % variables if variables else found


def ngettext(singular: str, plural: str, num: int, **variables) -> str:
    variables.setdefault("num", num)
    return translations().ungettext(singular, plural, num) % variables


def lazy_gettext(text: str, **variables) -> LazyString:
    return LazyString(gettext, text, **variables)


# The query parameters a language link carries over: plain names with short values.
KEPT_PARAMETER = re.compile(r"[a-z][a-z_]{0,29}")
MAX_KEPT_VALUE = 200


def page_in(language: str) -> str:
    """This page in ``language`` (?lang=): the same path, with the query its own links and
    forms make (the bank target a new target starts from, the filters, the page of a list,
    where to go after signing in), so switching language loses nothing. Only this page's
    path, and only plain parameters with short values, are kept."""
    kept = [
        (name, value)
        for name, value in request.args.items(multi=True)
        if name != "lang" and KEPT_PARAMETER.fullmatch(name) and len(value) <= MAX_KEPT_VALUE
    ]
    return f"{request.path}?{urlencode([*kept, ('lang', language)])}"
