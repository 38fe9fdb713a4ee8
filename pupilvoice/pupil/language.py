"""The language on a class tablet (A11Y-10): the tablet's own, chosen by the teacher who set
it up, or a pupil's own choice, which lasts only for that pupil's session.

The choice is kept under its own session key, which signing in and out empty (see
tablet.fresh_session), and it is read only while a pupil is signed in: it can never reach
the class list or the next pupil. Before anyone signs in nothing is kept at all: ``?lang=``
on the class list is for that page, and goes with the pupil's name into their sign-in."""

from __future__ import annotations

from flask import current_app, g, request, session

from ..models import Device

PUPIL_LANGUAGE = "pupil_lang"


def asked() -> str | None:
    """The language this request asks for with ?lang=, if it is one of ours."""
    wanted = request.args.get("lang")
    return wanted if wanted in current_app.config["LANGUAGES"] else None


def use_tablet_language(device: Device, *, pupil_signed_in: bool) -> None:
    """Choose this request's language on a class tablet (i18n.chosen_language reads it)."""
    languages = current_app.config["LANGUAGES"]
    chosen = asked()
    if pupil_signed_in:
        if chosen:
            session[PUPIL_LANGUAGE] = chosen
        elif session.get(PUPIL_LANGUAGE) in languages:
            chosen = session[PUPIL_LANGUAGE]
    if chosen is None and device.language in languages:
        chosen = device.language
    g.tablet_language = chosen or request.accept_languages.best_match(languages) or "en"


def carry_into_sign_in() -> None:
    """At sign-in (after the session was emptied): the language the pupil chose on the
    names or their pictures page becomes theirs for the session."""
    if asked():
        session[PUPIL_LANGUAGE] = asked()
