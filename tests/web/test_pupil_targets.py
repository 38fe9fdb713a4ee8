""" "I can..." targets and self-ratings on the tablet (A11Y-07, REL-04, REL-05, SEC-02)."""

from __future__ import annotations

import html
import re
from datetime import timedelta

from pupilvoice.models import Proposal, SelfRating
from pupilvoice.models.base import utcnow


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def propose(client, words="read a whole book", area="reading", starter="better"):
    url = f"/pupil/targets/new/{area}/{starter}"
    return client.form(url, {"words": words})


def test_pupil_proposes_an_i_can_target_in_three_taps_and_their_words(world, db, pupil_login):
    sam = pupil_login(world.pupil)
    assert "Add a new one" in text(sam.get("/pupil/targets"))
    areas = text(sam.get("/pupil/targets/new"))
    for word in ("Reading", "Talking and listening", "Feelings", "Looking after myself"):
        assert word in areas
    starters = text(sam.get("/pupil/targets/new/reading"))
    assert "I want to get better at…" in starters and "It helps me when…" in starters
    page = text(sam.get("/pupil/targets/new/reading/better"))
    assert "Mr Jones, Mrs Evans and Mrs Khan will see this." in page
    response = propose(sam)
    proposal = db.session.query(Proposal).one()
    assert response.location == f"/pupil/targets/{proposal.id}?thanks=1"
    assert (proposal.area, proposal.starter, proposal.words) == (
        "reading",
        "better",
        "read a whole book",
    )
    detail = text(sam.get(response.location))
    assert "I want to get better at read a whole book" in detail
    assert "Thank you for telling me." in detail


def test_rel05_empty_or_long_words_keep_the_page_and_say_what_to_do(world, db, pupil_login):
    sam = pupil_login(world.pupil)
    sent = propose(sam, words="  ")
    assert sent.status_code == 303  # and the page again with GET (REL-04)
    empty = sam.get(sent.location)
    assert empty.status_code == 200
    assert "Please finish the sentence, or say it out loud. An adult can help you." in text(empty)
    long_words = "read " * 300
    too_long = sam.get(propose(sam, words=long_words).location)
    assert "a bit shorter" in text(too_long) and long_words.strip() in text(too_long)
    assert db.session.query(Proposal).count() == 0
    assert sam.get("/pupil/targets/new/space/better").status_code == 404
    assert sam.get("/pupil/targets/new/reading/never").status_code == 404


def test_a11y07_three_faces_of_equal_size_and_weight(world, db, pupil_login):
    sam = pupil_login(world.pupil)
    propose(sam)
    proposal = db.session.query(Proposal).one()
    page = text(sam.get(f"/pupil/targets/{proposal.id}"))
    faces = re.findall(
        r'<button class="face" type="submit" name="level" value="(\d)">'
        r'<img class="symbol" src="[^"]+" alt="" width="(\d+)" height="(\d+)">'
        r"<span>([^<]+)</span>",
        page,
    )
    assert [f[0] for f in faces] == ["1", "2", "3"]
    assert {f[1:3] for f in faces} == {("96", "96")}  # the same size, the same class
    assert [f[3] for f in faces] == ["Not yet", "Getting there", "I can do it!"]


def test_rating_twice_makes_a_picture_of_progress(world, db, pupil_login):
    sam = pupil_login(world.pupil)
    propose(sam)
    proposal = db.session.query(Proposal).one()
    url = f"/pupil/targets/{proposal.id}"
    sam.form(f"{url}/rate", {"level": "1"}, page=url)
    first = db.session.query(SelfRating).one()
    first.created_at = utcnow() - timedelta(days=14)
    db.session.commit()
    response = sam.form(f"{url}/rate", {"level": "2"}, page=url)
    assert response.location == f"{url}?thanks=1"
    assert [r.level for r in db.session.query(SelfRating).order_by(SelfRating.created_at)] == [1, 2]
    page = text(sam.get(url))
    assert "How it has gone" in page
    assert page.index('class="level-1"') < page.index('class="level-2"')
    listing = text(sam.get("/pupil/targets"))
    assert "Getting there" in listing


