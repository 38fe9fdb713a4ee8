"""People: staff and parent accounts, classes, pupils and the parent-pupil links."""

from __future__ import annotations

from datetime import date, datetime

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from ..domain.roles import PARENT, PUPIL, STAFF_ROLES
from ..domain.text import one_line
from ..extensions import db
from .base import UTCDateTime, utcnow


class User(UserMixin, db.Model):
    """A staff member (teacher, teaching assistant, SENCO) or a parent/carer."""

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    # None for a parent the school writes to by letter only; unique when there is one.
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    locale: Mapped[str | None] = mapped_column(String(8))
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enabled: Mapped[bool] = mapped_column(default=False)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    school = relationship("School")
    classes = relationship("ClassGroup", secondary="class_staff", back_populates="staff")
    children_links = relationship("ParentLink", back_populates="parent")

    # Flask-Login keys the session by the server-side LoginSession, not the user id.
    session_token = None  # set per request by the loader; not a column

    @validates("email")
    def _kept_in_lower_case(self, _key: str, email: str | None) -> str | None:
        """Addresses are stored trimmed and in lower case, so the unique index holds one
        account per address whatever its case, and sign-in finds it through that index.
        No address is None (never "", which the unique index would allow only once)."""
        return one_line(email or "").lower() or None

    @validates("name")
    def _name_on_one_line(self, _key: str, name: str) -> str:
        """Names go into e-mail subjects and bodies: one line, whatever sent them (the
        forms refuse line breaks; an import or a command might not)."""
        return one_line(name) if isinstance(name, str) else name

    def get_id(self) -> str | None:
        return self.session_token

    @property
    def is_active(self) -> bool:  # type: ignore[override]
        return self.archived_at is None

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_parent(self) -> bool:
        return self.role == PARENT

    @property
    def class_ids(self) -> frozenset[int]:
        return frozenset(c.id for c in self.classes)

    @property
    def pupil_ids(self) -> frozenset[int]:
        """A parent's current children: one who has left (is archived) is no longer theirs
        to see here (issue 14)."""
        return frozenset(
            link.pupil_id for link in self.children_links if link.pupil.archived_at is None
        )

    @property
    def children_class_ids(self) -> frozenset[int]:
        """The classes of a parent's current children (whose teachers may invite them)."""
        return frozenset(
            link.pupil.class_id
            for link in self.children_links
            if link.pupil.class_id is not None and link.pupil.archived_at is None
        )

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}>"


class ClassGroup(db.Model):
    __tablename__ = "class_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    year_group: Mapped[int] = mapped_column()
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    staff = relationship(
        "User", secondary="class_staff", back_populates="classes", order_by="User.id"
    )
    pupils = relationship("Pupil", back_populates="class_group", order_by="Pupil.first_name")

    __table_args__ = (UniqueConstraint("school_id", "name"),)

    @validates("name")
    def _name_on_one_line(self, _key: str, name: str) -> str:
        return one_line(name) if isinstance(name, str) else name


class ClassStaff(db.Model):
    __tablename__ = "class_staff"

    class_id: Mapped[int] = mapped_column(ForeignKey("class_group.id"), primary_key=True)
    # indexed on its own too: every staff request looks up "my classes" by user
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), primary_key=True, index=True)


class Pupil(UserMixin, db.Model):
    """A child. Signs in on an enrolled class tablet, never with a typed password."""

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    class_id: Mapped[int | None] = mapped_column(ForeignKey("class_group.id"), index=True)
    first_name: Mapped[str] = mapped_column(String(60))
    surname_initial: Mapped[str] = mapped_column(String(2))
    year_group: Mapped[int] = mapped_column()
    sen_stage: Mapped[str] = mapped_column(String(16), default="none")
    # The SEN register (domain/sen_register.py): census need codes and its dates; every
    # change goes through services/sen_register.py, which keeps its history.
    primary_need: Mapped[str | None] = mapped_column(String(8))
    secondary_need: Mapped[str | None] = mapped_column(String(8))
    sen_added_on: Mapped[date | None] = mapped_column()
    sen_reviewed_on: Mapped[date | None] = mapped_column()
    sen_removed_on: Mapped[date | None] = mapped_column()
    avatar: Mapped[str] = mapped_column(String(40), default="fox")
    # Kept to tell two pupils with the same first name and initial apart when the school
    # imports its roster; shown only to the SENCO (PRI-01: the tablet shows "Sam T.").
    upn: Mapped[str | None] = mapped_column(String(20))  # UPN or the school's own reference
    surname: Mapped[str | None] = mapped_column(String(60))
    born_on: Mapped[date | None] = mapped_column()
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    class_group = relationship("ClassGroup", back_populates="pupils")
    parent_links = relationship("ParentLink", back_populates="pupil")

    # NULLs are distinct on SQLite and PostgreSQL: many pupils may have no reference.
    __table_args__ = (UniqueConstraint("school_id", "upn"),)

    role = PUPIL
    session_token = None  # set per request by the loader; not a column

    @validates("first_name", "surname_initial")
    def _name_on_one_line(self, _key: str, name: str) -> str:
        """A pupil's name is read out, mailed to parents and printed on letters: one line."""
        return one_line(name) if isinstance(name, str) else name

    def get_id(self) -> str | None:
        return self.session_token

    @property
    def is_active(self) -> bool:  # type: ignore[override]
        return self.archived_at is None

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.surname_initial}."

    def __repr__(self) -> str:
        return f"<Pupil {self.id}>"


class ParentLink(db.Model):
    __tablename__ = "parent_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id"), index=True)
    relationship_label: Mapped[str] = mapped_column(String(40), default="parent")
    preferred_language: Mapped[str] = mapped_column(String(8), default="en")
    contact_method: Mapped[str] = mapped_column(String(16), default="email")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    parent = relationship("User", back_populates="children_links")
    pupil = relationship("Pupil", back_populates="parent_links")

    __table_args__ = (UniqueConstraint("parent_id", "pupil_id"),)
