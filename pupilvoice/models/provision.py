"""The school's provision catalogue: each intervention once, with its numbers and cost.
Targets point at one (``Target.provision_id``) instead of repeating them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..domain.provision_costs import PER_SESSION
from ..extensions import db
from .base import UTCDateTime, utcnow


class Provision(db.Model):
    """A phonics group, a social-skills group, 1:1 reading...: who delivers it, how much of
    it, where, the areas of need it serves, and its cost in pence, a session or an hour."""

    __tablename__ = "provision"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    provider: Mapped[str] = mapped_column(String(120), default="")
    group_size: Mapped[int] = mapped_column(default=1)
    sessions_per_week: Mapped[int] = mapped_column(default=1)
    minutes_per_session: Mapped[int] = mapped_column(default=30)
    weeks: Mapped[int] = mapped_column(default=10)
    location: Mapped[str] = mapped_column(String(120), default="")
    need_areas: Mapped[list] = mapped_column(JSON, default=list)
    cost_kind: Mapped[str] = mapped_column(String(10), default=PER_SESSION)
    cost_pence: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
