"""The pupil's voice: About me card sorts, worries, and the school's cards and worry words.

Everything a pupil says records the adult who helped (``helper_id``; none means the pupil
was on their own), so staff can see how each view was gathered.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow

PLACES = ("like", "unsure", "dislike")
SKIPPED = "skip"


class TopicCard(db.Model):
    """A card to sort in About me: a symbol and a word. Built-in cards have a ``key`` and
    are shown in the page's language until the SENCO writes their own ``word``."""

    __tablename__ = "topic_card"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    key: Mapped[str | None] = mapped_column(String(40))
    word: Mapped[str | None] = mapped_column(String(60))
    symbol: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(default=0)
    # a pupil who does not like this card (friends, playtime, ...) is flagged to staff
    tell_staff_if_disliked: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    @property
    def is_active(self) -> bool:
        return self.retired_at is None


class Sort(db.Model):
    """One go at About me. Kept with its date, so staff see what changed since last time."""

    __tablename__ = "voice_sort"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id"), index=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    choices = relationship(
        "SortChoice", back_populates="sort", order_by="SortChoice.id", cascade="all, delete-orphan"
    )


class SortChoice(db.Model):
    """Where the pupil put one card in one sort, and their own words about it."""

    __tablename__ = "sort_choice"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    sort_id: Mapped[int] = mapped_column(ForeignKey("voice_sort.id"), index=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("topic_card.id"), index=True)
    place: Mapped[str] = mapped_column(String(10))  # like / unsure / dislike / skip
    words: Mapped[str | None] = mapped_column(Text)
    recording_id: Mapped[int | None] = mapped_column(ForeignKey("recording.id"))
    helper_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    chosen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    sort = relationship("Sort", back_populates="choices")
    card = relationship("TopicCard")
    helper = relationship("User")
    recording = relationship("Recording")

    __table_args__ = (UniqueConstraint("sort_id", "card_id"),)


class Worry(db.Model):
    """Something staff must look at: raised by the pupil ("Something worries me"), or a
    dislike flagged by the school's word list. Open until staff record what they did.
    Staff only: never shown to parents."""

    __tablename__ = "worry"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id"), index=True)
    source: Mapped[str] = mapped_column(String(10))  # "pupil" or "about_me"
    kind: Mapped[str | None] = mapped_column(String(20))  # what the pupil tapped
    words: Mapped[str | None] = mapped_column(Text)
    reasons: Mapped[list] = mapped_column(JSON, default=list)  # why it was flagged
    sort_choice_id: Mapped[int | None] = mapped_column(ForeignKey("sort_choice.id"))
    recording_id: Mapped[int | None] = mapped_column(ForeignKey("recording.id"))
    helper_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    action_taken: Mapped[str | None] = mapped_column(Text)

    pupil = relationship("Pupil")
    sort_choice = relationship("SortChoice")
    recording = relationship("Recording")
    helper = relationship("User", foreign_keys=[helper_id])
    closed_by = relationship("User", foreign_keys=[closed_by_id])

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class WorryWord(db.Model):
    """A word or phrase that, in a pupil's words about something they dislike, is flagged
    to staff. Each school keeps its own list (the SENCO edits it)."""

    __tablename__ = "worry_word"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    word: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (UniqueConstraint("school_id", "word"),)


class Proposal(db.Model):
    """An "I can..." target the pupil proposes: an area, a sentence starter and their words."""

    __tablename__ = "proposal"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id"), index=True)
    area: Mapped[str] = mapped_column(String(20))
    starter: Mapped[str] = mapped_column(String(20))
    words: Mapped[str | None] = mapped_column(Text)
    recording_id: Mapped[int | None] = mapped_column(ForeignKey("recording.id"))
    helper_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    pupil = relationship("Pupil")
    helper = relationship("User")
    recording = relationship("Recording")
    ratings = relationship(
        "SelfRating",
        back_populates="proposal",
        order_by="SelfRating.created_at",
        cascade="all, delete-orphan",
    )


class SelfRating(db.Model):
    """The pupil's own face-scale rating of a proposal, whenever they like:
    1 Not yet, 2 Getting there, 3 I can do it!"""

    __tablename__ = "self_rating"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id"), index=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id"), index=True)
    level: Mapped[int] = mapped_column()
    helper_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    proposal = relationship("Proposal", back_populates="ratings")
    helper = relationship("User")


class Recording(db.Model):
    """A pupil's spoken words. Kept in the database, so any app server can serve it, and
    never under static/: staff play it back through an authorised route (SEC-15)."""

    __tablename__ = "recording"
    # The rate check counts a pupil's last minute from the index alone: on SQLite the
    # columns after ``data`` are read only by walking the audio's overflow pages.
    __table_args__ = (Index("ix_recording_pupil_id_created_at", "pupil_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id"))
    purpose: Mapped[str] = mapped_column(String(10))  # "voice" or "worry" (who may listen)
    content_type: Mapped[str] = mapped_column(String(40))  # from the content, not the browser
    size: Mapped[int] = mapped_column()
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    pupil = relationship("Pupil")
