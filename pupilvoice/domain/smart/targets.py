"""The SMART checks of one target's wording: each rule in its own module, run together."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..problems import Problem, problem
from .dates import found_dates, past_date_problems
from .measures import has_measure
from .messages import TEMPLATES
from .several_skills import several_skills
from .text import unquoted
from .time_frames import has_time_frame
from .vague_provision import vague_provisions
from .vague_verbs import vague_verbs


def check(text: str, *, today: date, target_date: date | None = None) -> list[Problem]:
    """The problems with one target's SMART wording, each quoting the words that caused it.

    ``target_date`` is the plan field for the target's date, when the form has one.
    """
    problems: list[Problem] = []
    plain = unquoted(text)
    for phrase in _unique(vague_verbs(plain)):
        problems.append(problem(TEMPLATES, "vague-verb", phrase))
    for phrase in _unique(vague_provisions(plain)):
        problems.append(problem(TEMPLATES, "vague-provision", phrase))
    dates = found_dates(text, today)
    if not has_measure(text, dates):
        problems.append(problem(TEMPLATES, "no-measure", None))
    if target_date is None and not has_time_frame(text, dates):
        problems.append(problem(TEMPLATES, "no-date", None))
    problems += past_date_problems(dates, today, target_date)
    skills = several_skills(plain)
    if skills:
        problems.append(problem(TEMPLATES, "several-skills", skills))
    return problems


def _unique(phrases: Iterator[str] | list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for phrase in phrases:
        seen.setdefault(" ".join(phrase.lower().split()), phrase)
    return list(seen.values())
