"""What changed between two About me sorts, and how a view was gathered (pure rules)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

SKIP = "skip"


@dataclass(frozen=True)
class Change:
    card_id: int
    before: str | None  # like / unsure / dislike, or None: not sorted last time
    after: str | None  # None: not sorted this time

    @property
    def kind(self) -> str:
        if self.before is None:
            return "new"
        if self.after is None:
            return "gone"
        return "moved"


def changes(
    previous: Mapping[int, str], latest: Mapping[int, str], order: Iterable[int] = ()
) -> list[Change]:
    """Cards whose place differs between two sorts (skipped cards count as not sorted),
    in ``order`` first, then any others by id."""
    before = {card: place for card, place in previous.items() if place != SKIP}
    after = {card: place for card, place in latest.items() if place != SKIP}
    cards = list(dict.fromkeys([*order, *sorted(set(before) | set(after))]))
    return [
        Change(card, before.get(card), after.get(card))
        for card in cards
        if before.get(card) != after.get(card) and (card in before or card in after)
    ]


def gathered(helper_ids: Iterable[int | None]) -> tuple[str, list[int]]:
    """("alone" | "helped" | "partly", the helpers' ids in order of first help)."""
    ids = list(helper_ids)
    helpers = list(dict.fromkeys(i for i in ids if i is not None))
    if not helpers:
        return "alone", []
    if all(i is not None for i in ids):
        return "helped", helpers
    return "partly", helpers
