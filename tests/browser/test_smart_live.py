"""The live SMART checker in real Chromium: a teacher writes two skills in one target and
is told, as she types, which words join them (issue 13, item 15); axe stays clean."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, TABLET, assert_accessible, screenshot, sign_in
from tests.browser.test_plan_pages import JONES, plan_of

TWO_SKILLS = "To spell 10 words from the Year 1 list by Easter. To read 3-letter words on sight."
ONE_SKILL = "Sam will read 20 CVC words with and without adult support by Easter."


@pytest.mark.parametrize(("size", "viewport"), [("tablet", TABLET), ("phone", PHONE)])
def test_live_checker_names_two_skills_as_the_teacher_types(page, live_app, size, viewport):
    page.set_viewport_size(viewport)
    sign_in(page, JONES)
    page.goto(f"/staff/plans/{plan_of(live_app, 'Sam').id}/targets/new")
    smart = page.get_by_label("SMART target")
    notes = page.locator("#smart_text-checker")
    smart.fill(TWO_SKILLS)
    expect(notes).to_contain_text(
        '"spell 10 words from the Year 1 list by Easter. To read" joins more than one skill'
    )
    notes.scroll_into_view_if_needed()
    screenshot(page, f"smart-several-skills-{size}")
    assert_accessible(page)
    smart.fill(ONE_SKILL)
    expect(notes).to_contain_text("The checker has no suggestions.")
