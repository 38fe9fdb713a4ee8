"""The class tablet: enrolled devices, pupils' picture passwords, and pupil sign-ins on them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..domain.pictures import TRIES_BEFORE_COOLDOWN
from ..extensions import db
from .base import UTCDateTime, utcnow


class Device(db.Model):
    """A tablet a teacher put into class mode. Only the hash of its cookie token is kept."""

    __tablename__ = "device"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("class_group.id"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    enrolled_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    # The tablet's own language, chosen when it was set up: the class list and every pupil
    # start in it; a pupil's own choice lasts only for their session (A11Y-10).
    language: Mapped[str | None] = mapped_column(String(8))

    class_group = relationship("ClassGroup")
    enrolled_by = relationship("User", foreign_keys=[enrolled_by_id])

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def __repr__(self) -> str:
        return f"<Device {self.id} class={self.class_id}>"


class PictureKey(db.Model):
    """A pupil's picture password: 3 of the 9 grid pictures, in order, stored hashed.

    It guards against mix-ups on a shared tablet, it is not a secret (SEC-06); wrong
    tries are counted here, per pupil, whatever device they come from (SEC-05). Every
    5 wrong tries start a short cool-down for this pupil only; the rounds grow until the
    pupil gets their pictures right or staff clear them.
    """

    __tablename__ = "picture_key"

    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id"), primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    salt: Mapped[str] = mapped_column(String(32))
    digest: Mapped[str] = mapped_column(String(64))
    wrong_tries: Mapped[int] = mapped_column(default=0)  # since the last cool-down began
    cooldown_round: Mapped[int] = mapped_column(default=0)  # cool-downs since a right pick
    cooldown_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    set_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    pupil = relationship("Pupil")

    @property
    def had_cooldown(self) -> bool:
        """Cooling down, or did since they last got their pictures right: staff see it."""
        return self.cooldown_round > 0

    @property
    def wrong_since_right(self) -> int:
        """Wrong tries since the pupil last got their pictures right (or staff cleared)."""
        return self.cooldown_round * TRIES_BEFORE_COOLDOWN + self.wrong_tries


class PupilSignIn(db.Model):
    """How one pupil session began: on which tablet, by pictures or with an adult's help.

    The adult who helps (if any) is recorded on everything the pupil says in this session,
    so staff can see how each view was gathered.
    """

    __tablename__ = "pupil_sign_in"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id"), index=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("device.id"), index=True)
    login_session_id: Mapped[int] = mapped_column(ForeignKey("login_session.id"), unique=True)
    how: Mapped[str] = mapped_column(String(16))  # "pictures" or "adult"
    helper_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    helper = relationship("User")
    device = relationship("Device")
    login_session = relationship("LoginSession")
