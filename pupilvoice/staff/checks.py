"""The SMART and plain-language checkers in the plan editor: on every save (listed next to
each field) and live as the teacher types (a JSON endpoint). They never block saving."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from flask import abort, request
from flask_login import current_user

from ..access import audience
from ..domain import plain_language, smart
from ..domain.problems import Problem
from ..domain.roles import SENCO, TEACHER
from ..domain.smart import PlanView, TargetView
from ..domain.text import has_control_characters
from ..i18n import gettext as _
from ..i18n import today
from ..services import glossary
from .routes import bp

# Which checker looks at which field: SMART wording, support that parents read (vague
# provision and jargon), and words a pupil or parent reads (jargon, long, hard).
FIELD_CHECKS = {
    "smart_text": "smart",
    "strategies": "provision",
    "child_text": "plain",
    "home_text": "plain",
    "pupil_views": "plain",
}
KINDS = frozenset(FIELD_CHECKS.values())
TEMPLATES = {**smart.TEMPLATES, **plain_language.TEMPLATES}
MAX_CHECKED = 5000


def problems(
    kind: str,
    text: str,
    glossary_terms: Mapping[str, str],
    target_on: date | None = None,
    day: date | None = None,
) -> list[Problem]:
    """The checker's problems with ``text`` (``day``: today, when the caller has it)."""
    if not text.strip():
        return []
    terms = tuple(glossary_terms.items())
    return list(_checked(kind, text, terms, target_on, day or today()))


@lru_cache(maxsize=1024)
def _checked(
    kind: str, text: str, terms: tuple[tuple[str, str], ...], target_on: date | None, day: date
) -> tuple[Problem, ...]:
    """The checkers are pure functions of these arguments, and a plan page shows the same
    texts again on every view: each text is checked once (a worker keeps 1,024 answers)."""
    if kind == "smart":
        return tuple(smart.check(text, today=day, target_date=target_on))
    found = plain_language.check(text, glossary=dict(terms))
    if kind == "provision":
        vague = smart.check(text, today=day)
        found = [p for p in vague if p.code == "vague-provision"] + found
    return tuple(found)


def described(found: list[Problem]) -> list[dict[str, Any]]:
    """Each problem with its message in the reader's language."""
    return [
        {"code": p.code, "phrase": p.phrase, "message": _(TEMPLATES[p.template], **p.params)}
        for p in found
    ]


def field_problems(
    values: Mapping[str, Any], school_id: int, terms: Mapping[str, str] | None = None
) -> dict[str, list[dict]]:
    """The checkers' notes on each checked field of a form, by field name (``terms``: the
    school's glossary, when the caller has it already)."""
    terms = glossary.for_school(school_id) if terms is None else terms
    target_on = values.get("target_on") if isinstance(values.get("target_on"), date) else None
    day = today()
    return {
        name: described(problems(kind, str(values[name] or ""), terms, target_on, day))
        for name, kind in FIELD_CHECKS.items()
        if name in values
    }


def target_values(target: Any) -> dict[str, Any]:
    """A saved target's checked fields, with its date: a target with a date has a time
    frame (the plan page said "no time frame" beside the date it showed)."""
    values = {name: getattr(target, name) for name in FIELD_CHECKS if hasattr(target, name)}
    return values | {"target_on": target.target_on}


def plan_problems(plan) -> list[dict[str, Any]]:
    """The whole-plan checks: too many targets, no baseline, no review date, ..."""
    view = PlanView(
        targets=[
            TargetView(t.smart_text, t.baseline, t.success_criteria, _previous(t))
            for t in plan.active_targets
        ],
        review_date=plan.review_on,
        extra_target_reason=plan.extra_target_reason,
    )
    return described(smart.check_plan(view, today=today()))


def _previous(target) -> tuple[str, ...]:
    texts = []
    while target.carried_from is not None and len(texts) < smart.CARRY_FORWARD_LIMIT:
        target = target.carried_from
        texts.append(target.smart_text)
    return tuple(texts)


def _checked_request() -> tuple[str, str, date | None]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(400)
    kind, text, when = body.get("kind"), body.get("text"), body.get("target_on") or None
    if kind not in KINDS or not isinstance(text, str) or len(text) > MAX_CHECKED:
        abort(400)
    if has_control_characters(text, multiline=True):
        abort(400)  # what the form would refuse to save is not worth checking (REL-05)
    try:
        target_on = date.fromisoformat(when) if isinstance(when, str) else None
    except ValueError:
        target_on = None
    return kind, text, target_on


@bp.post("/check")
@audience(TEACHER, SENCO)
def check():
    """The live checker: {"kind", "text", "target_on"} in, {"problems": [...]} out."""
    kind, text, target_on = _checked_request()
    terms = glossary.for_school(current_user.school_id)
    return {"problems": described(problems(kind, text, terms, target_on))}
