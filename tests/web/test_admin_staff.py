"""School administration: staff invitations, roles, archiving (SEC-09, REL-05, REL-06)."""

from __future__ import annotations

import re

from pupilvoice.models import AuditEvent, LoginSession, User
from tests.conftest import PASSWORD, sign_in

NEW_PASSWORD = "apple river lantern seven"


def invite_link(message) -> str:
    match = re.search(r"http://localhost(/auth/welcome/\S+)", message.get_content())
    assert match, message.get_content()
    return match.group(1)


def invite(senco, name="Ms Green", email="green@school.example", role="teacher"):
    data = {"name": name, "email": email, "role": role}
    return senco.form("/school/staff/invite", data)


def test_staff_list_shows_who_is_invited_and_who_is_active(login, world, factory, db):
    factory.user(world.school, "ta", "Mr Newman").password_hash = None
    db.session.commit()
    page = login(world.senco).get("/school/staff").get_data(as_text=True)
    assert "Mr Jones" in page and "Mrs Evans" in page and "Mr Newman" in page
    assert page.count("Invited, no password yet") == 1
    assert "Tom Taylor" not in page  # parents are not staff
    assert 'aria-current="page"' in page and "Import and export" in page


def test_invitation_creates_account_and_mail_whose_link_sets_a_password(
    app, login, world, db, outbox, deliver
):
    response = invite(login(world.senco))
    deliver()
    assert response.status_code == 302 and response.location == "/school/staff"
    user = db.session.query(User).filter_by(email="green@school.example").one()
    assert (user.role, user.school_id, user.password_hash) == ("teacher", world.school.id, None)
    assert {e.action for e in db.session.query(AuditEvent).filter_by(object_id=user.id)} >= {
        "created",
        "invited",
    }
    (message,) = outbox
    assert message["To"] == "green@school.example"
    assert "Mrs Khan has invited you to PupilVoice at Riverside Primary" in message.get_content()

    newcomer = app.test_client()
    link = invite_link(message)
    assert "Welcome to PupilVoice" in newcomer.get(link).get_data(as_text=True)
    done = newcomer.form(link, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert done.status_code == 302 and done.location == "/staff/"
    assert sign_in(app.test_client(), user, NEW_PASSWORD).status_code == 302
    staff_page = login(world.senco).get("/school/staff").get_data(as_text=True)
    assert "Invited, no password yet" not in staff_page


def test_invitation_refuses_an_address_that_has_an_account(login, world, db, outbox, deliver):
    response = invite(login(world.senco), name="Someone", email=world.parent.email.upper())
    assert deliver() == {}
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "already has a PupilVoice account" in page
    assert 'value="Someone"' in page  # REL-05: what was typed is kept
    assert db.session.query(User).filter_by(name="Someone").count() == 0 and not outbox


def test_invitation_form_says_what_to_fix(login, world, db):
    response = invite(login(world.senco), name="", email="not-an-address", role="headteacher")
    page = response.get_data(as_text=True)
    assert "Write their name." in page
    assert "Write an e-mail address like name@example.org." in page
    assert "Choose one of the options in the list." in page
    assert 'value="not-an-address"' in page
    assert db.session.query(User).count() == 5


def test_resend_sends_a_new_link_and_the_old_one_stops_working(
    app, login, world, db, outbox, deliver
):
    senco = login(world.senco)
    invite(senco)
    deliver()
    first = invite_link(outbox[0])
    green = db.session.query(User).filter_by(name="Ms Green").one()
    page = senco.get(f"/school/staff/{green.id}").get_data(as_text=True)
    assert "Send a new invitation" in page
    response = senco.form(f"/school/staff/{green.id}/resend", page="/school/staff")
    assert response.status_code == 302
    deliver()
    assert len(outbox) == 2
    assert app.test_client().get(first).status_code == 404
    assert app.test_client().get(invite_link(outbox[1])).status_code == 200


def test_resend_to_someone_with_a_password_sends_nothing(login, world, outbox, deliver):
    senco = login(world.senco)
    response = senco.form(f"/school/staff/{world.teacher.id}/resend", page="/school/staff")
    assert deliver() == {}
    assert response.status_code == 302 and not outbox
    assert "already set a password" in senco.get(response.location).get_data(as_text=True)


def test_change_role_is_saved_and_audited(login, world, db):
    senco = login(world.senco)
    data = {"name": "Mr Jones", "email": world.teacher.email, "role": "senco"}
    response = senco.form(f"/school/staff/{world.teacher.id}", data)
    assert response.status_code == 302
    assert db.session.get(User, world.teacher.id).role == "senco"
    event = db.session.query(AuditEvent).filter_by(action="role_changed").one()
    assert event.detail == {"old": "teacher", "new": "senco"}
    assert event.actor_user_id == world.senco.id


def test_senco_cannot_demote_or_archive_themselves(login, world, db):
    senco = login(world.senco)
    page = senco.get(f"/school/staff/{world.senco.id}").get_data(as_text=True)
    assert 'name="role"' not in page and "You cannot change your own role" in page
    assert "Archive this account" not in page
    data = {"name": "Mrs Khan", "email": world.senco.email, "role": "teacher"}
    assert senco.form(f"/school/staff/{world.senco.id}", data).status_code == 302
    response = senco.form(f"/school/staff/{world.senco.id}/archive", page="/school/staff")
    assert "You cannot archive yourself" in senco.get(response.location).get_data(as_text=True)
    me = db.session.get(User, world.senco.id)
    assert me.role == "senco" and me.archived_at is None


def test_archive_ends_sessions_and_sign_in_then_restore_lets_them_back(app, login, world, db):
    teacher = login(world.teacher)
    senco = login(world.senco)
    response = senco.form(f"/school/staff/{world.teacher.id}/archive", page="/school/staff")
    assert response.status_code == 302
    assert db.session.get(User, world.teacher.id).archived_at is not None
    assert teacher.get("/staff/").status_code == 302  # their open session has ended
    sessions = db.session.query(LoginSession).filter_by(user_id=world.teacher.id)
    assert all(record.ended_at is not None for record in sessions)
    assert sign_in(app.test_client(), world.teacher).status_code == 200  # refused
    page = senco.get("/school/staff").get_data(as_text=True)
    assert "Archived staff" in page

    senco.form(f"/school/staff/{world.teacher.id}/restore", page="/school/staff")
    assert db.session.get(User, world.teacher.id).archived_at is None
    assert sign_in(app.test_client(), world.teacher, PASSWORD).status_code == 302
    actions = [e.action for e in db.session.query(AuditEvent).filter_by(object_id=world.teacher.id)]
    assert "archived" in actions and "restored" in actions


# --- the overview -----------------------------------------------------------------------------


def test_overview_counts_only_this_schools_current_people_in_one_query(
    login, world, factory, db, queries
):
    senco = login(world.senco)
    with queries() as before:
        page = senco.get("/school/").get_data(as_text=True)
    # pupils 2 (2 on the register), classes 2, staff 4, parents 1
    assert '<span class="stat">2</span> pupils' in page and "2 on the SEN register" in page
    assert '<span class="stat">4</span> staff' in page and "not signed up yet" not in page
    elsewhere = factory.school("Hilltop")
    factory.pupil(factory.class_group(elsewhere, "Elm"), "Kit")
    factory.user(elsewhere, "teacher")
    group = factory.class_group(world.school, "Rowan", 5, [world.teacher])
    factory.pupil(group, "Ruby", stage="none")
    factory.pupil(group, "Alfie").archived_at = world.pupil.created_at
    factory.user(world.school, "teacher").password_hash = None  # invited, not signed up
    factory.user(world.school, "parent", "Pat Archived").archived_at = world.pupil.created_at
    db.session.commit()
    with queries() as after:
        page = senco.get("/school/").get_data(as_text=True)
    assert '<span class="stat">3</span> pupils' in page and "2 on the SEN register" in page
    assert '<span class="stat">3</span> classes' in page
    assert '<span class="stat">5</span> staff' in page and "1 not signed up yet" in page
    assert '<span class="stat">1</span> parent or carer' in page
    assert len(after) == len(before) == 2  # the signed-in session, then the overview
