"""The SMART checks of a plan as a whole: how many targets, baselines, success criteria,
targets carried forward unchanged, and the review date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..problems import Problem, problem
from .dates import fmt
from .messages import TEMPLATES

MAX_TARGETS = 4
CARRY_FORWARD_LIMIT = 2


@dataclass(frozen=True)
class TargetView:
    """What ``check_plan`` needs of one active target.

    ``previous_texts``: the SMART wording of this target in earlier plans, latest first.
    """

    smart_text: str
    baseline: str = ""
    success_criteria: str = ""
    previous_texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanView:
    """What ``check_plan`` needs of a plan: its active targets, review date and reason."""

    targets: Sequence[TargetView]
    review_date: date | None = None
    extra_target_reason: str = ""


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.lower().split()).rstrip(".") == " ".join(b.lower().split()).rstrip(".")


def _short(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def check_plan(plan: PlanView, *, today: date) -> list[Problem]:
    """The problems with a plan as a whole; run ``check`` on each target for its wording."""
    problems: list[Problem] = []
    count = len(plan.targets)
    if count > MAX_TARGETS and not plan.extra_target_reason.strip():
        problems.append(problem(TEMPLATES, "too-many-targets", None, count=str(count)))
    for target in plan.targets:
        problems += _target_problems(target)
    if plan.review_date is None:
        problems.append(problem(TEMPLATES, "no-review-date", None))
    elif plan.review_date < today:
        problems.append(problem(TEMPLATES, "review-date-past", None, date=fmt(plan.review_date)))
    return problems


def _target_problems(target: TargetView) -> list[Problem]:
    name = _short(target.smart_text)
    problems: list[Problem] = []
    if not target.baseline.strip():
        problems.append(problem(TEMPLATES, "no-baseline", name))
    if not target.success_criteria.strip():
        problems.append(problem(TEMPLATES, "no-success-criteria", name))
    unchanged = 0
    for previous in target.previous_texts:
        if not _same_text(previous, target.smart_text):
            break
        unchanged += 1
    if unchanged >= CARRY_FORWARD_LIMIT:
        problems.append(problem(TEMPLATES, "carried-forward-again", name))
    return problems
