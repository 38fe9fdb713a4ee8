"""About me, "Tell me more" and "Something worries me" on the tablet (PRI-05, REL-04,
REL-05, SEC-02), and who hears about a worry."""

from __future__ import annotations

import html
import io
import re
import zipfile

import pytest

from pupilvoice.models import AuditEvent, Sort, SortChoice, TopicCard, Worry
from pupilvoice.models.base import utcnow
from tests.conftest import PASSWORD


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def cards(db, world) -> dict[str, TopicCard]:
    return {c.key: c for c in db.session.query(TopicCard).filter_by(school_id=world.school.id)}


@pytest.fixture
def sam(world, pupil_login):
    return pupil_login(world.pupil)


def start(client):
    return client.form("/pupil/about/start", page="/pupil/")


def test_about_me_one_card_a_screen_tapped_into_a_place(sam, world, db):
    first = start(sam)
    reading = cards(db, world)["reading"]
    assert first.location == f"/pupil/about/cards/{reading.id}"
    page = text(sam.get(first.location))
    assert "Reading" in page and "What do you think?" in page and "Card 1 of 12" in page
    for label in ("I like it", "Not sure", "I don't like it", "Skip this card"):
        assert label in page
    response = sam.form(first.location, {"place": "like"})
    assert response.location == f"/pupil/about/cards/{reading.id}/thanks"
    thanks = text(sam.get(response.location))
    assert "Thank you for telling me." in thanks and "Reading: I like it" in thanks
    assert (
        sam.get("/pupil/about/next").location
        == f"/pupil/about/cards/{cards(db, world)['writing'].id}"
    )
    choice = db.session.query(SortChoice).one()
    assert choice.place == "like" and choice.helper_id is None


def test_a_card_page_reads_the_cards_and_the_sort_once_however_many_are_sorted(
    sam, world, db, queries
):
    start(sam)
    by_key = cards(db, world)
    url = f"/pupil/about/cards/{by_key['reading'].id}"
    for key in ("reading", "writing", "maths", "art"):
        sam.form(f"/pupil/about/cards/{by_key[key].id}", {"place": "like"})
    with queries() as ran:
        page = text(sam.get(url))
    assert "Card 1 of 12" in page and "You chose this" in page
    # the session, the tablet sign-in, the school's cards, the sort with its choices
    assert len(ran) == 4, ran


def test_changing_your_mind_moves_the_card(sam, world, db):
    start(sam)
    reading = cards(db, world)["reading"]
    url = f"/pupil/about/cards/{reading.id}"
    sam.form(url, {"place": "like"})
    sam.form(url, {"place": "unsure"})  # the same tap twice, or a change, is one choice
    sam.form(url, {"place": "unsure"})
    assert [c.place for c in db.session.query(SortChoice)] == ["unsure"]
    assert "You chose this" in text(sam.get(url))


def test_tell_more_keeps_the_pupils_words(sam, world, db):
    start(sam)
    maths = cards(db, world)["maths"]
    sam.form(f"/pupil/about/cards/{maths.id}", {"place": "unsure"})
    page = text(sam.get(f"/pupil/about/cards/{maths.id}/more"))
    assert "Tell me more." in page and "Mr Jones, Mrs Evans and Mrs Khan will see this." in page
    response = sam.form(f"/pupil/about/cards/{maths.id}/more", {"words": "The sums go too fast"})
    assert response.status_code == 303
    assert db.session.query(SortChoice).one().words == "The sums go too fast"
    assert db.session.query(Worry).count() == 0  # not a dislike: nothing flagged


def test_rel05_too_many_words_keeps_them_and_says_so_kindly(sam, world, db):
    start(sam)
    maths = cards(db, world)["maths"]
    sam.form(f"/pupil/about/cards/{maths.id}", {"place": "dislike"})
    long_words = "I do not like it " * 80
    response = sam.form(f"/pupil/about/cards/{maths.id}/more", {"words": long_words})
    assert response.status_code == 303  # and the page again with GET (REL-04)
    response = sam.get(response.location)
    page = text(response)
    assert response.status_code == 200
    assert "That is a lot of words! Please make it a bit shorter." in page
    assert long_words.strip() in page
    assert db.session.query(SortChoice).one().words is None


def test_rel05_unknown_place_saves_nothing_and_asks_kindly(sam, world, db):
    start(sam)
    reading = cards(db, world)["reading"]
    response = sam.form(f"/pupil/about/cards/{reading.id}", {"place": "love"})
    assert response.status_code == 303  # and the card again with GET (REL-04)
    assert "Please tap one of the three pictures." in text(sam.get(response.location))
    assert db.session.query(SortChoice).count() == 0


