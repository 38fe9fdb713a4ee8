"""Helpers shared by the services that edit school records: set fields, archive, restore."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models.base import utcnow
from . import audit


def assign(obj: Any, values: Mapping[str, Any]) -> list[str]:
    """Set only the given fields; return the names of those that changed."""
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, values[name])
    return changed


def set_archived(actor: Any, obj: Any, archived: bool) -> None:
    """Archive (hide, keep the history) or restore a record, and audit it."""
    if (obj.archived_at is not None) == archived:
        return  # a repeated click changes nothing (REL-04)
    obj.archived_at = utcnow() if archived else None
    audit.record(actor, "archived" if archived else "restored", obj)
