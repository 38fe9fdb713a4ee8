"""A bank target's wording in each school language (issue 13, item 8), entered once by a
person who speaks it, and carried into every plan target started from it. Flush, never
commit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..domain import translations as rules
from ..domain.plans import from_template
from ..extensions import db
from ..models import PlanTranslation, Target, TargetBankEntry, TargetBankTranslation, User
from ..models.base import utcnow
from . import audit


@dataclass(frozen=True)
class Part:
    """One field of a bank target in one language: its English now, and the translation."""

    field: str
    original: str
    translation: TargetBankTranslation | None

    @property
    def fresh(self) -> bool:
        return self.translation is not None and (
            rules.bank_state(self.translation.made_from, self.original) == rules.FRESH
        )


def parts(entry: TargetBankEntry, language: str) -> list[Part]:
    """Every field of the bank target with words in it, in the order the form shows them."""
    existing = {(t.language, t.field): t for t in entry.translations}
    return [
        Part(field, getattr(entry, field), existing.get((language, field)))
        for field in rules.BANK_FIELDS
        if (getattr(entry, field) or "").strip()
    ]


def save(actor: User, entry: TargetBankEntry, language: str, texts: Mapping[str, str]) -> int:
    """Keep the words typed for ``language``, each with the English it was made from; an
    emptied one is removed. Returns how many changed; audited."""
    changed = 0
    for part in parts(entry, language):
        text = (texts.get(part.field) or "").strip()
        row = part.translation
        if not text:
            if row is not None:
                entry.translations.remove(row)
                changed += 1
            continue
        if row is not None and row.text == text and part.fresh:
            continue  # the same words for the same English: nothing to do (REL-04)
        if row is None:
            row = TargetBankTranslation(
                school_id=entry.school_id, field=part.field, language=language
            )
            entry.translations.append(row)
        row.text, row.made_from = text, part.original
        row.translated_by_id, row.translated_at = actor.id, utcnow()
        changed += 1
    db.session.flush()
    if changed:
        audit.record(actor, "bank_translated", entry, language=language, fields=changed)
    return changed


def states(entry: TargetBankEntry) -> dict[str, str]:
    """For each language with words: FRESH when every translated field is up to date with
    the English, else OUT_OF_DATE (for the bank list)."""
    found: dict[str, str] = {}
    for row in entry.translations:
        english = getattr(entry, row.field, "")
        if not (english or "").strip():
            continue  # the English was emptied: nothing to read, nothing to update
        now = rules.bank_state(row.made_from, english)
        if found.get(row.language) != rules.OUT_OF_DATE:
            found[row.language] = now
    return found


def carry_into(entry: TargetBankEntry, target: Target) -> int:
    """A plan target started from ``entry`` takes a copy of its translations, with the
    pupil's name filled in: a later change to the bank does not change an agreed plan. Each
    copy keeps the English it was made from, so a target whose English the teacher changed
    shows the translation as "may be out of date" from the start."""
    name = target.plan.pupil.first_name
    count = 0
    for row in entry.translations:
        field = rules.BANK_FIELDS.get(row.field)
        if field is None or not (getattr(entry, row.field) or "").strip():
            continue
        made_from = from_template(row.made_from, name)
        db.session.add(
            PlanTranslation(
                school_id=target.school_id,
                plan_id=target.plan_id,
                target_id=target.id,
                field=field,
                language=row.language,
                text=from_template(row.text, name),
                source_hash=rules.source_hash(made_from),
                translated_by_id=row.translated_by_id,
            )
        )
        count += 1
    db.session.flush()
    return count
