"""Issue 13, items 13, 16 and 17 in real Chromium: a refused staff form starts with a
focused error summary whose links move focus to each field (REL-05, A11Y-03); the audit log,
a new plan with a draft already there and a new target pass axe in English and Urdu
(A11Y-01), with screenshots at tablet and phone sizes."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    PHONE,
    TABLET,
    assert_accessible,
    assert_no_horizontal_scroll,
    demo_pupil,
    screenshot,
    sign_in,
)
from tests.browser.test_plan_pages import SENCO, first_target_id, plan_of

FOCUSED_ID = "document.activeElement && document.activeElement.id"


def _in_view(page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    height = page.evaluate("window.innerHeight")
    return box is not None and 0 <= box["y"] < height


def _shots(page, name: str) -> None:
    page.set_viewport_size(TABLET)
    screenshot(page, f"{name}-tablet")
    page.set_viewport_size(PHONE)
    assert_no_horizontal_scroll(page)
    screenshot(page, f"{name}-phone")
    page.set_viewport_size(TABLET)


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_rel05_a_refused_form_starts_with_a_focused_summary(page, live_app, lang):
    sign_in(page, SENCO)
    page.goto(f"/school/staff/invite?lang={lang}")
    page.locator("main form button[type=submit]").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    assert page.evaluate(
        "document.querySelector('main').firstElementChild.hasAttribute('data-error-summary')"
    )
    assert _in_view(page, "[data-error-summary]")
    assert_accessible(page)
    _shots(page, f"staff-error-summary-{lang}")
    summary.locator("a").nth(1).click()  # the e-mail address, the second field
    assert page.evaluate(FOCUSED_ID) == "email"
    expect(page.locator("#email")).to_have_attribute("aria-invalid", "true")


def test_rel05_evidence_refused_far_down_the_plan_is_summarised_at_the_top(page, live_app):
    """The evidence box sits under its target, below the fold on a phone: the summary is at
    the top of the page, and its link brings focus (and the box) into view."""
    plan = plan_of(live_app, "Sam")
    target_id = first_target_id(live_app, plan.id)
    sign_in(page, SENCO)
    page.set_viewport_size(PHONE)
    page.goto(f"/staff/plans/{plan.id}")
    target = page.locator(f"#target-{target_id}")
    target.locator("summary", has_text="Add evidence").click()
    target.get_by_role("button", name="Save the evidence").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    assert _in_view(page, "[data-error-summary]")
    page.locator("[data-error-summary] a").first.click()
    assert page.evaluate(FOCUSED_ID) == "note"
    assert _in_view(page, "#note")
    page.set_viewport_size(TABLET)


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_a11y01_audit_log_new_plan_and_new_target_pages(page, live_app, lang):
    plan = plan_of(live_app, "Sam")
    with live_app.app_context():
        pupil_id = demo_pupil("Sam").id
    sign_in(page, SENCO)
    page.goto(f"/staff/plans/{plan.id}?lang={lang}")  # an event for the log
    for name, path in [
        ("audit-log", "/school/audit/"),
        ("new-plan-with-draft", f"/staff/pupils/{pupil_id}/plans/new"),
        ("new-target", f"/staff/plans/{plan.id}/targets/new"),
    ]:
        page.goto(f"{path}?lang={lang}")
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
        _shots(page, f"staff-{name}-{lang}")
