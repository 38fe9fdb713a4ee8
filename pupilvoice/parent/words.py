"""A target's provision in the words parents read: who will do what, how long, how often and
until when, in short sentences. Numbers and dates follow the reader's language; no codes,
no abbreviations."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import current_app
from flask_babel import format_date
from markupsafe import Markup

from ..bidi import bdi, isolated
from ..i18n import lazy_gettext as _l
from ..i18n import translations

# TRANSLATORS: %(who)s is a member of staff ("Mrs Khan"), %(name)s the child's first name.
AREA_ACTIONS = {
    "reading": _l("%(who)s will read with %(name)s"),
    "writing": _l("%(who)s will help %(name)s with writing"),
    "maths": _l("%(who)s will help %(name)s with maths"),
    "talking": _l("%(who)s will help %(name)s with talking and listening"),
    "friends": _l("%(who)s will help %(name)s with making and keeping friends"),
    "feelings": _l("%(who)s will help %(name)s with feelings"),
    "myself": _l("%(who)s will help %(name)s to look after themselves"),
    "moving": _l("%(who)s will help %(name)s with moving and using their hands"),
}
ANY_AREA = _l("%(who)s will work with %(name)s")

# The answers a parent gives to a target ("confirm", never "consent").
ANSWER_LABELS = {
    "agree": _l("I agree"),
    "agree_add": _l("I agree, and I'd like to add…"),
    "talk": _l("I'd like to talk about this"),
}
NOTE_LABELS = {
    "home_help": _l("What helps at home"),
    "child_said": _l("What my child has told me"),
}
# What happened to a target at its review, in plain words (%(name)s: the child).
OUTCOME_WORDS = {
    "achieved": _l("%(name)s reached this target."),
    "partly": _l("%(name)s is part of the way there. We will keep working on it."),
    "not_yet": _l("%(name)s is not there yet. We will keep working on it."),
}
# How an answer reached the school, when staff wrote it down for the parent.
METHOD_LABELS = {
    "paper": _l("On paper (the reply slip or a letter)"),
    "phone": _l("By phone"),
    "meeting": _l("At a meeting"),
}
# What a parent reads of a target, for "what changed": plain names, no school terms.
FIELD_NAMES = {
    "pupil_views": _l("What your child says about school"),
    "area": _l("What it is about"),
    "smart_text": _l("The target"),
    "child_text": _l("In your child's words at school"),
    "pupil_words": _l("What your child said"),
    "baseline": _l("Where your child is now"),
    "success_criteria": _l("How we will know it worked"),
    "strategies": _l("How school will help"),
    "provider": _l("Who will help"),
    "group_size": _l("Children in the group"),
    "sessions_per_week": _l("Times a week"),
    "minutes_per_session": _l("Minutes each time"),
    "weeks": _l("Number of weeks"),
    "location": _l("Where"),
    "target_on": _l("By when"),
    "home_text": _l("What you can do at home"),
}


def _number(target: Any, name: str) -> int | None:
    value = getattr(target, name, None)
    return value if isinstance(value, int) and value > 0 else None


# Translated here with every value isolated (A11Y-10); named like the usual functions so
# that ``make extract`` finds their words.
def _(text: str, **values: Any) -> Markup:
    return isolated(translations().ugettext(text), **values)


def ngettext(singular: str, plural: str, num: int) -> Markup:
    return isolated(translations().ungettext(singular, plural, num), num=num)


def _when(target: Any) -> list[Markup]:
    """How often, how long and until when, as parts of one sentence."""
    parts = []
    if times := _number(target, "sessions_per_week"):
        parts.append(ngettext("once a week", "%(num)d times a week", times))
    if minutes := _number(target, "minutes_per_session"):
        parts.append(ngettext("for %(num)d minute", "for %(num)d minutes", minutes))
    until = getattr(target, "target_on", None)
    if isinstance(until, date):
        parts.append(_("until %(date)s", date=format_date(until, "long")))
    elif weeks := _number(target, "weeks"):
        parts.append(ngettext("for %(num)d week", "for %(num)d weeks", weeks))
    return parts


def provision_sentence(target: Any, first_name: str) -> Markup:
    """What school will do for a target in two short sentences (A11Y-08: under 20 words
    each, at about a 9-year-old's reading level): "Mrs Khan will read with Sam, in a group
    of 4. This is 3 times a week, for 15 minutes, until 14 March 2027." "" when staff said
    nothing about who or how much (the strategies, shown beside it, still say how).
    Markup: the names, numbers and dates are isolated and the member of staff is marked as
    school text (A11Y-10; ``bidi.plain`` gives the words). No "and" between the parts, so
    no language needs its conjunction chosen (Welsh "a"/"ac")."""
    provider = (getattr(target, "provider", "") or "").strip()
    group = _number(target, "group_size")
    group = group if group and group > 1 else None
    when = _when(target)
    if not provider and not when and not group:
        return Markup("")
    action = AREA_ACTIONS.get(getattr(target, "area", ""), ANY_AREA)
    who = bdi(provider, current_app.config["SCHOOL_TEXT_LANGUAGE"]) if provider else None
    action_text = isolated(str(action), who=who or _("Someone at school"), name=first_name)
    if group:
        # TRANSLATORS: %(action)s is "Mrs Khan will read with Sam".
        sentences = [_("%(action)s, in a group of %(num)d.", action=action_text, num=group)]
    else:
        # TRANSLATORS: %(action)s is "Mrs Khan will read with Sam".
        sentences = [_("%(action)s.", action=action_text)]
    if when:
        # TRANSLATORS: what goes between "3 times a week", "for 15 minutes" and "until 14 March".
        joined = _(", ").join(when)
        # TRANSLATORS: %(details)s is "3 times a week, for 15 minutes, until 14 March 2027".
        sentences.append(_("This is %(details)s.", details=joined))
    return Markup(" ").join(sentences)
