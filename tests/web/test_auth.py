"""Sign-in, sign-out, lockout, sessions (SEC-03, SEC-05, SEC-07, SEC-08, SEC-11)."""

from __future__ import annotations

from datetime import timedelta

from pupilvoice import access
from pupilvoice.models import AuditEvent, LoginSession
from pupilvoice.models.base import utcnow
from tests.conftest import PASSWORD, sign_in


def test_staff_sign_in_lands_on_staff_home(client, world):
    response = sign_in(client, world.teacher)
    assert response.status_code == 302 and response.location == "/staff/"
    page = client.get("/staff/").get_data(as_text=True)
    assert "Hello, Mr Jones" in page and "Oak" in page and "Willow" not in page


def test_parent_sign_in_lands_on_family_page(client, world):
    response = sign_in(client, world.parent)
    assert response.location == "/family/"
    page = client.get("/family/").get_data(as_text=True)
    assert "Sam" in page and "Ayaan" not in page


def test_wrong_password_gives_one_message_for_unknown_and_known(client, world):
    known = client.form("/auth/login", {"email": world.teacher.email, "password": "wrong" * 3})
    unknown = client.form("/auth/login", {"email": "nobody@x.example", "password": "wrong" * 3})
    message = "That e-mail address and password do not match."
    assert message in known.get_data(as_text=True)
    assert message in unknown.get_data(as_text=True)


def test_sec05_five_wrong_passwords_slow_down_that_address_only(app, client, world):
    for _ in range(5):
        client.form("/auth/login", {"email": world.teacher.email, "password": "wrong-password"})
    # from here even the right password waits, without being checked
    response = sign_in(client, world.teacher)
    assert response.status_code == 200
    assert "Too many wrong tries from here. Wait 1 minute" in response.get_data(as_text=True)
    # the owner elsewhere is not kept out
    elsewhere = app.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "192.0.2.44"
    assert sign_in(elsewhere, world.teacher).status_code == 302


def test_sec07_sign_out_ends_the_session_on_the_server(app, world):
    client = app.test_client()
    sign_in(client, world.teacher)
    cookie = client.get_cookie("__Host-pupilvoice")
    copy = app.test_client()
    copy.set_cookie(cookie.key, cookie.value, domain=cookie.domain)
    assert copy.get("/staff/").status_code == 200
    response = client.form("/auth/logout", page="/staff/")
    assert response.status_code == 303  # redirect-after-post (REL-04)
    assert response.headers["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    # the copied cookie no longer works
    again = copy.get("/staff/")
    assert again.status_code == 302 and "/auth/login" in again.location


def test_sec07_idle_timeout_signs_out(client, world, db):
    sign_in(client, world.teacher)
    record = db.session.query(LoginSession).one()
    record.last_seen_at = utcnow() - timedelta(minutes=30) - access.TOUCH_EVERY
    record.last_seen_at -= timedelta(seconds=1)
    db.session.commit()
    response = client.get("/staff/")
    assert response.status_code == 302 and "next=/staff/" in response.location
    assert db.session.query(LoginSession).one().ended_at is not None


def test_sec07_staff_are_not_signed_out_before_their_idle_warning(client, world, db):
    """Last-seen is written at most once a minute, so it can be a minute old: the server
    allows that minute, and the browser's warning (a minute before 30) is never too late."""
    sign_in(client, world.teacher)
    record = db.session.query(LoginSession).one()
    record.last_seen_at = utcnow() - timedelta(minutes=30, seconds=30)
    db.session.commit()
    assert client.get("/staff/").status_code == 200


def test_sec07_absolute_timeout_signs_out(client, world, db):
    sign_in(client, world.teacher)
    record = db.session.query(LoginSession).one()
    record.created_at = utcnow() - timedelta(hours=12, minutes=1)
    db.session.commit()
    assert client.get("/staff/").status_code == 302


def test_sec08_cookie_flags_and_new_session_at_sign_in(client, world):
    client.get("/auth/login")
    before = client.get_cookie("__Host-pupilvoice")
    response = sign_in(client, world.teacher)
    header = [h for h in response.headers.getlist("Set-Cookie") if "__Host-" in h][0]
    assert "Secure" in header and "HttpOnly" in header and "SameSite=Lax" in header
    assert "Path=/" in header and "Domain" not in header
    assert client.get_cookie("__Host-pupilvoice").value != before.value


def test_sec11_next_must_be_a_local_path(client, world):
    for target in ["https://evil.example/", "//evil.example/x", "/\\evil.example"]:
        client = client.application.test_client()
        response = client.form(
            "/auth/login",
            {"email": world.teacher.email, "password": PASSWORD, "next": target},
        )
        assert response.location == "/staff/", target
    client = client.application.test_client()
    response = client.form(
        "/auth/login", {"email": world.teacher.email, "password": PASSWORD, "next": "/auth/account"}
    )
    assert response.location == "/auth/account"


def test_sign_in_is_audited(client, world, db):
    sign_in(client, world.teacher)
    event = db.session.query(AuditEvent).filter_by(action="sign_in").one()
    assert event.actor_user_id == world.teacher.id and event.school_id == world.school.id


def test_archived_account_cannot_sign_in(client, world, db):
    world.teacher.archived_at = utcnow()
    db.session.commit()
    assert sign_in(client, world.teacher).status_code == 200


def test_signed_in_request_loads_the_session_person_and_school_in_one_query(login, world, queries):
    """The signed-in yardstick of benchmarks/pages.py: the session, the parent and their
    school come in one statement, and /about needs nothing more."""
    client = login(world.parent)
    with queries() as ran:
        page = client.get("/about").get_data(as_text=True)
    assert "Riverside Primary is the data controller." in page
    assert len(ran) == 1, ran
