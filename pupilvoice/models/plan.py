"""The pupil's plan (IEP): its targets, every saved version, evidence, and the school's
target bank and plain-language glossary."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..domain.lifecycle import DRAFT
from ..extensions import db
from .base import UTCDateTime, utcnow


class Plan(db.Model):
    """One term's plan for one pupil. ``version`` goes up by one on every save; the ORM
    refuses an UPDATE whose row has moved on meanwhile (optimistic locking, REL-02)."""

    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id"), index=True)
    term_label: Mapped[str] = mapped_column(String(60))
    starts_on: Mapped[date | None] = mapped_column(Date)
    review_on: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), default=DRAFT, index=True)
    version: Mapped[int] = mapped_column(default=1)
    involved: Mapped[str] = mapped_column(Text, default="")
    pupil_views: Mapped[str] = mapped_column(Text, default="")
    home_help: Mapped[str] = mapped_column(Text, default="")
    extra_target_reason: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    pupil = relationship("Pupil")
    targets = relationship("Target", back_populates="plan", order_by="Target.position")
    created_by = relationship("User", foreign_keys=[created_by_id])
    updated_by = relationship("User", foreign_keys=[updated_by_id])
    # read-only: services.reviews writes the meeting; pages load it with the plan
    review_meeting = relationship(
        "ReviewMeeting", foreign_keys="ReviewMeeting.plan_id", uselist=False, viewonly=True
    )

    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    @property
    def active_targets(self) -> list[Target]:
        return [t for t in self.targets if t.archived_at is None]


class TargetWords:
    """What a target and a group's common target both say: the SMART and child-friendly
    wording, how it is taught and the provision in numbers."""

    area: Mapped[str] = mapped_column(String(30))
    smart_text: Mapped[str] = mapped_column(Text)
    child_text: Mapped[str] = mapped_column(Text, default="")
    baseline: Mapped[str] = mapped_column(Text, default="")
    success_criteria: Mapped[str] = mapped_column(Text, default="")
    strategies: Mapped[str] = mapped_column(Text, default="")
    provider: Mapped[str] = mapped_column(String(120), default="")
    group_size: Mapped[int | None] = mapped_column()
    sessions_per_week: Mapped[int | None] = mapped_column()
    minutes_per_session: Mapped[int | None] = mapped_column()
    weeks: Mapped[int | None] = mapped_column()
    cost_per_session_pence: Mapped[int | None] = mapped_column()
    location: Mapped[str] = mapped_column(String(120), default="")
    target_on: Mapped[date | None] = mapped_column(Date)
    home_text: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)


class Target(TargetWords, db.Model):
    """One target: the pupil's own words (verbatim) beside the SMART wording, how it is
    taught, the provision in numbers, and, at review, the outcome."""

    __tablename__ = "target"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    pupil_words: Mapped[str] = mapped_column(Text, default="")
    source_proposal_id: Mapped[int | None] = mapped_column(ForeignKey("proposal.id"))
    # from the catalogue: the numbers (TargetWords) are then the provision's, kept in step
    provision_id: Mapped[int | None] = mapped_column(ForeignKey("provision.id"), index=True)
    # a group's common target: the words are the group's, kept in step with it
    group_target_id: Mapped[int | None] = mapped_column(ForeignKey("group_target.id"), index=True)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    carried_from_id: Mapped[int | None] = mapped_column(ForeignKey("target.id"))
    outcome: Mapped[str | None] = mapped_column(String(16))  # achieved / partly / not_yet
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    outcome_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    outcome_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    plan = relationship("Plan", back_populates="targets")
    source_proposal = relationship("Proposal")
    evidence = relationship("Evidence", back_populates="target", order_by="Evidence.observed_on")
    carried_from = relationship("Target", remote_side=[id])
    provision = relationship("Provision")
    group_target = relationship("GroupTarget")

    @property
    def last_out_of(self) -> int | None:
        """The total of the evidence measured last: the next measure is out of it too."""
        measured = [e for e in self.evidence if e.out_of]
        return max(measured, key=lambda e: (e.recorded_at, e.id)).out_of if measured else None


class PlanVersion(db.Model):
    """Every saved version of a plan: a JSON snapshot of its text and a hash of it."""

    __tablename__ = "plan_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    number: Mapped[int] = mapped_column()
    change: Mapped[str] = mapped_column(String(40))
    snapshot: Mapped[dict] = mapped_column(JSON)
    text_hash: Mapped[str] = mapped_column(String(64))
    saved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    saved_by = relationship("User")

    __table_args__ = (UniqueConstraint("plan_id", "number"),)


class Evidence(db.Model):
    """What a member of staff saw of the pupil's progress on a target (TAs add these too)."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("target.id"), index=True)
    note: Mapped[str] = mapped_column(Text)
    observed_on: Mapped[date] = mapped_column(Date)
    # optional, against the success criterion: "32 of 45 words" is measured 32, out_of 45
    measured: Mapped[int | None] = mapped_column()
    out_of: Mapped[int | None] = mapped_column()
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    target = relationship("Target", back_populates="evidence")
    recorded_by = relationship("User")


class TargetBankEntry(db.Model):
    """A good target the SENCO saved for teachers to start from. Never the pupil's words:
    the pupil's name is kept as ``{name}`` and filled in when a teacher uses it."""

    __tablename__ = "target_bank_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    area: Mapped[str] = mapped_column(String(30), index=True)
    smart_template: Mapped[str] = mapped_column(Text)
    child_template: Mapped[str] = mapped_column(Text, default="")
    strategies: Mapped[str] = mapped_column(Text, default="")
    home_template: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    translations = relationship(
        "TargetBankTranslation",
        back_populates="entry",
        order_by="TargetBankTranslation.id",
        cascade="all, delete-orphan",
    )


class TargetBankTranslation(db.Model):
    """A bank target's wording in a school language, entered once by a person who speaks
    it. It keeps the English it was made from: when the English changes it shows as "may
    be out of date", and a plan target started from the bank carries that along."""

    __tablename__ = "target_bank_translation"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("target_bank_entry.id"), index=True)
    language: Mapped[str] = mapped_column(String(8))
    field: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text)
    made_from: Mapped[str] = mapped_column(Text)
    translated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    translated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    entry = relationship("TargetBankEntry", back_populates="translations")
    translated_by = relationship("User")

    __table_args__ = (UniqueConstraint("entry_id", "language", "field"),)


class GlossaryTerm(db.Model):
    """A school word and its plain alternative, for the plain-language checker. A school
    without any uses the starter glossary."""

    __tablename__ = "glossary_term"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    term: Mapped[str] = mapped_column(String(60))
    plain: Mapped[str] = mapped_column(String(200))

    __table_args__ = (UniqueConstraint("school_id", "term"),)
