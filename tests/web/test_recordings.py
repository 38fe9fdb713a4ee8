"""Recorded words: size limit, type checked from the content, kept in the database,
played back only to staff with Content-Disposition and nosniff (SEC-15, REL-05)."""

from __future__ import annotations

import html
import io

import pytest

from pupilvoice.domain.audio import MAX_BYTES
from pupilvoice.models import Proposal, Recording, SortChoice, TopicCard, Worry

WEBM = b"\x1a\x45\xdf\xa3" + b"\x42\x86\x81\x01" * 64  # starts like a real WebM file
OGG = b"OggS\x00\x02" + b"\x00" * 200


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def upload(client, url, data: bytes, name="recording.webm", words="", **fields):
    token = client.csrf_token(url)
    body = {"csrf_token": token, "words": words, **fields}
    body["recording"] = (io.BytesIO(data), name, "audio/webm")
    response = client.post(url, data=body, content_type="multipart/form-data")
    if response.status_code == 303 and response.location == url:
        return client.get(url)  # refused: the page again with GET, the words kept (REL-04)
    return response


@pytest.fixture
def sam(world, pupil_login):
    return pupil_login(world.pupil)


def tell_more_url(client, db, world, place="dislike", key="noise") -> str:
    client.form("/pupil/about/start", page="/pupil/")
    card = db.session.query(TopicCard).filter_by(school_id=world.school.id, key=key).one()
    client.form(f"/pupil/about/cards/{card.id}", {"place": place})
    return f"/pupil/about/cards/{card.id}/more"


def test_sec15_a_recording_is_kept_in_the_database(sam, world, db):
    url = tell_more_url(sam, db, world)
    response = upload(sam, url, WEBM, words="and this")
    assert response.status_code == 303
    choice = db.session.query(SortChoice).one()
    recording = choice.recording
    assert recording.content_type == "audio/webm" and recording.data == WEBM
    assert recording.purpose == "voice" and recording.pupil_id == world.pupil.id
    assert choice.words == "and this"


def test_sec15_a_new_recording_replaces_the_old_one(sam, world, db):
    url = tell_more_url(sam, db, world)
    upload(sam, url, WEBM)
    upload(sam, url, OGG)
    assert [r.content_type for r in db.session.query(Recording)] == ["audio/ogg"]


@pytest.mark.parametrize(
    "data,name",
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "recording.webm"),
        (b"<script>alert(1)</script>" + b" " * 200, "recording.webm"),
        (b"MZ\x90\x00" + b"\x00" * 200, "sound.ogg"),
    ],
)
def test_sec15_wrong_types_are_refused_kindly_and_keep_the_words(sam, world, db, data, name):
    url = tell_more_url(sam, db, world)
    response = upload(sam, url, data, name=name, words="my own words")
    page = text(response)
    assert response.status_code == 200
    assert "We could not use that recording. Please try again." in page
    assert "my own words" in page
    assert db.session.query(Recording).count() == 0
    assert db.session.query(SortChoice).one().words is None


def test_sec15_oversize_recordings_are_refused_kindly(sam, world, db):
    url = tell_more_url(sam, db, world)
    too_big = b"OggS" + b"\x00" * MAX_BYTES
    response = upload(sam, url, too_big, words="keep me")
    page = text(response)
    assert "That recording is too long. Please make a shorter one." in page
    assert "keep me" in page
    assert db.session.query(Recording).count() == 0


def test_rel05_a_body_over_the_server_limit_gets_a_friendly_413(sam, world, db):
    url = tell_more_url(sam, db, world)
    response = upload(sam, url, b"OggS" + b"\x00" * (7 * 1024 * 1024))
    assert response.status_code == 413 and "That file is too big" in text(response)
    assert db.session.query(Recording).count() == 0


def test_a_worry_can_be_said_out_loud(sam, world, db):
    response = upload(sam, "/pupil/worry/scared", OGG)
    assert response.location == "/pupil/worry/sent"
    worry = db.session.query(Worry).one()
    assert worry.words is None and worry.recording.purpose == "worry"


def test_an_i_can_idea_can_be_said_out_loud_instead_of_typed(sam, db):
    empty = upload(sam, "/pupil/targets/new/reading/i_can", b"")
    assert "Please finish the sentence, or say it out loud." in text(empty)
    response = upload(sam, "/pupil/targets/new/reading/i_can", WEBM)
    assert response.status_code == 303
    assert db.session.query(Proposal).one().recording.content_type == "audio/webm"


def test_sec15_staff_play_it_back_with_disposition_and_nosniff(sam, world, db, login):
    upload(sam, tell_more_url(sam, db, world), WEBM)
    recording = db.session.query(Recording).one()
    teacher = login(world.teacher)
    page = text(teacher.get(f"/staff/pupils/{world.pupil.id}"))
    assert f'src="/staff/recordings/{recording.id}"' in page
    response = teacher.get(f"/staff/recordings/{recording.id}")
    assert response.status_code == 200 and response.data == WEBM
    assert response.mimetype == "audio/webm"
    assert response.headers["Content-Disposition"] == (
        f'inline; filename="recording-{recording.id}.webm"'
    )
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
    assert login(world.ta).get(f"/staff/recordings/{recording.id}").status_code == 200


def test_sec15_recordings_are_for_staff_of_the_pupil_only(sam, world, db, login, app):
    upload(sam, "/pupil/worry/hurt", OGG)
    recording = db.session.query(Recording).one()
    url = f"/staff/recordings/{recording.id}"
    assert login(world.teacher).get(url).status_code == 200
    assert login(world.senco).get(url).status_code == 200
    assert login(world.ta).get(url).status_code == 404  # worries: teachers and SENCO only
    assert login(world.other_teacher).get(url).status_code == 404
    assert login(world.parent).get(url).status_code == 403
    assert sam.get(url).status_code == 403  # not even the pupil plays it back here
    assert app.test_client().get(url).status_code == 302  # sign in first
