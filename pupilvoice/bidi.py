"""Names, numbers, dates and school text put into a translated sentence, each isolated so
it cannot turn the sentence around (A11Y-10): "Ayaan کا پلان" starts with a Latin name, and
without isolation the browser lays the whole Urdu sentence out left to right.

``bdi(value)`` wraps one value in ``<bdi>`` (escaped; ``lang`` marks school text written in
another language than the page). ``isolated(translation, **values)`` formats a translated
sentence — trusted, like the templates — with every value escaped and isolated. Both give
Markup: put them in HTML text, never in an attribute (``plain`` gives the words back)."""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

_NUMBER = re.compile(r"%\((\w+)\)d")
_ISOLATE = re.compile(r"<bdi\b[^>]*>.*?</bdi>", re.DOTALL)


def bdi(value: Any, lang: str | None = None) -> Markup:
    """``value`` escaped inside ``<bdi>``; with ``lang``, marked as text in that language."""
    if lang:
        return Markup('<bdi lang="%s">%s</bdi>') % (lang, value)
    return Markup("<bdi>%s</bdi>") % (value,)


def isolated(translation: str, **values: Any) -> Markup:
    """The translated sentence with each value escaped and isolated. A value that is
    Markup already (a ``bdi`` with its language, a sentence made here) goes in as it is;
    numbers go in as words (``%(num)d`` becomes ``%(num)s``) so they can be isolated too."""
    sentence = Markup(_NUMBER.sub(r"%(\1)s", str(translation)))  # noqa: S704  # nosec B704
    return sentence % {
        name: value if isinstance(value, Markup) else bdi(value) for name, value in values.items()
    }


def plain(value: Any) -> Any:
    """The words of a Markup sentence without its tags (for read-aloud, an attribute or a
    text e-mail); anything else as it is."""
    return value.striptags() if isinstance(value, Markup) else value


def outside_isolates(value: Any) -> str:
    """The words that set a sentence's direction, as dir="auto" reads them: an isolated
    name or school text does not ("Ms Patel، Ayaan کے ساتھ…" is right to left)."""
    if isinstance(value, Markup):
        return Markup(_ISOLATE.sub("", str(value))).striptags()  # noqa: S704  # nosec B704
    return str(value or "")