def test_targets_list_shows_each_last_face_and_queries_do_not_grow(world, db, pupil_login, queries):
    sam = pupil_login(world.pupil)
    propose(sam, words="read a whole book")
    with queries() as before:
        sam.get("/pupil/targets")
    propose(sam, words="count to a hundred", area="maths", starter="i_can")
    propose(sam, words="tie my laces", area="myself", starter="i_can")
    _, counting, laces = db.session.query(Proposal).order_by(Proposal.id).all()
    rate_url = f"/pupil/targets/{counting.id}/rate"
    sam.form(rate_url, {"level": "1"}, page=f"/pupil/targets/{counting.id}")
    db.session.query(SelfRating).one().created_at = utcnow() - timedelta(days=7)
    db.session.commit()
    sam.form(rate_url, {"level": "3"}, page=f"/pupil/targets/{counting.id}")
    sam.form(f"/pupil/targets/{laces.id}/rate", {"level": "2"}, page=f"/pupil/targets/{laces.id}")
    with queries() as after:
        listing = text(sam.get("/pupil/targets"))
    assert len(after) == len(before)
    faces = re.findall(r'<span class="last-face">.*?<span>(.*?)</span>', listing, re.S)
    assert faces == ["Getting there", "I can do it!"]  # newest target first; book not rated


def test_rel04_a_double_tap_or_quick_change_of_mind_keeps_one_face(world, db, pupil_login):
    sam = pupil_login(world.pupil)
    propose(sam)
    proposal = db.session.query(Proposal).one()
    url = f"/pupil/targets/{proposal.id}"
    sam.form(f"{url}/rate", {"level": "3"}, page=url)
    sam.form(f"{url}/rate", {"level": "3"}, page=url)
    sam.form(f"{url}/rate", {"level": "2"}, page=url)
    assert [r.level for r in db.session.query(SelfRating)] == [2]


def test_unknown_face_saves_nothing(world, db, pupil_login):
    sam = pupil_login(world.pupil)
    propose(sam)
    proposal = db.session.query(Proposal).one()
    url = f"/pupil/targets/{proposal.id}"
    response = sam.form(f"{url}/rate", {"level": "4"}, page=url)
    assert response.location == f"{url}?problem=1"
    assert "Please tap one of the three faces." in text(sam.get(response.location))
    assert db.session.query(SelfRating).count() == 0


def test_sec02_a_pupil_cannot_see_or_rate_another_pupils_target(world, db, pupil_login, factory):
    sam = pupil_login(world.pupil)
    classmate = factory.pupil(world.own_class, "Leo")
    db.session.commit()
    leo = pupil_login(classmate)
    propose(leo, words="tie my shoes", area="myself", starter="i_can")
    proposal = db.session.query(Proposal).one()
    assert sam.get(f"/pupil/targets/{proposal.id}").status_code == 404
    token = sam.csrf_token("/pupil/")
    response = sam.post(
        f"/pupil/targets/{proposal.id}/rate", data={"csrf_token": token, "level": "3"}
    )
    assert response.status_code == 404
    assert "tie my shoes" not in text(sam.get("/pupil/targets"))
    assert db.session.query(SelfRating).count() == 0


def test_helper_is_recorded_on_proposals_and_ratings(world, db, pupil_login, client):
    from tests.conftest import PASSWORD

    sam = pupil_login(world.pupil)
    sam.form("/pupil/helper", {"email": world.teacher.email, "password": PASSWORD})
    propose(sam)
    proposal = db.session.query(Proposal).one()
    sam.form(f"/pupil/targets/{proposal.id}/rate", {"level": "1"}, page="/pupil/")
    assert proposal.helper_id == world.teacher.id
    assert db.session.query(SelfRating).one().helper_id == world.teacher.id
