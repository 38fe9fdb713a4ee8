"""Group Education Plans: pupils with similar needs taught together, the common targets
written once for the group, and who joined and left, when and by whom. Each member's plan
carries its own copy of a common target (``Target.group_target_id``), so parents confirm
it, staff record the pupil's own evidence and outcome on it, and versions keep it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow
from .plan import TargetWords


class TeachingGroup(db.Model):
    """A small group that works on common targets (a phonics group, a social-skills group)."""

    __tablename__ = "teaching_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    members = relationship("GroupMember", back_populates="group", order_by="GroupMember.joined_at")
    targets = relationship("GroupTarget", back_populates="group", order_by="GroupTarget.position")
    created_by = relationship("User")

    @property
    def current_members(self) -> list[GroupMember]:
        """Who is in the group now (a pupil who has left the school is not)."""
        return [m for m in self.members if m.left_at is None and m.pupil.archived_at is None]

    @property
    def member_class_ids(self) -> frozenset[int | None]:
        """The classes of the pupils in the group now (permissions look at these)."""
        return frozenset(m.pupil.class_id for m in self.current_members)

    @property
    def active_targets(self) -> list[GroupTarget]:
        return [t for t in self.targets if t.archived_at is None]


class GroupMember(db.Model):
    """One stay of a pupil in a group: joined (when, by whom) and, once they leave, left."""

    __tablename__ = "group_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("teaching_group.id"), index=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id"), index=True)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    joined_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    left_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    left_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    group = relationship("TeachingGroup", back_populates="members")
    pupil = relationship("Pupil")
    joined_by = relationship("User", foreign_keys=[joined_by_id])
    left_by = relationship("User", foreign_keys=[left_by_id])


class GroupTarget(TargetWords, db.Model):
    """A common target, its strategies and provision, written once for the group. Each
    member's plan has a Target that keeps these words in step with it."""

    __tablename__ = "group_target"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("teaching_group.id"), index=True)
    provision_id: Mapped[int | None] = mapped_column(ForeignKey("provision.id"))
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    group = relationship("TeachingGroup", back_populates="targets")
    provision = relationship("Provision")
