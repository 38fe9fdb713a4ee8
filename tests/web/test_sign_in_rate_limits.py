"""Rate limits keyed by what is tried as well as by address (SEC-05): a whole school shares
one address, so others' tries must not stop a teacher, and strangers' wrong codes must not
stop a family at /join. Windows are an hour or more, so no test depends on machine speed."""

from __future__ import annotations

from tests.conftest import PASSWORD, enrol_tablet, on_tablet, sign_in
from tests.web.test_invitations import make_letter
from tests.web.test_tablet import _assist

WRONG = "not the password"  # noqa: S105 - a wrong password on purpose
SCHOOL = {"REMOTE_ADDR": "198.51.100.7"}


def post_login(app, email: str, password: str = WRONG, address=SCHOOL) -> int:
    client = app.test_client()
    client.environ_base.update(address)
    return client.form("/auth/login", {"email": email, "password": password}).status_code


def test_sec05_a_teacher_signs_in_after_40_others_tries_from_the_school(app, world):
    """The reported failure: a real teacher got 429 after 30 sign-ins from the school."""
    for n in range(40):
        assert post_login(app, f"colleague{n}@riverside.example") == 200
    for user in (world.ta, world.other_teacher, world.senco):
        assert post_login(app, user.email, PASSWORD) == 302
    assert post_login(app, world.teacher.email, PASSWORD) == 302


def test_sec05_sign_in_limit_counts_one_account_from_one_address(app, world):
    app.config["LOGIN_LIMIT"] = "3 per hour"
    email = world.teacher.email
    assert [post_login(app, email) for _ in range(4)] == [200, 200, 200, 429]
    # the same account from another address, and another account from here, go on
    assert post_login(app, email, address={"REMOTE_ADDR": "192.0.2.8"}) == 200
    assert post_login(app, world.ta.email, PASSWORD) == 302


def test_sec05_right_passwords_do_not_use_up_the_limit(app, world):
    app.config["LOGIN_LIMIT"] = "3 per hour"
    for _ in range(5):
        client = app.test_client()
        client.environ_base.update(SCHOOL)
        assert sign_in(client, world.teacher).status_code == 302


def test_sec05_a_ceiling_per_address_still_stops_floods(app, world):
    app.config["LOGIN_LIMIT_PER_ADDRESS"] = "5 per hour"
    statuses = [post_login(app, f"guess{n}@riverside.example") for n in range(7)]
    assert statuses == [200] * 5 + [429] * 2
    assert post_login(app, "guess@x.example", address={"REMOTE_ADDR": "192.0.2.8"}) == 200


# --- /join ---------------------------------------------------------------------------------


def test_sec05_strangers_wrong_codes_do_not_stop_a_family_with_the_right_code(
    app, login, world, factory, db
):
    """The reported failure: a family with a correct letter code got 429 at /join after
    strangers' wrong codes from the same address."""
    parent = factory.user(world.school, "parent", "Agnieszka Kowalska", email="a@family.example")
    parent.password_hash = None
    factory.link(parent, world.pupil)
    db.session.commit()
    _, code = make_letter(login(world.teacher), parent)
    strangers = app.test_client()
    strangers.environ_base.update(SCHOOL)
    for n in range(30):
        wrong = f"ZZ{'ABCDEFGHJK'[n % 10]}Z-{'QRS'[n // 10]}ZZZ"
        assert strangers.form("/join", {"code": wrong}).status_code == 422
    family = app.test_client()
    family.environ_base.update(SCHOOL)
    assert family.form("/join", {"code": code}).location == "/join/account"


def test_sec05_a_ceiling_per_address_at_join_still_stops_floods(app):
    app.config["JOIN_LIMIT_PER_ADDRESS"] = "5 per hour"
    client = app.test_client()
    statuses = [client.form("/join", {"code": f"ABC{n}-EFGH"}).status_code for n in range(2, 9)]
    assert statuses == [422] * 5 + [429] * 2


def test_sec05_other_adults_wrong_tries_do_not_stop_a_teacher_on_the_class_tablet(client, world):
    on_tablet(client, enrol_tablet(world.own_class, world.teacher))
    for n in range(35):
        wrong = _assist(client, world, world.pupil, f"supply{n}@agency.example", password=WRONG)
        assert wrong.status_code == 200
    assert _assist(client, world, world.pupil, world.ta.email).status_code == 303
