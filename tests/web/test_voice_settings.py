"""The SENCO's About me cards and worry word list (SEC-02, SEC-12, REL-04, REL-05)."""

from __future__ import annotations

import html
import re

import pytest

from pupilvoice.models import AuditEvent, TopicCard, Worry, WorryWord
from pupilvoice.services import voice


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


@pytest.fixture
def senco(world, login, db):
    voice.ensure_defaults(world.school.id)
    db.session.commit()
    return login(world.senco)


def card(db, world, key) -> TopicCard:
    return db.session.query(TopicCard).filter_by(school_id=world.school.id, key=key).one()


def test_senco_adds_a_card_with_a_symbol_from_the_app(senco, world, db, pupil_login):
    page = text(senco.get("/school/cards/new"))
    assert 'value="football"' in page and 'value="speaker"' not in page
    response = senco.form(
        "/school/cards/new",
        {"word": "Swimming", "symbol": "dolphin", "tell_staff_if_disliked": "y"},
    )
    assert response.location == "/school/cards"
    new = db.session.query(TopicCard).filter_by(word="Swimming").one()
    assert new.symbol == "dolphin" and new.tell_staff_if_disliked and new.key is None
    assert voice.active_cards(world.school.id)[-1].id == new.id  # at the end
    sam = pupil_login(world.pupil)
    sam.form("/pupil/about/start", page="/pupil/")
    assert "Swimming" in text(sam.get(f"/pupil/about/cards/{new.id}"))


def test_sec12_only_pictures_from_the_app_can_be_chosen(senco, db):
    for symbol in ["../../config", "https://example.org/x", "speaker", ""]:
        response = senco.form("/school/cards/new", {"word": "Odd", "symbol": symbol})
        assert response.status_code == 400 and "Choose a picture." in text(response)
    assert db.session.query(TopicCard).filter_by(word="Odd").count() == 0


def test_rel05_a_card_needs_a_word_and_keeps_the_choice(senco, db):
    response = senco.form("/school/cards/new", {"word": "", "symbol": "bus"})
    page = text(response)
    assert "Write the word pupils see" in page
    assert re.search(r'<input checked[^>]*name="symbol"[^>]*value="bus"', page)
    assert db.session.query(TopicCard).filter_by(symbol="bus").count() == 0


def test_a_built_in_card_stays_translated_until_its_word_changes(senco, world, db):
    reading = card(db, world, "reading")
    senco.form(f"/school/cards/{reading.id}", {"word": "Reading", "symbol": "books"})
    assert card(db, world, "reading").word is None  # still translated for pupils
    senco.form(f"/school/cards/{reading.id}", {"word": "Phonics", "symbol": "books"})
    assert card(db, world, "reading").word == "Phonics"


def test_retire_and_bring_back_a_card(senco, world, db, pupil_login):
    homework = card(db, world, "homework")
    senco.form(f"/school/cards/{homework.id}/retire", page="/school/cards")
    senco.form(f"/school/cards/{homework.id}/retire", page="/school/cards")  # double click
    assert card(db, world, "homework").retired_at is not None
    assert homework.id not in [c.id for c in voice.active_cards(world.school.id)]
    sam = pupil_login(world.pupil)
    sam.form("/pupil/about/start", page="/pupil/")
    assert sam.get(f"/pupil/about/cards/{homework.id}").status_code == 404
    assert "Retired" in text(senco.get("/school/cards"))
    senco.form(f"/school/cards/{homework.id}/retire", {"back": "1"}, page="/school/cards")
    assert card(db, world, "homework").retired_at is None
    assert db.session.query(AuditEvent).filter_by(action="retire_card").count() == 1


def test_move_a_card_earlier_or_later(senco, world, db):
    maths = card(db, world, "maths")
    senco.form(f"/school/cards/{maths.id}/move", {"direction": "up"}, page="/school/cards")
    order = [c.key for c in voice.active_cards(world.school.id)]
    assert order[:3] == ["reading", "maths", "writing"]
    first = card(db, world, "reading")
    senco.form(f"/school/cards/{first.id}/move", {"direction": "up"}, page="/school/cards")
    assert [c.key for c in voice.active_cards(world.school.id)][0] == "reading"


def test_sec02_other_schools_senco_and_teachers_cannot_edit(world, db, login, factory, senco):
    reading = card(db, world, "reading")
    other = factory.school("Hilltop")
    other_senco = factory.user(other, "senco", "Mr Hill")
    db.session.commit()
    client = login(other_senco)
    assert client.get(f"/school/cards/{reading.id}").status_code == 404
    response = client.form(f"/school/cards/{reading.id}/retire", page="/school/cards", data={})
    assert response.status_code == 404
    assert "Reading" not in text(client.get("/school/cards"))
    assert login(world.teacher).get("/school/cards").status_code == 403
    assert card(db, world, "reading").retired_at is None


def test_senco_edits_the_worry_word_list_and_it_is_used(senco, world, db, pupil_login):
    page = text(senco.get("/school/worry-words"))
    assert "nobody plays" in page
    senco.form("/school/worry-words", {"words": "Dinner  Lady\nshout\n\nshout\n"})
    assert sorted(w.word for w in db.session.query(WorryWord)) == ["dinner lady", "shout"]
    sam = pupil_login(world.pupil)
    sam.form("/pupil/about/start", page="/pupil/")
    noise = card(db, world, "noise")
    sam.form(f"/pupil/about/cards/{noise.id}", {"place": "dislike"})
    sam.form(f"/pupil/about/cards/{noise.id}/more", {"words": "The dinner lady shouts"})
    flag = db.session.query(Worry).one()
    assert {"kind": "word", "matched": "dinner lady", "listed": "dinner lady"} in flag.reasons
    assert {"kind": "word", "matched": "shouts", "listed": "shout"} in flag.reasons


def test_try_it_explains_what_would_be_flagged(senco):
    page = text(senco.get("/school/worry-words?try=Ayaan kicked me"))
    assert "“kicked” is on the list (kick)" in page
    assert "it names someone: “ayaan”" in page
    assert "would not be flagged" in text(senco.get("/school/worry-words?try=I like sums"))


def test_admin_home_links_to_the_voice_settings(senco):
    page = text(senco.get("/school/"))
    assert "/school/cards" in page and "/school/worry-words" in page
