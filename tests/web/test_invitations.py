"""Inviting parents (issue 6, item 1; SEC-09): by e-mail in the family's language, or by a
printed letter with a QR code and a short code typed at /join; single use, 14 days,
hashed; staff see who is invited and can resend or revoke."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from babel.dates import format_date
from flask_babel import force_locale, gettext

from pupilvoice.domain.invitations import CODE_ALPHABET, MAX_CODE_TRIES
from pupilvoice.models import AccountToken, AuditEvent, LoginSession, OutboxMessage, User
from pupilvoice.models.base import utcnow
from tests.conftest import html_lang

NEW_PASSWORD = "plum garden window nine"


def text(response) -> str:
    return response.get_data(as_text=True)


def in_polish(message: str) -> str:
    """The Polish catalogue's words for ``message`` (so a test cannot pass in English)."""
    with force_locale("pl"):
        translated = gettext(message)
    assert translated != message, f"not translated into Polish yet: {message!r}"
    return translated


@pytest.fixture
def polish_parent(world, factory, db):
    """Agnieszka, a parent of Sam without an account yet, who reads Polish."""
    parent = factory.user(
        world.school, "parent", "Agnieszka Kowalska", locale="pl", email="agnieszka@family.example"
    )
    parent.password_hash = None
    factory.link(parent, world.pupil, language="pl")
    db.session.commit()
    return parent


def families_url(parent: User, what: str) -> str:
    return f"/staff/families/{parent.id}/{what}"


def make_letter(client, parent: User) -> tuple[str, str]:
    """Print a letter; return the page and the code on it."""
    response = client.form(families_url(parent, "letter"), page="/staff/families/")
    assert response.status_code == 200
    page = text(response)
    code = re.search(r'class="letter__code"[^>]*>([A-Z0-9-]+)<', page).group(1)
    return page, code


def tokens_of(db, parent: User) -> list[AccountToken]:
    return db.session.query(AccountToken).filter_by(user_id=parent.id).all()


# --- staff see their families -------------------------------------------------------------


def test_teacher_sees_their_classes_families_with_status(login, world, polish_parent, factory, db):
    other_parent = factory.user(world.school, "parent", "Olu Adeyemi")
    factory.link(other_parent, world.other_pupil)
    db.session.commit()
    page = text(login(world.teacher).get("/staff/families/"))
    assert "Agnieszka Kowalska" in page and "Tom Taylor" in page
    assert "Olu Adeyemi" not in page  # another class's family
    assert "Not invited yet" in page and "Has an account" in page
    senco_page = text(login(world.senco).get("/staff/families/"))
    assert "Olu Adeyemi" in senco_page


def test_sec02_another_class_or_school_parent_gives_404(login, world, factory, db):
    other_parent = factory.user(world.school, "parent", "Olu Adeyemi")
    other_parent.password_hash = None
    factory.link(other_parent, world.other_pupil)
    elsewhere = factory.school("Hilltop")
    stranger = factory.user(elsewhere, "parent", "Kit Hill")
    stranger.password_hash = None
    db.session.commit()
    teacher = login(world.teacher)
    senco = login(world.senco)
    for what in ("email", "letter", "revoke"):
        assert teacher.form(families_url(other_parent, what), page="/staff/").status_code == 404
        assert senco.form(families_url(stranger, what), page="/staff/").status_code == 404
        assert senco.form(families_url(world.teacher, what), page="/staff/").status_code == 404
    assert db.session.query(AccountToken).count() == 0


def test_sec10_forged_invitation_changes_nothing(login, world, polish_parent, db, outbox, deliver):
    teacher = login(world.teacher)
    response = teacher.post(families_url(polish_parent, "email"))
    assert response.status_code == 400
    assert deliver() == {}
    assert tokens_of(db, polish_parent) == [] and outbox == []


# --- by e-mail --------------------------------------------------------------------------------


