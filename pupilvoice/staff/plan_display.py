"""How plan pages show things: both versions of a clashing save, and what changed
between two saved versions, in the reader's language."""

from __future__ import annotations

from typing import Any

from flask_babel import format_currency
from flask_login import current_user
from wtforms import SelectField

from ..domain.versions import Clash, changes, word_diff
from ..extensions import db
from ..i18n import gettext as _
from ..models import Plan, PlanVersion, Pupil
from ..plan_labels import (
    AREA_LABELS,
    ATTENDANCE_LABELS,
    ATTENTION_LABELS,
    CHANGE_LABELS,
    FIELD_LABELS,
    OUTCOME_LABELS,
    STATUS_LABELS,
)
from ..services import plans, voice
from ..voice_labels import card_word, proposal_sentence
from .routes import bp

PLACES = ("like", "unsure", "dislike")


def audited_read(page: str, found: Plan, what: str = "viewed") -> str:
    """``page``, once its read of the plan is audited (REL-06) and committed. Made first:
    committing before rendering would expire what the page shows, and writing before it
    would hold SQLite's write lock while the page renders. Every page that shows a plan
    (the plan, its versions, its editors, its translation, a paper answer) uses this."""
    plans.record_read(current_user, found, what)
    db.session.commit()
    return page


@bp.context_processor
def plan_words() -> dict[str, Any]:
    return {
        "area_labels": AREA_LABELS,
        "status_labels": STATUS_LABELS,
        "change_labels": CHANGE_LABELS,
        "attention_labels": ATTENTION_LABELS,
        "outcome_labels": OUTCOME_LABELS,
        "attendance_labels": ATTENDANCE_LABELS,
    }


def _raw(field) -> str:
    """What the field holds, as it would be typed back into the form."""
    if isinstance(field, SelectField):
        return field.data or ""
    return field._value() or ""


def _choice_label(field, value: str) -> str:
    return next((str(label) for v, label, *_rest in field.iter_choices() if v == value), value)


def merge_rows(form, theirs, clashes: dict[str, Clash]) -> list[dict[str, Any]]:
    """Every field of the form, with both versions of those that clash."""
    rows = []
    for field in form.user_fields():
        mine, other = _raw(field), _raw(theirs[field.name])
        shown = _choice_label if isinstance(field, SelectField) else (lambda _f, v: v)
        rows.append(
            {
                "field": field,
                "clash": clashes.get(field.name),
                "mine": mine,
                "theirs": other,
                "mine_shown": shown(field, mine),
                "theirs_shown": shown(field, other),
            }
        )
    return rows


def _shown(field: str, value: Any) -> str:
    if value is None or value == "":
        return ""
    if field == "area":
        return str(AREA_LABELS.get(value, value))
    if field == "outcome":
        return str(OUTCOME_LABELS.get(value, value))
    if field == "archived":
        return _("yes") if value else _("no")
    if field == "cost_per_session_pence":
        return format_currency(value / 100, "GBP")
    return str(value)


def _short(text: str, words: int = 6) -> str:
    parts = (text or "").split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def change_rows(old: PlanVersion | None, new: PlanVersion | None) -> list[dict[str, Any]]:
    """The changes from ``old`` to ``new``, each with its before and after words marked."""
    if old is None or new is None:
        return []
    targets = {**old.snapshot["targets"], **new.snapshot["targets"]}
    rows = []
    for change in changes(old.snapshot, new.snapshot):
        if change.target is None:
            part, words = _("The plan"), ""
        else:
            part, words = _("Target"), _short(targets[change.target].get("smart_text", ""))
        before, after = _shown(change.field, change.before), _shown(change.field, change.after)
        rows.append(
            {
                "part": part,
                "words": words,
                "label": FIELD_LABELS.get(change.field, change.field),
                "runs": word_diff(before, after),
            }
        )
    return rows


def _place_labels() -> dict[str, str]:
    return {"like": _("Likes"), "unsure": _("Not sure about"), "dislike": _("Does not like")}


def views_summary(pupil: Pupil) -> str:
    """The pupil's views to start a plan with: where they put each card in their latest
    About me, with their own words, and what they said helps them. Words flagged as a
    worry stay out: parents read the plan."""
    lines = []
    sorts = voice.sorts_of(pupil, limit=1)
    if sorts:
        flagged = plans.worry_choice_ids(pupil)
        places: dict[str, list[str]] = {place: [] for place in PLACES}
        for choice in sorts[0].choices:
            if choice.place in places:
                said = choice.words if choice.words and choice.id not in flagged else ""
                word = card_word(choice.card)
                places[choice.place].append(f"{word} (“{said}”)" if said else word)
        labels = _place_labels()
        lines += [f"{labels[p]}: {', '.join(items)}" for p, items in places.items() if items]
    helps = [p for p in voice.proposals_of(pupil) if p.starter == "helps"]
    lines += [f"{proposal_sentence(p)}." for p in reversed(helps)]
    return "\n".join(lines)
