"""Wrong picture picks on the class tablet: a short, growing cool-down for that pupil only,
told kindly, ending by itself; staff see it on the pupil's page and the staff home and can
clear it (SEC-05, SEC-06). The cool-down reads a clock the test moves: nothing sleeps."""

from __future__ import annotations

import re

from pupilvoice.models import AuditEvent, PictureKey
from pupilvoice.services import picture_keys
from tests.conftest import PICTURES, enrol_tablet, on_tablet, tap_pictures

WRONG = ["sun", "sun", "sun"]


def text(response) -> str:
    return response.get_data(as_text=True)


def words_for_the_child(page: str) -> str:
    """What the child reads: the main content's words, without the adults' link."""
    return re.sub(r"<[^>]*>", " ", page.split("<main")[1].split("For adults")[0])


def tablet_for(app, world):
    return on_tablet(app.test_client(), enrol_tablet(world.own_class, world.teacher))


def with_pictures(db, world, *pupils):
    for pupil in pupils:
        picture_keys.set_pictures(pupil, PICTURES, world.teacher)
    db.session.commit()


def wrong_picks(client, pupil, times: int):
    """Tap the wrong three pictures ``times`` times; the last response."""
    response = None
    for _ in range(times):
        response = tap_pictures(client, pupil, WRONG)
    return response


def key_of(db, pupil) -> PictureKey:
    db.session.expire_all()
    return db.session.get(PictureKey, pupil.id)


def test_sec05_five_wrong_picks_rest_one_minute_kindly_then_try_without_staff(
    app, world, db, picture_clock
):
    with_pictures(db, world, world.pupil)
    tablet = tablet_for(app, world)
    for attempt in range(4):
        assert "not quite right" in text(tap_pictures(tablet, world.pupil, WRONG)), attempt
    page = text(tap_pictures(tablet, world.pupil, WRONG))
    assert "<h1>Let's have a little rest.</h1>" in page
    assert "Try again in 1 minute, or ask an adult to help." in page
    assert 'data-say="Try again in 1 minute, or ask an adult to help."' in page  # read aloud
    for scary in ("locked", "lock", "error", "blocked", "failed", "too many", "wrong"):
        assert scary not in words_for_the_child(page).lower(), scary
    assert db.session.query(AuditEvent).filter_by(action="pictures_cooldown").count() == 1

    # while it lasts, even the right pictures are not checked, nor counted
    picture_clock.advance(seconds=59)
    response = tap_pictures(tablet, world.pupil)
    assert response.status_code == 200 and "little rest" in text(response)
    assert "Try again in 1 minute" in text(tablet.get(f"/tablet/pupils/{world.pupil.id}"))
    assert key_of(db, world.pupil).wrong_tries == 0

    picture_clock.advance(seconds=1)  # the minute has passed: no adult needed
    assert "Tap your 3 pictures." in text(tablet.get(f"/tablet/pupils/{world.pupil.id}"))
    assert tap_pictures(tablet, world.pupil).location == "/pupil/"
    key = key_of(db, world.pupil)
    assert (key.wrong_tries, key.cooldown_round, key.cooldown_until) == (0, 0, None)


def test_sec05_cooldowns_grow_1_2_5_minutes_and_stay_at_5(app, world, db, picture_clock):
    with_pictures(db, world, world.pupil)
    tablet = tablet_for(app, world)
    for minutes in (1, 2, 5, 5):
        page = text(wrong_picks(tablet, world.pupil, 5))
        word = "minute" if minutes == 1 else "minutes"
        assert f"Try again in {minutes} {word}, or ask an adult to help." in page
        picture_clock.advance(minutes=minutes, seconds=-1)
        assert "little rest" in text(tablet.get(f"/tablet/pupils/{world.pupil.id}"))
        picture_clock.advance(seconds=1)
        assert "Tap your 3 pictures." in text(tablet.get(f"/tablet/pupils/{world.pupil.id}"))
    assert key_of(db, world.pupil).cooldown_round == 4
    # in the order written: PostgreSQL returns rows without ORDER BY in any order it likes
    cooldowns = db.session.query(AuditEvent).filter_by(action="pictures_cooldown")
    rounds = cooldowns.order_by(AuditEvent.id).all()
    assert [(e.detail["round"], e.detail["minutes"]) for e in rounds] == [
        (1, 1),
        (2, 2),
        (3, 5),
        (4, 5),
    ]


def test_sec05_the_minutes_shown_count_down_and_round_up(app, world, db, picture_clock):
    with_pictures(db, world, world.pupil)
    tablet = tablet_for(app, world)
    wrong_picks(tablet, world.pupil, 5)
    picture_clock.advance(minutes=1)
    assert "in 2 minutes" in text(wrong_picks(tablet, world.pupil, 5))
    url = f"/tablet/pupils/{world.pupil.id}"
    picture_clock.advance(seconds=59)
    assert "in 2 minutes" in text(tablet.get(url))  # 61 s left: never less than it is
    picture_clock.advance(seconds=2)
    assert "in 1 minute," in text(tablet.get(url))


