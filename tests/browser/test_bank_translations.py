"""The whole plan in the family's language (issue 13, item 8) in Chromium: the SENCO keeps
a bank target's words in Urdu; Ms Patel starts Isla's target from it and shares the plan;
Isla's Urdu-speaking dad reads it in Urdu on his phone with the school's English beside;
after Ms Patel changes the English, the Urdu stays, marked "may be out of date"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from pupilvoice.extensions import db
from pupilvoice.models import ParentLink, Plan, TargetBankEntry, User
from pupilvoice.services import bank_translations, plans, target_bank
from tests.browser.conftest import (
    PHONE,
    TABLET,
    assert_accessible,
    assert_no_horizontal_scroll,
    demo_pupil,
    screenshot,
    sign_in,
)
from tests.browser.family import phone

SENCO = "senco@riverside.example"
PATEL = "patel@riverside.example"
DAD = "imran.shah@family.example"  # reads PupilVoice in Urdu
URDU_COAT = "گھر جانے کے 5 میں سے 4 وقتوں پر بڑوں کی مدد کے بغیر کوٹ"


def coat_entry_id(live_app) -> int:
    with live_app.app_context():
        return db.session.query(TargetBankEntry).filter_by(area="myself").first().id


def isla_plan(live_app) -> int:
    """A draft plan for Isla (Willow, Ms Patel's class), whose dad is Imran Shah."""
    with live_app.app_context():
        isla = demo_pupil("Isla")
        dad = db.session.query(User).filter_by(email=DAD).one()
        if not db.session.query(ParentLink).filter_by(pupil_id=isla.id).count():
            db.session.add(
                ParentLink(
                    school_id=isla.school_id,
                    parent_id=dad.id,
                    pupil_id=isla.id,
                    preferred_language="ur",
                    contact_method="email",
                )
            )
        patel = db.session.query(User).filter_by(email=PATEL).one()
        review = date.today() + timedelta(days=60)
        plan = plans.create(patel, isla, {"term_label": "Spring 2027", "review_on": review})
        db.session.commit()
        return plan.id


def test_senco_keeps_a_bank_target_in_urdu(page, live_app):
    entry_id = coat_entry_id(live_app)
    sign_in(page, SENCO)
    page.goto("/staff/bank")
    card = page.locator(f"article:has(#bank-{entry_id})")
    assert "اردو" in card.locator(".bank-entry__languages").inner_text()
    screenshot(page, "bank-languages-tablet")
    card.get_by_role("link", name=re.compile("Write it in اردو")).click()
    page.wait_for_load_state()
    box = page.locator("#child_template")
    assert (
        box.get_attribute("lang") == "ur" and box.input_value() == "مجھے اپنا کوٹ خود پہننا آتا ہے۔"
    )
    assert page.locator(".translate-part__original[lang=en]").count() == 4
    assert_accessible(page)
    screenshot(page, "bank-translate-ur-tablet")
    page.set_viewport_size(PHONE)
    assert_no_horizontal_scroll(page)
    screenshot(page, "bank-translate-ur-phone")
    page.set_viewport_size(TABLET)
    page.goto(f"/staff/bank/{entry_id}/translate/ur?lang=ur")
    assert_accessible(page)
    screenshot(page, "bank-translate-ur-in-urdu")


def test_urdu_dad_reads_a_bank_target_in_urdu_then_sees_it_may_be_out_of_date(
    page, live_app, base_url
):
    plan_id = isla_plan(live_app)
    sign_in(page, PATEL)
    page.goto(f"/staff/plans/{plan_id}/targets/new?bank={coat_entry_id(live_app)}")
    assert "اردو" in page.locator(".bank-languages").inner_text()
    screenshot(page, "target-from-bank-tablet")
    page.get_by_role("button", name="Save the target").click()
    page.wait_for_load_state()
    page.goto(f"/staff/plans/{plan_id}")
    page.get_by_role("button", name="Share with parents").click()
    page.wait_for_load_state()
    with live_app.app_context():
        target_id = db.session.get(Plan, plan_id).active_targets[0].id

    with phone(page, base_url) as dad:
        sign_in(dad, DAD)
        dad.goto(f"/family/plans/{plan_id}?lang=ur")
        card = dad.locator(f"#target-{target_id}")
        assert dad.locator("html").get_attribute("dir") == "rtl"
        main = card.locator(".family-target__main p")
        assert URDU_COAT in main.inner_text()
        english = card.locator(".family-original p[lang=en]").first
        assert english.inner_text().startswith("By the review, Isla will put on and fasten")
        assert card.locator(".out-of-date").count() == 0
        assert_accessible(dad)
        assert_no_horizontal_scroll(dad)
        screenshot(dad, "family-plan-from-bank-ur-phone")

        # Ms Patel changes the English of that target
        page.goto(f"/staff/plans/{plan_id}/targets/{target_id}")
        page.get_by_label("SMART target").fill(
            "By the review, Isla will put on and zip up her coat without help at 5 of 5 home times."
        )
        page.get_by_role("button", name="Save the target").click()
        page.wait_for_load_state()
        page.goto(f"/staff/plans/{plan_id}")
        assert "اردو" in page.locator(".family-translate").inner_text()
        assert page.locator(".family-translate .chip--warn").count() == 3  # cy, pl and ur
        assert_accessible(page)
        screenshot(page, "staff-plan-translations-out-of-date-tablet")

        dad.reload()
        card = dad.locator(f"#target-{target_id}")
        assert URDU_COAT in card.locator(".family-target__main p").inner_text()
        assert card.locator(".out-of-date").count() == 1
        assert "zip up her coat" in card.locator(".family-original p[lang=en]").first.inner_text()
        assert_accessible(dad)
        screenshot(dad, "family-plan-out-of-date-ur-phone")
        dad.set_viewport_size(TABLET)
        screenshot(dad, "family-plan-out-of-date-ur-tablet")


def test_senco_sees_which_bank_words_may_be_out_of_date(page, live_app):
    """A bank target whose English changed after it was written in Polish."""
    with live_app.app_context():
        senco = db.session.query(User).filter_by(email=SENCO).one()
        entry = target_bank.create(
            senco,
            {"area": "moving", "smart_template": "By the review, {name} will catch a big ball."},
        )
        bank_translations.save(
            senco, entry, "pl", {"smart_template": "Do przeglądu {name} złapie dużą piłkę."}
        )
        target_bank.edit(
            senco, entry, {"smart_template": "By the review, {name} will catch a small ball."}
        )
        db.session.commit()
        entry_id = entry.id
    sign_in(page, SENCO)
    page.goto("/staff/bank?area=moving")
    chip = page.locator(f"article:has(#bank-{entry_id}) a.chip[href$='/translate/pl']")
    assert "may be out of date" in chip.inner_text()
    chip.click()
    page.wait_for_load_state()
    warning = page.locator(".translate-part .message--warning")
    assert "catch a big ball" in warning.inner_text()
    assert_accessible(page)
    screenshot(page, "bank-translate-out-of-date-tablet")
    page.set_viewport_size(PHONE)
    assert_no_horizontal_scroll(page)
    screenshot(page, "bank-translate-out-of-date-phone")
