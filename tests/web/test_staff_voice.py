"""The pupil's voice on staff pages: the pupil page, what changed, worries and closing
them, new voice on the staff home (SEC-02, PRI-05, REL-05, REL-06)."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest

from pupilvoice.models import AuditEvent, Proposal, Sort, TopicCard, Worry
from pupilvoice.models.base import utcnow
from tests.conftest import PASSWORD


def text(response) -> str:
    """The page's words, without the <bdi> that isolates each name and date (A11Y-10)."""
    return html.unescape(re.sub(r"</?bdi[^>]*>", "", response.get_data(as_text=True)))


def cards(db, world) -> dict[str, TopicCard]:
    return {c.key: c for c in db.session.query(TopicCard).filter_by(school_id=world.school.id)}


def sort(client, db, world, places: dict[str, str], words: dict[str, str] | None = None):
    client.form("/pupil/about/start", page="/pupil/")
    all_cards = cards(db, world)
    for key, place in places.items():
        url = f"/pupil/about/cards/{all_cards[key].id}"
        client.form(url, {"place": place})
        if words and key in words:
            client.form(f"{url}/more", {"words": words[key]})


@pytest.fixture
def sam(world, pupil_login):
    return pupil_login(world.pupil)


def test_staff_pupil_page_shows_the_latest_sort_and_what_changed(sam, world, db, login):
    sort(sam, db, world, {"reading": "like", "playtime": "like", "maths": "unsure"})
    db.session.query(Sort).one().started_at = utcnow() - timedelta(days=90)
    db.session.commit()
    sort(
        sam,
        db,
        world,
        {"reading": "like", "playtime": "dislike", "art": "like"},
        words={"reading": "Stories about dragons"},
    )
    page = text(login(world.teacher).get(f"/staff/pupils/{world.pupil.id}"))
    assert "Stories about dragons" in page
    assert "Playtime</strong>:\n      “I like it” → “I don't like it”" in page
    assert "now “I like it” (not sorted last time)" in page  # art
    assert "was “Not sure”, not sorted this time" in page  # maths
    assert "On the class tablet, on their own" in page


def test_how_the_view_was_gathered_names_the_adult(sam, world, db, login):
    sam.form("/pupil/helper", {"email": world.ta.email, "password": PASSWORD})
    sort(sam, db, world, {"reading": "like"})
    page = text(login(world.teacher).get(f"/staff/pupils/{world.pupil.id}"))
    assert "On the class tablet, with Mrs Evans" in page


def test_open_worry_is_highlighted_and_closed_with_what_we_did(sam, world, db, login):
    sam.form("/pupil/worry/unkind", {"words": "They hide my pencil case"})
    teacher = login(world.teacher)
    home = text(teacher.get("/staff/"))
    assert "Open worries" in home and "1 open worry" in home
    page = text(teacher.get(f"/staff/pupils/{world.pupil.id}"))
    assert "card--alert" in page and "Sam said: Someone is unkind" in page
    assert "They hide my pencil case" in page
    worry = db.session.query(Worry).one()
    url = f"/staff/worries/{worry.id}/close"
    field = f"worry-{worry.id}-action_taken"
    empty = teacher.form(url, {field: " "}, page=f"/staff/pupils/{world.pupil.id}")
    assert empty.status_code == 422
    assert "Write what was done" in text(empty)
    assert db.session.get(Worry, worry.id).is_open
    done = teacher.form(
        url,
        {field: "Talked with Sam and the class"},
        page=f"/staff/pupils/{world.pupil.id}",
    )
    assert done.status_code == 302
    worry = db.session.get(Worry, worry.id)
    assert not worry.is_open and worry.closed_by_id == world.teacher.id
    assert worry.action_taken == "Talked with Sam and the class"
    page = text(teacher.get(f"/staff/pupils/{world.pupil.id}"))
    assert "No open worries." in page and "Talked with Sam and the class" in page
    assert "Open worries" not in text(teacher.get("/staff/"))
    assert db.session.query(AuditEvent).filter_by(action="close_worry").count() == 1


def test_flagged_dislike_shows_why(sam, world, db, login):
    sort(sam, db, world, {"friends": "dislike"}, words={"friends": "Nobody plays with me"})
    page = text(login(world.senco).get(f"/staff/pupils/{world.pupil.id}"))
    assert "Flagged from About me" in page and "Sam does not like: Friends" in page
    assert "the school asks to hear when a pupil does not like this card" in page
    assert "“nobody plays” is on the school's word list (nobody plays)" in page


