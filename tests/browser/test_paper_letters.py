"""Paper families in Chromium (issue 13, item 9): the teacher prints the plan letters for a
Polish and an Urdu family; each reply slip is in the family's language with the school's
English beside it and prints on a page of its own (A4, Chromium's own print to PDF); later
one family's letter is printed again. axe on every page."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pypdf

from pupilvoice.extensions import db
from pupilvoice.models import ParentLink, Pupil, User
from pupilvoice.services import plan_translations, plans
from tests.browser.conftest import (
    PHONE,
    SCREENSHOTS,
    assert_accessible,
    assert_no_horizontal_scroll,
    demo_pupil,
    screenshot,
    sign_in,
)

TEACHER = "jones@riverside.example"
TARGETS = (
    (
        "reading",
        "Maja will read 40 of 45 tricky words by the review.",
        "Maja przeczyta 40 z 45 trudnych słów do przeglądu.",
    ),
    (
        "maths",
        "Maja will count on to 50 in 4 of 5 lessons.",
        "Maja będzie liczyć do 50 na 4 z 5 lekcji.",
    ),
    ("friends", "Maja will ask a friend to play at 3 playtimes a week.", ""),
)


def paper_plan(live_app, new_pupils) -> int:
    """Maja's shared plan; her parents Agnieszka (Polish) and Imran (Urdu) read on paper."""
    with live_app.app_context():
        sam = demo_pupil("Sam")
        teacher = db.session.query(User).filter_by(email=TEACHER).one()
        maja = Pupil(
            school_id=sam.school_id,
            class_id=sam.class_id,
            first_name="Maja",
            surname_initial="K",
            year_group=sam.year_group,
            sen_stage="sen_support",
        )
        db.session.add(maja)
        db.session.flush()
        new_pupils.append(maja.id)
        for name, language in (("Agnieszka Kowalska", "pl"), ("Imran Shah", "ur")):
            parent = User(school_id=sam.school_id, role="parent", name=name, locale=language)
            db.session.add(parent)
            db.session.flush()
            db.session.add(
                ParentLink(
                    school_id=sam.school_id,
                    parent_id=parent.id,
                    pupil_id=maja.id,
                    preferred_language=language,
                    contact_method="letter",
                )
            )
        review = date.today() + timedelta(days=60)
        plan = plans.create(teacher, maja, {"term_label": "Spring 2027", "review_on": review})
        for area, smart, _polish in TARGETS:
            plans.add_target(
                teacher,
                plan,
                {
                    "area": area,
                    "smart_text": smart,
                    "strategies": "Short daily practice.",
                    "provider": "Mrs Evans",
                    "sessions_per_week": 3,
                    "minutes_per_session": 15,
                    "home_text": "Ask about it at tea time.",
                    "pupil_words": "I want to get better",
                },
            )
        polish = {
            f"t{t.id}_smart_text": p
            for t, (_a, _s, p) in zip(plan.active_targets, TARGETS, strict=True)
        }
        plan_translations.save(teacher, plan, "pl", polish)
        plans.share(teacher, plan)
        db.session.commit()
        return plan.id


def test_paper_letters_with_a_full_slip_in_the_family_language(page, live_app, new_pupils):
    plan_id = paper_plan(live_app, new_pupils)
    sign_in(page, TEACHER)
    page.goto(f"/staff/plans/{plan_id}")
    page.get_by_role("button", name="Print 2 letters").click()
    page.wait_for_load_state()
    slips = page.locator(".letter__slip")
    assert slips.count() == 2
    polish = page.locator(".letter__slip[lang=pl]")
    assert "Maja przeczyta 40 z 45" in polish.inner_text()
    assert polish.locator("td[lang=en][dir=ltr]").first.inner_text().strip()
    urdu = page.locator(".letter__slip[lang=ur]")
    assert urdu.get_attribute("dir") == "rtl"
    assert "Mrs Evans will read with Maja" in urdu.inner_text()  # the English beside
    assert_accessible(page)
    screenshot(page, "paper-letters-tablet")
    page.set_viewport_size(PHONE)
    assert_no_horizontal_scroll(page)
    screenshot(page, "paper-letters-phone")

    # As printed: each letter, then its slip on a page of its own, on A4.
    page.emulate_media(media="print")
    body = page.pdf(format="A4", print_background=True)
    printed = pypdf.PdfReader(io.BytesIO(body))
    texts = [p.extract_text() for p in printed.pages]
    slip_pages = [n for n, words in enumerate(texts) if "Reply slip" in words]
    assert len(printed.pages) == 4 and slip_pages == [1, 3], [t[:60] for t in texts]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "paper-letters-print.pdf").write_bytes(body)  # to look at (pdftoppm)

    page.emulate_media(media="screen")
    page.goto(f"/staff/plans/{plan_id}#family-title")
    again = page.get_by_role("button", name="Print the letter again (Imran Shah)")
    again.click()
    page.wait_for_load_state()
    assert page.locator("article.letter").count() == 1
    assert page.locator(".letter__slip[lang=ur]").count() == 1
    assert_accessible(page)
    page.set_viewport_size({"width": 820, "height": 1180})
    page.goto(f"/staff/plans/{plan_id}#family-title")
    assert_accessible(page)
    screenshot(page, "paper-plan-tablet")
    panel = page.locator(".family-panel")
    panel.screenshot(path=str(SCREENSHOTS / "paper-plan-family-panel-tablet.png"))
    page.set_viewport_size(PHONE)
    assert_no_horizontal_scroll(page)
    panel.screenshot(path=str(SCREENSHOTS / "paper-plan-family-panel-phone.png"))
