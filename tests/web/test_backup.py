"""Issue 16, item 7: `flask backup` copies the whole database while the app runs, and `flask
restore` puts it back into a working school, on SQLite and on PostgreSQL (--db=postgres)."""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from pupilvoice import create_app
from pupilvoice.extensions import db
from pupilvoice.models import Plan, Pupil
from pupilvoice.services import demo


def _new_postgres_database(server_url: str) -> str:
    name = f"backup_{uuid.uuid4().hex[:10]}"
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture
def school_app(request):
    """A demo school in a database of its own (a file, or a new PostgreSQL database)."""
    if request.config.getoption("--db") == "postgres":
        url = _new_postgres_database(request.getfixturevalue("postgres_url"))
    else:
        url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'school.sqlite'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade()
        demo.load()
        db.session.commit()
        yield app
        db.session.remove()
        db.engine.dispose()


def _counts() -> tuple[int, int]:
    return db.session.scalar(select(func.count(Pupil.id))), db.session.scalar(
        select(func.count(Plan.id))
    )


def _cli(app, *args):
    result = app.test_cli_runner().invoke(args=list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_rel_a_backup_restores_into_a_working_school(school_app, tmp_path):
    before = _counts()
    written = _cli(school_app, "backup", "--to", str(tmp_path))
    (path,) = tmp_path.iterdir()
    assert str(path) in written and path.stat().st_size > 0
    db.session.execute(Plan.__table__.update().values(term_label="Lost"))
    db.session.execute(Pupil.__table__.update().values(first_name="Lost"))
    db.session.commit()
    _cli(school_app, "restore", "--yes", str(path))
    db.session.remove()
    assert _counts() == before
    assert db.session.scalar(select(Pupil.id).where(Pupil.first_name == "Lost")) is None
    assert db.session.scalar(select(Plan.id).where(Plan.term_label == "Lost")) is None
    client = school_app.test_client()
    assert client.get("/auth/login").status_code == 200


def test_restore_refuses_a_missing_file(school_app, tmp_path):
    result = school_app.test_cli_runner().invoke(args=["restore", "--yes", str(tmp_path / "no")])
    assert result.exit_code != 0