def test_skipping_and_the_summary_of_piles(sam, world, db):
    start(sam)
    all_cards = sorted(cards(db, world).values(), key=lambda c: c.position)
    places = ["like", "dislike", "skip"] + ["unsure"] * (len(all_cards) - 3)
    for card, place in zip(all_cards, places, strict=True):
        sam.form(f"/pupil/about/cards/{card.id}", {"place": place})
    assert sam.get("/pupil/about/next").location == "/pupil/about/done"
    page = text(sam.get("/pupil/about/done"))
    assert "Here is what you said." in page and "Not done yet" in page
    sort = db.session.query(Sort).one()
    assert sort.finished_at is not None


def test_a_sort_from_last_term_is_kept_and_a_new_one_starts(sam, world, db):
    start(sam)
    reading = cards(db, world)["reading"]
    sam.form(f"/pupil/about/cards/{reading.id}", {"place": "like"})
    old = db.session.query(Sort).one()
    old.started_at = utcnow().replace(year=utcnow().year - 1)
    db.session.commit()
    start(sam)
    assert db.session.query(Sort).count() == 2
    sam.form(f"/pupil/about/cards/{reading.id}", {"place": "dislike"})
    assert sorted(c.place for c in db.session.query(SortChoice)) == ["dislike", "like"]


def test_sec02_another_schools_card_and_retired_cards_are_404(sam, world, db, factory):
    start(sam)
    other_school = factory.school("Hilltop")
    foreign = TopicCard(school_id=other_school.id, key="reading", symbol="books")
    db.session.add(foreign)
    retired = cards(db, world)["homework"]
    retired.retired_at = utcnow()
    db.session.commit()
    assert sam.get(f"/pupil/about/cards/{foreign.id}").status_code == 404
    assert sam.get(f"/pupil/about/cards/{retired.id}").status_code == 404
    assert sam.get("/pupil/about/cards/999999/more").status_code == 404


def test_dislike_of_friends_is_flagged_to_teacher_and_senco(sam, world, db, outbox, deliver):
    start(sam)
    friends = cards(db, world)["friends"]
    sam.form(f"/pupil/about/cards/{friends.id}", {"place": "dislike"})
    sam.form(f"/pupil/about/cards/{friends.id}/more", {"words": "Leo pushes me at break"})
    flag = db.session.query(Worry).one()
    assert flag.source == "about_me" and flag.is_open and flag.words == "Leo pushes me at break"
    listed = {(r["kind"], r["listed"]) for r in flag.reasons}
    assert ("card", "friends") in listed and ("word", "push") in listed
    deliver()
    assert {m["To"] for m in outbox} == {world.teacher.email, world.senco.email}  # not the TA
    assert len(outbox) == 2  # one flag, one mail each, even after "Tell me more"
    for message in outbox:
        assert "Leo" not in message.get_content() and "push" not in message.get_content()


def test_dislike_naming_a_classmate_is_flagged(sam, world, db, factory):
    factory.pupil(world.own_class, "Leo")
    db.session.commit()
    start(sam)
    noise = cards(db, world)["noise"]
    sam.form(f"/pupil/about/cards/{noise.id}", {"place": "dislike"})
    sam.form(f"/pupil/about/cards/{noise.id}/more", {"words": "leo shouts in my ear"})
    flag = db.session.query(Worry).one()
    assert {"kind": "name", "matched": "leo", "listed": "leo"} in flag.reasons


def test_liking_something_is_never_flagged(sam, world, db):
    start(sam)
    friends = cards(db, world)["friends"]
    sam.form(f"/pupil/about/cards/{friends.id}", {"place": "like"})
    sam.form(f"/pupil/about/cards/{friends.id}/more", {"words": "we play fighting games"})
    assert db.session.query(Worry).count() == 0


def test_something_worries_me_reaches_teacher_and_senco_without_its_content(
    sam, world, db, outbox, deliver
):
    page = text(sam.get("/pupil/worry"))
    assert "Someone hurt me" in page and "Only Mr Jones and Mrs Khan will see this." in page
    assert "Mrs Evans" not in page  # the TA does not see worries
    response = sam.form("/pupil/worry/hurt", {"words": "My tummy hurts every morning"})
    assert response.location == "/pupil/worry/sent"
    assert "Your teacher will talk to you soon." in text(sam.get("/pupil/worry/sent"))
    worry = db.session.query(Worry).one()
    assert (worry.kind, worry.source, worry.words) == (
        "hurt",
        "pupil",
        "My tummy hurts every morning",
    )
    assert deliver() == {"sent": 2}
    assert sorted(m["To"] for m in outbox) == sorted([world.teacher.email, world.senco.email])
    for message in outbox:
        assert message["Subject"] == "PupilVoice: a pupil has raised a worry"
        body = message.get_content()
        assert "tummy" not in body and "Sam" not in body and "Oak" in body
        assert f"/staff/pupils/{world.pupil.id}" in body
    assert db.session.query(AuditEvent).filter_by(action="raise_worry").count() == 1


