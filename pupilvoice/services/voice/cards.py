"""The school's About me cards and worry word list: the built-in ones, and the SENCO's
settings that change them."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import bindparam, func, select

from ...domain import worry_words
from ...extensions import db
from ...models import TopicCard, User, WorryWord
from ...models.base import utcnow
from .. import audit

# key, symbol, flag to staff when disliked (exclusion and bullying show up here)
DEFAULT_CARDS = [
    ("reading", "books", False),
    ("writing", "pencil", False),
    ("maths", "abacus", False),
    ("playtime", "slide", True),
    ("lunchtime", "lunch", True),
    ("friends", "friends", True),
    ("my_teacher", "teacher", False),
    ("noise", "noise", False),
    ("pe", "running-shoe", False),
    ("homework", "homework", False),
    ("getting_help", "hand-up", False),
    ("art", "art", False),
]


def ensure_defaults(school_id: int) -> None:
    """Give a school the built-in cards and worry words the first time it needs them."""
    has_cards = db.session.execute(
        select(func.count()).select_from(TopicCard).where(TopicCard.school_id == school_id)
    ).scalar_one()
    if has_cards:
        return
    for position, (key, symbol, flag) in enumerate(DEFAULT_CARDS):
        db.session.add(
            TopicCard(
                school_id=school_id,
                key=key,
                symbol=symbol,
                position=position,
                tell_staff_if_disliked=flag,
            )
        )
    existing = set(
        db.session.execute(select(WorryWord.word).where(WorryWord.school_id == school_id)).scalars()
    )
    for word in worry_words.DEFAULT_WORDS:
        if word not in existing:
            db.session.add(WorryWord(school_id=school_id, word=word))
    db.session.flush()


# Built once, like the other statements every About me page runs (building a statement
# costs SQLAlchemy about as much as running it).
_ACTIVE_CARDS = (
    select(TopicCard)
    .where(TopicCard.school_id == bindparam("school_id"), TopicCard.retired_at.is_(None))
    .order_by(TopicCard.position, TopicCard.id)
)


def active_cards(school_id: int) -> list[TopicCard]:
    return list(db.session.scalars(_ACTIVE_CARDS, {"school_id": school_id}))


def school_words(school_id: int) -> list[str]:
    return list(
        db.session.execute(
            select(WorryWord.word).where(WorryWord.school_id == school_id).order_by(WorryWord.word)
        ).scalars()
    )


# --- the SENCO's settings: About me cards and worry words -----------------------------------

MAX_WORRY_WORDS = 200


def all_cards(school_id: int) -> list[TopicCard]:
    """Cards in use (in the order pupils see them), then retired ones."""
    cards = db.session.execute(
        select(TopicCard)
        .where(TopicCard.school_id == school_id)
        .order_by(TopicCard.position, TopicCard.id)
    ).scalars()
    cards = list(cards)
    return [c for c in cards if c.is_active] + [c for c in cards if not c.is_active]


def save_card(
    card: TopicCard | None,
    school_id: int,
    word: str | None,
    symbol: str,
    tell_staff: bool,
    by: User,
) -> TopicCard:
    """Add a card (at the end) or change one. ``word`` None keeps a built-in card's own
    translated word."""
    if card is None:
        last = db.session.execute(
            select(func.max(TopicCard.position)).where(TopicCard.school_id == school_id)
        ).scalar()
        card = TopicCard(school_id=school_id, position=(last or 0) + 1)
        db.session.add(card)
    card.word = word.strip()[:60] if word else None
    card.symbol = symbol
    card.tell_staff_if_disliked = tell_staff
    db.session.flush()
    audit.record(by, "save_card", card, word=card.word or card.key, symbol=symbol)
    return card


def retire_card(card: TopicCard, by: User, retire: bool = True) -> None:
    """Take a card out of About me (or bring it back); past sorts keep it."""
    card.retired_at = utcnow() if retire else None
    audit.record(by, "retire_card" if retire else "restore_card", card)


def move_card(card: TopicCard, step: int, by: User) -> None:
    """Move a card one place earlier (-1) or later (+1) among the cards in use."""
    cards = active_cards(card.school_id)
    for position, each in enumerate(cards):
        each.position = position
    index = cards.index(card)
    other = index + step
    if 0 <= other < len(cards):
        cards[index].position, cards[other].position = other, index
        audit.record(by, "move_card", card, step=step)
    db.session.flush()


def set_worry_words(school_id: int, entries: Sequence[str], by: User) -> list[str]:
    """Replace the school's worry word list; returns the list as saved."""
    wanted = list(dict.fromkeys(worry_words.normalise(e) for e in entries))
    wanted = [w for w in wanted if w][:MAX_WORRY_WORDS]
    existing = {
        row.word: row
        for row in db.session.execute(
            select(WorryWord).where(WorryWord.school_id == school_id)
        ).scalars()
    }
    for word, row in existing.items():
        if word not in wanted:
            db.session.delete(row)
    for word in wanted:
        if word not in existing:
            db.session.add(WorryWord(school_id=school_id, word=word))
    db.session.flush()
    audit.record(by, "set_worry_words", by.school, count=len(wanted))
    return wanted
