"""Wrong sign-in tries slow down the one who makes them, never the owner (SEC-05, SEC-06),
and answer alike for known and unknown addresses; two-step codes have their own counter
(SEC-04). Time is a clock the tests move: nothing sleeps."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pyotp
import pytest
from argon2 import PasswordHasher

from pupilvoice.models import AuditEvent, SignInThrottle
from pupilvoice.models.base import utcnow
from pupilvoice.services import accounts
from pupilvoice.services import sign_in_throttle as throttle
from tests.conftest import PASSWORD

WRONG = "not the password"  # noqa: S105 - a wrong password on purpose
SCHOOL = "198.51.100.7"  # the whole school, behind one address
STRANGER = "203.0.113.9"
UNKNOWN = "nobody.here@riverside.example"


class Clock:
    def __init__(self):
        self.now = utcnow()

    def __call__(self):
        return self.now

    def advance(self, **delta):
        self.now += timedelta(**delta)


@pytest.fixture
def clock(app, monkeypatch):
    """The throttle's time, moved by the test; the rate limits are set out of the way."""
    app.config.update(LOGIN_LIMIT="1000 per hour", LOGIN_LIMIT_PER_ADDRESS="1000 per hour")
    now = Clock()
    monkeypatch.setattr(throttle, "utcnow", now)
    return now


def attempt(app, email: str, password: str = WRONG, address: str = SCHOOL):
    client = app.test_client()
    data = {"email": email, "password": password}
    return client.form("/auth/login", data, environ_base={"REMOTE_ADDR": address})


def messages(response) -> list[str]:
    found = re.findall(r'<p class="message message--error">([^<]*)</p>', response.text)
    return [html.unescape(m) for m in found]


def wrong_tries(app, email: str, times: int, address: str = SCHOOL) -> list[list[str]]:
    return [messages(attempt(app, email, address=address)) for _ in range(times)]


WRONG_CODE = "That code did not work. Check the time on your phone and try again."
MISMATCH = ["That e-mail address and password do not match."]


def wait(minutes: int) -> list[str]:
    unit = "minute" if minutes == 1 else "minutes"
    return [
        f"Too many wrong tries from here. Wait {minutes} {unit} and try again, "
        "or reset your password."
    ]


def test_sec05_a_strangers_wrong_tries_never_keep_the_owner_out(app, world, clock, db):
    answers = wrong_tries(app, world.teacher.email, 12, address=STRANGER)
    assert answers[:4] == [MISMATCH] * 4 and answers[4] == wait(1)
    assert answers[5:] == [wait(1)] * 7  # waiting: the stranger's tries are not even checked
    assert attempt(app, world.teacher.email, PASSWORD, address=SCHOOL).status_code == 302


def test_sec05_waits_grow_and_a_waiting_try_is_not_checked(app, world, clock):
    assert wrong_tries(app, world.teacher.email, 5)[-1] == wait(1)
    # the right password during the wait is not checked either
    right = attempt(app, world.teacher.email, PASSWORD)
    assert right.status_code == 200 and messages(right) == wait(1)
    waits = []
    for minutes in (1, 2, 5, 15, 30, 60, 60):
        clock.advance(minutes=minutes, seconds=1)
        waits.append(messages(attempt(app, world.teacher.email))[0])
    assert waits == [wait(m)[0] for m in (2, 5, 15, 30, 60, 60, 60)]
    clock.advance(minutes=60, seconds=1)
    assert attempt(app, world.teacher.email, PASSWORD).status_code == 302
    # a right password starts that address's counting again
    assert wrong_tries(app, world.teacher.email, 4) == [MISMATCH] * 4


def test_sec05_counting_starts_again_after_a_quiet_day(app, world, clock, db):
    wrong_tries(app, world.teacher.email, 4)
    wrong_tries(app, UNKNOWN, 4, address=STRANGER)
    assert db.session.query(SignInThrottle).count() == 4
    clock.advance(hours=24, seconds=1)
    assert wrong_tries(app, world.teacher.email, 4) == [MISMATCH] * 4
    # the stranger's quiet counters were deleted on the way: the table does not grow
    assert db.session.query(SignInThrottle).count() == 2


def test_sec05_unknown_addresses_answer_exactly_like_known_ones(app, world, clock, monkeypatch):
    """The same words at every step, and the same work: one hash check per checked try,
    none while waiting (so the time taken cannot tell them apart either)."""
    checks = []
    real_verify = PasswordHasher.verify
    monkeypatch.setattr(
        PasswordHasher, "verify", lambda *args: checks.append(1) or real_verify(*args)
    )

    def journey(email: str) -> tuple[list, int]:
        checks.clear()
        answers = wrong_tries(app, email, 7)
        clock.advance(minutes=1, seconds=1)
        answers += wrong_tries(app, email, 2)
        return answers, len(checks)

    start = clock.now
    known = journey(world.teacher.email)
    clock.now = start
    unknown = journey(UNKNOWN)
    assert known == unknown
    assert known[1] == 6  # 5 wrong tries, the wait, then 1 checked and 1 waiting