def test_rel04_a_double_tap_raises_one_worry(sam, db):
    sam.form("/pupil/worry/sad", {"words": ""})
    sam.form("/pupil/worry/sad", {"words": ""})
    assert db.session.query(Worry).count() == 1


def test_a_worry_needs_no_words_and_unknown_kinds_are_404(sam, db):
    assert sam.form("/pupil/worry/other", {}).status_code == 303
    assert db.session.query(Worry).one().words is None
    assert sam.get("/pupil/worry/dragons").status_code == 404


def test_rel05_worry_with_too_many_words_keeps_them(sam, db):
    words = "x" * 1200
    response = sam.form("/pupil/worry/scared", {"words": words})
    assert response.status_code == 303  # and the page again with GET (REL-04)
    response = sam.get(response.location)
    assert response.status_code == 200 and words in text(response)
    assert db.session.query(Worry).count() == 0


def _everything_in(response) -> bytes:
    """The response's bytes, or every file's in it when it is a zip (the parent's data)."""
    if response.mimetype != "application/zip":
        return response.get_data()
    archive = zipfile.ZipFile(io.BytesIO(response.get_data()))
    return b"".join(archive.read(name) for name in archive.namelist())


def test_pri05_worry_is_never_shown_to_a_parent(app, sam, world, db, login):
    sam.form("/pupil/worry/unkind", {"words": "Zebracake secret words"})
    parent = login(world.parent)
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.arguments - {"pupil_id", "card_id", "kind"}:
            continue
        url = rule.build({"pupil_id": world.pupil.id, "card_id": 1, "kind": "unkind"})[1]
        assert b"Zebracake" not in _everything_in(parent.get(url)), url
    assert parent.get(f"/staff/pupils/{world.pupil.id}").status_code == 403


def test_helper_is_recorded_with_what_the_pupil_says(sam, world, db):
    sam.form("/pupil/helper", {"email": world.ta.email, "password": PASSWORD})
    start(sam)
    reading = cards(db, world)["reading"]
    sam.form(f"/pupil/about/cards/{reading.id}", {"place": "like"})
    sam.form("/pupil/worry/sad", {})
    assert db.session.query(SortChoice).one().helper_id == world.ta.id
    assert db.session.query(Worry).one().helper_id == world.ta.id


def test_pupil_pages_need_an_open_sort(sam, world, db):
    reading = cards(db, world)["reading"]
    assert sam.get(f"/pupil/about/cards/{reading.id}").location == "/pupil/"
    assert sam.get("/pupil/about/done").location == "/pupil/"
    assert sam.get(f"/pupil/about/cards/{reading.id}/thanks").location == "/pupil/"


def test_a11y06_speaker_buttons_are_labelled_in_each_pages_language(sam):
    """The speaker's label is worked out once a page, never kept from another page."""
    label = re.compile(r'class="say"[^>]*aria-label="([^":]*):[^"]*"(?: hidden)?>')
    pages = [sam.get(f"/pupil/targets/new?lang={lang}") for lang in ("en", "ur", "en")]
    english, urdu, english_again = (
        set(label.findall(page.get_data(as_text=True))) for page in pages
    )
    assert english == english_again == {"Listen"}
    assert len(urdu) == 1 and "Listen" not in urdu and urdu != {""}


def test_pri05_worry_page_names_its_staff_from_one_query(sam, world, factory, db, queries):
    factory.user(world.school, "senco", "Mr Ahmed")
    world.own_class.staff.append(factory.user(world.school, "teacher", "Miss Lee"))
    world.own_class.staff.append(factory.user(world.school, "teacher", "Mr Gone"))
    world.own_class.staff[-1].archived_at = utcnow()
    db.session.commit()
    with queries() as ran:
        page = text(sam.get("/pupil/worry"))
    assert "Only Mr Jones, Miss Lee, Mrs Khan and Mr Ahmed will see this." in page
    assert len([s for s in ran if re.search(r'FROM "?user"?\b', s)]) == 1
