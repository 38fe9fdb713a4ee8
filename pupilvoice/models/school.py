"""A school: the tenant every other row belongs to."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column, validates

from ..domain.text import one_line
from ..extensions import db
from .base import UTCDateTime, utcnow


class School(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    # PRI-04: how long records are kept (domain/retention.py has the rules and defaults)
    keep_sen_until_age: Mapped[int] = mapped_column(default=25, server_default="25")
    keep_ehc_until_age: Mapped[int] = mapped_column(default=31, server_default="31")
    keep_worries_years: Mapped[int] = mapped_column(default=2, server_default="2")
    keep_recordings_months: Mapped[int] = mapped_column(default=12, server_default="12")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    @validates("name")
    def _name_on_one_line(self, _key: str, name: str) -> str:
        """The school's name heads every mail and letter: one line."""
        return one_line(name) if isinstance(name, str) else name

    def __repr__(self) -> str:
        return f"<School {self.id} {self.name!r}>"
