"""The Families blueprint (staff): inviting parents, and what passes between a plan and
its parents. Its pages are in families.py and family_plans.py."""

from __future__ import annotations

from flask import Blueprint, current_app

from ..domain.roles import SENCO, TEACHER
from ..labels import RELATIONSHIP_LABELS
from ..parent.words import ANSWER_LABELS, FIELD_NAMES, METHOD_LABELS, NOTE_LABELS

bp = Blueprint("families", __name__, url_prefix="/staff/families", template_folder="templates")

INVITERS = (SENCO, TEACHER)  # teaching assistants see plans but do not write to families


def translation_languages() -> list[str]:
    """The languages staff can translate a plan into: every one but the school's own."""
    school = current_app.config["SCHOOL_TEXT_LANGUAGE"]
    return [code for code in current_app.config["LANGUAGES"] if code != school]


@bp.app_context_processor
def family_labels() -> dict:
    """Words for what parents said, on staff pages outside this blueprint too (the plan)."""
    return {
        "family_answer_labels": ANSWER_LABELS,
        "family_note_labels": NOTE_LABELS,
        "family_method_labels": METHOD_LABELS,
        "family_relationship_labels": RELATIONSHIP_LABELS,
        "family_field_names": FIELD_NAMES,
        "family_translation_languages": translation_languages,
    }
