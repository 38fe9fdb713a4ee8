"""How the roster preview words a change (old -> new, in the SENCO's language) and a
question about a doubtful pupil (the candidates with what tells them apart)."""

from __future__ import annotations

from typing import Any

from flask_babel import format_date

from ..i18n import LANGUAGE_NAMES
from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from ..labels import (
    AVATAR_LABELS,
    CONTACT_LABELS,
    RELATIONSHIP_LABELS,
    STAGE_LABELS,
    need_label,
    year_label,
)
from ..services.roster import Change
from ..services.roster_match import NEW, Question, parent_label, record_label

FIELD_NAMES = {
    "year_group": _l("year group"),
    "sen_stage": _l("SEN stage"),
    "primary_need": _l("Primary need"),
    "secondary_need": _l("Secondary need"),
    "avatar": _l("picture"),
    "name": _l("name"),
    "email": _l("e-mail address"),
    "first_name": _l("first name"),
    "surname_initial": _l("surname initial"),
    "surname": _l("surname"),
    "upn": _l("pupil reference (UPN)"),
    "born_on": _l("date of birth"),
    "relationship_label": _l("relationship"),
    "preferred_language": _l("language"),
    "contact_method": _l("contact"),
}
_CODES = {
    "sen_stage": STAGE_LABELS,
    "avatar": AVATAR_LABELS,
    "relationship_label": RELATIONSHIP_LABELS,
    "contact_method": CONTACT_LABELS,
    "preferred_language": LANGUAGE_NAMES,
}
WHY = {
    "initials_only": _l(
        "Only the first name and surname initial match, so PupilVoice cannot tell if this "
        "is the same child."
    ),
    "differs": _l("The name matches, but the surname or date of birth is different."),
    "several": _l("More than one pupil here has this name."),
}


def value_text(name: str, value: Any) -> str:
    """A stored value as a person reads it; "(empty)" for nothing."""
    if value is None or value == "":
        return _("(empty)")
    if name == "year_group":
        return year_label(value)
    if name == "born_on":
        return format_date(value, "long")
    if name.endswith("_need"):
        return need_label(value) or value
    return str(_CODES.get(name, {}).get(value, value))


def changed_values(change: Change) -> list[tuple[str, str, str]]:
    return [
        (str(FIELD_NAMES[name]), value_text(name, old), value_text(name, new))
        for name, old, new in change.values
    ]


def question_view(question: Question, asked: bool) -> dict[str, Any]:
    """The radio buttons of one question: each candidate, then "a new pupil"."""
    options = [
        {
            "value": str(pupil.id),
            "name": record_label(pupil),
            "pupil": pupil,
            "parents": [parent_label(link.parent) for link in pupil.parent_links],
        }
        for pupil in question.candidates
    ]
    options.append({"value": NEW, "name": "", "pupil": None, "parents": []})
    return {
        "name": question.field_name,
        "row": question.row,
        "label": question.label,
        "why": WHY[question.why],
        "answer": question.answer,
        "options": options,
        "error": _("Choose one answer.") if asked and not question.answer else "",
    }
