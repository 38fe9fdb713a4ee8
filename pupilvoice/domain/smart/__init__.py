"""SMART checker: names what is weak in an IEP target or plan, quoting the words, and why.

It only reports; it never blocks saving. ``check`` looks at one target's SMART wording,
``check_plan`` at the whole plan. One rule a module, as a SENCO would judge a target:
``vague_verbs`` (vague-verb), ``measures`` (no-measure), ``time_frames`` (no-date),
``dates`` (date-past), ``several_skills`` (several-skills) and ``vague_provision``
(vague-provision); ``plans`` has the whole-plan rules. Each module's docstring says
what its rule counts and what it lets pass.

Words in quotation marks are words being taught or said ("'some', 'come'"), not the
target's own wording, so the vague-word rules skip them.
"""

from .dates import YEARLESS_LOOKBACK, find_dates
from .messages import TEMPLATES
from .plans import CARRY_FORWARD_LIMIT, MAX_TARGETS, PlanView, TargetView, check_plan
from .targets import check

__all__ = [
    "CARRY_FORWARD_LIMIT",
    "MAX_TARGETS",
    "TEMPLATES",
    "YEARLESS_LOOKBACK",
    "PlanView",
    "TargetView",
    "check",
    "check_plan",
    "find_dates",
]