def test_email_invitation_in_polish_with_a_working_link(
    app, login, world, polish_parent, db, mailbox, deliver
):
    teacher = login(world.teacher)
    response = teacher.form(families_url(polish_parent, "email"), page="/staff/families/")
    assert response.status_code == 302
    assert "on its way to Agnieszka" in text(teacher.get(response.location))
    assert mailbox.messages == [] and deliver() == {"sent": 1}
    (message,) = mailbox.messages
    assert message["To"] == polish_parent.email
    assert message["Content-Language"] == "pl"
    body = message.get_content()
    token = tokens_of(db, polish_parent)[0]
    # the date is written the Polish way ("… grudnia 2026"), so the mail was made in Polish
    until = format_date(token.expires_at, "long", locale="pl")
    assert until in body
    assert "Sam" in body and "Mr Jones" in body
    assert in_polish("To set up your account, open this link and choose a password:") in body
    link = re.search(r"http://school\.example(/auth/welcome/\S+)", body).group(1)
    assert link.endswith("?lang=pl")
    # the token is stored hashed, never as sent
    raw = link.split("/")[-1].split("?")[0]
    assert raw not in {token.token_hash, token.code_hash}
    assert (token.method, token.created_by_id) == ("email", world.teacher.id)
    assert token.expires_at - token.created_at == timedelta(days=14)

    family = app.test_client()
    welcome = family.get(link)
    assert welcome.status_code == 200 and html_lang(welcome) == "pl"
    assert 'selected value="pl"' in text(welcome)
    response = family.form(
        link, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD, "locale": "ur"}
    )
    assert response.status_code == 302 and response.location == "/family/"
    home = family.get("/family/")
    assert "Sam" in text(home) and html_lang(home) == "ur"  # the saved language wins
    parent = db.session.get(User, polish_parent.id)
    assert parent.password_hash and parent.locale == "ur"
    assert db.session.get(AccountToken, token.id).used_at is not None
    # used once: the same link now gets the friendly page
    again = app.test_client().get(link)
    assert again.status_code == 404
    assert in_polish("This link does not work any more") in text(again)
    assert "Has an account" in text(teacher.get("/staff/families/"))


def test_email_link_opens_in_the_language_the_family_reads(
    app, login, world, polish_parent, db, outbox, deliver
):
    login(world.senco).form(families_url(polish_parent, "email"), page="/staff/families/")
    deliver()
    (message,) = outbox
    assert message["Content-Language"] == "pl"
    link = re.search(r"(/auth/welcome/\S+)", message.get_content()).group(1)
    assert html_lang(app.test_client().get(link)) == "pl"


def test_rel04_double_tap_sends_one_email(login, world, polish_parent, db, outbox, deliver):
    teacher = login(world.teacher)
    for _ in range(2):
        teacher.form(families_url(polish_parent, "email"), page="/staff/families/")
    deliver()
    assert len(outbox) == 1
    assert len(tokens_of(db, polish_parent)) == 1


def test_resend_stops_the_old_link(app, login, world, polish_parent, db, outbox, deliver):
    teacher = login(world.teacher)
    teacher.form(families_url(polish_parent, "email"), page="/staff/families/")
    deliver()
    old = re.search(r"(/auth/welcome/\S+)", outbox[0].get_content()).group(1)
    db.session.query(AccountToken).update({"created_at": utcnow() - timedelta(hours=1)})
    db.session.commit()
    teacher.form(families_url(polish_parent, "email"), page="/staff/families/")
    deliver()
    new = re.search(r"(/auth/welcome/\S+)", outbox[1].get_content()).group(1)
    family = app.test_client()
    assert family.get(old).status_code == 404
    assert family.get(new).status_code == 200
    old_token, new_token = sorted(tokens_of(db, polish_parent), key=lambda t: t.id)
    assert old_token.revoked_at is not None and new_token.revoked_at is None


def test_revoke_stops_the_invitation(app, login, world, polish_parent, db, outbox, deliver):
    teacher = login(world.teacher)
    teacher.form(families_url(polish_parent, "email"), page="/staff/families/")
    deliver()
    link = re.search(r"(/auth/welcome/\S+)", outbox[0].get_content()).group(1)
    response = teacher.form(families_url(polish_parent, "revoke"), page="/staff/families/")
    assert response.status_code == 302
    assert app.test_client().get(link).status_code == 404
    assert "Invitation stopped" in text(teacher.get("/staff/families/"))
    actions = [e.action for e in db.session.query(AuditEvent).filter_by(object_id=polish_parent.id)]
    assert {"invited", "invitation_revoked"} <= set(actions)


def test_an_invitation_stopped_before_its_mail_went_sends_nothing(
    login, world, polish_parent, db, outbox, deliver
):
    teacher = login(world.teacher)
    teacher.form(families_url(polish_parent, "email"), page="/staff/families/")
    teacher.form(families_url(polish_parent, "revoke"), page="/staff/families/")
    assert deliver() == {} and outbox == []


