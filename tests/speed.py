"""What makes building an app and its database for every test cheap.

Every web test builds its own app (create_app) and its own empty database, so that no test
sees another's rows, config or mail. Two parts of that cost more than most tests do:

- Werkzeug compiles a URL builder for each of the app's routes with ``ast`` and
  ``compile``: about 50 ms an app, nine tenths of create_app. The builder is a function of
  the rule's text, parts and defaults alone (its ``self`` is bound afterwards), so every app
  this process builds can share the one compiled for the first.
- ``create_all`` (and ``drop_all`` afterwards) on a new in-memory SQLite database: about
  40 ms. The schema is made once per process instead, and each test's database starts as
  a copy of it (SQLite's backup API copies its pages in about 3 ms).
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import create_engine
from werkzeug.routing.rules import Rule

_BUILDERS: dict[tuple, object] = {}


def share_url_builders() -> None:
    """Compile each distinct route's URL builder once per process (see above)."""
    if getattr(Rule._compile_builder, "shared", False):
        return
    compile_builder = Rule._compile_builder

    def shared(self: Rule, append_unknown: bool = True):
        key = (
            self.rule,
            tuple(self._trace),
            append_unknown,
            tuple((name, repr(value)) for name, value in (self.defaults or {}).items()),
            tuple((name, type(c)) for name, c in self._converters.items()),
        )
        if (builder := _BUILDERS.get(key)) is None:
            builder = _BUILDERS[key] = compile_builder(self, append_unknown)
        return builder

    shared.shared = True
    Rule._compile_builder = shared


_SCHEMA: sqlite3.Connection | None = None


def _sqlite_schema(metadata) -> sqlite3.Connection:
    """An in-memory SQLite database with every table and nothing in them, made once."""
    global _SCHEMA
    if _SCHEMA is None:
        engine = create_engine("sqlite://")
        metadata.create_all(engine)
        _SCHEMA = sqlite3.connect(":memory:", check_same_thread=False)
        with engine.connect() as conn:
            conn.connection.driver_connection.backup(_SCHEMA)
        engine.dispose()
    return _SCHEMA


def copy_sqlite_schema(db) -> None:
    """Give the app's in-memory SQLite database (``sqlite://``: one connection for the
    engine's life) every table, as ``db.create_all()`` would."""
    raw = db.engine.raw_connection()
    try:
        _sqlite_schema(db.metadata).backup(raw.driver_connection)
    finally:
        raw.close()
