"""What passes between a plan and each parent: the plan sent to them (and opened, and
reminded), and every answer they give (REL-03, REL-04)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow


class ParentResponse(db.Model):
    """One answer from one parent: to a target ("agree", "agree_add", "talk") or a note on
    the whole plan ("home_help", "child_said"). Rows are never changed: answering again
    adds a row and the latest per parent counts, so the history is kept. Each row records
    the plan's version and text hash it answers, and for a target a hash of the words the
    parent read, so a later change to that target asks them again."""

    __tablename__ = "parent_response"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    target_id: Mapped[int | None] = mapped_column(ForeignKey("target.id"), index=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str] = mapped_column(Text, default="")
    plan_version: Mapped[int] = mapped_column()
    plan_text_hash: Mapped[str] = mapped_column(String(64))
    target_hash: Mapped[str | None] = mapped_column(String(64))
    method: Mapped[str] = mapped_column(String(16), default="online")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)

    parent = relationship("User", foreign_keys=[parent_id])
    recorded_by = relationship("User", foreign_keys=[recorded_by_id])
    target = relationship("Target")


class PlanDelivery(db.Model):
    """A plan sent to one parent: how and when it was last sent (and which version), when
    they first opened that version ("received"), the one reminder, and a counter that
    every saved set of answers moves on, so a double tap saves once (REL-04)."""

    __tablename__ = "plan_delivery"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    method: Mapped[str] = mapped_column(String(16))  # "email", "letter" or "online"
    sent_version: Mapped[int] = mapped_column()
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    answer_round: Mapped[int] = mapped_column(default=0)

    parent = relationship("User", foreign_keys=[parent_id])
    sent_by = relationship("User", foreign_keys=[sent_by_id])

    __table_args__ = (UniqueConstraint("plan_id", "parent_id"),)


class PlanTranslation(db.Model):
    """A member of staff's translation of a plain-language field for one family language:
    parents reading in that language see it with the school's original beside it. It
    keeps a hash of the original it translates, so a changed original is not shown
    translated from an older wording. Parents confirm the original, not the translation."""

    __tablename__ = "plan_translation"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    target_id: Mapped[int | None] = mapped_column(ForeignKey("target.id"))
    field: Mapped[str] = mapped_column(String(30))
    language: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    source_hash: Mapped[str] = mapped_column(String(64))
    translated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    translated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    translated_by = relationship("User")
