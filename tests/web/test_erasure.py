"""Issue 14, item 3 (PRI-03): the SENCO erases a pupil or a parent with everything linked,
in one transaction, after typing the name; the audit log keeps that it happened, by whom
and what kinds of rows, never the data."""

from __future__ import annotations

from sqlalchemy import exists, func, select

from pupilvoice.extensions import db
from pupilvoice.models import AuditEvent, Plan, Pupil, Sort, User
from pupilvoice.models.privacy import REGISTRY
from pupilvoice.services import erasure
from pupilvoice.services.privacy_rows import counts, reached_kinds
from tests.web.privacy_helpers import pupil_with_everything


def _rows_pointing_at(table_name: str, person_id: int) -> dict[str, int]:
    """Every foreign key in the schema that points at the person, with its row count."""
    found = {}
    for table in db.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table.name == table_name:
                where = key.parent == person_id
                number = db.session.scalar(select(func.count()).select_from(table).where(where))
                if number:
                    found[f"{table.name}.{key.parent.name}"] = number
    return found


def _dangling_keys() -> list[str]:
    """Foreign keys whose row is gone (there should be none, whatever the database)."""
    dangling = []
    for table in db.metadata.sorted_tables:
        for key in table.foreign_keys:
            target = key.column.table
            missing = ~exists().where(key.column == key.parent)
            where = key.parent.is_not(None) & missing
            if db.session.scalar(select(func.count()).select_from(table).where(where)):
                dangling.append(f"{table.name}.{key.parent.name}")
            assert target is not None
    return dangling


def test_pri02_the_test_pupil_has_a_row_of_every_kind_the_registry_reaches(world):
    pupil = pupil_with_everything(world)
    reached = {entry.model.__name__ for entry in reached_kinds("pupil")}
    assert reached == set(counts("pupil", pupil.id)), "add the missing kinds to privacy_helpers"
    assert {e.model.__name__ for e in REGISTRY if e.export and "pupil" in e.about} <= reached


def test_pri03_erasing_a_pupil_leaves_no_row_that_points_at_them(world):
    pupil = pupil_with_everything(world)
    other = world.other_pupil
    db.session.add(Sort(school_id=world.school.id, pupil_id=other.id))
    db.session.commit()
    pupil_id = pupil.id
    kinds = erasure.erase_pupil(world.senco, pupil)
    db.session.commit()
    assert kinds["Recording"] == 1 and kinds["Worry"] == 1 and kinds["Pupil"] == 1
    assert _rows_pointing_at("pupil", pupil_id) == {}
    assert counts("pupil", pupil_id) == {}
    assert _dangling_keys() == []
    assert db.session.scalar(select(func.count()).where(Sort.pupil_id == other.id)) == 1
    assert db.session.get(User, world.parent.id) is not None  # the parent stays


def test_pri03_the_audit_log_keeps_the_erasure_and_no_data(world):
    pupil = pupil_with_everything(world)
    pupil_id = pupil.id
    erasure.erase_pupil(world.senco, pupil)
    db.session.commit()
    events = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    erased = [e for e in events if e.action == "erased"]
    assert len(erased) == 1 and erased[0].actor_user_id == world.senco.id
    assert erased[0].object_type == "Pupil" and erased[0].object_id == pupil_id
    assert set(erased[0].detail) == {"kinds"} and erased[0].detail["kinds"]["Plan"] == 1
    others = [e for e in events if e.action != "erased"]
    assert others, "the earlier lines stay"
    assert all(e.actor_pupil_id is None for e in events)
    logged = " ".join(str(e.detail) for e in events)
    assert "Sam" not in logged and "maths" not in logged


def test_pri03_erasing_a_parent_keeps_the_childs_plan(world):
    pupil_with_everything(world)
    parent_id, plan_count = world.parent.id, db.session.scalar(select(func.count(Plan.id)))
    kinds = erasure.erase_parent(world.senco, world.parent)
    db.session.commit()
    assert kinds["User"] == 1 and kinds["ParentResponse"] == 1 and kinds["ParentLink"] == 1
    assert _rows_pointing_at("user", parent_id) == {}
    assert _dangling_keys() == []
    assert db.session.scalar(select(func.count(Plan.id))) == plan_count
    assert db.session.get(Pupil, world.pupil.id) is not None
