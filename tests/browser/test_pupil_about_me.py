"""About me and "Something worries me" in real Chromium on a touch tablet: tap-sorting,
"Tell me more", a worry, read-aloud, axe with 44 px targets in English and Urdu, and
screenshots at tablet and phone sizes (A11Y-01, A11Y-02, A11Y-05, A11Y-06, PRI-05)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    PHONE,
    assert_accessible,
    assert_no_horizontal_scroll,
    enrol,
    pupil_signs_in,
    screenshot,
)


def tap_and_wait(page, locator) -> None:
    with page.expect_navigation():
        locator.tap()


def test_about_me_sort_tell_more_and_raise_a_worry(tablet):
    page = tablet()
    enrol(page)
    pupil_signs_in(page, "Harry")
    tap_and_wait(page, page.get_by_role("button", name="About me", exact=True))
    expect(page.get_by_role("heading", name="Reading")).to_be_visible()
    tap_and_wait(page, page.get_by_role("button", name="I like it", exact=True))
    expect(page.get_by_role("heading", name="Thank you for telling me.")).to_be_visible()
    tap_and_wait(page, page.get_by_role("link", name="Next card"))
    expect(page.get_by_role("heading", name="Writing")).to_be_visible()
    tap_and_wait(page, page.get_by_role("button", name="I don't like it", exact=True))
    tap_and_wait(page, page.get_by_role("link", name="Tell me more"))
    expect(page.get_by_text("will see this. Your family may see it too.")).to_be_visible()
    page.get_by_label("Your words", exact=True).fill("My hand gets tired")
    tap_and_wait(page, page.get_by_role("button", name="Save", exact=True))
    expect(page.get_by_role("heading", name="Maths")).to_be_visible()
    tap_and_wait(page, page.get_by_role("button", name="Skip this card", exact=True))
    expect(page.get_by_role("heading", name="Playtime")).to_be_visible()

    tap_and_wait(page, page.get_by_role("link", name="Something worries me"))
    tap_and_wait(page, page.get_by_role("link", name="Someone is unkind"))
    expect(page.get_by_text("Only Mr Jones and Mrs Khan will see this.")).to_be_visible()
    page.get_by_label("Your words", exact=True).fill("Someone took my hat")
    tap_and_wait(page, page.get_by_role("button", name="Tell my teacher", exact=True))
    expect(page.get_by_text("Your teacher will talk to you soon.")).to_be_visible()


def test_read_aloud_on_a_card_reads_the_word_and_the_choices(tablet):
    page = tablet()
    enrol(page)
    pupil_signs_in(page, "Ivy")
    tap_and_wait(page, page.get_by_role("button", name="About me", exact=True))
    page.locator(".topic button[data-say]").first.tap()
    page.locator(".choices button[data-say]").nth(2).tap()
    spoken = [item["text"] for item in page.evaluate("window.__spoken")]
    assert spoken[-2:] == [page.locator("h1").inner_text(), "I don't like it"]


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_a11y01_a11y02_about_me_and_worry_pages(tablet, lang):
    page = tablet()
    enrol(page)
    pupil_signs_in(page, "Zofia" if lang == "en" else "Grace")
    page.goto(f"/pupil/?lang={lang}")
    assert_accessible(page, pupil=True)
    tap_and_wait(page, page.locator("form[action$='/about/start'] button"))
    assert_accessible(page, pupil=True)
    tap_and_wait(page, page.locator("button.choice--unsure"))
    assert_accessible(page, pupil=True)
    tap_and_wait(page, page.locator("a[href$='/more']"))
    page.locator("textarea").fill("x" * 1001)
    tap_and_wait(page, page.locator(".words-form button[type=submit]"))
    assert_accessible(page, pupil=True)  # with the kind message
    page.goto(f"/pupil/about/done?lang={lang}")
    assert_accessible(page, pupil=True)
    for path in ["/pupil/worry", "/pupil/worry/scared"]:
        page.goto(f"{path}?lang={lang}")
        assert page.locator("h1").count() == 1
        assert_accessible(page, pupil=True)
    tap_and_wait(page, page.locator(".words-form button[type=submit]"))
    assert_accessible(page, pupil=True)


def test_screenshots_of_about_me_and_worry_pages(tablet):
    for name, viewport in [("820", None), ("390", PHONE)]:
        page = tablet(**({"viewport": viewport} if viewport else {}))
        enrol(page)
        pupil_signs_in(page, "Sam")
        tap_and_wait(page, page.get_by_role("button", name="About me", exact=True))
        screenshot(page, f"pupil-card-{name}")
        assert_no_horizontal_scroll(page)
        tap_and_wait(page, page.get_by_role("button", name="Not sure", exact=True))
        screenshot(page, f"pupil-thanks-{name}")
        tap_and_wait(page, page.get_by_role("link", name="Tell me more"))
        screenshot(page, f"pupil-tell-more-{name}")
        assert_no_horizontal_scroll(page)
        page.goto("/pupil/about/done")
        screenshot(page, f"pupil-about-done-{name}")
        assert_no_horizontal_scroll(page)
        page.goto("/pupil/worry")
        screenshot(page, f"pupil-worry-{name}")
        assert_no_horizontal_scroll(page)
        page.goto("/pupil/worry/hurt")
        screenshot(page, f"pupil-worry-tell-{name}")
        page.goto("/pupil/worry/sent")
        screenshot(page, f"pupil-worry-sent-{name}")
        page.goto("/pupil/?lang=ur")
        screenshot(page, f"pupil-home-ur-{name}")
        page.goto("/pupil/?lang=en")
