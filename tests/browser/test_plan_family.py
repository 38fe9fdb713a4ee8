"""The staff side of a plan's parents in Chromium (issue 6, items 2 and 6): sharing tells
the parents, the letter for a family who prefers paper prints at A4 with a QR code that
scans, and the plan page shows each parent's answers with "talk" standing out."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest
import zxingcpp
from PIL import Image

from pupilvoice.extensions import db
from pupilvoice.models import Plan, User
from pupilvoice.services import plans
from tests.browser.conftest import assert_accessible, demo_pupil, screenshot, sign_in
from tests.browser.family import add_family, phone

TEACHER = "jones@riverside.example"
A4 = {"width": 794, "height": 1123}


def draft_for(live_app, child: str) -> int:
    with live_app.app_context():
        pupil = demo_pupil(child)
        found = db.session.query(Plan).filter_by(pupil_id=pupil.id).first()
        if found is None:
            teacher = db.session.query(User).filter_by(email=TEACHER).one()
            review = date.today() + timedelta(days=60)
            found = plans.create(teacher, pupil, {"term_label": "Spring 2027", "review_on": review})
            plans.add_target(
                teacher,
                found,
                {
                    "area": "writing",
                    "pupil_words": "I want to write my name",
                    "smart_text": f"By the review, {child} will write their first name "
                    "unaided in 4 of 5 tries.",
                    "provider": "Mrs Evans",
                    "sessions_per_week": 2,
                    "minutes_per_session": 10,
                    "target_on": review,
                    "home_text": "Write names on birthday cards together.",
                },
            )
            db.session.commit()
        return found.id


def test_sharing_then_printing_the_letter_for_a_family_on_paper(page, live_app, base_url):
    add_family(live_app, "Grace Hill", "grace.hill@family.example", "Leo", "pl")
    plan_id = draft_for(live_app, "Leo")
    sign_in(page, TEACHER)
    page.goto(f"/staff/plans/{plan_id}")
    page.get_by_role("button", name="Share with parents").click()
    page.wait_for_load_state()
    assert "gets the plan by letter" in page.locator(".messages").inner_text()
    panel = page.locator(".family-panel")
    assert "Grace Hill" in panel.inner_text()
    assert_accessible(page)
    panel.get_by_role("button", name=re.compile("Print 1 letter")).click()
    page.wait_for_load_state()
    assert page.locator(".letter--plan").count() == 1
    assert page.locator(".letter__slip").get_attribute("lang") == "pl"
    assert_accessible(page)
    screenshot(page, "staff-plan-letter")
    page.set_viewport_size(A4)
    page.emulate_media(media="print")
    screenshot(page, "staff-plan-letter-a4-print")
    png = page.locator(".letter__qr").screenshot()
    scanned = zxingcpp.read_barcode(Image.open(io.BytesIO(png)))
    assert scanned is not None and scanned.text.startswith(f"{base_url}/auth/welcome/")
    assert scanned.text.endswith("?lang=pl")


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_staff_plan_page_with_parents_is_accessible(page, live_app, lang):
    sign_in(page, "patel@riverside.example")
    with live_app.app_context():
        ayaan = demo_pupil("Ayaan")
        plan_id = db.session.query(Plan).filter_by(pupil_id=ayaan.id).first().id
    page.goto(f"/staff/plans/{plan_id}?lang={lang}")
    assert page.locator("#family-title").is_visible()
    assert_accessible(page)
    screenshot(page, f"staff-plan-parents-{lang}")


def test_polish_family_reads_a_translated_plan_on_a_phone(page, live_app, base_url):
    """Mr Jones translates Zofia's plan into Polish; Agnieszka reads it on her phone."""
    with live_app.app_context():
        zofia = demo_pupil("Zofia")
        plan = db.session.query(Plan).filter_by(pupil_id=zofia.id).first()
        plan_id, target_id = plan.id, plan.active_targets[0].id
    sign_in(page, TEACHER)
    page.goto(f"/staff/plans/{plan_id}")
    page.locator(".family-translate a[lang=pl]").click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.locator(f"#t{target_id}_smart_text").fill(
        "Do Wielkanocy Zofia opowie swojej grupie wiadomość z 3 części (kto, gdzie, co się "
        "stało) w 4 z 5 porannych spotkań."
    )
    page.locator(f"#t{target_id}_strategies").fill(
        "Kolorowe karty: kto, gdzie, co. Najpierw ćwiczy z koleżanką."
    )
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    screenshot(page, "staff-plan-after-translation")

    with phone(page, base_url) as family:
        sign_in(family, "agnieszka@family.example")
        family.goto(f"/family/plans/{plan_id}?lang=pl")
        assert family.locator("html").get_attribute("lang") == "pl"
        assert "Do Wielkanocy Zofia" in family.locator("main").inner_text()
        # the two fields just translated, and the three the demo plan brought from the bank
        assert family.locator(".family-original").count() == 5
        assert_accessible(family)
        screenshot(family, "family-plan-translated-phone-pl")