def test_sec05_same_queries_for_known_and_unknown_addresses(app, world, clock, queries):
    def statements(email: str) -> list[str]:
        with queries() as ran:
            for _ in range(5):
                attempt(app, email)
        return [re.sub(r"\d+", "N", s.split(" WHERE")[0]) for s in ran]

    assert statements(world.teacher.email) == statements(UNKNOWN)


def test_sec05_keys_hold_no_address_in_the_clear(app, world, clock, db):
    wrong_tries(app, world.teacher.email, 5)
    for row in db.session.query(SignInThrottle):
        stored = f"{row.key_hash}{row.account_key}"
        assert "@" not in stored and SCHOOL not in stored and len(row.key_hash) == 64


def test_sec05_many_addresses_reach_the_account_backstop(app, world, clock, db, login):
    app.config["LOGIN_ACCOUNT_FREE_TRIES"] = 12
    for n in range(12):
        wrong_tries(app, world.teacher.email, 1, address=f"192.0.2.{n + 1}")
    answer = attempt(app, world.teacher.email, PASSWORD, address=SCHOOL)
    assert answer.status_code == 200 and messages(answer) == wait(60)
    paused = db.session.query(AuditEvent).filter_by(action="sign_in_paused").one()
    assert paused.object_id == world.teacher.id and paused.detail["kind"] == "account"
    assert paused.school_id == world.school.id
    # the same backstop for an address nobody has: the answer tells nothing
    for n in range(12):
        wrong_tries(app, UNKNOWN, 1, address=f"192.0.2.{n + 1}")
    assert messages(attempt(app, UNKNOWN, PASSWORD, address=SCHOOL)) == wait(60)
    # a SENCO sees the pause and lets the teacher in again
    senco = login(world.senco)
    page = senco.get(f"/school/staff/{world.teacher.id}").text
    assert "Signing in is paused for this account" in page
    senco.form(f"/school/staff/{world.teacher.id}/unlock", page=f"/school/staff/{world.teacher.id}")
    assert db.session.query(AuditEvent).filter_by(action="sign_in_unlocked").count() == 1
    assert "Signing in is paused" not in senco.get(f"/school/staff/{world.teacher.id}").text
    assert attempt(app, world.teacher.email, PASSWORD, address=SCHOOL).status_code == 302


def test_sec05_a_senco_lets_a_parent_in_again(app, world, clock, db, login):
    wrong_tries(app, world.parent.email, 5)
    senco = login(world.senco)
    url = f"/school/parents/{world.parent.id}"
    assert "Signing in is paused for this account" in senco.get(url).text
    senco.form(f"{url}/unlock", page=url)
    assert attempt(app, world.parent.email, PASSWORD).status_code == 302


def test_sec05_a_password_reset_ends_every_wait(app, world, clock, db):
    wrong_tries(app, world.teacher.email, 5)
    raw = accounts.issue_token(world.teacher, "reset")
    db.session.commit()
    new = "a brand new password for me"
    app.test_client().form(f"/auth/reset/{raw}", {"password": new, "confirm": new})
    assert db.session.query(SignInThrottle).count() == 0
    assert attempt(app, world.teacher.email, new).status_code == 302


# --- two-step codes (SEC-04) -------------------------------------------------------------


def enrol(client) -> str:
    client.get("/auth/two-step")
    with client.session_transaction() as session:
        secret = session["totp_setup"]
    assert client.form("/auth/two-step", {"code": pyotp.TOTP(secret).now()}).status_code == 200
    return secret


def code_try(app, user, code: str):
    client = app.test_client()
    assert attempt_with(client, user).location == "/auth/code"
    return client.form("/auth/code", {"code": code})


def attempt_with(client, user):
    return client.form("/auth/login", {"email": user.email, "password": PASSWORD})


def test_sec04_right_password_wrong_code_cycles_stop_after_five_codes(app, world, clock, login):
    secret = enrol(login(world.senco))
    answers = [messages(code_try(app, world.senco, "000000")) for _ in range(8)]
    wrong = [WRONG_CODE]
    waiting = ["Too many wrong codes. Wait 15 minutes, or ask a SENCO to let you in."]
    assert answers == [wrong] * 4 + [waiting] * 4
    # a right password never reset the count, and a right code waits too now
    right = code_try(app, world.senco, pyotp.TOTP(secret).now())
    assert right.status_code == 200 and messages(right) == waiting
    clock.advance(minutes=15, seconds=1)
    longer = ["Too many wrong codes. Wait 60 minutes, or ask a SENCO to let you in."]
    assert messages(code_try(app, world.senco, "000000")) == longer
    clock.advance(minutes=60, seconds=1)
    assert code_try(app, world.senco, pyotp.TOTP(secret).now()).location == "/staff/"


def test_sec04_a_senco_ends_the_code_wait(app, world, factory, clock, db, login):
    enrol(login(world.teacher))
    for _ in range(5):
        code_try(app, world.teacher, "000000")
    senco = login(world.senco)
    url = f"/school/staff/{world.teacher.id}"
    senco.form(f"{url}/unlock", page=url)
    wrong = code_try(app, world.teacher, "000000")
    assert messages(wrong) == [WRONG_CODE]