def test_sec05_one_pupil_hammered_never_stops_the_rest_of_the_class(
    app, world, db, factory, picture_clock
):
    """The attack from the issue: 40 taps used to lock 8 pupils out until an adult came."""
    names = ["Ada", "Ben", "Cal", "Dev", "Eli", "Fay", "Gus"]
    classmates = [factory.pupil(world.own_class, name) for name in names]
    with_pictures(db, world, world.pupil, *classmates)
    tablet = tablet_for(app, world)
    for _ in range(40):  # one child taps wrong pictures 40 times, as fast as they like
        tap_pictures(tablet, world.pupil, WRONG)
    assert key_of(db, world.pupil).cooldown_round == 1  # taps while resting do not count
    class_list = text(tablet.get("/tablet/"))
    for pupil in [world.pupil, *classmates]:  # everyone is still on the class list
        assert f'href="/tablet/pupils/{pupil.id}"' in class_list
    for pupil in classmates:  # every classmate signs in straight away, on the same tablet
        assert tap_pictures(tablet, pupil).location == "/pupil/"
        key = key_of(db, pupil)
        assert (key.wrong_tries, key.cooldown_round, key.cooldown_until) == (0, 0, None)


def test_sec05_all_eight_pupils_hammered_try_again_after_a_minute_without_staff(
    app, world, db, factory, picture_clock
):
    classmates = [factory.pupil(world.own_class, name) for name in "ABCDEFG"]
    everyone = [world.pupil, *classmates]
    with_pictures(db, world, *everyone)
    tablet = tablet_for(app, world)
    for pupil in everyone:  # 40 taps: 5 wrong picks for each of the 8
        assert "little rest" in text(wrong_picks(tablet, pupil, 5))
    picture_clock.advance(minutes=1)
    for pupil in everyone:
        assert tap_pictures(tablet, pupil).location == "/pupil/"


def test_sec05_wrong_tries_before_five_are_forgotten_after_a_right_pick(
    app, world, db, picture_clock
):
    with_pictures(db, world, world.pupil)
    tablet = tablet_for(app, world)
    wrong_picks(tablet, world.pupil, 4)
    assert tap_pictures(tablet, world.pupil).location == "/pupil/"
    assert "not quite right" in text(wrong_picks(tablet, world.pupil, 4))


def test_sec05_staff_see_the_cooldown_and_clear_it_from_the_pupil_page(
    app, world, db, login, picture_clock
):
    with_pictures(db, world, world.pupil)
    tablet = tablet_for(app, world)
    wrong_picks(tablet, world.pupil, 5)
    teacher = login(world.teacher)
    page = f"/staff/pupils/{world.pupil.id}"
    shown = text(teacher.get(page))
    assert "Picture sign-in is paused until" in shown and "after 5 wrong tries" in shown
    response = teacher.form(f"{page}/pictures/unlock", page=page)
    assert response.status_code == 302 and response.location == page
    assert "Sam can sign in with their pictures again." in text(teacher.get(page))
    assert db.session.query(AuditEvent).filter_by(action="unlock_pictures").count() == 1
    assert tap_pictures(tablet, world.pupil).location == "/pupil/"

    # once it is over but not yet put right, staff still see it
    wrong_picks(tablet, world.pupil, 5)
    picture_clock.advance(minutes=1)
    assert "5 wrong picture tries since the pupil last signed in" in text(teacher.get(page))


def test_sec05_staff_home_lists_cooling_pupils_with_a_clear_button(
    app, world, db, login, factory, picture_clock
):
    fine = factory.pupil(world.own_class, "Zac")
    with_pictures(db, world, world.pupil, fine, world.other_pupil)
    tablet = tablet_for(app, world)
    wrong_picks(tablet, world.pupil, 5)
    teacher = login(world.teacher)
    home = text(teacher.get("/staff/"))
    part = home.split('id="pictures-title"')[1].split("</section>")[0]
    assert "Sam T." in part and "Zac" not in part
    assert "Paused until" in part and "5 wrong tries" in part
    picture_clock.advance(minutes=1)
    part = text(teacher.get("/staff/")).split('id="pictures-title"')[1].split("</section>")[0]
    assert "Can try again" in part and "Paused until" not in part

    response = teacher.form(
        f"/staff/pupils/{world.pupil.id}/pictures/unlock", {"back": "home"}, page="/staff/"
    )
    assert response.location == "/staff/#pictures-title"
    assert 'id="pictures-title"' not in text(teacher.get("/staff/"))
    assert key_of(db, world.pupil).cooldown_round == 0


def test_sec05_other_class_staff_neither_see_nor_clear_a_cooldown(
    app, world, db, login, picture_clock
):
    with_pictures(db, world, world.pupil)
    wrong_picks(tablet_for(app, world), world.pupil, 5)
    other = login(world.other_teacher)
    assert "Sam T." not in text(other.get("/staff/"))
    token = other.csrf_token("/staff/")
    url = f"/staff/pupils/{world.pupil.id}/pictures/unlock"
    assert other.post(url, data={"csrf_token": token}).status_code == 404
    assert key_of(db, world.pupil).cooldown_round == 1
    senco = text(login(world.senco).get("/staff/"))  # the SENCO sees the whole school
    assert "Sam T." in senco.split('id="pictures-title"')[1].split("</section>")[0]


def test_sec10_clearing_a_cooldown_without_the_csrf_token_changes_nothing(
    app, world, db, login, picture_clock
):
    with_pictures(db, world, world.pupil)
    wrong_picks(tablet_for(app, world), world.pupil, 5)
    teacher = login(world.teacher)
    url = f"/staff/pupils/{world.pupil.id}/pictures/unlock"
    assert teacher.post(url, data={"back": "home"}).status_code == 400
    assert key_of(db, world.pupil).cooldown_round == 1
