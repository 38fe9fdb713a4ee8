"""The class tablet in real Chromium on a touch screen: enrolment, picture sign-in, the
cool-down after wrong pictures, the idle warning, "I've finished" and Back, read-aloud,
and axe with 44 px targets in English and Urdu (SEC-05..07, A11Y-01, A11Y-02, A11Y-06,
A11Y-09)."""

from __future__ import annotations

import re
import shutil

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
    tap_name,
    tap_pictures,
)


def test_sec06_enrol_sign_in_by_pictures_finish_and_back(tablet):
    page = tablet()
    page.goto("/tablet/")
    expect(page.get_by_role("heading", name="This tablet is not set up yet")).to_be_visible()
    assert page.get_by_role("link", name="Sam").count() == 0
    enrol(page)
    expect(page.get_by_role("heading", name="Who are you?")).to_be_visible()
    expect(page.get_by_role("link", name="Sam", exact=True)).to_be_visible()
    assert page.get_by_role("link", name="Ayaan").count() == 0  # another class
    cookies = {c["name"]: c for c in page.context.cookies()}
    device = cookies["__Host-pupilvoice-device"]
    assert device["httpOnly"] and device["secure"] and device["sameSite"] == "Lax"
    page.goto("/staff/")
    assert "/auth/login" in page.url  # the teacher was signed out on the tablet

    pupil_signs_in(page, "Sam")
    expect(page.get_by_role("heading", name="Hello, Sam!")).to_be_visible()
    page.get_by_role("button", name="I've finished", exact=True).tap()
    page.wait_for_url("**/tablet/")
    expect(page.get_by_role("heading", name="Who are you?")).to_be_visible()
    page.go_back()
    page.wait_for_load_state()
    assert "/pupil/" not in page.url and "Hello, Sam!" not in page.content()
    assert "__Host-pupilvoice-device" in {c["name"] for c in page.context.cookies()}


REST = "Try again in 1 minute, or ask an adult to help."


def test_sec05_wrong_pictures_rest_kindly_staff_clear_or_the_minute_passes(tablet, picture_clock):
    """Five wrong picks: a kind rest page (read aloud, axe clean in English and Urdu), the
    pupil on the staff home with a clear button, and no adult needed once it is over."""
    page = tablet()
    enrol(page)
    tap_name(page, "Noah")
    for _ in range(4):
        tap_pictures(page, ("sun", "sun", "sun"))
        expect(page.get_by_text("That's not quite right. Let's try again.")).to_be_visible()
    tap_pictures(page, ("sun", "sun", "sun"))
    expect(page.get_by_role("heading", name="Let's have a little rest.")).to_be_visible()
    expect(page.get_by_text(REST)).to_be_visible()
    page.locator(f'button[data-say="{REST}"]').tap()
    assert page.evaluate("window.__spoken")[-1]["text"] == REST
    assert_accessible(page, pupil=True)
    screenshot(page, "pupil-cooldown-820")
    page.set_viewport_size(PHONE)
    assert_no_horizontal_scroll(page)
    screenshot(page, "pupil-cooldown-390")
    page.goto(page.url + "?lang=ur")
    assert page.locator("html").get_attribute("dir") == "rtl"
    expect(page.get_by_role("heading", name="چلیں، تھوڑا آرام کرتے ہیں۔")).to_be_visible()
    assert_accessible(page, pupil=True)
    assert_no_horizontal_scroll(page)
    screenshot(page, "pupil-cooldown-ur-390")
    page.goto("/tablet/?lang=en")
    expect(page.get_by_role("link", name="Noah", exact=True)).to_be_visible()  # still listed

    staff = tablet()
    sign_in(staff, TEACHER)
    section = staff.locator("section", has=staff.get_by_role("heading", name="Wrong picture tries"))
    expect(section.get_by_text("Noah B.")).to_be_visible()
    expect(section.get_by_text("Paused until")).to_be_visible()
    assert_accessible(staff)
    screenshot(staff, "staff-home-cooldown-820")
    staff.set_viewport_size(PHONE)
    assert_no_horizontal_scroll(staff)
    screenshot(staff, "staff-home-cooldown-390")
    section.get_by_role("link", name="Noah B.").click()
    expect(staff.get_by_text("Picture sign-in is paused until")).to_be_visible()
    assert_accessible(staff)
    screenshot(staff, "staff-pupil-cooldown-390")
    staff.goto("/staff/?lang=ur")
    expect(staff.get_by_role("heading", name="تصویروں کی غلط کوششیں")).to_be_visible()
    assert_accessible(staff)
    assert_no_horizontal_scroll(staff)
    screenshot(staff, "staff-home-cooldown-ur-390")
    staff.goto("/staff/?lang=en")
    section.get_by_role("button", name="Clear the wrong tries").click()
    expect(staff.get_by_text("Noah can sign in with their pictures again.")).to_be_visible()
    assert staff.get_by_role("heading", name="Wrong picture tries").count() == 0
    pupil_signs_in(page, "Noah")
    expect(page.get_by_role("heading", name="Hello, Noah!")).to_be_visible()

    # next time nobody clears it: once the minute has passed, Noah tries by himself
    page.get_by_role("button", name="I've finished", exact=True).tap()
    page.wait_for_url("**/tablet/")
    tap_name(page, "Noah")
    for _ in range(5):
        tap_pictures(page, ("sun", "sun", "sun"))
    expect(page.get_by_text(REST)).to_be_visible()
    picture_clock.advance(minutes=1)
    pupil_signs_in(page, "Noah")
    expect(page.get_by_role("heading", name="Hello, Noah!")).to_be_visible()


