"""Staff translations of a plan's plain-language fields for a family language (issue 6,
item 3). Parents who read in that language see the translation with the school's original
beside it; a translation made from an older wording is not shown. Flush, never commit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import bindparam, select

from ..domain.parent_answers import TRANSLATABLE_PLAN_FIELDS, TRANSLATABLE_TARGET_FIELDS
from ..domain.parent_answers import source_hash as hash_of
from ..extensions import db
from ..models import Plan, PlanTranslation, Target, User
from ..models.base import utcnow
from . import audit


@dataclass(frozen=True)
class Part:
    """One field a family reads: where it is, the original, and its translation if any."""

    key: str  # a form field name: "plan_pupil_views", "t12_home_text"
    target: Target | None
    field: str
    original: str
    translation: PlanTranslation | None

    @property
    def fresh(self) -> bool:
        """The translation was made from the original as it reads now."""
        return self.translation is not None and (
            self.translation.source_hash == hash_of(self.original)
        )


def key_of(target: Target | None, field: str) -> str:
    return f"t{target.id}_{field}" if target is not None else f"plan_{field}"


# Built once (the family plan page runs it on every view in a family language): building a
# statement costs SQLAlchemy about as much as running it.
_TRANSLATIONS = select(PlanTranslation).where(
    PlanTranslation.plan_id == bindparam("plan_id"),
    PlanTranslation.language == bindparam("language"),
)


def _existing(plan: Plan, language: str) -> dict[str, PlanTranslation]:
    found = {}
    for row in db.session.scalars(_TRANSLATIONS, {"plan_id": plan.id, "language": language}):
        target = db.session.get(Target, row.target_id) if row.target_id else None
        found[key_of(target, row.field)] = row
    return found


def parts(plan: Plan, language: str) -> list[Part]:
    """Every plain-language field with words in it, in the order a parent reads them."""
    existing = _existing(plan, language)
    places = [(None, f) for f in TRANSLATABLE_PLAN_FIELDS]
    places += [(t, f) for t in plan.active_targets for f in TRANSLATABLE_TARGET_FIELDS]
    found = []
    for target, field in places:
        original = getattr(target if target is not None else plan, field) or ""
        if original.strip():
            key = key_of(target, field)
            found.append(Part(key, target, field, original, existing.get(key)))
    return found


def save(actor: User, plan: Plan, language: str, texts: Mapping[str, str]) -> int:
    """Keep the translations typed for ``language``; an emptied one is removed. Returns how
    many changed; audited."""
    changed = 0
    for part in parts(plan, language):
        text = (texts.get(part.key) or "").strip()
        row = part.translation
        if not text:
            if row is not None:
                db.session.delete(row)
                changed += 1
            continue
        if row is not None and row.text == text and part.fresh:
            continue  # the same words for the same original: nothing to do (REL-04)
        if row is None:
            row = PlanTranslation(
                school_id=plan.school_id,
                plan_id=plan.id,
                target_id=part.target.id if part.target else None,
                field=part.field,
                language=language,
            )
            db.session.add(row)
        row.text, row.source_hash = text, hash_of(part.original)
        row.translated_by_id, row.translated_at = actor.id, utcnow()
        changed += 1
    db.session.flush()
    if changed:
        audit.record(actor, "translation_saved", plan, language=language, fields=changed)
    return changed


def for_family(plan: Plan, language: str) -> dict[str, str]:
    """The translations a parent reading in ``language`` sees: only up-to-date ones."""
    return {part.key: part.translation.text for part in parts(plan, language) if part.fresh}
