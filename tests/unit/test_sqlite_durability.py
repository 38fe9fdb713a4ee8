"""REL-01 and REL-06 on SQLite: WAL with synchronous=NORMAL (pupilvoice/__init__.py says
why). A commit is in the WAL file before it returns, so a crash of the app loses nothing
that was committed: not the audit row of a read, not a change."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

from sqlalchemy import create_engine, text

import pupilvoice  # noqa: F401  (its connect listener sets the pragmas on every engine)

CRASHING_WORKER = textwrap.dedent(
    """
    import os, signal, sys
    from pupilvoice import create_app
    from pupilvoice.extensions import db
    from pupilvoice.services import audit

    app = create_app({"SQLALCHEMY_DATABASE_URI": sys.argv[1]})
    with app.app_context():
        db.create_all()
        audit.record_row(None, "retention_applied", None, kinds=["crash test"])
        db.session.commit()
        print("committed", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)  # no close, no checkpoint: as a killed worker
    """
)


def test_rel01_sqlite_runs_wal_with_synchronous_normal(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'pragmas.sqlite'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL
    engine.dispose()


def test_rel06_an_audit_row_committed_survives_the_app_being_killed(tmp_path):
    url = f"sqlite:///{tmp_path / 'crash.sqlite'}"
    done = subprocess.run(
        [sys.executable, "-c", CRASHING_WORKER, url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    assert "committed" in done.stdout
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT action, detail FROM audit_event")).all()
    engine.dispose()
    assert [row.action for row in rows] == ["retention_applied"]
    assert "crash test" in rows[0].detail
