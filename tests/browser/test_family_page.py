"""The parent's plan page on a phone, from the family's side (issue 13, items 6, 7 and 11):
names and numbers sit in the right order in Urdu, the summary and the first target come
first, each answer sits with its target, and typed answers survive a time-out."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from pupilvoice.extensions import db
from pupilvoice.models import LoginSession, Plan, User
from pupilvoice.models.base import utcnow
from pupilvoice.services import demo
from tests.browser.conftest import (
    PHONE,
    TABLET,
    assert_accessible,
    assert_no_horizontal_scroll,
    demo_pupil,
    screenshot,
    sign_in,
)

URDU_PARENT = "imran.shah@family.example"  # Ayaan's father; the demo plan is agreed
POLISH_PARENT = "agnieszka@family.example"  # Zofia's mother; the demo plan waits for her
TEACHER = "jones@riverside.example"

# The box of the first occurrence of ``words`` inside the element, as the browser lays it
# out (a Range, so it works whether or not the words have an element of their own).
WORDS_BOX = """([selector, words]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(words);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + words.length);
    const box = range.getBoundingClientRect();
    return {left: box.left, right: box.right, top: box.top};
  }
  return null;
}"""


def open_plan(page, email: str, lang: str, child: str) -> None:
    sign_in(page, email)
    page.goto(f"/family/?lang={lang}")
    page.locator("a.button", has_text=child).first.click()
    page.wait_for_load_state()


def box(page, selector: str, words: str) -> dict:
    found = page.evaluate(WORDS_BOX, [selector, words])
    assert found, f"{words!r} not in {selector}"
    return found


def test_a11y10_urdu_title_and_provision_read_right_to_left(page):
    page.set_viewport_size(TABLET)
    open_plan(page, URDU_PARENT, "ur", "Ayaan")
    assert page.locator("html").get_attribute("dir") == "rtl"

    # "Ayaan کا پلان": the name comes first, so it sits at the right of an RTL line.
    name, urdu = box(page, "main h1", "Ayaan"), box(page, "main h1", "پلان")
    assert name["left"] >= urdu["right"] - 1, (name, urdu)
    assert page.locator("main h1 bdi").inner_text() == "Ayaan"

    # The first target's provision: "Ms Patel (class teacher)، Ayaan کے ساتھ …" starts
    # with the teacher's name at the right of the line, the English kept in its own order.
    provision = "main .family-target .provision"
    teacher, role = box(page, provision, "Ms Patel"), box(page, provision, "class teacher")
    assert teacher["top"] == pytest.approx(role["top"], abs=2)
    assert role["left"] > teacher["left"], "the English words keep their order"
    line = page.locator(provision).first.bounding_box()
    assert teacher["right"] <= line["x"] + line["width"] + 1
    assert role["right"] >= line["x"] + line["width"] - 8, "the sentence starts at the right"
    # School text is marked English on an Urdu page; the child's name is isolated.
    assert page.locator(f"{provision} bdi[lang=en]").first.inner_text().startswith("Ms Patel")
    assert page.locator("main .muted bdi[lang=en]").first.inner_text() == "Spring 2027"
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["en", "pl", "ur"])
@pytest.mark.parametrize("size", ["phone", "tablet"])
def test_summary_first_and_each_answer_with_its_target(page, lang, size):
    viewport = PHONE if size == "phone" else TABLET
    page.set_viewport_size(viewport)
    open_plan(page, POLISH_PARENT, lang, "Zofia")
    summary = page.locator(".family-summary")
    assert summary.is_visible()
    assert "Zofia" in summary.inner_text()
    first = page.locator(".family-target h2").first
    assert first.bounding_box()["y"] + 40 <= viewport["height"], "first target on screen one"
    # Every target's answer is in its card, after the target's words, before the next one.
    cards = page.locator(".family-target")
    for index in range(cards.count()):
        card = cards.nth(index)
        answer, main = card.locator("fieldset.answer"), card.locator(".family-target__main")
        assert answer.count() == 1
        assert answer.bounding_box()["y"] > main.bounding_box()["y"]
        if index + 1 < cards.count():
            end = answer.bounding_box()["y"] + answer.bounding_box()["height"]
            assert end < cards.nth(index + 1).bounding_box()["y"]
    # One language control, not four links; it opens without JavaScript (<details>).
    assert page.locator("nav.languages a:visible").count() == 0
    page.locator("nav.languages summary").click()
    assert page.locator("nav.languages a:visible").count() == 3
    if size == "phone":
        screenshot(page, f"family-plan-languages-open-{lang}")
    page.locator("nav.languages summary").click()
    assert_no_horizontal_scroll(page)
    if lang in ("en", "ur"):
        assert_accessible(page)
    screenshot(page, f"family-plan-first-{lang}-{size}")


def sign_in_here(page, email: str) -> None:
    """Sign in on the sign-in page the browser is on (whatever its language)."""
    page.locator("#email").fill(email)
    page.locator("#password").fill(demo.PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def test_a11y09_typing_counts_and_answers_survive_the_time_out(page, live_app):
    """Issue 13, item 7: the parent types, so the idle timer waits; when nothing happens
    for 30 minutes the session ends, the sign-in page is in Polish, and signing in again
    lands on the plan with the unsent answer back in place, until it is sent."""
    page.set_viewport_size(PHONE)
    page.clock.install()
    page.goto("/auth/login")  # the phone is in English; the parent's saved language is Polish
    sign_in_here(page, POLISH_PARENT)
    assert page.locator("html").get_attribute("lang") == "pl"
    page.locator("a.button", has_text="Zofia").first.click()
    page.wait_for_load_state()
    plan_url = page.url
    comment = page.locator("textarea[id^=comment_]").first
    page.locator("label[for$='-2']").first.click()  # "I'd like to talk about this"
    page.clock.run_for("25:00")
    comment.press_sequentially("Can we meet after school?")
    page.clock.run_for("25:00")
    assert page.url == plan_url and not page.locator("#idle-warning").is_visible()

    with page.expect_navigation():
        page.clock.run_for("31:00")
    page.wait_for_url(re.compile(r"/auth/login\?next="))
    assert page.locator("html").get_attribute("lang") == "pl"
    assert "/family/plans/" in page.url
    sign_in_here(page, POLISH_PARENT)
    assert page.url == plan_url
    expect(page.locator("[data-answers-restored]")).to_be_visible()
    expect(page.locator("textarea[id^=comment_]").first).to_have_value("Can we meet after school?")
    assert page.locator("input[id$='-2'][type=radio]").first.is_checked()
    keys = page.evaluate("Object.keys(localStorage)")
    with live_app.app_context():
        parent = db.session.query(User).filter_by(email=POLISH_PARENT).one()
    assert keys == [f"pupilvoice-answers:u{parent.id}-plan{plan_url.rsplit('/', 1)[-1]}"]
    assert_accessible(page)
    screenshot(page, "family-plan-answers-back-phone-pl")

    page.locator(".send-bar button[type=submit]").click()
    page.wait_for_load_state()
    assert page.evaluate("Object.keys(localStorage)") == [], "sent: nothing kept"


def test_staff_come_back_to_the_form_with_their_text_after_the_session_ended(page, live_app):
    """Issue 13, item 14: Save after the session ended signs in again and comes back to
    the form, where the kept text is offered back."""
    with live_app.app_context():
        plan = db.session.query(Plan).filter_by(pupil_id=demo_pupil("Sam").id).first()
        target_id = plan.active_targets[0].id
        form_url = f"/staff/plans/{plan.id}/targets/{target_id}"
    sign_in(page, TEACHER)
    page.goto(form_url)
    page.locator("#home_text").fill("Read five key-ring words at bedtime.")
    with live_app.app_context():
        for record in db.session.query(LoginSession).filter(LoginSession.ended_at.is_(None)):
            record.ended_at = utcnow()
        db.session.commit()
    page.locator("form.plan-editor button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/auth/login\?next="))
    sign_in_here(page, TEACHER)
    assert page.url.endswith(form_url)
    banner = page.locator("[data-draft-banner]")
    expect(banner).to_be_visible()
    banner.locator("[data-draft-restore]").click()
    expect(page.locator("#home_text")).to_have_value("Read five key-ring words at bedtime.")
