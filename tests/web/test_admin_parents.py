"""School administration: parents and carers and their links to pupils (SEC-09, REL-05)."""

from __future__ import annotations

import re

from pupilvoice.models import AuditEvent, LoginSession, ParentLink, User
from tests.conftest import sign_in


def add_parent(senco, pupil, **changes):
    data = {
        "name": "Agnieszka Kowalska",
        "email": "Agnieszka@Family.example",
        "pupil_id": str(pupil.id),
        "relationship_label": "mother",
        "preferred_language": "pl",
        "contact_method": "letter",
    }
    return senco.form("/school/parents/new", data | changes)


def test_parent_list_shows_children_and_status(login, world):
    page = login(world.senco).get("/school/parents").get_data(as_text=True)
    assert "Tom Taylor" in page and "Sam T." in page and "Has an account" in page
    assert "Mr Jones" not in page  # staff are not parents


def test_add_parent_with_a_first_child(login, world, db, outbox, deliver):
    response = add_parent(login(world.senco), world.other_pupil)
    assert deliver() == {}
    parent = db.session.query(User).filter_by(email="agnieszka@family.example").one()
    assert response.status_code == 302 and response.location == f"/school/parents/{parent.id}"
    assert (parent.role, parent.school_id) == ("parent", world.school.id)
    assert parent.password_hash is None
    assert parent.locale == "pl" and not outbox  # no e-mail until the SENCO sends one
    (link,) = parent.children_links
    assert (link.pupil_id, link.relationship_label) == (world.other_pupil.id, "mother")
    assert (link.preferred_language, link.contact_method) == ("pl", "letter")
    actions = {event.action for event in db.session.query(AuditEvent)}
    assert {"created", "linked"} <= actions


def test_add_parent_from_a_pupil_page_has_the_pupil_chosen(login, world):
    senco = login(world.senco)
    pupil_page = senco.get(f"/school/pupils/{world.other_pupil.id}").get_data(as_text=True)
    assert f"/school/parents/new?pupil_id={world.other_pupil.id}" in pupil_page
    page = senco.get(f"/school/parents/new?pupil_id={world.other_pupil.id}").get_data(as_text=True)
    assert f'<option selected value="{world.other_pupil.id}">Ayaan T. (Willow)</option>' in page


def test_add_parent_says_what_to_fix(login, world, factory, db):
    elsewhere = factory.pupil(factory.class_group(factory.school("Hilltop"), "Elm"), "Kit")
    db.session.commit()
    senco = login(world.senco)
    page = add_parent(
        senco, elsewhere, email=world.teacher.email, preferred_language="fr"
    ).get_data(as_text=True)
    assert "already has a PupilVoice account" in page
    assert page.count("Choose one of the options in the list.</p>") == 2
    assert 'value="Agnieszka Kowalska"' in page
    nobody = add_parent(senco, world.pupil, pupil_id="0").get_data(as_text=True)
    assert "Choose the child." in nobody
    assert db.session.query(User).filter_by(role="parent").count() == 1


def test_link_to_another_child_update_and_unlink(login, world, db):
    senco = login(world.senco)
    url = f"/school/parents/{world.parent.id}"
    data = {
        "pupil_id": str(world.other_pupil.id),
        "relationship_label": "carer",
        "preferred_language": "cy",
        "contact_method": "email",
    }
    assert senco.form(f"{url}/links", data, page=url).status_code == 302
    assert world.parent.pupil_ids == {world.pupil.id, world.other_pupil.id}
    senco.form(f"{url}/links", data | {"preferred_language": "ur"}, page=url)
    links = db.session.query(ParentLink).filter_by(parent_id=world.parent.id).all()
    assert len(links) == 2
    new = next(link for link in links if link.pupil_id == world.other_pupil.id)
    assert new.preferred_language == "ur"
    page = senco.get(url).get_data(as_text=True)
    assert "Ayaan T." in page and "Unlink Ayaan T." in page

    link_id = new.id
    assert senco.form(f"/school/links/{link_id}/remove", page=url).status_code == 302
    assert db.session.get(ParentLink, link_id) is None
    assert db.session.query(AuditEvent).filter_by(action="unlinked", object_id=link_id).count()


def test_link_form_errors_show_on_the_parent_page(login, world):
    senco = login(world.senco)
    url = f"/school/parents/{world.parent.id}"
    data = {"pupil_id": "999", "relationship_label": "uncle", "preferred_language": "en"}
    page = senco.form(f"{url}/links", data, page=url).get_data(as_text=True)
    assert page.count("Choose one of the options in the list.</p>") == 2  # pupil and relationship
    assert 'value="Tom Taylor"' in page  # the account form is still filled in


def test_edit_parent_name_and_email(login, world, db):
    senco = login(world.senco)
    data = {"name": "Tom Taylor-Smith", "email": "TOM@family.example"}
    assert senco.form(f"/school/parents/{world.parent.id}", data).status_code == 302
    parent = db.session.get(User, world.parent.id)
    assert (parent.name, parent.email, parent.role) == (
        "Tom Taylor-Smith",
        "tom@family.example",
        "parent",
    )


def test_invite_parent_by_email_and_the_link_works(app, login, world, db, outbox, deliver):
    senco = login(world.senco)
    add_parent(senco, world.pupil)
    parent = db.session.query(User).filter_by(email="agnieszka@family.example").one()
    url = f"/school/parents/{parent.id}"
    assert "Invite by e-mail" in senco.get(url).get_data(as_text=True)
    # one invitation mechanism: the parent page posts to the Families invitation
    response = senco.form(f"/staff/families/{parent.id}/email", {"next": url}, page=url)
    assert response.location == url
    deliver()
    (message,) = outbox
    link = re.search(r"http://localhost(/auth/welcome/\S+)", message.get_content()).group(1)
    family = app.test_client()
    password = "plum garden window nine"
    response = family.form(link, {"password": password, "confirm": password})
    assert response.status_code == 302 and response.location == "/family/"
    assert "Sam" in family.get("/family/").get_data(as_text=True)


def test_archive_parent_ends_their_sessions(app, login, world, db):
    family = login(world.parent)
    senco = login(world.senco)
    url = f"/school/parents/{world.parent.id}"
    assert senco.form(f"{url}/archive", page=url).status_code == 302
    assert db.session.get(User, world.parent.id).archived_at is not None
    assert family.get("/family/").status_code == 302
    assert db.session.query(LoginSession).filter_by(user_id=world.parent.id).one().ended_at
    assert sign_in(app.test_client(), world.parent).status_code == 200
    senco.form(f"{url}/restore", page=url)
    assert db.session.get(User, world.parent.id).archived_at is None
