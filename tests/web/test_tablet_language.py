"""The class tablet's language (A11Y-10): the tablet's own, chosen when it is set up; a
pupil's choice lasts for that pupil's session only, however it ends."""

from __future__ import annotations

from datetime import timedelta

from pupilvoice import access
from pupilvoice.models import Device, LoginSession
from pupilvoice.models.base import utcnow
from pupilvoice.services import picture_keys
from tests.conftest import PICTURES, html_lang, tap_pictures


def enrol_in(login, world, db, language: str | None):
    """A teacher sets up this client as the class tablet, in ``language``."""
    client = login(world.teacher)
    data = {"class_id": world.own_class.id, "name": "Blue"}
    if language:
        data["language"] = language
    response = client.form("/staff/tablets/enrol", data, page="/staff/tablets")
    assert response.status_code == 302
    picture_keys.set_pictures(world.pupil, PICTURES, world.teacher)
    db.session.commit()
    return client


def test_a11y10_the_tablet_keeps_its_own_language(login, world, db):
    client = enrol_in(login, world, db, "cy")
    assert db.session.query(Device).one().language == "cy"
    assert html_lang(client.get("/tablet/")) == "cy"
    # a tap on another language on the names is for that page only
    assert html_lang(client.get("/tablet/?lang=ur")) == "ur"
    assert html_lang(client.get("/tablet/")) == "cy"
    assert html_lang(client.get(f"/tablet/pupils/{world.pupil.id}")) == "cy"


def test_a11y10_without_a_choice_the_tablet_takes_the_enrolling_pages_language(login, world, db):
    client = login(world.teacher)
    client.get("/staff/tablets?lang=pl")
    client.form("/staff/tablets/enrol", {"class_id": world.own_class.id}, page="/staff/tablets")
    assert db.session.query(Device).one().language == "pl"


def test_a11y10_a_pupils_language_ends_with_their_session_however_it_ends(login, world, db):
    client = enrol_in(login, world, db, "en")
    # chosen on the names, it goes with the pupil into their session
    url = f"/tablet/pupils/{world.pupil.id}?lang=pl"
    for pick in PICTURES:
        response = client.form(url, {"pick": pick}, page=url)
    assert response.status_code == 303 and response.location == "/pupil/"
    assert html_lang(client.get("/pupil/")) == "pl"
    assert html_lang(client.get("/pupil/targets")) == "pl"
    # "I've finished": the names are in the tablet's language again
    client.form("/pupil/finish", page="/pupil/")
    assert html_lang(client.get("/tablet/")) == "en"
    # chosen during the session, then the pupil walks away and times out
    tap_pictures(client, world.pupil)
    assert html_lang(client.get("/pupil/?lang=ur")) == "ur"
    assert html_lang(client.get("/pupil/worry")) == "ur"
    record = db.session.query(LoginSession).filter_by(ended_at=None).one()
    record.last_seen_at = utcnow() - timedelta(minutes=6) - access.PUPIL_TOUCH_EVERY
    db.session.commit()
    assert client.get("/pupil/").location == "/tablet/"
    page = client.get("/tablet/")
    assert html_lang(page) == "en" and 'dir="ltr"' in page.get_data(as_text=True)
    # and the next pupil starts in it too
    tap_pictures(client, world.pupil)
    assert html_lang(client.get("/pupil/")) == "en"
