"""School administration: classes, their year groups and staff (REL-05, REL-06)."""

from __future__ import annotations

import re

from pupilvoice.models import AuditEvent, ClassGroup


def class_named(db, name):
    return db.session.query(ClassGroup).filter_by(name=name).one_or_none()


def test_class_list_shows_year_staff_and_pupil_count(login, world):
    page = login(world.senco).get("/school/classes").get_data(as_text=True)
    assert "Oak" in page and "Willow" in page and "Year 1" in page and "Year 3" in page
    assert "Mr Jones, Mrs Evans" in page or "Mrs Evans, Mr Jones" in page


def test_create_class_with_staff(login, world, db):
    senco = login(world.senco)
    data = {"name": " Reception Robins ", "year_group": "0", "staff": [world.ta.id]}
    response = senco.form("/school/classes/new", data)
    assert response.status_code == 302 and response.location == "/school/classes"
    group = class_named(db, "Reception Robins")
    assert group.school_id == world.school.id and group.year_group == 0
    assert [user.id for user in group.staff] == [world.ta.id]
    assert db.session.query(AuditEvent).filter_by(action="created", object_id=group.id).count()
    assert "Reception" in senco.get("/school/classes").get_data(as_text=True)


def test_class_form_says_what_to_fix_and_keeps_what_was_typed(login, world, factory, db):
    elsewhere = factory.user(factory.school("Hilltop"), "teacher")
    db.session.commit()
    senco = login(world.senco)
    data = {"name": "oak", "year_group": "14", "staff": [elsewhere.id]}
    page = senco.form("/school/classes/new", data).get_data(as_text=True)
    assert "There is already a class with this name" in page
    assert page.count("Choose one of the options in the list.</p>") == 2
    assert 'value="oak"' in page
    long_name = senco.form("/school/classes/new", {"name": "x" * 61, "year_group": "2"})
    assert "Write at most 60 characters." in long_name.get_data(as_text=True)
    assert db.session.query(ClassGroup).count() == 2


def test_edit_class_renames_and_changes_staff(login, world, db):
    senco = login(world.senco)
    form = senco.get(f"/school/classes/{world.own_class.id}").get_data(as_text=True)
    checked = re.findall(r'<input checked [^>]*value="(\d+)"', form)
    assert sorted(checked) == sorted([str(world.teacher.id), str(world.ta.id)])
    data = {"name": "Oak Class", "year_group": "2", "staff": [world.other_teacher.id]}
    assert senco.form(f"/school/classes/{world.own_class.id}", data).status_code == 302
    group = db.session.get(ClassGroup, world.own_class.id)
    assert (group.name, group.year_group) == ("Oak Class", 2)
    assert [user.id for user in group.staff] == [world.other_teacher.id]
    event = db.session.query(AuditEvent).filter_by(action="updated", object_id=group.id).one()
    assert set(event.detail["fields"]) == {"name", "year_group", "staff"}


def test_keeping_its_own_name_is_not_a_duplicate(login, world, db):
    data = {"name": "Oak", "year_group": "1", "staff": [world.teacher.id]}
    response = login(world.senco).form(f"/school/classes/{world.own_class.id}", data)
    assert response.status_code == 302


def test_class_with_pupils_cannot_be_archived(login, world, db):
    senco = login(world.senco)
    url = f"/school/classes/{world.own_class.id}"
    response = senco.form(f"{url}/archive", page=url)
    assert "still has pupils" in senco.get(response.location).get_data(as_text=True)
    assert db.session.get(ClassGroup, world.own_class.id).archived_at is None


def test_empty_class_is_archived_and_restored(login, world, factory, db):
    empty = factory.class_group(world.school, "Birch", 4)
    db.session.commit()
    senco = login(world.senco)
    url = f"/school/classes/{empty.id}"
    assert senco.form(f"{url}/archive", page=url).status_code == 302
    assert db.session.get(ClassGroup, empty.id).archived_at is not None
    page = senco.get("/school/classes").get_data(as_text=True)
    assert "Archived classes" in page and "Restore Birch" in page
    senco.form(f"{url}/restore", page="/school/classes")
    assert db.session.get(ClassGroup, empty.id).archived_at is None
