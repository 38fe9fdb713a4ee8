"""The review of a plan: the meeting (when, where, who came and how, the pupil's own
comment), each parent's view of a target sent before it, and the reviews-due digests
already sent to staff (so a rerun of ``flask reviews-due`` sends nothing twice)."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import JSON, Date, ForeignKey, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow


class ReviewMeeting(db.Model):
    """One plan's review: set when staff start it (or its review date starts it) and
    filled in at the meeting. ``attendance`` maps "pupil" and "parent-<id>" to how they
    took part ("in_person", "phone", "absent"). ``next_plan_id`` is the plan it started."""

    __tablename__ = "review_meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), unique=True)
    meets_on: Mapped[date | None] = mapped_column(Date)
    meets_at: Mapped[time | None] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(120), default="")
    pupil_comment: Mapped[str] = mapped_column(Text, default="")
    attendance: Mapped[dict] = mapped_column(JSON, default=dict)
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    next_plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id"))
    # who came and the pupil's comment: saved from a form that carries ``version`` (REL-02)
    version: Mapped[int] = mapped_column(default=0)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    recorded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    plan = relationship("Plan", foreign_keys=[plan_id])
    started_by = relationship("User", foreign_keys=[started_by_id])
    recorded_by = relationship("User", foreign_keys=[recorded_by_id])


class ReviewView(db.Model):
    """A parent's words on one target before the review ("How has it gone at home?"):
    one row a parent and target, changed when they write again."""

    __tablename__ = "review_view"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("target.id"))
    parent_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    words: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    parent = relationship("User")

    __table_args__ = (UniqueConstraint("target_id", "parent_id"),)


class ReviewDigest(db.Model):
    """A plan named in a member of staff's reviews-due e-mail in the week starting
    ``week_of`` (a Monday): at most once a plan a week."""

    __tablename__ = "review_digest"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    week_of: Mapped[date] = mapped_column(Date)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (UniqueConstraint("user_id", "plan_id", "week_of"),)
