"""Plan rules that need no database: target areas, the four-target rule, provision in
numbers, and the bank's ``{name}`` placeholder."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .smart import MAX_TARGETS

# The areas a target can be about: the same codes as the pupil's "I can…" areas.
AREAS = (
    "reading",
    "writing",
    "maths",
    "talking",
    "friends",
    "feelings",
    "myself",
    "moving",
)
OUTCOMES = ("achieved", "partly", "not_yet")

MAX_TEXT = 1000  # a target's wording, baseline, strategies, ...
MAX_LONG_TEXT = 4000  # the pupil's views
MAX_SHORT_TEXT = 120  # who delivers it, where
NAME_PLACEHOLDER = "{name}"


def needs_extra_reason(active_targets: int) -> bool:
    """True when adding one more active target takes the plan past four."""
    return active_targets + 1 > MAX_TARGETS


@dataclass(frozen=True)
class Provision:
    """Who delivers a target and how much of it: the numbers a provision map costs."""

    group_size: int | None = None
    sessions_per_week: int | None = None
    minutes_per_session: int | None = None
    weeks: int | None = None
    cost_per_session_pence: int | None = None

    @property
    def sessions(self) -> int | None:
        if self.sessions_per_week is None or self.weeks is None:
            return None
        return self.sessions_per_week * self.weeks

    @property
    def total_minutes(self) -> int | None:
        """Minutes of teaching the pupil gets over the plan."""
        if self.sessions is None or self.minutes_per_session is None:
            return None
        return self.sessions * self.minutes_per_session

    @property
    def cost_per_pupil_pence(self) -> int | None:
        """The cost of every session over the plan, shared by the pupils in the group."""
        if self.sessions is None or self.cost_per_session_pence is None:
            return None
        return round(self.sessions * self.cost_per_session_pence / max(1, self.group_size or 1))


def to_template(text: str, first_name: str) -> str:
    """A target as a bank template: the pupil's first name becomes ``{name}``."""
    if not first_name:
        return text
    return re.sub(rf"\b{re.escape(first_name)}\b", NAME_PLACEHOLDER, text)


def from_template(template: str, first_name: str) -> str:
    return template.replace(NAME_PLACEHOLDER, first_name)
