"""Two-step sign-in (SEC-04), password reset and invitation tokens (SEC-09), mail for real."""

from __future__ import annotations

import re
from datetime import timedelta

import pyotp
import pytest
from aiosmtpd.controller import Controller

from pupilvoice.models import AccountToken, OutboxMessage, RecoveryCode
from pupilvoice.models.base import utcnow
from pupilvoice.services import accounts
from tests.conftest import PASSWORD, free_port, html_lang, sign_in

NEW_PASSWORD = "blue kettle in the garden"


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(envelope.content.decode("utf-8", "replace"))
        return "250 OK"


@pytest.fixture
def smtp(app):
    """A real SMTP server on localhost; the app sends through it."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, PUBLIC_URL="http://school.example")
    yield inbox
    controller.stop()


def _enrol(client, db, user):
    client.get("/auth/two-step")
    with client.session_transaction() as session:
        secret = session["totp_setup"]
    response = client.form("/auth/two-step", {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([^<]+)</code></li>", response.get_data(as_text=True))
    return secret, codes


def test_sec04_senco_is_asked_to_turn_on_two_step(login, world):
    page = login(world.senco).get("/staff/").get_data(as_text=True)
    assert "Please turn on two-step sign-in" in page
    page = login(world.teacher).get("/staff/").get_data(as_text=True)
    assert "Please turn on two-step sign-in" not in page


def test_sec04_enrol_then_sign_in_needs_the_code(app, login, world, db):
    client = login(world.senco)
    secret, codes = _enrol(client, db, world.senco)
    assert len(codes) == 10
    db.session.refresh(world.senco)
    assert world.senco.totp_enabled
    # recovery codes are stored hashed, never as typed
    stored = {r.code_hash for r in db.session.query(RecoveryCode).all()}
    assert not stored & set(codes)

    fresh = app.test_client()
    response = sign_in(fresh, world.senco)
    assert response.location == "/auth/code"
    assert fresh.get("/staff/").status_code == 302  # not signed in yet
    wrong = fresh.form("/auth/code", {"code": "000000"})
    assert "That code did not work" in wrong.get_data(as_text=True)
    ok = fresh.form("/auth/code", {"code": pyotp.TOTP(secret).now()})
    assert ok.location == "/staff/"


def test_sec04_recovery_code_works_once(app, login, world, db):
    _, codes = _enrol(login(world.senco), db, world.senco)
    first = app.test_client()
    sign_in(first, world.senco)
    assert first.form("/auth/code", {"code": codes[0]}).location == "/staff/"
    second = app.test_client()
    sign_in(second, world.senco)
    again = second.form("/auth/code", {"code": codes[0]})
    assert again.status_code == 200 and "That code did not work" in again.get_data(as_text=True)


def test_sec04_wrong_codes_lock_the_second_step(app, login, world, db):
    secret, _ = _enrol(login(world.senco), db, world.senco)
    client = app.test_client()
    sign_in(client, world.senco)
    for _ in range(5):
        client.form("/auth/code", {"code": "123456"})
    right = client.form("/auth/code", {"code": pyotp.TOTP(secret).now()})
    assert right.status_code == 200 and "Too many wrong codes" in right.get_data(as_text=True)


def test_sec09_password_reset_by_real_mail_works_once(app, client, world, db, smtp, deliver):
    response = client.form("/auth/reset", {"email": world.teacher.email})
    assert response.status_code == 302
    assert smtp.messages == [] and AccountToken.query.count() == 0  # queued, not made yet
    assert deliver()["sent"] == 1
    assert len(smtp.messages) == 1
    mail = smtp.messages[0]
    assert "Reset your PupilVoice password" in mail and world.teacher.email in mail
    link = re.search(r"http://school\.example(/auth/reset/\S+)", mail).group(1)
    token = AccountToken.query.one()
    assert token.token_hash not in mail  # only the hash is stored; the mail has the token
    data = {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    assert client.form(link, data).status_code == 302
    assert client.get("/staff/").status_code == 200  # signed in after setting it
    other = app.test_client()
    assert other.get(link).status_code == 404  # used
    assert "does not work any more" in other.get(link).get_data(as_text=True)
    assert sign_in(app.test_client(), world.teacher, NEW_PASSWORD).status_code == 302
    assert sign_in(app.test_client(), world.teacher, PASSWORD).status_code == 200


def test_sec09_unknown_address_gets_the_same_answer_and_no_mail(client, smtp, deliver, db):
    response = client.form(
        "/auth/reset", {"email": "nobody@nowhere.example"}, follow_redirects=True
    )
    assert "If that address has an account" in response.get_data(as_text=True)
    assert deliver() == {"dropped": 1}
    assert smtp.messages == [] and OutboxMessage.query.count() == 0  # the address is not kept


def _reset_request(app, queries, address: str) -> tuple[list[str], str]:
    client = app.test_client()
    token = client.csrf_token("/auth/reset")
    with queries() as ran:
        response = client.post("/auth/reset", data={"email": address, "csrf_token": token})
    return ran, f"{response.status_code} {response.headers['Location']}"


def test_sec09_reset_does_the_same_work_for_an_unknown_address(app, world, db, queries, smtp,
                                                               deliver):  # fmt: skip
    """The page no longer looks the address up, makes a link or talks to the mail server:
    it runs the same statements whether or not the address has an account (an archived
    one, or one that never set a password, too), so how long it takes says nothing. The
    sender decides afterwards, and mails only the real, active account."""
    world.parent.password_hash = None  # invited, never set a password
    world.other_teacher.archived_at = utcnow()
    db.session.commit()
    known = _reset_request(app, queries, world.teacher.email)
    for address in ("nobody@nowhere.example", world.parent.email, world.other_teacher.email):
        assert _reset_request(app, queries, address) == known
    assert deliver() == {"sent": 1, "dropped": 3}
    assert [m.count(world.teacher.email) > 0 for m in smtp.messages] == [True]


def test_sec09_expired_and_tampered_tokens_are_refused(app, client, world, db):
    raw = accounts.issue_token(world.teacher, "reset")
    db.session.commit()
    assert client.get(f"/auth/reset/{raw}x").status_code == 404
    assert client.get(f"/auth/welcome/{raw}").status_code == 404  # wrong purpose
    db.session.query(AccountToken).update({"expires_at": utcnow() - timedelta(seconds=1)})
    db.session.commit()
    assert client.get(f"/auth/reset/{raw}").status_code == 404


def test_sec09_new_token_cancels_the_old_one(client, world, db):
    old = accounts.issue_token(world.teacher, "reset")
    new = accounts.issue_token(world.teacher, "reset")
    db.session.commit()
    assert client.get(f"/auth/reset/{old}").status_code == 404
    assert client.get(f"/auth/reset/{new}").status_code == 200


def test_sec03_weak_new_password_is_refused_and_form_keeps_going(client, world, db):
    raw = accounts.issue_token(world.teacher, "invite")
    db.session.commit()
    response = client.form(
        f"/auth/welcome/{raw}", {"password": "password1234", "confirm": "password1234"}
    )
    assert response.status_code == 422
    assert "too easy to guess" in response.get_data(as_text=True)
    assert db.session.get(AccountToken, 1).used_at is None


def test_password_reset_ends_other_sessions(app, login, world, db):
    signed_in = login(world.teacher)
    raw = accounts.issue_token(world.teacher, "reset")
    db.session.commit()
    client = app.test_client()
    client.form(f"/auth/reset/{raw}", {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert signed_in.get("/staff/").status_code == 302


def test_language_choice_is_saved_and_used(login, world, db):
    client = login(world.teacher)
    client.form("/auth/account", {"locale": "cy"})
    db.session.refresh(world.teacher)
    assert world.teacher.locale == "cy"
    assert html_lang(client.get("/staff/")) == "cy"
    assert html_lang(client.get("/staff/?lang=pl")) == "pl"


def test_browser_language_is_used_when_nothing_is_chosen(client):
    assert html_lang(client.get("/", headers={"Accept-Language": "pl-PL,pl;q=0.9"})) == "pl"
    assert html_lang(client.get("/", headers={"Accept-Language": "de-DE"})) == "en"
    assert html_lang(client.get("/?lang=ur", headers={"Accept-Language": "pl"})) == "ur"
    # the choice is remembered for the visit
    assert html_lang(client.get("/", headers={"Accept-Language": "pl"})) == "ur"


def test_sec04_password_step_expires_if_the_code_never_comes(app, login, world, db):
    secret, _ = _enrol(login(world.senco), db, world.senco)
    client = app.test_client()
    sign_in(client, world.senco)
    with client.session_transaction() as session:
        session["pending_until"] = 0
    response = client.form("/auth/code", {"code": pyotp.TOTP(secret).now()}, page="/auth/login")
    assert response.location == "/auth/login"
    assert client.get("/staff/").status_code == 302