def test_sec06_teacher_assisted_sign_in_on_the_tablet(tablet):
    page = tablet()
    enrol(page)
    page.get_by_role("link", name="For adults: help a pupil sign in").tap()
    page.get_by_label("Pupil").select_option(label="Zofia")
    page.get_by_label("Your school e-mail address").fill("evans@riverside.example")
    page.get_by_label("Your password").fill("demo-password-2026")
    assert_accessible(page, pupil=True)
    page.get_by_role("button", name="Sign the pupil in").tap()
    page.wait_for_url("**/pupil/")
    expect(page.get_by_text("Mrs Evans is helping you.")).to_be_visible()
    page.get_by_role("button", name="Stop helping").tap()
    expect(page.get_by_text("You are working on your own.")).to_be_visible()


def test_sec07_a11y09_idle_warning_one_tap_extends_then_signs_out(tablet):
    page = tablet()
    enrol(page)
    page.clock.install()
    pupil_signs_in(page, "Leo")
    dialog = page.locator("#idle-warning")
    page.clock.run_for("03:00")
    assert not dialog.is_visible()
    page.clock.run_for("01:01")  # 20 s or more before the 5 minutes are up
    assert dialog.is_visible()
    expect(dialog.get_by_text("Tap the button to keep going.")).to_be_visible()
    assert_accessible(page, pupil=True)
    screenshot(page, "pupil-idle-warning-820")
    with page.expect_response(re.compile(r"/auth/keepalive$")) as kept:
        dialog.get_by_role("button", name="I'm still here", exact=True).tap()
    assert kept.value.ok
    assert not dialog.is_visible()
    page.clock.run_for("04:01")
    assert dialog.is_visible()
    with page.expect_navigation():
        page.clock.run_for("01:05")
    page.wait_for_url("**/tablet/")
    page.goto("/pupil/")
    assert page.url.endswith("/tablet/")  # the session ended on the server


def test_a11y06_read_aloud_speaks_on_tap_in_the_page_language(tablet):
    page = tablet()
    enrol(page)
    pupil_signs_in(page, "Ivy")
    assert page.evaluate("window.__spoken.length") == 0  # never automatic
    page.locator(".page-head button[data-say]").first.tap()
    spoken = page.evaluate("window.__spoken")
    assert spoken == [{"text": "Hello, Ivy!", "lang": "en", "voice": "Local English"}]
    page.goto("/pupil/?lang=ur")
    page.locator(".page-head button[data-say]").first.tap()
    assert page.evaluate("window.__spoken")[-1]["lang"] == "ur"
    assert page.evaluate("window.__spoken")[-1]["voice"] == "Local Urdu"


def test_a11y06_speaker_buttons_hide_only_when_nothing_can_speak(tablet, live_app):
    """No speech in the browser: the server's audio speaks (test_read_aloud.py), so the
    buttons show; without espeak-ng on the server as well, they hide."""
    page = tablet(speech=False)
    page.add_init_script("delete window.speechSynthesis; window.speechSynthesis = undefined;")
    enrol(page)
    if shutil.which("espeak-ng"):
        expect(page.locator("button[data-say]").first).to_be_visible()
    live_app.config["SPEECH_ENGINE"] = "no-such-espeak-ng"
    try:
        page.reload()
        assert page.locator("button[data-say]").first.is_hidden()
    finally:
        live_app.config["SPEECH_ENGINE"] = "espeak-ng"


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_a11y01_a11y02_tablet_pages_pass_axe_with_44px_targets(tablet, lang):
    page = tablet()
    page.goto(f"/tablet/?lang={lang}")
    assert_accessible(page, pupil=True)
    enrol(page)
    for path in ["/tablet/", "/tablet/help"]:
        page.goto(f"{path}?lang={lang}")
        assert_accessible(page, pupil=True)
    tap_name(page, "Grace")
    assert_accessible(page, pupil=True)
    tap_pictures(page, ["apple"])
    assert_accessible(page, pupil=True)
    tap_pictures(page, ["again"])
    tap_pictures(page)
    for path in ["/pupil/", "/pupil/helper"]:
        page.goto(f"{path}?lang={lang}")
        assert page.locator("h1").count() == 1
        assert_accessible(page, pupil=True)


def test_screenshots_of_tablet_pages(tablet):
    for name, viewport in [("820", None), ("390", PHONE)]:
        page = tablet(**({"viewport": viewport} if viewport else {}))
        page.goto("/tablet/")
        screenshot(page, f"pupil-not-enrolled-{name}")
        enrol(page)
        screenshot(page, f"pupil-class-list-{name}")
        assert_no_horizontal_scroll(page)
        tap_name(page, "Amelia")
        tap_pictures(page, ["cake"])
        screenshot(page, f"pupil-pictures-{name}")
        assert_no_horizontal_scroll(page)
        tap_pictures(page, ["again"])
        tap_pictures(page)
        page.wait_for_url("**/pupil/")
        screenshot(page, f"pupil-home-{name}")
        assert_no_horizontal_scroll(page)
        page.goto("/tablet/help")
        screenshot(page, f"pupil-assist-{name}")


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_a11y01_agreed_plan_targets_on_the_pupils_page(tablet, lang):
    """Zofia's plan is shared with home: her targets show in child-friendly words."""
    page = tablet()
    enrol(page)
    pupil_signs_in(page, "Zofia")
    page.goto(f"/pupil/targets?lang={lang}")
    assert page.locator(".plan-targets .tile").count() >= 1
    assert_accessible(page, pupil=True)
    screenshot(page, f"pupil-plan-targets-{lang}")
