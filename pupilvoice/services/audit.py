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


def _values(actor: Any, action: str, obj: Any, detail: dict) -> dict[str, Any]:
    actor, obj = _itself(actor), _itself(obj)
    role = getattr(actor, "role", None)
    return {
        "school_id": getattr(obj, "school_id", None) or getattr(actor, "school_id", None),
        "actor_user_id": actor.id if role and role != "pupil" else None,
        "actor_pupil_id": actor.id if role == "pupil" else None,
        "action": action,
        "object_type": type(obj).__name__,
        "object_id": getattr(obj, "id", None),
        "detail": detail,
    }


def record(actor: Any, action: str, obj: Any, **detail: Any) -> AuditEvent:
    """Add an audit event for ``actor`` doing ``action`` to ``obj`` (flushed with the change).
    ``action`` is one of ``audit_labels.ACTION_LABELS`` (a test checks every call)."""
    event = AuditEvent(**_values(actor, action, obj, detail))
    db.session.add(event)
    return event


# Built once: the same row as record() makes, as one Core INSERT.
_INSERT = AuditEvent.__table__.insert()


def record_row(actor: Any, action: str, obj: Any, **detail: Any) -> None:
    """The same audit row as ``record``, written at once with one Core INSERT in this
    request's transaction, for the reads every plan and pupil page records (REL-06): no
    object for the session to track, flush and expire. It is durable with the page's
    commit, like any other row; nothing is kept in memory to be written later."""
    db.session.execute(_INSERT, _values(actor, action, obj, detail))
