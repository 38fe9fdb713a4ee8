"""Queries that run on every view of a busy page use an index, not a read of a whole
table that grows all year (SQLite's query plan; the PostgreSQL leg runs tests/web)."""

from __future__ import annotations

from sqlalchemy import text

from pupilvoice.services import accounts


def test_staff_home_reads_the_audit_log_by_index_not_whole(login, world, db, queries):
    """The log grows with every read of a plan; the staff home asks it on every view."""
    client = login(world.teacher)
    with queries() as ran:
        assert client.get("/staff/").status_code == 200
    asking_the_log = [statement for statement in ran if "audit_event" in statement]
    assert asking_the_log
    for statement in asking_the_log:  # NULL stands in for each parameter: same plan
        plan = db.session.execute(text("EXPLAIN QUERY PLAN " + statement.replace("?", "NULL")))
        steps = [row[3] for row in plan]
        assert not [step for step in steps if step.startswith("SCAN audit_event")], steps


def test_sign_in_finds_the_address_by_its_unique_index(app, db, world, queries):
    """E-mail addresses are stored in lower case, so sign-in asks the unique index instead
    of lower-casing every address in the table (which holds every school's people)."""
    with app.test_request_context(), queries() as ran:
        assert accounts.find_by_email("  " + world.teacher.email.upper()) == world.teacher
    (lookup,) = [statement for statement in ran if "user.email" in statement.split("WHERE")[-1]]
    plan = db.session.execute(text("EXPLAIN QUERY PLAN " + lookup.replace("?", "NULL")))
    steps = [row[3] for row in plan]
    assert not [step for step in steps if step.startswith("SCAN")], steps


def test_an_address_is_kept_trimmed_and_in_lower_case(world, db):
    world.teacher.email = "  Mixed.Case@School.Example "
    db.session.flush()
    assert world.teacher.email == "mixed.case@school.example"
