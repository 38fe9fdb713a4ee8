"""The SEN register's history: one row for each change to a pupil's stage, needs or dates."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow


class RegisterChange(db.Model):
    """Who changed a pupil's place on the SEN register, when, how, and from what to what."""

    __tablename__ = "register_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id"), index=True)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    source: Mapped[str] = mapped_column(String(16))  # "form" or "import"
    # field -> [old, new], the fields of domain.sen_register.Entry (dates as ISO text)
    changes: Mapped[dict] = mapped_column(JSON, default=dict)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    pupil = relationship("Pupil")
    changed_by = relationship("User")
