"""Class mode on a shared tablet: enrolment, the class list, picture sign-in,
teacher-assisted sign-in and signing out (SEC-05, SEC-06, SEC-07, PRI-01)."""

from __future__ import annotations

import re
from datetime import timedelta
from zoneinfo import ZoneInfo

from pupilvoice import access
from pupilvoice.models import (
    ClassGroup,
    Device,
    LoginSession,
    PictureKey,
    PupilSignIn,
    SignInThrottle,
)
from pupilvoice.models.base import utcnow
from pupilvoice.services import devices
from tests.conftest import PASSWORD, PICTURES, enrol_tablet, on_tablet, tap_pictures


def test_sec06_device_not_enrolled_shows_no_class_list(client, world):
    page = client.get("/tablet/").get_data(as_text=True)
    assert "This tablet is not set up yet" in page
    assert "Sam" not in page and "Ayaan" not in page
    assert client.get(f"/tablet/pupils/{world.pupil.id}").status_code == 302


def test_sec06_teacher_enrols_this_device_and_is_signed_out_on_it(login, world, db):
    client = login(world.teacher)
    response = client.form(
        "/staff/tablets/enrol",
        {"class_id": world.own_class.id, "name": "Blue"},
        page="/staff/tablets",
    )
    assert response.status_code == 302 and response.location == "/tablet/"
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'
    cookie = client.get_cookie(devices.COOKIE)
    assert cookie.secure and cookie.http_only and cookie.same_site == "Lax"
    device = db.session.query(Device).one()
    assert device.token_hash != cookie.value and len(cookie.value) >= 40  # only a hash kept
    assert device.class_id == world.own_class.id and device.enrolled_by_id == world.teacher.id
    # the staff session on the tablet is over
    assert client.get("/staff/").status_code == 302
    assert db.session.query(LoginSession).filter_by(ended_at=None).count() == 0
    page = client.get("/tablet/").get_data(as_text=True)
    assert "Sam" in page and "Ayaan" not in page


def test_sec02_teacher_cannot_enrol_another_class_and_ta_cannot_enrol(login, world, db):
    client = login(world.teacher)
    response = client.form(
        "/staff/tablets/enrol", {"class_id": world.other_class.id}, page="/staff/tablets"
    )
    assert response.status_code == 400
    ta = login(world.ta)
    assert "Make this the class tablet" not in ta.get("/staff/tablets").get_data(as_text=True)
    assert db.session.query(Device).count() == 0


def test_pri01_class_list_shows_first_names_and_initial_only_for_twins(client, world, factory, db):
    twin = factory.pupil(world.own_class, "Sam")
    twin.surname_initial = "B"
    factory.pupil(world.own_class, "Leo")
    db.session.commit()
    on_tablet(client, enrol_tablet(world.own_class, world.teacher))
    page = client.get("/tablet/").get_data(as_text=True)
    assert "Sam T." in page and "Sam B." in page
    assert "Leo" in page and "Leo T." not in page


def test_class_list_queries_do_not_grow_with_the_class(client, world, factory, db, queries):
    on_tablet(client, enrol_tablet(world.own_class, world.teacher))
    with queries() as before:
        client.get("/tablet/")
    for name in ("Ruby", "Alfie", "George"):
        factory.pupil(world.own_class, name)
    db.session.commit()
    with queries() as after:
        page = client.get("/tablet/").get_data(as_text=True)
    assert "Ruby" in page and "George" in page
    assert len(after) == len(before) <= 2  # the tablet with its class; the class's pupils


def test_sec10_looking_at_the_class_list_writes_only_when_the_tablet_is_due(
    client, world, db, queries
):
    on_tablet(client, enrol_tablet(world.own_class, world.teacher))
    with queries() as ran:
        assert client.get("/tablet/").status_code == 200
    assert all(statement.lstrip().upper().startswith("SELECT") for statement in ran)
    device = db.session.query(Device).one()
    device.last_seen_at = utcnow() - devices.SEEN_EVERY - timedelta(seconds=5)
    db.session.commit()
    assert "Sam" in client.get("/tablet/").get_data(as_text=True)
    assert utcnow() - db.session.query(Device).one().last_seen_at < timedelta(seconds=5)


