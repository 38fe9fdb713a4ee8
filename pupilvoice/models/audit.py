"""The append-only audit log (REL-06)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, event
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import UTCDateTime, utcnow


class AuditEvent(db.Model):
    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int | None] = mapped_column(ForeignKey("school.id"))
    actor_user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    actor_pupil_id: Mapped[int | None] = mapped_column(ForeignKey("pupil.id"))
    action: Mapped[str] = mapped_column(String(40))
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[int | None] = mapped_column()
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (
        # "When did this person last open these pupils' pages?" (the staff home, on every
        # view): without it, that query reads the whole log, which grows with every read.
        Index("ix_audit_event_actor_action", "actor_user_id", "action", "object_type", "object_id"),
        # The SENCO's log, newest first: a school's page, or one kind of event or record,
        # is read from these indexes alone, however long the log (issue 16); they also
        # serve every lookup by school.
        Index("ix_audit_event_school_created", "school_id", "created_at", "id"),
        Index("ix_audit_event_school_action", "school_id", "action", "created_at", "id"),
        Index("ix_audit_event_school_kind", "school_id", "object_type", "created_at", "id"),
    )


@event.listens_for(AuditEvent, "before_update")
@event.listens_for(AuditEvent, "before_delete")
def _refuse_change(mapper, connection, target):
    raise RuntimeError("audit events are append-only")
