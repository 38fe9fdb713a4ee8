"""Staff home: the classes and pupils a member of staff works with."""

from __future__ import annotations

import pytest
from sqlalchemy import text


def test_staff_home_does_not_load_the_staff_of_each_class(login, world, queries):
    client = login(world.senco)
    with queries() as ran:
        page = client.get("/staff/").get_data(as_text=True)
    assert "Oak" in page and "Willow" in page
    assert not [statement for statement in ran if "class_staff" in statement]


def test_staff_home_queries_do_not_grow_with_the_school(login, world, factory, db, queries):
    client = login(world.senco)
    with queries() as before:
        client.get("/staff/")
    group = factory.class_group(world.school, "Rowan", 5, [world.teacher])
    for name in ("Ruby", "Alfie", "George"):
        factory.pupil(group, name)
    db.session.commit()
    with queries() as after:
        page = client.get("/staff/").get_data(as_text=True)
    assert "Rowan" in page and "Ruby" in page
    assert len(after) == len(before)


def test_staff_home_reads_the_audit_log_by_index_not_whole(login, world, db, queries):
    """The log grows with every read of a plan; the staff home asks it on every view."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("reads SQLite's query plan")
    client = login(world.teacher)
    with queries() as ran:
        assert client.get("/staff/").status_code == 200
    asking_the_log = [statement for statement in ran if "audit_event" in statement]
    assert asking_the_log
    for statement in asking_the_log:  # NULL stands in for each parameter: same plan
        plan = db.session.execute(text("EXPLAIN QUERY PLAN " + statement.replace("?", "NULL")))
        steps = [row[3] for row in plan]
        assert not [step for step in steps if step.startswith("SCAN audit_event")], steps
