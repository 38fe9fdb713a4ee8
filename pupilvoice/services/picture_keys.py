"""Picture passwords: setting them, checking a pupil's picks, and the cool-down after wrong
picks.

A picture password is a mix-up guard, not a secret (SEC-06), so wrong picks never lock a
pupil out until an adult comes: every 5 wrong picks start a short cool-down for that pupil
only (1, then 2, then 5 minutes), after which they try again by themselves. A right pick
clears the counts; staff see pupils who cooled down and can clear it (SEC-05).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from flask import current_app
from sqlalchemy import bindparam, select
from sqlalchemy.orm import joinedload

from ..domain import pictures
from ..extensions import db
from ..models import PictureKey, Pupil, User
from ..models.base import utcnow
from . import audit


def now() -> datetime:
    """The one clock the cool-down reads (tests set it, nothing here sleeps)."""
    return utcnow()


def picture_key(pupil: Pupil) -> PictureKey | None:
    return db.session.get(PictureKey, pupil.id)


def set_pictures(pupil: Pupil, picks: Sequence[str], by: User) -> PictureKey:
    """Set (or reset) a pupil's picture password; new pictures also end any cool-down."""
    if not pictures.is_complete(picks):
        raise ValueError("a picture password is three pictures from the grid")
    key = picture_key(pupil) or PictureKey(pupil_id=pupil.id, school_id=pupil.school_id)
    key.salt = pictures.new_salt()
    key.digest = pictures.digest(current_app.config["SECRET_KEY"], key.salt, picks)
    _clear_counts(key)
    key.set_by_id = by.id
    key.set_at = utcnow()
    db.session.add(key)
    audit.record(by, "set_pictures", pupil)
    db.session.flush()
    return key


def minutes_left(key: PictureKey) -> int:
    """Whole minutes until this pupil may tap their pictures again; 0 when they may now."""
    return pictures.minutes_left(key.cooldown_until, now())


def check_pictures(pupil: Pupil, picks: Sequence[str]) -> str:
    """ "ok", "wrong", "cooling" (started now or still on) or "unset". Picks made while
    cooling down are not checked or counted: the page does not offer them."""
    key = picture_key(pupil)
    if key is None:
        return "unset"
    if minutes_left(key):
        return "cooling"
    if pictures.matches(current_app.config["SECRET_KEY"], key.salt, picks, key.digest):
        _clear_counts(key)
        return "ok"
    key.wrong_tries += 1
    if key.wrong_tries < pictures.TRIES_BEFORE_COOLDOWN:
        return "wrong"
    _start_cooldown(key, pupil)
    return "cooling"


def _start_cooldown(key: PictureKey, pupil: Pupil) -> None:
    key.cooldown_round += 1
    length = pictures.cooldown_length(key.cooldown_round)
    key.cooldown_until = now() + length
    key.wrong_tries = 0  # the next round counts its own 5
    audit.record(
        pupil,
        "pictures_cooldown",
        pupil,
        round=key.cooldown_round,
        minutes=int(length.total_seconds() // 60),
    )


def _clear_counts(key: PictureKey) -> None:
    key.wrong_tries = 0
    key.cooldown_round = 0
    key.cooldown_until = None


def clear_cooldown(pupil: Pupil, by: User) -> bool:
    """Staff let the pupil try straight away, and start their counts again; True when
    there was a cool-down (now or since the last right pick) to clear."""
    key = picture_key(pupil)
    if key is None or not key.had_cooldown:
        return False
    _clear_counts(key)
    audit.record(by, "unlock_pictures", pupil)
    return True


# The staff home asks on every visit: built once.
_COOLED_DOWN = (
    select(PictureKey)
    .where(PictureKey.school_id == bindparam("school_id"), PictureKey.cooldown_round > 0)
    .options(joinedload(PictureKey.pupil))
)


def cooled_down(school_id: int, pupil_ids: Collection[int] | None) -> list[PictureKey]:
    """Picture keys of these pupils (None: the whole school's) who are cooling down, or did
    since their last right pick, with their pupils: the staff home lists them. One query,
    whatever the number of pupils."""
    found = db.session.scalars(_COOLED_DOWN, {"school_id": school_id})
    wanted = None if pupil_ids is None else set(pupil_ids)
    return [key for key in found if wanted is None or key.pupil_id in wanted]
