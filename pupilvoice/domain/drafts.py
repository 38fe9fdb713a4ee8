"""Starting a plan when the pupil already has a draft: one rule, apart from the life-cycle.

Two drafts for one pupil split the work (each teacher writes targets in their own, and
parents only ever get one), so the editor warns and offers the draft that is there. It
never forbids: a teacher may really want a fresh start, and says so on the warning."""

from __future__ import annotations

from collections.abc import Iterable

from .lifecycle import DRAFT


def draft_to_open_instead(plans: Iterable[tuple[int, str]]) -> int | None:
    """The id of the pupil's newest draft, from (id, status) pairs newest first; None when
    there is no draft to offer (shared, agreed or closed plans do not count: the next plan
    after a review is started by closing it)."""
    return next((plan_id for plan_id, status in plans if status == DRAFT), None)


def may_start_another(existing_draft: int | None, seen_draft: int | None) -> bool:
    """Start a plan when there is no draft, or when the teacher saw that very draft named
    on the page and chose to start another (a draft made meanwhile in another tab is
    shown first)."""
    return existing_draft is None or existing_draft == seen_draft
