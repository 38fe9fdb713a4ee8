"""School administration: another school's ids (SEC-02), mass assignment (SEC-12) and
forged requests (SEC-10)."""

from __future__ import annotations

import pytest

from pupilvoice.models import AuditEvent, ClassGroup, ParentLink, Pupil, User
from pupilvoice.services import voice


@pytest.fixture
def other_senco(factory, db):
    user = factory.user(factory.school("Hilltop Primary"), "senco", "Mr Hill")
    db.session.commit()
    return user


def id_routes(app):
    rules = [rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith("admin.")]
    return [rule for rule in rules if rule.arguments]


def ids_of(world, endpoint: str) -> dict[str, int]:
    link = world.pupil.parent_links[0]
    voice.ensure_defaults(world.school.id)
    card = voice.active_cards(world.school.id)[0]
    user = world.parent if endpoint.startswith("admin.parent") else world.teacher
    return {
        "user_id": user.id,
        "class_id": world.own_class.id,
        "pupil_id": world.pupil.id,
        "link_id": link.id,
        "card_id": card.id,
    }


def snapshot(db):
    rows = [*db.session.query(User), *db.session.query(ClassGroup), *db.session.query(Pupil)]
    return (
        [(type(r).__name__, r.id, r.archived_at, getattr(r, "role", None)) for r in rows],
        db.session.query(ParentLink).count(),
    )


def test_sec02_user_id_class_id_pupil_id_link_id_of_another_school_give_404(
    app, login, world, other_senco, db
):
    client = login(other_senco)
    before = snapshot(db)
    checked = []
    for rule in id_routes(app):
        url = rule.build(ids_of(world, rule.endpoint))[1]
        if "GET" in rule.methods:
            assert client.get(url).status_code == 404, url
        if "POST" in rule.methods:
            response = client.form(url, {"name": "Taken over"}, page="/school/")
            assert response.status_code == 404, url
        checked.append(rule.endpoint)
    # people and class routes (invitations: tests/web/test_invitations.py), About me cards,
    # erasing, exporting and moving a pupil or parent
    assert {"admin.pupil_erase", "admin.parent_erase", "admin.pupil_export"} <= set(checked)
    assert len(checked) >= 20
    assert snapshot(db) == before
    assert not db.session.query(User).filter_by(name="Taken over").count()


def test_sec02_staff_pages_do_not_open_parents_and_parent_pages_do_not_open_staff(login, world):
    senco = login(world.senco)
    assert senco.get(f"/school/staff/{world.parent.id}").status_code == 404
    assert senco.get(f"/school/parents/{world.teacher.id}").status_code == 404
    url = f"/school/parents/{world.teacher.id}/archive"
    assert senco.form(url, page="/school/").status_code == 404


def test_sec02_linking_another_schools_pupil_is_refused(login, world, factory, db):
    elsewhere = factory.pupil(factory.class_group(factory.school("Hilltop"), "Elm"), "Kit")
    db.session.commit()
    senco = login(world.senco)
    url = f"/school/parents/{world.parent.id}"
    data = {
        "pupil_id": str(elsewhere.id),
        "relationship_label": "father",
        "preferred_language": "en",
        "contact_method": "email",
    }
    senco.form(f"{url}/links", data, page=url)
    assert world.parent.pupil_ids == {world.pupil.id}


def test_sec12_pupil_form_ignores_school_id_archived_at_and_id(login, world, other_senco, db):
    data = {
        "first_name": "Sam",
        "surname_initial": "T",
        "year_group": "1",
        "class_id": str(world.own_class.id),
        "sen_stage": "sen_support",
        "avatar": "fox",
        "school_id": str(other_senco.school_id),
        "archived_at": "2020-01-01T00:00:00",
        "id": "99",
        "created_at": "2001-01-01",
    }
    login(world.senco).form(f"/school/pupils/{world.pupil.id}", data)
    pupil = db.session.get(Pupil, world.pupil.id)
    assert (pupil.school_id, pupil.archived_at) == (world.school.id, None)
    assert db.session.get(Pupil, 99) is None


def test_sec12_parent_form_ignores_role_and_school(login, world, other_senco, db):
    data = {
        "name": "Tom Taylor",
        "email": world.parent.email,
        "role": "senco",
        "school_id": str(other_senco.school_id),
        "password_hash": "x",
        "totp_enabled": "y",
    }
    login(world.senco).form(f"/school/parents/{world.parent.id}", data)
    parent = db.session.get(User, world.parent.id)
    assert (parent.role, parent.school_id) == ("parent", world.school.id)
    assert parent.totp_enabled is False
    assert parent.password_hash != "x"


def test_sec12_class_and_invite_forms_ignore_school_id(login, world, other_senco, db):
    senco = login(world.senco)
    senco.form(
        "/school/classes/new",
        {"name": "Ash", "year_group": "2", "school_id": str(other_senco.school_id)},
    )
    senco.form(
        "/school/staff/invite",
        {
            "name": "Ms Green",
            "email": "green@school.example",
            "role": "ta",
            "school_id": str(other_senco.school_id),
            "password_hash": "x",
        },
    )
    assert db.session.query(ClassGroup).filter_by(name="Ash").one().school_id == world.school.id
    green = db.session.query(User).filter_by(name="Ms Green").one()
    assert (green.school_id, green.password_hash) == (world.school.id, None)


def test_sec10_forged_posts_are_refused_and_change_nothing(login, world, db):
    senco = login(world.senco)
    before = snapshot(db)
    events = db.session.query(AuditEvent).count()
    forged = [
        ("/school/staff/invite", {"name": "X", "email": "x@school.example", "role": "senco"}),
        (f"/school/staff/{world.teacher.id}", {"name": "X", "email": "x@x.org", "role": "ta"}),
        (f"/school/staff/{world.teacher.id}/archive", {}),
        (f"/school/classes/{world.own_class.id}", {"name": "X", "year_group": "3"}),
        (f"/school/pupils/{world.pupil.id}/archive", {}),
        (f"/school/parents/{world.parent.id}/archive", {}),
        (f"/school/links/{world.pupil.parent_links[0].id}/remove", {}),
        ("/school/roster/import", {"text": "class,year_group\nForged,3\n"}),
    ]
    for url, data in forged:
        response = senco.post(url, data=data)
        assert response.status_code == 400, url
        assert "Something was wrong with that request" in response.get_data(as_text=True)
    assert snapshot(db) == before
    assert db.session.query(AuditEvent).count() == events
