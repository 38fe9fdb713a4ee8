"""The school's target bank: good targets the SENCO keeps by area for teachers to start
from. Never the pupil's words; the pupil's name is kept as ``{name}``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..domain.plans import from_template, to_template
from ..extensions import db
from ..models import Pupil, Target, TargetBankEntry, User
from ..models.base import utcnow
from . import audit
from .records import assign


def entries(school_id: int, area: str = "") -> list[TargetBankEntry]:
    query = (
        select(TargetBankEntry)
        .where(TargetBankEntry.school_id == school_id, TargetBankEntry.retired_at.is_(None))
        .order_by(TargetBankEntry.area, TargetBankEntry.id)
        .options(selectinload(TargetBankEntry.translations))
    )
    if area:
        query = query.where(TargetBankEntry.area == area)
    return list(db.session.scalars(query))


def create(actor: User, values: Mapping[str, Any]) -> TargetBankEntry:
    entry = TargetBankEntry(school_id=actor.school_id, created_by_id=actor.id, **values)
    db.session.add(entry)
    db.session.flush()
    audit.record(actor, "created", entry)
    return entry


def edit(actor: User, entry: TargetBankEntry, values: Mapping[str, Any]) -> None:
    changed = assign(entry, values)
    if changed:
        audit.record(actor, "updated", entry, fields=changed)


def retire(actor: User, entry: TargetBankEntry) -> None:
    if entry.retired_at is None:
        entry.retired_at = utcnow()
        audit.record(actor, "retired", entry)


def save_target(actor: User, target: Target) -> TargetBankEntry:
    """Keep a good target for others: its wording with the name taken out, never the
    pupil's own words, baseline or provision."""
    name = target.plan.pupil.first_name
    return create(
        actor,
        {
            "area": target.area,
            "smart_template": to_template(target.smart_text, name),
            "child_template": to_template(target.child_text, name),
            "strategies": to_template(target.strategies, name),
            "home_template": to_template(target.home_text, name),
        },
    )


def start_values(entry: TargetBankEntry, pupil: Pupil) -> dict[str, str]:
    """A new target's first wording, from a bank entry, with this pupil's name."""
    return {
        "area": entry.area,
        "smart_text": from_template(entry.smart_template, pupil.first_name),
        "child_text": from_template(entry.child_template, pupil.first_name),
        "strategies": from_template(entry.strategies, pupil.first_name),
        "home_text": from_template(entry.home_template, pupil.first_name),
    }
