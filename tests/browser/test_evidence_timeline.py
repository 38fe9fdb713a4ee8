"""Evidence through the term in Chromium (issue 12 item 1): a teaching assistant adds a
measured note, a wrong number is refused next to its field, and each target's time line
shows on the plan page and on the review screen, axe clean in English and Urdu, with
marks of at least 3:1 contrast (A11Y-01, A11Y-04, REL-05)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from pupilvoice.extensions import db
from pupilvoice.models import Evidence, Plan, SelfRating, User
from pupilvoice.services import plans, reviews, voice
from tests.browser.conftest import (
    PHONE,
    TABLET,
    assert_accessible,
    assert_no_horizontal_scroll,
    demo_pupil,
    screenshot,
    sign_in,
)

TEACHER, TA = "patel@riverside.example", "evans@riverside.example"  # Willow's staff
BOARD = {"width": 1280, "height": 720}


def mias_plan(live_app) -> tuple[int, int]:
    """Mia's plan (Willow; no other test uses her): a reading target grown from her own
    "I can…" idea, which she rated twice, with two measured checks and a note so far."""
    with live_app.app_context():
        pupil = demo_pupil("Mia")
        found = db.session.query(Plan).filter_by(pupil_id=pupil.id).first()
        if found is not None:
            return found.id, found.active_targets[0].id
        teacher = db.session.query(User).filter_by(email=TEACHER).one()
        start = date.today() - timedelta(days=40)
        plan = plans.create(
            teacher,
            pupil,
            {"term_label": "Spring 2027", "starts_on": start, "review_on": start + timedelta(70)},
        )
        idea = voice.propose(pupil, "reading", "i_can", "read my comics", None)
        target = plans.add_target(
            teacher,
            plan,
            {
                "area": "reading",
                "smart_text": "By the review, Mia will read 40 of the 45 common words.",
                "child_text": "I can read 40 tricky words.",
                "baseline": "Reads 12 of the 45 words.",
                "success_criteria": "40 of 45 words on two checks a week apart.",
            },
        )
        target.source_proposal_id = idea.id
        for days_ago, level in ((38, 1), (10, 2)):
            when = datetime.now(UTC) - timedelta(days=days_ago)
            db.session.add(
                SelfRating(school_id=pupil.school_id, pupil_id=pupil.id, proposal=idea,
                           level=level, created_at=when)
            )  # fmt: skip
        for days_ago, measured, note in ((35, 14, "First check."), (20, None, "Tired today.")):
            plans.add_evidence(
                teacher,
                target,
                {"note": note, "observed_on": date.today() - timedelta(days_ago),
                 "measured": measured, "out_of": 45 if measured is not None else None},
            )  # fmt: skip
        plans.share(teacher, plan)
        db.session.commit()
        return plan.id, target.id


CONTRAST = """() => {
  const channel = c => { c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const lum = rgb => { const [r, g, b] = rgb.match(/\\d+/g).map(Number);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05); };
  const back = getComputedStyle(document.querySelector('.timeline__picture')).backgroundColor;
  const colour = (selector, prop) => getComputedStyle(document.querySelector(selector))[prop];
  return {
    measure: ratio(colour('.timeline__picture .timeline__measure', 'fill'), back),
    trend: ratio(colour('.timeline__picture .timeline__trend', 'stroke'), back),
    note: ratio(colour('.timeline__picture .timeline__note', 'stroke'), back),
    face: ratio(colour('.timeline__picture .timeline__face circle', 'stroke'), back),
    goal: ratio(colour('.timeline__picture .timeline__goal', 'stroke'), back),
  };
}"""


def test_evidence_and_the_time_line(page, live_app):
    plan_id, target_id = mias_plan(live_app)
    sign_in(page, TA)
    page.goto(f"/staff/plans/{plan_id}")
    card = page.locator(f"#target-{target_id}")
    card.get_by_text("Add evidence").click()
    assert card.get_by_label("Out of").input_value() == "45"  # the last total used

    # a number over the total is refused next to its field, and what was typed stays
    card.get_by_label("What you saw").fill("Friday check: 50 words?")
    card.get_by_label("Measured (optional)").fill("50")
    card.get_by_role("button", name="Save the evidence").click()
    page.wait_for_load_state()
    card = page.locator(f"#target-{target_id}")
    assert "Write a number up to the total, 45." in card.inner_text()
    assert card.get_by_label("What you saw").input_value() == "Friday check: 50 words?"
    assert_accessible(page)
    screenshot(page, "evidence-refused-820")
    card.get_by_label("What you saw").fill("Friday check: 32 words.")
    card.get_by_label("Measured (optional)").fill("32")
    card.get_by_role("button", name="Save the evidence").click()
    page.wait_for_load_state()
    with live_app.app_context():
        saved = db.session.query(Evidence).filter_by(note="Friday check: 32 words.").one()
        assert (saved.measured, saved.out_of) == (32, 45)

    # the time line: two measures, a note and two faces, with the same facts in words
    picture = page.locator(f"#target-{target_id} .timeline__picture")
    assert picture.locator("circle.timeline__measure").count() == 2
    assert picture.locator("rect.timeline__note").count() == 1
    assert picture.locator("g.timeline__face").count() == 2
    facts = page.locator(f"#target-{target_id} .timeline table").text_content()
    assert "Measured: 32 of 45" in facts and "Mia's face: Getting there" in facts
    assert all(ratio >= 3 for ratio in page.evaluate(CONTRAST).values()), page.evaluate(CONTRAST)
    assert_accessible(page)
    screenshot(page, "evidence-plan-820")
    page.set_viewport_size(PHONE)
    assert_no_horizontal_scroll(page)
    screenshot(page, "evidence-plan-390")
    page.goto(f"/staff/plans/{plan_id}?lang=ur")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    screenshot(page, "evidence-plan-390-ur")
    page.set_viewport_size(TABLET)
    screenshot(page, "evidence-plan-820-ur")
    page.context.clear_cookies()

    # the review screen shows the same time line on the board
    with live_app.app_context():
        teacher = db.session.query(User).filter_by(email=TEACHER).one()
        reviews.start(teacher, db.session.get(Plan, plan_id))
        db.session.commit()
    sign_in(page, TEACHER)
    page.set_viewport_size(BOARD)
    page.goto(f"/staff/plans/{plan_id}/review?lang=en")
    picture = page.locator(f"#target-{target_id} .timeline__picture")
    assert picture.locator("circle.timeline__measure").count() == 2
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    screenshot(page, "evidence-review-1280")
    page.goto(f"/staff/plans/{plan_id}/review?lang=ur")
    assert_accessible(page)
    screenshot(page, "evidence-review-1280-ur")
    for name, size in (("820", TABLET), ("390", PHONE)):
        page.set_viewport_size(size)
        assert_no_horizontal_scroll(page)
        screenshot(page, f"evidence-review-{name}-ur")
    page.goto(f"/staff/plans/{plan_id}/review?lang=en")
    screenshot(page, "evidence-review-390")
