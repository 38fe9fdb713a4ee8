"""The admin blueprint every school administration page joins, and what its templates share."""

from __future__ import annotations

from flask import Blueprint

from ..labels import AVATAR_LABELS, CONTACT_LABELS, RELATIONSHIP_LABELS, year_label
from ..services.people import is_invited

bp = Blueprint("admin", __name__, url_prefix="/school", template_folder="templates")


@bp.context_processor
def admin_globals() -> dict:
    return {
        "year_label": year_label,
        "avatar_labels": AVATAR_LABELS,
        "contact_labels": CONTACT_LABELS,
        "relationship_labels": RELATIONSHIP_LABELS,
        "is_invited": is_invited,
    }
