"""The demo school's provision catalogue: three of the demo plans' provisions written
once (their targets point at them), and a one-to-one reading programme at an hourly rate."""

from __future__ import annotations

from ..models import Provision, User
from . import provisions

EVANS = "Mrs Evans (teaching assistant)"
# (name, who, group size, a week, minutes, weeks, where, areas, cost kind, pence)
CATALOGUE = [
    (
        "Phonics catch-up group",
        EVANS,
        3,
        3,
        15,
        10,
        "The library corner",
        ["cognition"],
        "session",
        650,
    ),
    (
        "Talk and listen group",
        EVANS,
        4,
        2,
        20,
        10,
        "The quiet room",
        ["communication"],
        "session",
        650,
    ),
    (
        "Social skills group",
        EVANS,
        3,
        1,
        20,
        12,
        "The playground",
        ["semh", "communication"],
        "session",
        650,
    ),
    ("1:1 reading", EVANS, 1, 3, 15, 12, "The library corner", ["cognition"], "hour", 1850),
]


def load(senco: User) -> dict[tuple, Provision]:
    """Add the catalogue; returns each provision by its numbers as the demo plans write
    them: (who, group size, a week, minutes, weeks, pence a session, where)."""
    found = {}
    for name, who, group, weekly, minutes, weeks, where, areas, kind, pence in CATALOGUE:
        provision = provisions.create(
            senco,
            {
                "name": name,
                "provider": who,
                "group_size": group,
                "sessions_per_week": weekly,
                "minutes_per_session": minutes,
                "weeks": weeks,
                "location": where,
                "need_areas": areas,
                "cost_kind": kind,
                "cost_pence": pence,
            },
        )
        found[(who, group, weekly, minutes, weeks, pence, where)] = provision
    return found


def pointer(offered: dict[tuple, Provision], numbers: tuple) -> dict:
    """{"provision_id": ...} for a demo target whose numbers are a catalogue provision's."""
    provision = offered.get(numbers)
    return {"provision_id": provision.id} if provision else {}
