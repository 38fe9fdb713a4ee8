"""School administration: pupils, with chosen pictures and no photos (PRI-01, REL-05)."""

from __future__ import annotations

from pupilvoice.models import AuditEvent, LoginSession, Pupil


def pupil_data(group, **changes):
    data = {
        "first_name": "Zofia",
        "surname_initial": "k.",
        "year_group": str(group.year_group),
        "class_id": str(group.id),
        "sen_stage": "ehcp",
        "avatar": "owl",
    }
    return data | changes


def test_pupil_list_filters_by_class_and_stage(login, world, factory, db):
    factory.pupil(world.own_class, "Amelia", stage="none")
    db.session.commit()
    senco = login(world.senco)
    everyone = senco.get("/school/pupils").get_data(as_text=True)
    assert "Sam T." in everyone and "Ayaan T." in everyone and "Amelia T." in everyone
    oak = senco.get(f"/school/pupils?class_id={world.own_class.id}").get_data(as_text=True)
    assert "Sam T." in oak and "Amelia T." in oak and "Ayaan T." not in oak
    support = senco.get("/school/pupils?stage=sen_support").get_data(as_text=True)
    assert "Sam T." in support and "Amelia T." not in support
    nonsense = senco.get("/school/pupils?class_id=abc&stage=x&show=y")
    assert nonsense.status_code == 200


def test_add_pupil_saves_tidied_values_and_audits(login, world, db):
    senco = login(world.senco)
    page = senco.get("/school/pupils/new").get_data(as_text=True)
    assert 'type="file"' not in page and "birth" not in page.lower()  # PRI-01
    assert "symbols/owl." in page and 'for="avatar-6"' in page  # pictures, each labelled
    response = senco.form("/school/pupils/new", pupil_data(world.own_class))
    assert response.status_code == 302 and response.location == "/school/pupils"
    pupil = db.session.query(Pupil).filter_by(first_name="Zofia").one()
    assert (pupil.surname_initial, pupil.sen_stage, pupil.avatar) == ("K", "ehcp", "owl")
    assert (pupil.school_id, pupil.class_id) == (world.school.id, world.own_class.id)
    assert db.session.query(AuditEvent).filter_by(action="created", object_id=pupil.id).count()


def test_pupil_without_a_class(login, world, db):
    data = pupil_data(world.own_class, class_id="0", first_name="Noah")
    assert login(world.senco).form("/school/pupils/new", data).status_code == 302
    assert db.session.query(Pupil).filter_by(first_name="Noah").one().class_id is None


def test_pupil_form_says_what_to_fix_and_keeps_what_was_typed(login, world, factory, db):
    elsewhere = factory.class_group(factory.school("Hilltop"), "Elm")
    db.session.commit()
    data = pupil_data(
        world.own_class,
        first_name="Zofia" * 13,
        surname_initial="Kowalska",
        year_group="14",
        class_id=str(elsewhere.id),
        sen_stage="statement",
        avatar="photo",
    )
    page = login(world.senco).form("/school/pupils/new", data).get_data(as_text=True)
    assert "Write at most 60 characters." in page
    assert "Write one or two letters, like T." in page
    assert page.count("Choose one of the options in the list.</p>") == 3
    assert "Choose a picture." in page
    assert 'value="Kowalska"' in page and "ZofiaZofia" in page
    assert db.session.query(Pupil).count() == 2


def test_edit_pupil(login, world, db):
    senco = login(world.senco)
    data = pupil_data(world.other_class, first_name="Sam", surname_initial="t", sen_stage="none")
    assert senco.form(f"/school/pupils/{world.pupil.id}", data).status_code == 302
    pupil = db.session.get(Pupil, world.pupil.id)
    assert (pupil.class_id, pupil.sen_stage, pupil.avatar) == (world.other_class.id, "none", "owl")
    event = db.session.query(AuditEvent).filter_by(action="updated", object_id=pupil.id).one()
    assert set(event.detail["fields"]) == {"class_id", "year_group", "avatar"}
    register = db.session.query(AuditEvent).filter_by(action="register_changed").one()
    assert register.detail["fields"] == ["removed_on", "stage"]  # the SEN register's own line


def test_edit_page_shows_the_current_values(login, world):
    page = login(world.senco).get(f"/school/pupils/{world.pupil.id}").get_data(as_text=True)
    assert 'value="Sam"' in page and f'<option selected value="{world.own_class.id}">' in page
    assert "Tom Taylor" in page  # the linked parent


def test_archive_hides_the_pupil_and_ends_their_tablet_session(login, world, db):
    db.session.add(LoginSession(token_hash="x" * 64, pupil_id=world.pupil.id))
    db.session.commit()
    senco = login(world.senco)
    url = f"/school/pupils/{world.pupil.id}"
    response = senco.form(f"{url}/archive", page=url)
    assert "Sam T. is archived." in senco.get(response.location).get_data(as_text=True)
    assert db.session.get(Pupil, world.pupil.id).archived_at is not None
    assert db.session.query(LoginSession).filter_by(pupil_id=world.pupil.id).one().ended_at
    assert "Sam T." not in senco.get("/school/pupils").get_data(as_text=True)
    assert "Sam T." in senco.get("/school/pupils?show=archived").get_data(as_text=True)
    senco.form(f"{url}/restore", page=url)
    assert db.session.get(Pupil, world.pupil.id).archived_at is None