def test_worries_go_to_teachers_and_senco_not_to_tas(sam, world, db, login):
    sam.form("/pupil/worry/hurt", {"words": "Zebracake knee"})
    ta = login(world.ta)
    page = text(ta.get(f"/staff/pupils/{world.pupil.id}"))
    assert "Zebracake" not in page and "Worries" not in page
    assert "Open worr" not in text(ta.get("/staff/"))
    worry = db.session.query(Worry).one()
    token = ta.csrf_token("/staff/")
    response = ta.post(
        f"/staff/worries/{worry.id}/close",
        data={"csrf_token": token, f"worry-{worry.id}-action_taken": "x"},
    )
    assert response.status_code == 404
    assert db.session.get(Worry, worry.id).is_open


def test_sec02_other_class_and_other_school_staff_get_404(sam, world, db, login, factory):
    sam.form("/pupil/worry/sad", {})
    worry = db.session.query(Worry).one()
    other_school = factory.school("Hilltop")
    other_senco = factory.user(other_school, "senco", "Mr Hill")
    db.session.commit()
    for user in (world.other_teacher, other_senco):
        client = login(user)
        assert client.get(f"/staff/pupils/{world.pupil.id}").status_code == 404
        token = client.csrf_token("/staff/")
        response = client.post(
            f"/staff/worries/{worry.id}/close",
            data={"csrf_token": token, f"worry-{worry.id}-action_taken": "x"},
        )
        assert response.status_code == 404
    assert db.session.get(Worry, worry.id).is_open


def test_new_voice_is_marked_until_this_teacher_looks(sam, world, db, login):
    teacher = login(world.teacher)
    assert "New since you last looked" not in text(teacher.get("/staff/"))
    sort(sam, db, world, {"reading": "like"})
    assert "New since you last looked" in text(teacher.get("/staff/"))
    senco = login(world.senco)
    teacher.get(f"/staff/pupils/{world.pupil.id}")
    assert "New since you last looked" not in text(teacher.get("/staff/"))
    # per person (the SENCO's home counts classes: the register says it)
    assert "New voice since you last looked" in text(senco.get("/staff/"))
    sam.form("/pupil/targets/new/reading/better", {"words": "read on my own"})
    assert "New since you last looked" in text(teacher.get("/staff/"))


def test_proposals_and_ratings_on_the_staff_page(sam, world, db, login):
    sam.form("/pupil/targets/new/friends/helps", {"words": "someone asks me to play"})
    url = f"/pupil/targets/{db.session.query(Proposal).one().id}"
    sam.form(f"{url}/rate", {"level": "2"}, page=url)
    page = text(login(world.teacher).get(f"/staff/pupils/{world.pupil.id}"))
    assert "It helps me when someone asks me to play" in page
    assert "Getting there" in page and "Friends" in page


def test_viewing_the_voice_is_audited(world, login, db):
    login(world.teacher).get(f"/staff/pupils/{world.pupil.id}")
    event = db.session.query(AuditEvent).filter_by(action="view_voice").one()
    assert event.actor_user_id == world.teacher.id and event.object_id == world.pupil.id


def test_staff_pupil_page_queries_do_not_grow_with_cards_and_ratings_rel_06(
    sam, world, db, login, queries
):
    """The pupil page loads sorts with their cards, and proposals with their faces, in a
    fixed number of statements (one a card and one a proposal before), and still audits
    the read with one INSERT (REL-06)."""
    teacher = login(world.teacher)
    url = f"/staff/pupils/{world.pupil.id}"

    def statements() -> list[str]:
        teacher.get(url)
        with queries() as ran:
            assert teacher.get(url).status_code == 200
        return ran

    sort(sam, db, world, {"reading": "like"})
    sam.form("/pupil/targets/new/friends/helps", {"words": "someone asks me to play"})
    few = statements()
    db.session.query(Sort).one().started_at = utcnow() - timedelta(days=90)
    db.session.commit()
    sort(
        sam, db, world, {"reading": "like", "playtime": "dislike", "art": "like", "maths": "unsure"}
    )
    sam.form("/pupil/targets/new/friends/helps", {"words": "we take turns"})
    for proposal in db.session.query(Proposal):
        sam.form(
            f"/pupil/targets/{proposal.id}/rate",
            {"level": "2"},
            page=f"/pupil/targets/{proposal.id}",
        )
    many = statements()
    assert len(many) == len(few), "\n".join(many)
    assert sum(sql.startswith("INSERT INTO audit_event") for sql in many) == 1
