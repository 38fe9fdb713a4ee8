"""About me: a pupil sorts the school's cards (like, OK, dislike) and can tell more about
each; staff see the latest sorts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import bindparam, select
from sqlalchemy.orm import joinedload, selectinload

from ...extensions import db
from ...models import Pupil, Sort, SortChoice, TopicCard, User
from ...models.base import utcnow
from ...models.voice import PLACES, SKIPPED
from .. import audit, recordings
from .cards import active_cards
from .words import MAX_WORDS
from .worries import flag_if_needed

# A sort started this recently is carried on (or changed) rather than started afresh.
SORT_WINDOW = timedelta(days=7)


# Every About me page reads the sort's choices (which cards are done, which is chosen),
# so they come with it in the same query.
_CURRENT_SORT = (
    select(Sort)
    .where(Sort.pupil_id == bindparam("pupil_id"), Sort.started_at > bindparam("since"))
    .order_by(Sort.started_at.desc(), Sort.id.desc())
    .limit(1)
    .options(joinedload(Sort.choices))
)


def current_sort(pupil: Pupil) -> Sort | None:
    """The pupil's sort from the last few days (with its choices), if there is one."""
    found = db.session.scalars(
        _CURRENT_SORT, {"pupil_id": pupil.id, "since": utcnow() - SORT_WINDOW}
    )
    return found.unique().first()


def open_sort(pupil: Pupil) -> Sort:
    """Carry on with this week's sort, or start a new one (kept with its date)."""
    sort = current_sort(pupil)
    if sort is None:
        sort = Sort(school_id=pupil.school_id, pupil_id=pupil.id)
        db.session.add(sort)
        db.session.flush()
        audit.record(pupil, "start_sort", sort)
    return sort


def choice_for(sort: Sort, card: TopicCard) -> SortChoice | None:
    return next((c for c in sort.choices if c.card_id == card.id), None)


def next_card(sort: Sort, cards: Sequence[TopicCard]) -> TopicCard | None:
    """The first card the pupil has not answered (or skipped) yet."""
    answered = {choice.card_id for choice in sort.choices}
    return next((card for card in cards if card.id not in answered), None)


def choose(
    sort: Sort, card: TopicCard, place: str, pupil: Pupil, helper: User | None
) -> SortChoice:
    """Put a card in a place (or skip it); changing your mind just moves it."""
    if place not in (*PLACES, SKIPPED):
        raise ValueError(f"unknown place {place!r}")
    choice = choice_for(sort, card)
    if choice is None:
        choice = SortChoice(school_id=sort.school_id, sort=sort, card=card, place=place)
        db.session.add(choice)
    choice.place = place
    choice.helper_id = helper.id if helper else None
    choice.chosen_at = utcnow()
    if next_card(sort, active_cards(sort.school_id)) is None and sort.finished_at is None:
        sort.finished_at = utcnow()
    db.session.flush()
    audit.record(pupil, "sort_card", choice, place=place, card=card.id)
    return flag_if_needed(choice, pupil, helper)


def tell_more(
    choice: SortChoice,
    words: str,
    pupil: Pupil,
    helper: User | None,
    recording: bytes | None = None,
) -> SortChoice:
    choice.words = words.strip()[:MAX_WORDS] or None
    recordings.replace(choice, pupil, recording)
    if helper is not None:
        choice.helper_id = helper.id
    db.session.flush()
    audit.record(pupil, "tell_more", choice, card=choice.card_id)
    return flag_if_needed(choice, pupil, helper)


def sorts_of(pupil: Pupil, limit: int = 2) -> list[Sort]:
    """The pupil's latest sorts that have at least one card sorted, newest first, with
    their choices, each choice's card and helper (every caller shows them): three queries
    however many cards, where loading them lazily made one a sort and one a card."""
    return list(
        db.session.execute(
            select(Sort)
            .where(Sort.pupil_id == pupil.id, Sort.choices.any())
            .order_by(Sort.started_at.desc(), Sort.id.desc())
            .limit(limit)
            .options(
                selectinload(Sort.choices).options(
                    joinedload(SortChoice.card), joinedload(SortChoice.helper)
                )
            )
        ).scalars()
    )
