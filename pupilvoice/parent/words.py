"""A target's provision in the words parents read: who will do what, how long, how often and
until when. "Mrs Khan will read with Sam for 15 minutes, 3 times a week, until 14 March
2027." Numbers and dates follow the reader's language; no codes, no abbreviations."""

from __future__ import annotations

from datetime import date
from typing import Any

from babel.lists import format_list
from flask_babel import format_date, get_locale

from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from ..i18n import ngettext

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


def _details(target: Any) -> list[str]:
    details = []
    if (size := _number(target, "group_size")) and size > 1:
        details.append(_("in a group of %(num)d", num=size))
    if minutes := _number(target, "minutes_per_session"):
        details.append(ngettext("for %(num)d minute", "for %(num)d minutes", minutes))
    if times := _number(target, "sessions_per_week"):
        details.append(ngettext("once a week", "%(num)d times a week", times))
    until = getattr(target, "target_on", None)
    if isinstance(until, date):
        details.append(_("until %(date)s", date=format_date(until, "long")))
    elif weeks := _number(target, "weeks"):
        details.append(ngettext("for %(num)d week", "for %(num)d weeks", weeks))
    return details


def _listed(parts: list[str]) -> str:
    """ "for 15 minutes, 3 times a week, until 14 March" in the reader's language (some
    languages' CLDR data has no "unit" list pattern: their standard one reads well too)."""
    try:
        return format_list(parts, style="unit", locale=get_locale())
    except (KeyError, ValueError):
        return format_list(parts, style="standard", locale=get_locale())


def provision_sentence(target: Any, first_name: str) -> str:
    """One sentence saying what school will do for a target; "" when staff said nothing
    about who or how much (the strategies, shown beside it, still say how)."""
    provider = (getattr(target, "provider", "") or "").strip()
    details = _details(target)
    if not provider and not details:
        return ""
    action = AREA_ACTIONS.get(getattr(target, "area", ""), ANY_AREA)
    who = provider or _("Someone at school")
    action_text = action % {"who": who, "name": first_name}
    if not details:
        return _("%(action)s.", action=action_text)
    listed = _listed(details)
    # TRANSLATORS: %(action)s is "Mrs Khan will read with Sam", %(details)s is
    # "for 15 minutes, 3 times a week, until 14 March 2027".
    return _("%(action)s %(details)s.", action=action_text, details=listed)
