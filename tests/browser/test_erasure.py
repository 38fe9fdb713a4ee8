"""Issue 14, item 3 in Chromium: the SENCO erases a pupil after typing the name; the page is
axe clean in English and Urdu (PRI-03, A11Y-01). The pupil is one the SENCO adds here, so
the shared demo school keeps its own pupils."""

from __future__ import annotations

from tests.browser.conftest import assert_accessible, screenshot, sign_in

SENCO = "senco@riverside.example"


def _add_pupil(page, first_name: str) -> None:
    page.goto("/school/pupils/new?lang=en")
    page.get_by_label("First name").fill(first_name)
    page.get_by_label("First letter of the surname").fill("Q")
    page.locator("input[name=avatar]").first.check()
    page.get_by_role("button", name="Save the pupil").click()
    page.wait_for_url("**/school/pupils")


def test_pri03_the_senco_erases_a_pupil_after_typing_the_name(page):
    sign_in(page, SENCO)
    _add_pupil(page, "Erin")
    page.get_by_role("link", name="Erin Q.").click()
    page.get_by_role("link", name="Erase Erin Q.…").click()
    address = page.url
    for lang in ("ur", "en"):
        page.goto(f"{address}?lang={lang}")
        assert_accessible(page)
        screenshot(page, f"erase-pupil-{lang}")
    page.get_by_label("Type their name to confirm").fill("Erin")
    page.get_by_role("button", name="Erase Erin Q. for good").click()
    assert page.locator("#name-error").get_by_text("Type Erin Q. exactly").is_visible()
    assert_accessible(page)
    page.get_by_label("Type their name to confirm").fill("erin q")
    page.get_by_role("button", name="Erase Erin Q. for good").click()
    page.wait_for_url("**/school/pupils")
    assert page.get_by_text("Everything about Erin Q. is erased.").is_visible()
    assert page.get_by_role("link", name="Erin Q.").count() == 0
