"""Subject-access export (issue 14, PRI-03): everything about a pupil, or a parent's own
account and what they sent, as a zip: ``data.json`` (schema below), the recordings as
files, and a readable ``report.html`` in the school's language (and the family's, beside).
It streams, member by member, so a large export never holds a request until it times out.

data.json, schema ``pupilvoice.export/1``:
  {"schema": "pupilvoice.export/1", "made_at": ISO time, "school": name,
   "subject": {"kind": "pupil"|"parent", "id": n},
   "tables": {ModelName: [{column: value, ...}, ...]},   # every registered kind it has
   "people": {user id: name},     # staff and parents named by the rows' *_id columns
   "recordings": [{"id": n, "file": "recordings/n.ogg", "content_type": ...}]}
Dates and times are ISO 8601 (UTC); secrets (passwords, picture keys, links) are left out.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import LargeBinary, and_, or_, select

from ..extensions import db
from ..models import AuditEvent, Recording, School, User
from ..models.privacy import BY_MODEL, SECRET_COLUMNS
from .privacy_rows import USER_TABLE, conditions, person_of, single_key

SCHEMA = "pupilvoice.export/1"
BY_MODEL_TABLE = {model.__name__: model.__table__ for model in BY_MODEL}
_EXTENSIONS = {"audio/ogg": "ogg", "audio/webm": "webm", "audio/mp4": "m4a", "audio/wav": "wav"}


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _columns(table) -> list:
    return [
        c
        for c in table.columns
        if c.key not in SECRET_COLUMNS and not isinstance(c.type, LargeBinary)
    ]


def tables_of(person: str, person_id: int, audience: str) -> dict[str, list[dict]]:
    """Every registered row of this person that ``audience`` is given, column by column."""
    found = {}
    for entry, chosen in conditions(person, person_id).items():
        if audience not in entry.export or entry.model is AuditEvent:
            continue
        table = entry.model.__table__
        statement = select(*_columns(table)).where(chosen).order_by(*table.primary_key.columns)
        rows = [
            {k: _plain(v) for k, v in row.items()}
            for row in db.session.execute(statement).mappings()
        ]
        if rows:
            found[entry.model.__name__] = rows
    found["AuditEvent"] = _audit_about(person, person_id, found)
    return {name: rows for name, rows in found.items() if rows}


def _audit_about(person: str, person_id: int, found: dict[str, list[dict]]) -> list[dict]:
    """Audit lines by the person, or about any of their exported rows."""
    actor = AuditEvent.actor_user_id if person == USER_TABLE else AuditEvent.actor_pupil_id
    about = [
        and_(AuditEvent.object_type == name, AuditEvent.object_id.in_([r["id"] for r in rows]))
        for name, rows in found.items()
        if rows and "id" in rows[0] and single_key(BY_MODEL_TABLE[name]) is not None
    ]
    statement = select(*_columns(AuditEvent.__table__)).where(or_(actor == person_id, *about))
    rows = db.session.execute(statement.order_by(AuditEvent.id)).mappings()
    return [{k: _plain(v) for k, v in row.items()} for row in rows]


def people_named(tables: dict[str, list[dict]]) -> dict[int, str]:
    """Names of the staff and parents the rows point at (a helper, who recorded it)."""
    ids = set()
    for name, rows in tables.items():
        table = BY_MODEL_TABLE[name]
        keys = [c.key for c in table.columns if person_of(c) == USER_TABLE and not c.primary_key]
        ids |= {row[key] for row in rows for key in keys if row.get(key)}
    named = db.session.execute(select(User.id, User.name).where(User.id.in_(ids)))
    return dict(sorted(named.all()))


def recordings_of(tables: dict[str, list[dict]]) -> list[dict]:
    return [
        {
            "id": row["id"],
            "file": f"recordings/{row['id']}.{_EXTENSIONS.get(row['content_type'], 'bin')}",
            "content_type": row["content_type"],
        }
        for row in tables.get("Recording", [])
    ]


def document(school: School, kind: str, subject_id: int, tables, made_at: datetime) -> dict:
    return {
        "schema": SCHEMA,
        "made_at": made_at.isoformat(),
        "school": school.name,
        "subject": {"kind": kind, "id": subject_id},
        "tables": tables,
        "people": people_named(tables),
        "recordings": recordings_of(tables),
    }


def members(
    data: dict, reports: dict[str, Callable[[], str]]
) -> Iterator[tuple[str, Callable[[], bytes]]]:
    """The zip's files, each made only when it is written."""
    yield "data.json", lambda: json.dumps(data, ensure_ascii=False, indent=1).encode()
    for name, render in reports.items():
        yield name, lambda render=render: render().encode()
    for item in data["recordings"]:
        yield item["file"], lambda item=item: sound(item["id"])


def sound(recording_id: int) -> bytes:
    return db.session.scalar(select(Recording.data).where(Recording.id == recording_id))


class _Chunks:
    """A write-only file that zipfile writes into and the response reads out of."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def write(self, data) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        out, self.parts = b"".join(self.parts), []
        return out


def stream_zip(files: Iterable[tuple[str, Callable[[], bytes]]]) -> Iterator[bytes]:
    sink = _Chunks()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, make in files:
            archive.writestr(name, make())
            yield sink.take()
    yield sink.take()
