"""The SENCO's About me cards and worry words in real Chromium; axe in English and Urdu."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, screenshot, sign_in

SENCO = "senco@riverside.example"


def test_senco_adds_a_card_by_choosing_a_picture(tablet):
    page = tablet(viewport={"width": 1280, "height": 900})
    sign_in(page, SENCO)
    page.get_by_role("link", name="School", exact=True).click()
    page.get_by_role("link", name="About me cards").click()
    page.get_by_role("link", name="Add a card").click()
    page.get_by_label("Word on the card").fill("Swimming")
    page.locator("label.symbol-option", has_text="dolphin").click()
    page.get_by_role("button", name="Save the card").click()
    expect(page.get_by_text("The card Swimming is added at the end.")).to_be_visible()
    expect(page.locator(".card-list li").filter(has_text="Swimming")).to_have_count(1)
    screenshot(page, "senco-topic-cards-1280")


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_a11y01_voice_settings_pages(tablet, lang):
    page = tablet(viewport={"width": 1280, "height": 900})
    sign_in(page, SENCO)
    for path in ["/school/cards", "/school/cards/new", "/school/worry-words?try=Leo+hit+me"]:
        page.goto(f"{path}{'&' if '?' in path else '?'}lang={lang}")
        assert page.locator("h1").count() == 1
        assert_accessible(page)
    screenshot(page, f"senco-worry-words-{lang}")
