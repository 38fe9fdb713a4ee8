"""Writing the append-only audit log, in the same transaction as the change it records."""

from __future__ import annotations

from typing import Any

from werkzeug.local import LocalProxy

from ..extensions import db
from ..models import AuditEvent


def _itself(thing: Any) -> Any:
    """``current_user`` is a proxy: the log records the person it stands for, never the
    proxy (events once said "LocalProxy #6" instead of the pupil who signed out)."""
    return thing._get_current_object() if isinstance(thing, LocalProxy) else thing


def record(actor: Any, action: str, obj: Any, **detail: Any) -> AuditEvent:
    """Add an audit event for ``actor`` doing ``action`` to ``obj`` (flushed with the change).
    ``action`` is one of ``audit_labels.ACTION_LABELS`` (a test checks every call)."""
    actor, obj = _itself(actor), _itself(obj)
    role = getattr(actor, "role", None)
    event = AuditEvent(
        school_id=getattr(obj, "school_id", None) or getattr(actor, "school_id", None),
        actor_user_id=actor.id if role and role != "pupil" else None,
        actor_pupil_id=actor.id if role == "pupil" else None,
        action=action,
        object_type=type(obj).__name__,
        object_id=getattr(obj, "id", None),
        detail=detail,
    )
    db.session.add(event)
    return event