def test_parent_with_an_account_is_not_invited_again(login, world, db, outbox, deliver):
    teacher = login(world.teacher)
    response = teacher.form(families_url(world.parent, "email"), page="/staff/families/")
    assert response.status_code == 302
    assert deliver() == {}
    assert outbox == [] and tokens_of(db, world.parent) == []
    response = teacher.form(families_url(world.parent, "letter"), page="/staff/families/")
    assert response.status_code == 302 and tokens_of(db, world.parent) == []


def test_a_mail_server_that_is_down_does_not_stop_the_invitation(
    app, login, world, polish_parent, db, deliver
):
    """The page no longer talks to the mail server: the invitation and its e-mail are
    saved together, and the outbox tries the mail again until the server is back."""
    from tests.conftest import free_port

    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port())  # nobody listens
    teacher = login(world.teacher)
    response = teacher.form(
        families_url(polish_parent, "email"), page="/staff/families/", follow_redirects=True
    )
    assert "on its way to Agnieszka Kowalska by e-mail" in text(response)
    (token,) = tokens_of(db, polish_parent)
    assert token.revoked_at is None
    assert deliver() == {"retry": 1}
    (waiting,) = db.session.query(OutboxMessage).all()
    assert (waiting.state, waiting.attempts, waiting.user_id) == ("waiting", 1, polish_parent.id)
    assert "ConnectionRefusedError" in waiting.last_error and waiting.body


# --- by letter and code ----------------------------------------------------------------------


def test_letter_shows_code_and_qr_in_polish_and_english(login, world, polish_parent, db):
    page, code = make_letter(login(world.teacher), polish_parent)
    assert re.fullmatch(rf"[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}", code)
    assert re.search(r'<img class="letter__qr" src="data:image/svg\+xml', page)
    sections = re.findall(r'<section class="letter__text" lang="(\w+)" dir="(\w+)">', page)
    assert sections == [("pl", "ltr"), ("en", "ltr")]
    assert "localhost/join" in page and "Sam" in page
    (token,) = tokens_of(db, polish_parent)
    plain = code.replace("-", "")
    assert token.method == "letter" and token.code_lookup == plain[:4]
    assert token.code_hash and plain not in token.code_hash  # only a keyed hash is kept


def test_letter_for_an_urdu_family_is_right_to_left(login, world, factory, db):
    parent = factory.user(world.school, "parent", "Imran Shah", locale="ur")
    parent.password_hash = None
    factory.link(parent, world.pupil, language="ur")
    db.session.commit()
    page, _ = make_letter(login(world.senco), parent)
    sections = re.findall(r'<section class="letter__text" lang="(\w+)" dir="(\w+)">', page)
    assert sections == [("ur", "rtl"), ("en", "ltr")]


def test_code_sets_up_the_account(app, login, world, polish_parent, db):
    _, code = make_letter(login(world.teacher), polish_parent)
    family = app.test_client()
    assert family.get("/join").status_code == 200
    typed = code.lower().replace("-", " ")  # spaces and small letters are forgiven
    response = family.form("/join", {"code": typed})
    assert response.status_code == 302 and response.location == "/join/account"
    page = family.get("/join/account")
    assert "agnieszka@family.example" in text(page)
    response = family.form(
        "/join/account", {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD, "locale": "pl"}
    )
    assert response.location == "/family/"
    assert html_lang(family.get("/family/")) == "pl"
    (token,) = tokens_of(db, polish_parent)
    assert token.used_at is not None
    event = db.session.query(AuditEvent).filter_by(action="password_set").one()
    assert event.detail == {"how": "invite", "via": "code", "method": "letter"}
    # the code works once
    other = app.test_client()
    response = other.form("/join", {"code": code})
    assert response.status_code == 422 and "does not work" in text(response)


def test_wrong_codes_lock_that_invitation(app, login, world, polish_parent, db):
    _, code = make_letter(login(world.teacher), polish_parent)
    lookup, secret = code.split("-")
    wrong = next(c for c in CODE_ALPHABET if c != secret[0]) + secret[1:]
    family = app.test_client()
    for _ in range(MAX_CODE_TRIES):
        response = family.form("/join", {"code": f"{lookup}-{wrong}"})
        assert "does not work" in text(response)
    response = family.form("/join", {"code": code})  # the right code, too late
    assert "too many times" in text(response)
    assert family.get("/join/account").status_code == 404
    (token,) = tokens_of(db, polish_parent)
    assert token.failed_tries == MAX_CODE_TRIES and token.used_at is None
    assert db.session.query(AuditEvent).filter_by(action="invitation_locked").count() == 1
    assert "Code blocked" in text(login(world.teacher).get("/staff/families/"))


