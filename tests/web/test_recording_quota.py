"""Recordings have a quota per pupil and per school, and a rate, so a loop cannot fill
the disk; a full talking box is said kindly and the pupil can still type (SEC-15, REL-05).
Staff see how much each pupil keeps, and the school's total."""

from __future__ import annotations

import html
import io
import threading
from datetime import timedelta

import pytest
from sqlalchemy import text as sql

from pupilvoice.domain.recording_quota import MIB
from pupilvoice.extensions import db as _db
from pupilvoice.models import Proposal, Pupil, Recording
from pupilvoice.models.base import utcnow
from pupilvoice.services import recordings

FULL = "Your talking box is full. Please ask an adult. You can still type."
TOO_FAST = "That is a lot of recordings! Please wait a minute, then try again."
IDEA = "/pupil/targets/new/reading/i_can"


def webm(size: int) -> bytes:
    """Bytes that start like a real WebM file, ``size`` long."""
    return b"\x1a\x45\xdf\xa3" + b"\x42" * (size - 4)


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def upload(client, url, data: bytes, words=""):
    body = {"csrf_token": client.csrf_token(url), "words": words}
    body["recording"] = (io.BytesIO(data), "recording.webm", "audio/webm")
    response = client.post(url, data=body, content_type="multipart/form-data")
    if response.status_code == 303 and response.location == url:
        return client.get(url)  # refused: the page again with GET, the words kept (REL-04)
    return response


def keep_for(pupil, size: int, ago: timedelta = timedelta(hours=1)) -> None:
    """A recording the pupil made earlier (outside the rate's minute unless ``ago`` says)."""
    recording = recordings.keep(pupil, webm(size), "voice")
    recording.created_at = utcnow() - ago
    _db.session.commit()


@pytest.fixture
def limits(app):
    app.config.update(
        RECORDING_QUOTA_PUPIL_MB=1, RECORDING_QUOTA_SCHOOL_MB=2, RECORDINGS_PER_MINUTE=3
    )


@pytest.fixture
def sam(world, pupil_login, limits):
    return pupil_login(world.pupil)


def test_sec15_a_pupil_cannot_keep_more_than_their_quota(sam, world, db):
    assert upload(sam, IDEA, webm(400_000)).status_code == 303
    assert upload(sam, IDEA, webm(400_000)).status_code == 303
    refused = upload(sam, IDEA, webm(400_000), words="I can kick a ball")
    page = text(refused)
    assert refused.status_code == 200 and FULL in page
    assert "I can kick a ball" in page  # what the pupil typed stays
    assert db.session.query(Recording).count() == 2
    assert db.session.query(Proposal).count() == 2


def test_sec15_the_schools_quota_counts_every_pupil(sam, world, db):
    keep_for(world.other_pupil, MIB)
    keep_for(world.other_pupil, MIB - 100_000)
    refused = upload(sam, IDEA, webm(200_000))
    assert FULL in text(refused)
    assert db.session.query(Recording).filter_by(pupil_id=world.pupil.id).count() == 0
    assert upload(sam, IDEA, webm(50_000)).status_code == 303  # what is left still fits


def test_rel05_a_full_talking_box_is_said_kindly_and_typing_still_works(sam, world, db):
    keep_for(world.pupil, MIB)
    page = text(sam.get(IDEA))
    assert FULL in page and 'data-say="' + FULL + '"' in page  # with its read-aloud button
    assert 'type="file"' not in page and "data-recorder" not in page
    assert sam.form(IDEA, {"words": "I can kick a ball"}).status_code == 303
    assert db.session.query(Proposal).one().words == "I can kick a ball"


def test_rel05_the_recorder_stops_at_the_room_left(sam, world):
    keep_for(world.pupil, MIB - 300_000)
    assert 'data-max-bytes="300000"' in text(sam.get(IDEA))


def test_sec15_a_pupil_can_make_only_a_few_recordings_a_minute(sam, world, db):
    for _ in range(3):
        assert upload(sam, IDEA, webm(1000)).status_code == 303
    refused = upload(sam, IDEA, webm(1000), words="one more")
    assert TOO_FAST in text(refused) and "one more" in text(refused)
    assert db.session.query(Recording).count() == 3
    # the test's clock: the three were made over a minute ago
    for recording in db.session.query(Recording):
        recording.created_at = utcnow() - timedelta(seconds=61)
    db.session.commit()
    assert upload(sam, IDEA, webm(1000)).status_code == 303


def test_staff_see_each_pupils_recordings_and_the_schools_total(login, world, limits):
    keep_for(world.pupil, MIB // 2)
    keep_for(world.other_pupil, MIB)
    page = text(login(world.teacher).get(f"/staff/pupils/{world.pupil.id}"))
    assert "Recordings: 0.5 MB of 1 MB" in page
    page = text(login(world.senco).get("/school/cards"))
    assert "All recordings: 1.5 MB of 2 MB" in page
    assert page.index("Ayaan") < page.index("Sam")  # the fullest first
    assert "Full" in page


def _waiting_for_a_lock(db) -> bool:
    query = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
    with db.engine.connect() as connection:
        return connection.execute(sql(query)).scalar() > 0


def test_sec15_uploads_at_the_same_moment_cannot_overshoot_together(app, world, db, limits):
    """Two uploads of one pupil at once: the second waits for the first to commit, then
    counts it. Deterministic: the first commits only once the second is seen waiting."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time; the lock matters on PostgreSQL")
    pupil = db.session.get(Pupil, world.pupil.id)
    assert recordings.check_room(pupil, 600_000) is None
    recordings.keep(pupil, webm(600_000), "voice")  # not committed yet
    answer = {}

    def second_upload():
        with app.app_context():
            answer["problem"] = recordings.check_room(db.session.get(Pupil, pupil.id), 600_000)
            db.session.rollback()

    worker = threading.Thread(target=second_upload)
    worker.start()
    while worker.is_alive() and not _waiting_for_a_lock(db):
        worker.join(0.05)
    assert worker.is_alive(), f"the second upload did not wait: {answer}"
    db.session.commit()
    worker.join(30)
    assert answer == {"problem": "pupil-full"}