def test_pupil_signs_in_with_three_pictures(client, world, db, pupil_login):
    client = pupil_login(world.pupil)
    page = client.get("/pupil/").get_data(as_text=True)
    assert "Hello, Sam!" in page and "I've finished" in page
    sign_in = db.session.query(PupilSignIn).one()
    assert sign_in.how == "pictures" and sign_in.helper_id is None


def test_picture_taps_before_the_third_save_nothing(client, world, db, pupil_login):
    pupil_login(world.pupil)  # sets the pictures and enrols a tablet
    on_tablet(client, enrol_tablet(world.own_class, world.teacher))
    url = f"/tablet/pupils/{world.pupil.id}"
    for pick in ("star", "fish"):  # kept in the session, the page shown again with GET
        response = client.form(url, {"pick": pick}, page=url)
        assert response.status_code == 303 and response.location == url
    assert client.get(url).get_data(as_text=True).count("slot slot--full") == 2
    client.form(url, {"pick": "again"}, page=url)
    assert "slot--full" not in client.get(url).get_data(as_text=True)
    assert db.session.get(PictureKey, world.pupil.id).wrong_tries == 0


def test_sec02_pupil_of_another_class_is_not_on_this_tablet(client, world, pupil_login):
    pupil_login(world.pupil)
    on_tablet(client, enrol_tablet(world.own_class, world.teacher))
    assert client.get(f"/tablet/pupils/{world.other_pupil.id}").status_code == 404
    assert client.get("/tablet/pupils/999999").status_code == 404


