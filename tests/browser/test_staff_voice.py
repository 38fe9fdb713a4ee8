"""The staff side of the pupil's voice in real Chromium: the staff home marks new voice
and open worries, the pupil page shows the voice and closes a worry with what was done;
class tablets and picture cards; axe in English and Urdu (A11Y-01)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    PHONE,
    TEACHER,
    assert_accessible,
    assert_no_horizontal_scroll,
    enrol,
    pupil_signs_in,
    screenshot,
    sign_in,
)

SENCO = "senco@riverside.example"


def tap_and_wait(page, locator) -> None:
    with page.expect_navigation():
        locator.tap()


def test_done_when_a_pupil_raises_a_worry_the_teacher_sees_and_closes_it(tablet):
    pupil = tablet()
    enrol(pupil)
    pupil_signs_in(pupil, "Amelia")
    tap_and_wait(pupil, pupil.get_by_role("link", name="Something worries me"))
    tap_and_wait(pupil, pupil.get_by_role("link", name="I feel scared"))
    pupil.get_by_label("Your words", exact=True).fill("The big dog at the gate")
    tap_and_wait(pupil, pupil.get_by_role("button", name="Tell my teacher", exact=True))
    tap_and_wait(pupil, pupil.get_by_role("button", name="I've finished", exact=True))

    staff = tablet()
    sign_in(staff, TEACHER)
    worries = staff.get_by_role("region", name="Open worries")
    expect(worries.get_by_role("link", name="Amelia R.")).to_be_visible()
    worries.get_by_role("link", name="Amelia R.").click()
    expect(staff.get_by_text("Amelia said: I feel scared")).to_be_visible()
    expect(staff.get_by_text("The big dog at the gate")).to_be_visible()
    article = staff.locator("article.worry", has_text="The big dog at the gate")
    article.get_by_label("What we did").fill("Walked Amelia in from the gate; told her dad")
    article.get_by_role("button", name="Save and close this worry").click()
    expect(staff.get_by_text("The worry is closed")).to_be_visible()
    staff.goto("/staff/")
    expect(
        staff.get_by_role("region", name="Open worries").get_by_role("link", name="Amelia R.")
    ).to_have_count(0)


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_a11y01_staff_voice_pages(tablet, lang, live_app):
    from tests.browser.conftest import pupil_row

    sam = pupil_row(live_app, "Sam")
    theo = pupil_row(live_app, "Theo")  # only this test changes Theo's pictures
    page = tablet()
    sign_in(page, SENCO)
    for path in [
        "/staff/",
        "/staff/tablets",
        f"/staff/pupils/{sam.id}",
        f"/staff/pupils/{theo.id}/pictures",
    ]:
        page.goto(f"{path}?lang={lang}")
        assert page.locator("h1").count() == 1
        assert_accessible(page)
    with page.expect_navigation():
        page.locator("form.picture-choice button[type=submit]").click()
    expect(page.locator(".picture-card")).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"staff-picture-card-{lang}")


def test_screenshots_of_staff_voice_pages(tablet, live_app):
    from tests.browser.conftest import pupil_row

    sam = pupil_row(live_app, "Sam")
    for name, viewport in [("1280", {"width": 1280, "height": 900}), ("390", PHONE)]:
        page = tablet(viewport=viewport)
        sign_in(page, TEACHER)
        page.goto("/staff/")
        screenshot(page, f"staff-home-voice-{name}")
        page.goto(f"/staff/pupils/{sam.id}")
        screenshot(page, f"staff-pupil-{name}")
        assert_no_horizontal_scroll(page)
        page.goto("/staff/tablets")
        screenshot(page, f"staff-tablets-{name}")
        page.goto(f"/staff/pupils/{sam.id}/pictures")
        screenshot(page, f"staff-pictures-{name}")
