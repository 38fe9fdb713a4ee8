"""Printed letters to families: a QR code with their link, and the same words in the
family's language and then in English, each part marked with its language and direction."""

from __future__ import annotations

from dataclasses import dataclass

import segno
from babel import Locale
from flask import render_template
from flask_babel import force_locale

from ..i18n import format_locale
from ..links import public_address


@dataclass(frozen=True)
class LetterText:
    language: str
    direction: str
    html: str  # rendered from our own autoescaped template: safe to place as it is


def languages_for(family: str) -> list[str]:
    """The family's language first, then English for the school (once if it is English)."""
    return [family] if family == "en" else [family, "en"]


def in_languages(template: str, family: str, **context) -> list[LetterText]:
    """``template`` rendered once per language; ``family_copy`` says which one is theirs."""
    texts = []
    for language in languages_for(family):
        with force_locale(format_locale(language)):
            html = render_template(template, family_copy=language == family, **context)
        texts.append(LetterText(language, Locale.parse(language).text_direction, html))
    return texts


def qr_code(link: str) -> str:
    """A QR code of ``link`` as an SVG data URI (the CSP allows images from data:)."""
    return segno.make(link, error="m").svg_data_uri(scale=4, border=4, dark="#000000")


def join_address() -> str:
    """Where a family types a letter's code, short enough to type: "school.example/join"."""
    return public_address("join.enter_code")
