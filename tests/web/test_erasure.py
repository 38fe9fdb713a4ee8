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


# --- the SENCO's pages ----------------------------------------------------------------------


def test_pri03_the_senco_sees_what_will_go_and_types_the_name(login, world):
    pupil_id = pupil_with_everything(world).id
    senco, address = login(world.senco), f"/school/pupils/{pupil_id}/erase"
    page = senco.get(address).get_data(as_text=True)
    assert "Erase everything about Sam T." in page and "Recordings" in page
    assert "Type Sam T." in page
    wrong = senco.form(address, {"name": "Sam"})
    assert wrong.status_code == 422
    assert "exactly" in wrong.get_data(as_text=True)
    assert db.session.get(Pupil, pupil_id) is not None, "a wrong name erases nothing"
    done = senco.form(address, {"name": " sam t "})
    assert done.status_code == 302 and done.location == "/school/pupils"
    listed = senco.get("/school/pupils").get_data(as_text=True)
    assert "Everything about Sam T. is erased." in listed
    assert db.session.get(Pupil, pupil_id) is None
    assert senco.get(f"/school/pupils/{pupil_id}").status_code == 404


def test_pri03_an_erased_parent_is_signed_out_and_gone(login, world):
    family = login(world.parent)
    assert family.get("/family/").status_code == 200
    senco = login(world.senco)
    address = f"/school/parents/{world.parent.id}/erase"
    assert "Tom Taylor" in senco.get(address).get_data(as_text=True)
    assert senco.form(address, {"name": "Tom Taylor"}).status_code == 302
    assert family.get("/family/").status_code == 302, "their session went with them"


def test_sec02_erasing_is_for_the_schools_own_senco(login, world, factory):
    other = factory.user(factory.school("Hilltop Primary"), "senco", "Mr Hill")
    db.session.commit()
    stranger = login(other)
    for address in (
        f"/school/pupils/{world.pupil.id}/erase",
        f"/school/parents/{world.parent.id}/erase",
    ):
        assert stranger.get(address).status_code == 404
    assert login(world.teacher).get(f"/school/pupils/{world.pupil.id}/erase").status_code == 403
    staff = f"/school/parents/{world.teacher.id}/erase"
    assert login(world.senco).get(staff).status_code == 404, "staff are not erased here"


def test_pri03_erasing_a_pupil_empties_the_read_aloud_cache(world, app, tmp_path):
    from pupilvoice.services import speech

    app.config["SPEECH_CACHE_DIR"] = str(tmp_path)
    spoken = speech.cache_dir() / "en" / "0123abcd.ogg"
    spoken.parent.mkdir(parents=True, exist_ok=True)
    spoken.write_bytes(b"OggS")  # audio that may say "Sam"
    erasure.erase_pupil(world.senco, pupil_with_everything(world))
    assert not spoken.exists()