def test_staff_sets_pictures_and_sees_the_card_once(login, world, db, client):
    teacher = login(world.teacher)
    url = f"/staff/pupils/{world.pupil.id}/pictures"
    response = teacher.form(url, {"first": "cake", "second": "car", "third": "cake"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Print this card now" in page
    assert page.index("symbols/cake.") < page.index("symbols/car.")  # fingerprinted names
    key = db.session.get(PictureKey, world.pupil.id)
    assert "cake" not in key.digest and key.set_by_id == world.teacher.id
    on_tablet(client, enrol_tablet(world.own_class, world.teacher))
    assert tap_pictures(client, world.pupil, ["cake", "car", "cake"]).location == "/pupil/"


def test_staff_picture_form_keeps_choices_and_refuses_unknown_pictures(login, world, db):
    teacher = login(world.teacher)
    url = f"/staff/pupils/{world.pupil.id}/pictures"
    response = teacher.form(url, {"first": "cake", "second": "dragon"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Choose a picture." in page
    assert re.search(r'<input checked[^>]*name="first"[^>]*value="cake"', page)
    assert db.session.get(PictureKey, world.pupil.id) is None


def test_pupil_without_pictures_is_sent_to_a_teacher(client, world):
    on_tablet(client, enrol_tablet(world.own_class, world.teacher))
    page = client.get(f"/tablet/pupils/{world.pupil.id}").get_data(as_text=True)
    assert "Your teacher will help you sign in today." in page


def _assist(client, world, pupil, email, helping="yes", password=PASSWORD):
    """The adult's form sent; a form that cannot be taken comes back with GET (REL-04)."""
    response = client.form(
        "/tablet/help",
        {"pupil": pupil.id, "email": email, "password": password, "helping": helping},
    )
    if response.status_code == 303 and response.location.startswith("/tablet/help"):
        return client.get(response.location)
    return response


def test_sec06_teacher_assisted_sign_in_on_the_tablet(client, world, db):
    on_tablet(client, enrol_tablet(world.own_class, world.teacher))
    response = _assist(client, world, world.pupil, world.ta.email)
    assert response.status_code == 303 and response.location == "/pupil/"
    sign_in = db.session.query(PupilSignIn).one()
    assert sign_in.how == "adult" and sign_in.helper_id == world.ta.id
    # no staff session was started on the shared tablet
    assert db.session.query(LoginSession).filter(LoginSession.user_id.isnot(None)).count() == 0
    page = client.get("/pupil/").get_data(as_text=True)
    assert "Mrs Evans is helping you." in page
    assert client.get("/staff/").status_code == 403


def test_sec06_assisted_sign_in_refuses_wrong_password_and_other_class_staff(client, world, db):
    on_tablet(client, enrol_tablet(world.own_class, world.teacher))
    wrong = _assist(client, world, world.pupil, world.teacher.email, password="nope nope nope")
    assert "do not match" in wrong.get_data(as_text=True)
    # counted like a wrong sign-in: for that address from this tablet's address (SEC-05)
    assert db.session.query(SignInThrottle).filter_by(kind="address").one().failures == 1
    other = _assist(client, world, world.pupil, world.other_teacher.email)
    assert "only help pupils in your own classes" in other.get_data(as_text=True)
    parent = _assist(client, world, world.pupil, world.parent.email)
    assert "do not match" in parent.get_data(as_text=True)
    assert db.session.query(PupilSignIn).count() == 0


def test_sec05_assisted_sign_in_clears_a_picture_cooldown(
    client, world, db, pupil_login, picture_clock
):
    pupil_login(world.pupil)
    key = db.session.get(PictureKey, world.pupil.id)
    key.cooldown_round, key.cooldown_until = 2, picture_clock.now + timedelta(minutes=2)
    db.session.commit()
    on_tablet(client, enrol_tablet(world.own_class, world.teacher))
    assert _assist(client, world, world.pupil, world.teacher.email, helping="no").status_code == 303
    key = db.session.get(PictureKey, world.pupil.id)
    assert (key.cooldown_round, key.cooldown_until) == (0, None)
    assert db.session.query(PupilSignIn).order_by(PupilSignIn.id.desc()).first().helper_id is None


def test_adult_says_they_are_helping_and_stops(world, db, pupil_login):
    client = pupil_login(world.pupil)
    client.form("/pupil/helper", {"email": world.teacher.email, "password": PASSWORD})
    assert "Mr Jones is helping you." in client.get("/pupil/").get_data(as_text=True)
    client.form("/pupil/helper/stop", page="/pupil/")
    assert "You are working on your own." in client.get("/pupil/").get_data(as_text=True)


def test_sec07_finished_ends_the_session_and_keeps_the_device(app, world, db, pupil_login):
    client = pupil_login(world.pupil)
    cookie = client.get_cookie("__Host-pupilvoice")
    response = client.form("/pupil/finish", page="/pupil/")
    assert response.status_code == 303 and response.location == "/tablet/"
    # cache and storage, never cookies: the device cookie must survive
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'
    assert client.get_cookie(devices.COOKIE) is not None
    assert "Who are you?" in client.get("/tablet/").get_data(as_text=True)
    assert client.get("/pupil/").location == "/tablet/"
    # a copy of the old session cookie no longer works
    copy = on_tablet(app.test_client(), client.get_cookie(devices.COOKIE).value)
    copy.set_cookie(cookie.key, cookie.value)
    assert copy.get("/pupil/").location == "/tablet/"
    assert db.session.query(LoginSession).filter_by(ended_at=None).count() == 0


def test_sec07_pupil_idle_five_minutes_is_signed_out(world, db, pupil_login):
    client = pupil_login(world.pupil)
    record = db.session.query(LoginSession).one()
    record.last_seen_at = utcnow() - timedelta(minutes=5) - access.PUPIL_TOUCH_EVERY
    record.last_seen_at -= timedelta(seconds=1)
    db.session.commit()
    assert client.get("/pupil/").location == "/tablet/"
    response = client.get("/tablet/")
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'
    assert "Who are you?" in response.get_data(as_text=True)
    assert db.session.query(LoginSession).one().ended_at is not None


def test_sec07_every_pupil_request_counts_as_activity(world, db, pupil_login):
    client = pupil_login(world.pupil)
    record = db.session.query(LoginSession).one()
    record.last_seen_at = utcnow() - timedelta(minutes=4, seconds=50)
    db.session.commit()
    assert client.get("/pupil/").status_code == 200
    seen = db.session.query(LoginSession).one().last_seen_at
    assert utcnow() - seen < timedelta(seconds=5)


def test_sec07_pupil_session_ends_after_sixty_minutes(world, db, pupil_login):
    client = pupil_login(world.pupil)
    record = db.session.query(LoginSession).one()
    record.created_at = utcnow() - timedelta(minutes=61)
    db.session.commit()
    assert client.get("/pupil/").location == "/tablet/"


def test_sec06_revoked_tablet_stops_at_once(world, db, pupil_login, login):
    client = pupil_login(world.pupil)
    device = db.session.query(Device).one()
    teacher = login(world.teacher)
    teacher.form(f"/staff/tablets/{device.id}/revoke", page="/staff/tablets")
    assert db.session.get(Device, device.id).revoked_at is not None
    response = client.get("/pupil/")
    assert response.status_code == 302 and response.location == "/tablet/"
    page = client.get("/tablet/").get_data(as_text=True)
    assert "This tablet is not set up yet" in page and "Sam" not in page
    assert db.session.query(LoginSession).filter_by(ended_at=None).count() == 1  # the teacher's


def test_sec06_tablet_of_an_archived_class_stops_at_once(world, db, pupil_login):
    client = pupil_login(world.pupil)
    db.session.get(ClassGroup, world.own_class.id).archived_at = utcnow()
    db.session.commit()
    assert client.get("/pupil/").location == "/tablet/"
    assert "This tablet is not set up yet" in client.get("/tablet/").get_data(as_text=True)
    assert db.session.query(LoginSession).filter_by(ended_at=None).count() == 0


def _updates(statements: list[str]) -> int:
    return sum(statement.lstrip().upper().startswith("UPDATE") for statement in statements)


def test_a_pupil_page_checks_session_tablet_and_pupil_once_each(world, db, pupil_login, queries):
    client = pupil_login(world.pupil)
    with queries() as ran:
        assert client.get("/pupil/targets/new").status_code == 200
    # the session with its pupil; the sign-in with its tablet and class
    assert len(ran) <= 2, ran
    assert _updates(ran) == 0  # the activity time was written a moment ago


def test_sec07_pupil_activity_is_written_at_most_every_fifteen_seconds(
    world, db, pupil_login, queries
):
    client = pupil_login(world.pupil)
    record = db.session.query(LoginSession).one()
    record.last_seen_at = utcnow() - access.PUPIL_TOUCH_EVERY - timedelta(seconds=1)
    db.session.commit()
    with queries() as ran:
        assert client.get("/pupil/").status_code == 200
        assert client.get("/pupil/").status_code == 200
    assert _updates(ran) == 1
    assert utcnow() - db.session.query(LoginSession).one().last_seen_at < timedelta(seconds=5)


def test_sec07_pupil_is_never_signed_out_by_the_server_before_five_idle_minutes(
    world, db, pupil_login
):
    """The stored time may lag by up to PUPIL_TOUCH_EVERY, so the server allows that much
    more; the tablet's own timer signs out at five minutes, a minute after its warning."""
    client = pupil_login(world.pupil)
    record = db.session.query(LoginSession).one()
    record.last_seen_at = utcnow() - timedelta(minutes=5) + timedelta(seconds=5)
    db.session.commit()
    assert client.get("/pupil/").status_code == 200


def test_sec06_pupil_session_cookie_does_not_work_on_another_device(app, world, pupil_login):
    client = pupil_login(world.pupil)
    session_cookie = client.get_cookie("__Host-pupilvoice")
    elsewhere = app.test_client()
    elsewhere.set_cookie(session_cookie.key, session_cookie.value)
    assert elsewhere.get("/pupil/").location == "/tablet/"
    # ... and that attempt ended the session, so the tablet is back to the names too
    assert client.get("/pupil/").location == "/tablet/"


def test_other_class_teacher_cannot_revoke(world, db, login):
    enrol_tablet(world.own_class, world.teacher)
    device = db.session.query(Device).one()
    other = login(world.other_teacher)
    response = other.form(f"/staff/tablets/{device.id}/revoke", page="/staff/tablets")
    assert response.status_code == 404
    assert db.session.get(Device, device.id).revoked_at is None


def test_front_door_of_a_class_tablet_opens_on_the_names(client, world):
    on_tablet(client, enrol_tablet(world.own_class, world.teacher))
    assert client.get("/").location == "/tablet/"


def test_tablets_page_lists_this_schools_devices_for_my_classes(world, login):
    enrol_tablet(world.own_class, world.teacher)
    enrol_tablet(world.other_class, world.other_teacher)
    page = login(world.teacher).get("/staff/tablets").get_data(as_text=True)
    assert "Oak tablet" in page and "Willow tablet" not in page
    senco_page = login(world.senco).get("/staff/tablets").get_data(as_text=True)
    assert "Oak tablet" in senco_page and "Willow tablet" in senco_page


def test_sec07_pupil_pages_are_not_cached(world, pupil_login):
    client = pupil_login(world.pupil)
    assert client.get("/pupil/").headers["Cache-Control"] == "no-store"


def test_pictures_are_stored_hashed(world, db, pupil_login):
    pupil_login(world.pupil)
    key = db.session.get(PictureKey, world.pupil.id)
    assert all(name not in (key.digest + key.salt) for name in PICTURES)


def test_static_files_do_not_touch_the_pupil_session(world, db, pupil_login):
    client = pupil_login(world.pupil)
    record = db.session.query(LoginSession).one()
    before = utcnow() - timedelta(minutes=2)
    record.last_seen_at = before
    db.session.commit()
    assert client.get("/static/symbols/fox.svg").status_code == 200
    assert db.session.query(LoginSession).one().last_seen_at == before


def test_staff_signing_out_on_a_class_tablet_keeps_it_in_class_mode(login, world):
    teacher = login(world.teacher)
    on_tablet(teacher, enrol_tablet(world.own_class, world.teacher))
    response = teacher.form("/auth/logout", page="/staff/")
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'
    assert teacher.get("/staff/").status_code == 302  # signed out all the same
    assert "Who are you?" in teacher.get("/tablet/").get_data(as_text=True)


# --- a tablet not used for a term expires on the server (issue 11, item 10) ----------------


def _last_used(db, days: int) -> None:
    """The test's clock: the tablet was last used ``days`` ago."""
    device = db.session.query(Device).one()
    device.last_seen_at = utcnow() - timedelta(days=days)
    db.session.commit()


def test_sec06_a_tablet_not_used_for_a_term_is_no_longer_enrolled(client, world, db):
    on_tablet(client, enrol_tablet(world.own_class, world.teacher))
    _last_used(db, 119)
    assert "Sam" in client.get("/tablet/").get_data(as_text=True)
    assert utcnow() - db.session.query(Device).one().last_seen_at < timedelta(minutes=1)
    _last_used(db, 121)
    page = client.get("/tablet/").get_data(as_text=True)
    assert "This tablet is not set up yet" in page and "Sam" not in page
    assert client.get("/").location != "/tablet/"
    assert client.get(f"/tablet/pupils/{world.pupil.id}").status_code == 302


def test_sec06_the_idle_time_is_configurable(app, client, world, db):
    app.config["DEVICE_IDLE_DAYS"] = 1
    on_tablet(client, enrol_tablet(world.own_class, world.teacher))
    _last_used(db, 2)
    assert "This tablet is not set up yet" in client.get("/tablet/").get_data(as_text=True)


def test_sec07_a_pupil_on_a_tablet_that_expired_is_signed_out(world, db, pupil_login):
    sam = pupil_login(world.pupil)
    _last_used(db, 121)
    response = sam.get("/pupil/")
    assert response.status_code == 302 and response.location == "/tablet/"
    assert db.session.query(LoginSession).filter_by(ended_at=None).count() == 0


def test_staff_see_last_use_and_enrol_an_expired_tablet_again(app, login, world, db):
    token = enrol_tablet(world.own_class, world.teacher)
    _last_used(db, 130)
    teacher = on_tablet(login(world.teacher), token)
    page = teacher.get("/staff/tablets").get_data(as_text=True)
    old = db.session.query(Device).one()
    where_the_school_is = ZoneInfo(app.config["BABEL_DEFAULT_TIMEZONE"])  # 23:30 UTC is tomorrow
    assert old.last_seen_at.astimezone(where_the_school_is).strftime("%-d %b %Y") in page
    assert "Expired" in page
    assert "This device is already the tablet" not in page
    response = teacher.form(
        "/staff/tablets/enrol", {"class_id": world.own_class.id}, page="/staff/tablets"
    )
    assert response.status_code == 302
    assert db.session.get(Device, old.id).revoked_at is not None
    assert "Sam" in teacher.get("/tablet/").get_data(as_text=True)
