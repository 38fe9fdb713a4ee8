"""Choosing the language of a page, and its text direction (A11Y-10)."""

from __future__ import annotations

from babel import Locale
from flask import current_app, request, session
from flask_babel import get_locale
from flask_login import current_user


def remember_asked_language() -> None:
    """before_request: ?lang= is remembered for the visit, even on a page that redirects."""
    asked = request.args.get("lang")
    if asked in current_app.config["LANGUAGES"] and session.get("lang") != asked:
        session["lang"] = asked


def select_locale() -> str:
    """?lang= (remembered for the visit) → the person's saved choice → the browser → English."""
    languages = current_app.config["LANGUAGES"]
    if session.get("lang") in languages:
        return session["lang"]
    saved = getattr(current_user, "locale", None) if current_user else None
    if saved in languages:
        return saved
    return request.accept_languages.best_match(languages) or "en"


def text_direction() -> str:
    return Locale.parse(str(get_locale())).text_direction


LANGUAGE_NAMES = {"en": "English", "cy": "Cymraeg", "pl": "Polski", "ur": "اردو"}
