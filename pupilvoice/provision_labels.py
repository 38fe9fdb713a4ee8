"""Words for the provision catalogue and map, translated when shown."""

from __future__ import annotations

from .domain.need_areas import COGNITION, COMMUNICATION, SEMH, SENSORY
from .domain.provision_costs import PER_HOUR, PER_SESSION
from .i18n import gettext as _
from .i18n import lazy_gettext as _l

NEED_AREA_LABELS = {
    COMMUNICATION: _l("Communication and interaction"),
    COGNITION: _l("Cognition and learning"),
    SEMH: _l("Social, emotional and mental health"),
    SENSORY: _l("Sensory and/or physical"),
}
COST_KIND_LABELS = {
    PER_SESSION: _l("A cost a session"),
    PER_HOUR: _l("An hourly staff rate"),
}


def term_name(term) -> str:
    """ "Autumn 2026" in the current language."""
    if term.season == "autumn":
        return _("Autumn %(year)s", year=term.year)
    if term.season == "spring":
        return _("Spring %(year)s", year=term.year)
    return _("Summer %(year)s", year=term.year)