def test_codes_that_cannot_be_codes_are_explained(client):
    for typed in ["ABC", "O0O0-I1L1", "ABCD-EFGH-JKMN"]:
        response = client.form("/join", {"code": typed})
        assert "8 letters and numbers" in text(response)


def test_expired_code_and_link_are_refused(app, login, world, polish_parent, db):
    _, code = make_letter(login(world.teacher), polish_parent)
    db.session.query(AccountToken).update({"expires_at": utcnow() - timedelta(seconds=1)})
    db.session.commit()
    response = app.test_client().form("/join", {"code": code})
    assert "does not work" in text(response)


def test_join_account_needs_a_fresh_code(app, login, world, polish_parent, db):
    family = app.test_client()
    response = family.get("/join/account")
    assert response.status_code == 404 and "type the code" in text(response).lower()
    _, code = make_letter(login(world.teacher), polish_parent)
    family.form("/join", {"code": code})
    with family.session_transaction() as session:
        session["join"] = {**session["join"], "until": 0}
    assert family.get("/join/account").status_code == 404
    # a forged session cannot point at another invitation: the cookie is signed
    with family.session_transaction() as session:
        session["join"] = {"id": 999, "until": 10**12}
    assert family.get("/join/account").status_code == 404


def test_a_new_letter_stops_the_old_code(app, login, world, polish_parent, db):
    teacher = login(world.teacher)
    _, first = make_letter(teacher, polish_parent)
    _, second = make_letter(teacher, polish_parent)
    family = app.test_client()
    assert "does not work" in text(family.form("/join", {"code": first}))
    assert family.form("/join", {"code": second}).location == "/join/account"


def test_rel04_set_up_twice_changes_nothing_the_second_time(app, login, world, polish_parent, db):
    _, code = make_letter(login(world.teacher), polish_parent)
    family = app.test_client()
    family.form("/join", {"code": code})
    token = family.csrf_token("/join/account")
    data = {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD, "locale": "pl", "csrf_token": token}
    assert family.post("/join/account", data=data).location == "/family/"
    # the same form again from another tab: the invitation is spent
    replay = app.test_client()
    replay.form("/join", {"code": code})
    assert replay.get("/join/account").status_code == 404
    assert db.session.query(LoginSession).filter_by(user_id=polish_parent.id).count() == 1


# --- guessing is slow --------------------------------------------------------------------------


def test_sec05_code_page_is_rate_limited_per_address(client):
    statuses = [client.form("/join", {"code": "ABCD-EFGH"}).status_code for _ in range(12)]
    assert statuses[:10] == [422] * 10 and statuses[-1] == 429


def test_sec05_code_page_is_rate_limited_for_everyone(app):
    app.config["JOIN_LIMIT_OVERALL"] = "5 per hour"
    statuses = []
    for n in range(7):
        client = app.test_client()
        address = {"REMOTE_ADDR": f"10.0.0.{n + 1}"}
        token = client.csrf_token("/join")
        response = client.post(
            "/join", data={"code": "ABCD-EFGH", "csrf_token": token}, environ_base=address
        )
        statuses.append(response.status_code)
    assert statuses[:5] == [422] * 5 and statuses[-1] == 429


def test_names_on_the_letter_are_escaped(login, world, factory, db):
    parent = factory.user(world.school, "parent", "<script>alert(1)</script>", locale="pl")
    parent.password_hash = None
    factory.link(parent, world.pupil, language="pl")
    db.session.commit()
    page, _ = make_letter(login(world.teacher), parent)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)" in page


def test_families_page_statements_stay_few(login, world, polish_parent, factory, db, queries):
    """The signed-in session, how many parents (and how many without an account), a page
    of them, their children's links with each pupil, the latest invitations; a teacher's
    own classes come first. However many parents (issue 16: a page at a time)."""
    for n in range(3):
        parent = factory.user(world.school, "parent", f"Parent {n}")
        factory.link(parent, factory.pupil(world.own_class, f"Child{n}"))
    db.session.commit()
    for user, expected in ((world.senco, 5), (world.teacher, 6)):
        client = login(user)
        with queries() as ran:
            page = text(client.get("/staff/families/"))
        assert "Child2 T." in page and "Agnieszka Kowalska" in page
        assert len(ran) == expected, (user.role, ran)
