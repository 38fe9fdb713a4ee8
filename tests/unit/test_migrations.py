"""REL-07: `flask db upgrade` from empty gives exactly the models' schema, on SQLite and
PostgreSQL (run with --db=postgres)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect, select, text

from pupilvoice import create_app
from pupilvoice.domain import parent_answers
from pupilvoice.extensions import db
from pupilvoice.models import ParentResponse, PictureKey, Pupil, School, Target
from pupilvoice.services import demo


@pytest.fixture
def empty_database_url(request):
    if request.config.getoption("--db") == "postgres":
        url = request.getfixturevalue("postgres_url")
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        engine.dispose()
        yield url
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        engine.dispose()
    else:
        folder = tempfile.mkdtemp()
        yield f"sqlite:///{Path(folder) / 'migrations.sqlite'}"


def test_rel07_upgrade_from_empty_matches_the_models(empty_database_url):
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "render_as_batch": True}
            )
            differences = compare_metadata(context, db.metadata)
        assert differences == [], f"migrations and models differ: {differences}"
        tables = set(inspect(db.engine).get_table_names())
        assert set(db.metadata.tables) <= tables
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        db.engine.dispose()


def test_rel07_sec05_locked_pictures_become_a_cleared_cooldown_staff_still_see(
    empty_database_url,
):
    """Upgrading from the hard lock: a locked pupil may try again at once (no one is left
    locked out), and stays on the staff home's list until they get their pictures right."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade()
        demo.load()
        db.session.commit()
        keys = select(PictureKey.pupil_id).order_by(PictureKey.pupil_id).limit(2)
        first, second = db.session.scalars(keys).all()
        db.session.close()
        downgrade(revision="86ef0338608d")  # back to when five wrong picks locked
        with db.engine.begin() as conn:
            conn.execute(
                text("UPDATE picture_key SET locked_at = :at, wrong_tries = 5 WHERE pupil_id = :p"),
                {"at": "2026-12-01 09:00:00", "p": first},
            )
        upgrade()
        locked, free = db.session.get(PictureKey, first), db.session.get(PictureKey, second)
        assert (locked.cooldown_round, locked.wrong_tries, locked.cooldown_until) == (1, 0, None)
        assert (free.cooldown_round, free.cooldown_until) == (0, None)
        db.session.close()
        db.engine.dispose()


def test_rel03_answers_stand_when_the_pupils_words_leave_the_hash(empty_database_url):
    """Issue 13, item 10: upgrading works out each answer's hash again without the pupil's
    child-friendly words, so what parents confirmed still counts as confirmed."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade()
        demo.load()
        db.session.commit()
        answered = _answer_states()
        assert answered and set(answered.values()) == {"answered"}
        db.session.close()
        downgrade(revision="85f3646569f3-1")  # hashes with the pupil's words, as before
        assert set(_answer_states().values()) == {"changed"}  # today's code reads them so
        db.session.close()
        upgrade()
        assert _answer_states() == answered
        db.session.close()
        db.engine.dispose()


def _answer_states() -> dict[int, str]:
    """Each answer: does its hash match its target's words now? Read with plain table
    columns, not the models, so a column added to targets by a later migration (gone once
    this test downgrades) does not stop it reading."""
    targets, answers = Target.__table__, ParentResponse.__table__
    words = [targets.c[name] for name in parent_answers.PARENT_FIELDS]
    query = (
        select(answers.c.id, answers.c.target_hash, *words)
        .join(targets, targets.c.id == answers.c.target_id)
        .where(targets.c.archived_at.is_(None))
    )
    found = {}
    for row in db.session.execute(query).mappings():
        now = parent_answers.target_hash({name: row[name] for name in parent_answers.PARENT_FIELDS})
        found[row["id"]] = "answered" if row["target_hash"] == now else "changed"
    return found


# The schema of the last release that schools may run (main's head before this release's
# migrations): upgrading a school's database from it must keep everything in it.
PREVIOUS_RELEASE = "10edd511e8bb"
OLD_SCHOOL = (
    "INSERT INTO school (id, name, retention_years, created_at)"
    " VALUES (7, 'Old Oak', 6, '2026-11-01 09:00:00')",
    "INSERT INTO class_group (id, school_id, name, year_group) VALUES (3, 7, 'Ash', 2)",
    "INSERT INTO pupil (id, school_id, class_id, first_name, surname_initial, year_group,"
    " sen_stage, avatar, created_at)"
    " VALUES (5, 7, 3, 'Ola', 'K', 2, 'ehcp', 'fox', '2026-11-01 09:00:00')",
)


def test_rel07_a_database_of_the_previous_release_upgrades_with_its_data(empty_database_url):
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision=PREVIOUS_RELEASE)
        with db.engine.begin() as conn:  # a school as the previous release left it
            for statement in OLD_SCHOOL:
                conn.execute(text(statement))
        upgrade()
        school, pupil = db.session.get(School, 7), db.session.get(Pupil, 5)
        assert (school.name, school.keep_sen_until_age, school.keep_ehc_until_age) == (
            "Old Oak",
            25,
            31,
        )
        assert (pupil.first_name, pupil.sen_stage, pupil.class_id) == ("Ola", "ehcp", 3)
        db.session.close()
        db.engine.dispose()
