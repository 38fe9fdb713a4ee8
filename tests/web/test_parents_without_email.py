"""Families without e-mail (issue 11, item 11): a parent the school writes to by letter only
can be added by hand or by the roster import, is invited by letter, gets the plan by letter
even if the link says e-mail, and adds the address they sign in with when setting up their
account (SEC-09: invitation only)."""

from __future__ import annotations

import html
import re

import pytest

from pupilvoice.models import AccountToken, ParentLink, PlanDelivery, User
from pupilvoice.services import plans
from tests.conftest import sign_in
from tests.web.plan_helpers import make_plan, target_values

NEW_PASSWORD = "plum garden window nine"


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


@pytest.fixture
def bronwen(world, factory, db) -> User:
    """Sam's mother, who gets letters and has no e-mail address."""
    parent = factory.user(world.school, "parent", "Bronwen Hughes", email=None)
    parent.password_hash = None
    link = factory.link(parent, world.pupil, language="cy")
    link.contact_method = "email"  # even a link that says e-mail cannot mail her
    db.session.commit()
    return parent


def add_parent(client, pupil_id: int, **values):
    data = {
        "name": "Bronwen Hughes",
        "email": "",
        "pupil_id": str(pupil_id),
        "relationship_label": "mother",
        "preferred_language": "cy",
        "contact_method": "letter",
    } | values
    return client.form("/school/parents/new", data, page="/school/parents/new")


def test_the_senco_adds_two_families_without_an_address(login, world, db):
    senco = login(world.senco)
    assert add_parent(senco, world.pupil.id).status_code == 302
    second = add_parent(senco, world.other_pupil.id, name="Dai Jones")
    assert second.status_code == 302  # "no address" twice is not a clash
    found = db.session.query(User).filter(User.name.in_(["Bronwen Hughes", "Dai Jones"])).all()
    assert [parent.email for parent in found] == [None, None]
    page = text(senco.get("/school/parents"))
    assert "None: letters only" in page
    bronwen = next(parent for parent in found if parent.name == "Bronwen Hughes")
    edit_page = senco.get(f"/school/parents/{bronwen.id}")
    assert edit_page.status_code == 200 and "Print a letter" in text(edit_page)
    assert "Invite by e-mail" not in text(edit_page)


def test_without_an_address_the_school_must_choose_letters(login, world, db):
    senco = login(world.senco)
    response = add_parent(senco, world.pupil.id, contact_method="email")
    assert response.status_code == 422
    assert "There is no e-mail address, so the school sends a printed letter." in text(response)
    assert db.session.query(User).filter_by(name="Bronwen Hughes").count() == 0


def test_an_address_goes_only_while_nobody_signs_in_with_it(login, world, db):
    senco = login(world.senco)
    url = f"/school/parents/{world.parent.id}"
    refused = senco.form(url, {"name": "Tom Taylor", "email": ""}, page=url)
    assert "They sign in with this address, so it must stay." in text(refused)
    assert db.session.get(User, world.parent.id).email is not None
    world.parent.password_hash = None  # not set up yet: the school may write instead
    db.session.commit()
    response = senco.form(url, {"name": "Tom Taylor", "email": ""}, page=url)
    assert response.status_code == 302
    assert db.session.get(User, world.parent.id).email is None


def test_no_email_invitation_for_a_family_without_an_address(login, world, bronwen, db):
    teacher = login(world.teacher)
    page = text(teacher.get("/staff/families/"))
    assert f"/staff/families/{bronwen.id}/email" not in page
    assert f"/staff/families/{bronwen.id}/letter" in page
    response = teacher.form(f"/staff/families/{bronwen.id}/email", page="/staff/families/")
    assert response.status_code == 302
    assert db.session.query(AccountToken).filter_by(user_id=bronwen.id).count() == 0


def test_the_plan_goes_by_letter_whatever_the_link_says(login, world, bronwen, db, mailbox):
    plan = make_plan(world, targets=1)
    plans.add_target(world.teacher, plan, target_values(area="maths", smart_text="Count to 20."))
    db.session.commit()
    teacher = login(world.teacher)
    url = f"/staff/plans/{plan.id}"
    teacher.form(f"{url}/share", page=url, follow_redirects=True)
    assert "Print 1 letter" in text(teacher.get(url))
    response = teacher.form(f"/staff/families/plans/{plan.id}/letters", page=url)
    assert response.status_code == 200
    delivery = db.session.query(PlanDelivery).filter_by(parent_id=bronwen.id).one()
    assert delivery.method == "letter"


def test_a_letters_only_family_adds_an_address_at_join_and_signs_in_with_it(
    app, login, world, bronwen, db
):
    letter = text(login(world.teacher).form(f"/staff/families/{bronwen.id}/letter"))
    code = re.search(r'class="letter__code"[^>]*>([A-Z0-9-]+)<', letter).group(1)
    assert "When you set up your account, type an e-mail address." in letter
    family = app.test_client()
    assert family.form("/join", {"code": code}).location == "/join/account"
    page = text(family.get("/join/account"))
    assert 'name="email"' in page and "Your e-mail address:" not in page
    values = {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD, "locale": "cy"}
    taken = family.form("/join/account", values | {"email": world.parent.email})
    assert "This address already has a PupilVoice account." in text(taken)
    assert db.session.query(AccountToken).filter_by(user_id=bronwen.id).one().used_at is None
    done = family.form("/join/account", values | {"email": "Bronwen@Family.example"})
    assert done.status_code == 302 and done.location == "/family/"
    db.session.refresh(bronwen)
    assert bronwen.email == "bronwen@family.example"
    link = db.session.query(ParentLink).filter_by(parent_id=bronwen.id).one()
    assert link.preferred_language == "cy"
    again = app.test_client()
    response = sign_in(again, bronwen, NEW_PASSWORD)
    assert response.status_code == 302 and response.location == "/family/"


def test_a_family_with_an_address_is_not_asked_for_one(app, login, world, factory, db):
    parent = factory.user(world.school, "parent", "Agnieszka", email="aga@family.example")
    parent.password_hash = None
    factory.link(parent, world.pupil)
    db.session.commit()
    letter = text(login(world.teacher).form(f"/staff/families/{parent.id}/letter"))
    code = re.search(r'class="letter__code"[^>]*>([A-Z0-9-]+)<', letter).group(1)
    family = app.test_client()
    family.form("/join", {"code": code})
    page = text(family.get("/join/account"))
    assert 'name="email"' not in page and "aga@family.example" in page
