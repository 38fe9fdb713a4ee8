"""The Families blueprint (staff): inviting parents, and what passes between a plan and
its parents. Its pages are in families.py and family_plans.py."""

from __future__ import annotations

from flask import Blueprint

from ..domain.roles import SENCO, TEACHER
from ..labels import RELATIONSHIP_LABELS
from ..parent.words import ANSWER_LABELS, METHOD_LABELS, NOTE_LABELS

bp = Blueprint("families", __name__, url_prefix="/staff/families", template_folder="templates")

INVITERS = (SENCO, TEACHER)  # teaching assistants see plans but do not write to families


@bp.app_context_processor
def family_labels() -> dict:
    """Words for what parents said, on staff pages outside this blueprint too (the plan)."""
    return {
        "family_answer_labels": ANSWER_LABELS,
        "family_note_labels": NOTE_LABELS,
        "family_method_labels": METHOD_LABELS,
        "family_relationship_labels": RELATIONSHIP_LABELS,
    }
