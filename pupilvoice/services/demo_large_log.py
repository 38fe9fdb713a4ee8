"""The large demo's year of history: audit rows (reads of plans and pupils' views, sign-ins,
pupils on the tablet, parents reading) and finished sign-in sessions, oldest first, written
in bulk a few days at a time."""

from __future__ import annotations

import random
import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import insert, select

from ..extensions import db
from ..models import AuditEvent, LoginSession, Plan, SortChoice
from ..models.base import utcnow

if TYPE_CHECKING:
    from .demo_large import Grown

DAYS = 365
DAYS_A_BATCH = 10
# (share of the log, who, action, what it is about)
KINDS = [
    (45, "staff", "viewed", "Plan"),
    (20, "staff", "view_voice", "Pupil"),
    (8, "staff", "sign_in", "User"),
    (4, "staff", "evidence_added", "Plan"),
    (8, "parent", "parent_viewed", "Plan"),
    (3, "parent", "sign_in", "User"),
    (8, "pupil", "sort_card", "SortChoice"),
    (4, "pupil", "sign_in", "Pupil"),
]


class _School:
    """What one school's log rows are drawn from."""

    def __init__(self, grown: Grown) -> None:
        self.id = grown.school_id
        self.staff = grown.staff_ids
        self.parents = grown.parent_ids or grown.staff_ids
        self.pupils = [p for p, _, _ in grown.pupils]
        self.plans = list(db.session.scalars(select(Plan.id).filter_by(school_id=self.id)))
        self.choices = list(
            db.session.scalars(select(SortChoice.id).filter_by(school_id=self.id).limit(500))
        )

    def row(self, rng: random.Random, at: datetime) -> dict:
        _, who, action, kind = rng.choices(KINDS, weights=[k[0] for k in KINDS])[0]
        actor = rng.choice(self.parents if who == "parent" else self.staff)
        pupil = rng.choice(self.pupils)
        found = {
            "Plan": rng.choice(self.plans) if self.plans else None,
            "Pupil": pupil,
            "User": actor,
            "SortChoice": rng.choice(self.choices) if self.choices else None,
        }[kind]
        return {
            "school_id": self.id,
            "actor_user_id": None if who == "pupil" else actor,
            "actor_pupil_id": pupil if who == "pupil" else None,
            "action": action,
            "object_type": kind,
            "object_id": found,
            "detail": {"version": 1} if kind == "Plan" and who != "pupil" else {},
            "created_at": at,
        }


def load(grown: list[Grown], rng: random.Random, audit_rows: int, sessions: int) -> None:
    schools = [_School(g) for g in grown]
    now = utcnow()
    start = now - timedelta(days=DAYS)
    for first in range(0, DAYS, DAYS_A_BATCH):
        days = min(DAYS_A_BATCH, DAYS - first)
        begin = start + timedelta(days=first)
        _audit(schools, rng, begin, days, audit_rows * days // DAYS)
        _sessions(schools, rng, begin, days, sessions * days // DAYS, now)
        db.session.commit()


def _times(rng: random.Random, begin: datetime, days: int, count: int) -> list[datetime]:
    """``count`` moments in school hours over ``days`` days from ``begin``, in order."""
    seconds = sorted(
        rng.randrange(days) * 86400 + rng.randrange(8 * 3600, 17 * 3600) for _ in range(count)
    )
    return [begin.replace(hour=0, minute=0, second=0) + timedelta(seconds=s) for s in seconds]


def _audit(schools, rng, begin, days, count) -> None:
    rows = [rng.choice(schools).row(rng, at) for at in _times(rng, begin, days, count)]
    if rows:
        db.session.execute(insert(AuditEvent.__table__), rows)


def _sessions(schools, rng, begin, days, count, now) -> None:
    rows = []
    for at in _times(rng, begin, days, count):
        school = rng.choice(schools)
        pupil = rng.random() < 0.3
        seen = at + timedelta(minutes=rng.randrange(1, 90))
        rows.append(
            {
                "token_hash": secrets.token_hex(32),
                "user_id": None if pupil else rng.choice(school.staff + school.parents),
                "pupil_id": rng.choice(school.pupils) if pupil else None,
                "created_at": at,
                "last_seen_at": seen,
                "ended_at": seen if seen < now - timedelta(days=1) else None,
            }
        )
    if rows:
        db.session.execute(insert(LoginSession.__table__), rows)
