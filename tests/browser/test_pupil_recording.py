"""Saying it out loud in real Chromium (fake microphone): Record, Stop, listen back, Save;
the recording is stored and only staff play it back (SEC-15, A11Y-01, A11Y-02)."""

from __future__ import annotations

from contextlib import contextmanager

from playwright.sync_api import expect
from sqlalchemy import delete, select

from pupilvoice.domain.recording_quota import MIB
from pupilvoice.extensions import db
from pupilvoice.models import Pupil, Recording
from pupilvoice.services import recordings
from tests.browser.conftest import (
    PHONE,
    TABLET,
    TEACHER,
    assert_accessible,
    enrol,
    pupil_row,
    pupil_signs_in,
    screenshot,
    sign_in,
)

FULL = "Your talking box is full. Please ask an adult. You can still type."


def tap_and_wait(page, locator) -> None:
    with page.expect_navigation():
        locator.tap()


def test_sec15_record_listen_save_and_staff_play_it_back(tablet, live_app):
    page = tablet()
    enrol(page)
    pupil_signs_in(page, "Leo")
    tap_and_wait(page, page.get_by_role("link", name="Something worries me"))
    tap_and_wait(page, page.get_by_role("link", name="Something else"))
    assert page.locator("input[type=file]").is_hidden()  # the recorder replaces it
    page.get_by_role("button", name="Record", exact=True).tap()
    expect(page.get_by_text("Recording… Tap Stop when you have finished.")).to_be_visible()
    assert_accessible(page, pupil=True)
    page.wait_for_timeout(1200)
    page.get_by_role("button", name="Stop").tap()
    expect(page.get_by_text("Listen to check it.")).to_be_visible()
    expect(page.locator("audio[data-preview]")).to_be_visible()
    expect(page.get_by_role("button", name="Stop")).to_be_hidden()
    expect(page.get_by_role("button", name="Record again")).to_be_visible()
    assert page.evaluate("document.querySelector('input[type=file]').files.length") == 1
    screenshot(page, "pupil-recorder-820")
    tap_and_wait(page, page.get_by_role("button", name="Tell my teacher", exact=True))
    expect(page.get_by_text("Your teacher will talk to you soon.")).to_be_visible()

    leo = pupil_row(live_app, "Leo")
    with live_app.app_context():
        recording = db.session.execute(
            select(Recording).where(Recording.pupil_id == leo.id)
        ).scalar_one()
        assert recording.content_type == "audio/webm" and recording.size > 1000
        recording_id = recording.id

    staff = tablet()
    sign_in(staff, TEACHER)
    staff.goto(f"/staff/pupils/{leo.id}")
    player = staff.locator(f"audio[src='/staff/recordings/{recording_id}']")
    expect(player).to_be_visible()
    response = staff.request.get(f"/staff/recordings/{recording_id}")
    assert response.status == 200 and response.headers["content-type"] == "audio/webm"
    assert response.headers["x-content-type-options"] == "nosniff"
    # the tablet itself cannot play it back
    assert page.request.get(f"/staff/recordings/{recording_id}").status in (302, 403)


def test_without_a_microphone_the_pupil_can_still_type(tablet):
    page = tablet(viewport=PHONE)
    page.add_init_script(
        "navigator.mediaDevices.getUserMedia = () => Promise.reject(new Error('no mic'));"
    )
    enrol(page)
    pupil_signs_in(page, "Leo")
    page.goto("/pupil/targets/new/reading/i_can")
    page.get_by_role("button", name="Record", exact=True).tap()
    expect(page.get_by_text("The microphone is not working. You can type instead.")).to_be_visible()
    expect(page.locator("input[type=file]")).to_be_visible()
    assert_accessible(page, pupil=True)


@contextmanager
def talking_box(live_app, first_name: str, room: int):
    """The pupil's talking box (1 MB here) with only ``room`` bytes left; as before after
    (what the test itself saved stays)."""
    pupil = pupil_row(live_app, first_name)
    before = live_app.config["RECORDING_QUOTA_PUPIL_MB"]
    live_app.config["RECORDING_QUOTA_PUPIL_MB"] = 1
    with live_app.app_context():
        filler = b"\x1a\x45\xdf\xa3" + b"\x42" * (MIB - room - 4)
        filler_id = recordings.keep(db.session.get(Pupil, pupil.id), filler, "voice").id
        db.session.commit()
    try:
        yield pupil
    finally:
        live_app.config["RECORDING_QUOTA_PUPIL_MB"] = before
        with live_app.app_context():
            db.session.execute(delete(Recording).where(Recording.id == filler_id))
            db.session.commit()


def test_rel05_a_full_talking_box_is_said_kindly_and_the_pupil_types(tablet, live_app):
    with talking_box(live_app, "Amelia", room=0):
        for viewport, name in ((TABLET, "820"), (PHONE, "390")):
            page = tablet(viewport=viewport)
            enrol(page)
            pupil_signs_in(page, "Amelia")
            page.goto("/pupil/targets/new/reading/i_can")
            message = page.locator(".recorder .kind-message")
            expect(message.locator("p")).to_have_text(FULL)
            expect(page.get_by_role("button", name="Record", exact=True)).to_have_count(0)
            expect(page.locator("input[type=file]")).to_have_count(0)
            message.get_by_role("button", name="Listen").tap()
            assert page.evaluate("window.__spoken.map(s => s.text)") == [FULL]
            assert_accessible(page, pupil=True)
            screenshot(page, f"pupil-talking-box-full-{name}")
        page.goto("/pupil/targets/new/reading/i_can?lang=ur")  # right to left (A11Y-01)
        expect(page.locator(".recorder .kind-message p")).to_have_text(
            "آپ کا بات کرنے والا ڈبہ بھر گیا ہے۔ کسی بڑے سے پوچھیں۔ آپ پھر بھی لکھ سکتے ہیں۔"
        )
        assert_accessible(page, pupil=True)
        screenshot(page, "pupil-talking-box-full-390-ur")
        page.goto("/pupil/targets/new/reading/i_can?lang=en")
        page.get_by_label("Finish the sentence", exact=True).fill("I can kick a ball")
        tap_and_wait(page, page.get_by_role("button", name="Save", exact=True))
        assert "/pupil/targets/new" not in page.url


def test_rel05_the_recorder_stops_before_the_talking_box_is_full(tablet, live_app):
    with talking_box(live_app, "Amelia", room=40_000) as amelia:
        page = tablet()
        enrol(page)
        pupil_signs_in(page, "Amelia")
        page.goto("/pupil/targets/new/reading/i_can")
        page.get_by_role("button", name="Record", exact=True).tap()
        # no Stop tap: the recorder stops by itself when the room is nearly used
        expect(page.get_by_text("Listen to check it.")).to_be_visible(timeout=30_000)
        size = page.evaluate("document.querySelector('input[type=file]').files[0].size")
        assert 0 < size <= 40_000
        tap_and_wait(page, page.get_by_role("button", name="Save", exact=True))
        with live_app.app_context():
            kept = db.session.scalars(
                select(Recording.size).where(Recording.pupil_id == amelia.id)
            ).all()
        assert sorted(kept)[0] == size
        page.goto("/pupil/targets/new/reading/i_can")
        expect(page.get_by_role("button", name="Record", exact=True)).to_be_visible()
        screenshot(page, "pupil-recorder-little-room-820")
