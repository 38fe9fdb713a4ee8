"""Saying it out loud in real Chromium (fake microphone): Record, Stop, listen back, Save;
the recording is stored and only staff play it back (SEC-15, A11Y-01, A11Y-02)."""

from __future__ import annotations

from playwright.sync_api import expect
from sqlalchemy import select

from pupilvoice.extensions import db
from pupilvoice.models import Recording
from tests.browser.conftest import (
    PHONE,
    TEACHER,
    assert_accessible,
    enrol,
    pupil_row,
    pupil_signs_in,
    screenshot,
    sign_in,
)


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
    page.get_by_role("button", name="Record").tap()
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
    tap_and_wait(page, page.get_by_role("button", name="Tell my teacher"))
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
    page.get_by_role("button", name="Record").tap()
    expect(page.get_by_text("The microphone is not working. You can type instead.")).to_be_visible()
    expect(page.locator("input[type=file]")).to_be_visible()
    assert_accessible(page, pupil=True)
