"""The parent blueprint every family page joins, and the words its templates share."""

from __future__ import annotations

from flask import Blueprint, current_app

from ..plan_labels import AREA_LABELS
from .words import ANSWER_LABELS, NOTE_LABELS

bp = Blueprint("parent", __name__, url_prefix="/family", template_folder="templates")


@bp.context_processor
def family_words() -> dict:
    return {
        "area_labels": AREA_LABELS,
        "answer_labels": ANSWER_LABELS,
        "note_labels": NOTE_LABELS,
        # Staff write plans in the school's language; marking it lets screen readers and
        # read-aloud use the right voice on a page in another language (WCAG 3.1.2).
        "school_language": current_app.config["SCHOOL_TEXT_LANGUAGE"],
    }
