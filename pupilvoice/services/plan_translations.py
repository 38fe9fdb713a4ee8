"""Staff translations of a plan's plain-language fields for a family language (issue 6,
item 3), and those a target brought from the bank (issue 13, item 8). Parents who read in
that language see the translation with the school's original beside it; one made from an
older wording stays, marked "may be out of date", until someone updates it. Every change
is a new version of the plan, so a version records the translations a parent saw.
Flush, never commit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import bindparam, select

from ..domain import translations as rules
from ..domain.translations import TRANSLATABLE_PLAN_FIELDS, TRANSLATABLE_TARGET_FIELDS, Wording
from ..domain.translations import source_hash as hash_of
from ..extensions import db
from ..models import Plan, PlanTranslation, Target, User
from ..models.base import utcnow
from . import plans


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
    return rules.key_of(target.id if target is not None else None, field)


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
        # a version, so the plan's history keeps the words parents read (and audited)
        plans.saved(actor, plan, "translation_saved", language=language, fields=changed)
    return changed


def wordings(plan: Plan, language: str) -> dict[str, Wording]:
    """What a parent reading in ``language`` sees, by key: every translation, each
    saying whether it is up to date with the school's words."""
    return {
        part.key: Wording(part.translation.text, part.fresh)
        for part in parts(plan, language)
        if part.translation is not None
    }


def for_family(plan: Plan, language: str) -> dict[str, str]:
    """Only the up-to-date translations, as text (the printed copies use these)."""
    return {key: found.text for key, found in wordings(plan, language).items() if found.fresh}


_ALL = select(PlanTranslation).where(PlanTranslation.plan_id == bindparam("plan_id"))


def out_of_date_languages(plan: Plan) -> set[str]:
    """The languages with a translation made from older school words (the staff plan
    page asks for an update)."""
    targets = {t.id: t for t in plan.active_targets}
    found = set()
    for row in db.session.scalars(_ALL, {"plan_id": plan.id}):
        source = plan if row.target_id is None else targets.get(row.target_id)
        original = getattr(source, row.field, "") if source is not None else ""
        if (original or "").strip() and rules.state(row.source_hash, original) != rules.FRESH:
            found.add(row.language)
    return found


def snapshot(plan: Plan) -> dict[str, dict[str, dict[str, str]]]:
    """Every translation of the plan as a version keeps it: language -> key -> the words
    and the hash of the school's words they were made from."""
    found: dict[str, dict[str, dict[str, str]]] = {}
    for row in db.session.scalars(_ALL, {"plan_id": plan.id}):
        key = rules.key_of(row.target_id, row.field)
        found.setdefault(row.language, {})[key] = {"text": row.text, "source": row.source_hash}
    return found


def changes_in(
    plan: Plan, target: Target, answered_version: int, language: str
) -> dict[str, tuple[str, str]]:
    """For "what changed" since a parent answered: each field of ``target`` whose
    translation into ``language`` changed with it, as (old words, new words)."""
    before, now = plans.version(plan, answered_version), plans.version(plan, plan.version)
    if before is None or now is None:
        return {}
    found = {}
    for field in TRANSLATABLE_TARGET_FIELDS:
        key = rules.key_of(target.id, field)
        english = (_field(before.snapshot, target, field), _field(now.snapshot, target, field))
        words = rules.changed_words(
            english, _kept(before.snapshot, language, key), _kept(now.snapshot, language, key)
        )
        if words is not None:
            found[field] = words
    return found


def _field(snapshot: dict, target: Target, field: str):
    return snapshot.get("targets", {}).get(str(target.id), {}).get(field)


def _kept(snapshot: dict, language: str, key: str) -> dict | None:
    return snapshot.get("translations", {}).get(language, {}).get(key)
