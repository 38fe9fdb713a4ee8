"""Translations of school text for families (issue 13, item 8): which fields a bank target
and a plan target carry in each school language, and when a translation is out of date.

A translation keeps the source it was made from (the English words, or their hash). When
the English changes, the translation is still shown, marked "may be out of date", until a
person who speaks the language updates it: a family keeps reading in their language and
always has the school's words beside it (those are what they confirm).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

FRESH = "fresh"
OUT_OF_DATE = "out_of_date"

# Staff translate these for a family language (the child's own words stay as said).
TRANSLATABLE_PLAN_FIELDS = ("pupil_views",)
TRANSLATABLE_TARGET_FIELDS = (
    "smart_text",
    "child_text",
    "baseline",
    "strategies",
    "success_criteria",
    "home_text",
)

# A bank target's fields with words in a language, and the plan target field each starts.
BANK_FIELDS = {
    "smart_template": "smart_text",
    "child_template": "child_text",
    "strategies": "strategies",
    "home_template": "home_text",
}


def key_of(target_id: int | None, field: str) -> str:
    """A translated field's name in forms, pages and kept versions: "t12_home_text"."""
    return f"t{target_id}_{field}" if target_id is not None else f"plan_{field}"


def source_hash(text: str | None) -> str:
    """The hash a translation keeps of the words it was made from."""
    return hashlib.sha256((text or "").strip().encode("utf-8")).hexdigest()


def state(made_from_hash: str, original_now: str | None) -> str:
    """FRESH when the translation was made from the original as it reads now, else
    OUT_OF_DATE (the original changed since)."""
    return FRESH if made_from_hash == source_hash(original_now) else OUT_OF_DATE


@dataclass(frozen=True)
class Wording:
    """A translated field as a reader sees it: the words in their language, and whether
    they were made from the school's words as they read now."""

    text: str
    fresh: bool

    def __str__(self) -> str:  # a template that prints it shows the words
        return self.text


def wording(text: str, made_from_hash: str, original_now: str | None) -> Wording:
    return Wording(text, state(made_from_hash, original_now) == FRESH)


def bank_state(made_from: str, template_now: str | None) -> str:
    """A bank translation keeps the English template itself (not only its hash): a plan
    target started from it then knows what the translation was made from, with the
    pupil's name filled in."""
    return FRESH if (made_from or "").strip() == (template_now or "").strip() else OUT_OF_DATE


def changed_words(
    english: tuple[Any, Any],
    before: Mapping[str, str] | None,
    after: Mapping[str, str] | None,
) -> tuple[str, str] | None:
    """What changed in one field, in the reader's language: ``english`` is the field's
    school words in the version the parent answered and now; ``before``/``after`` are the
    translation each version kept (``{"text", "source"}``). The old and new translated
    words when both versions had a translation up to date with its English and the words
    differ; else None (show the change in the school's words)."""
    old_english, new_english = english
    if not before or not after or before.get("text") == after.get("text"):
        return None
    if before.get("source") != source_hash(_text(old_english)):
        return None
    if after.get("source") != source_hash(_text(new_english)):
        return None  # not updated since the change: the school's words show what changed
    return before.get("text", ""), after.get("text", "")


def _text(value: Any) -> str:
    return "" if value is None else str(value)
