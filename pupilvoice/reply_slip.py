"""The reply slip that goes with a plan letter (issue 13, item 9): each target in the
family's language with the school's words beside it (the target, what school will do, what
helps at home) and the boxes to tick, on one A4 page. Printed with the letter
(staff/plan_letters.html) and as a PDF (``document``). Each part carries its own ``lang``
and ``dir``: Urdu reads right to left, the English beside it left to right."""

from __future__ import annotations

from typing import Any

from babel import Locale
from flask import current_app, render_template
from flask_babel import force_locale

from . import copies
from .i18n import format_locale
from .i18n import gettext as _
from .models import Plan
from .parent.words import ANSWER_LABELS, NOTE_LABELS, provision_sentence
from .plan_labels import AREA_LABELS
from .services import plan_translations

# What each target's rows say, in reading order: (field, label key).
ROWS = (("smart_text", "target"), ("strategies", "school"), ("home_text", "home"))


def _words(plan: Plan) -> dict[str, Any]:
    """Our words on the slip in the current language."""
    name = plan.pupil.first_name
    return {
        "title": _("Reply slip: %(name)s's plan", name=name),
        "how": _("Tick one box for each target, then give this slip to the school."),
        "untranslated": _("Not translated yet: see the English."),
        "target": _("The target"),
        "school": _("What school will do"),
        "home": _("What you can do at home"),
        "answers": [str(label) for label in ANSWER_LABELS.values()],
        "notes": [str(label) for label in NOTE_LABELS.values()],
        "name": _("Name"),
        "date": _("Date"),
        "titles": [
            _("Target %(num)d: %(area)s", num=n, area=AREA_LABELS.get(t.area, t.area))
            for n, t in enumerate(plan.active_targets, 1)
        ],
        "provision": [provision_sentence(t, name) for t in plan.active_targets],
    }


def _words_in(language: str, plan: Plan) -> dict[str, Any]:
    with force_locale(format_locale(language)):
        return _words(plan)


def _rows(n: int, target, mine: dict, theirs: dict | None, translated: dict) -> list[dict]:
    """One target's rows: our label and the family's words, then the school's beside."""
    rows = []
    for field, label in ROWS:
        school = (getattr(target, field) or "").strip()
        if field == "strategies" and mine["provision"][n]:
            provision = theirs["provision"][n] if theirs else ""
            rows.append(_row(label, mine, theirs, mine["provision"][n], provision))
            label = ""  # the strategies follow under the same heading
        if school:
            family = translated.get(f"t{target.id}_{field}", "") if theirs else school
            rows.append(_row(label, mine, theirs, family, school if theirs else ""))
    return rows


def _row(label: str, mine: dict, theirs: dict | None, family: str, school: str) -> dict:
    return {
        "label": mine[label] if label else "",
        "school_label": theirs[label] if label and theirs else "",
        "family": family,
        "school": school,
    }


def context(plan: Plan, language: str) -> dict[str, Any]:
    """All the slip says, in ``language`` and (when that is not the school's) in the
    school's language beside it; staff's up-to-date translations of the targets."""
    school_language = current_app.config["SCHOOL_TEXT_LANGUAGE"]
    bilingual = language != school_language
    mine = _words_in(language, plan)
    theirs = _words_in(school_language, plan) if bilingual else None
    translated = plan_translations.for_family(plan, language) if bilingual else {}
    targets = [
        {
            "title": mine["titles"][n],
            "school_title": theirs["titles"][n] if theirs else "",
            "said": t.pupil_words.strip(),
            "rows": _rows(n, t, mine, theirs, translated),
        }
        for n, t in enumerate(plan.active_targets)
    ]
    return {
        "lang": language,
        "dir": Locale.parse(language).text_direction,
        "school_lang": school_language,
        "school_dir": Locale.parse(school_language).text_direction,
        "mine": mine,
        "theirs": theirs,
        "answers": list(zip(mine["answers"], (theirs or mine)["answers"], strict=True)),
        "notes": list(zip(mine["notes"], (theirs or mine)["notes"], strict=True)),
        "targets": targets,
    }


def fragment(plan: Plan, language: str, parent_name: str = "") -> str:
    """The slip as a part of a page (the printed letter)."""
    with force_locale(format_locale(language)):
        return render_template(
            "copies/_slip.html",
            slip=context(plan, language),
            parent_name=parent_name,
            dir_of=copies.direction_of,
        )


def document(plan: Plan, language: str) -> str:
    """The slip as a whole A4 document for WeasyPrint."""
    with force_locale(format_locale(language)):
        return render_template(
            "copies/slip.html",
            slip=context(plan, language),
            parent_name="",
            **copies.common(plan, "slip"),
        )
