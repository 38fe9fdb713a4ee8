"""Group Education Plans in Chromium (issue 15, item 3): Mr Jones builds a group plan for
three pupils and writes the common target once; each pupil's staff plan page and each
parent's page show it as a group target with that pupil's own progress, and no parent
sees another child's name (PRI-01). axe in English and Urdu (A11Y-01); screenshots at
tablet and phone sizes."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from pupilvoice.extensions import db
from pupilvoice.models import ParentLink, Plan, Pupil, User
from pupilvoice.services import accounts, plans
from tests.browser.conftest import (
    PHONE,
    SCREENSHOTS,
    assert_accessible,
    assert_no_horizontal_scroll,
    demo_pupil,
    screenshot,
    sign_in,
)
from tests.browser.family import phone

pytestmark = pytest.mark.browser
TEACHER = "jones@riverside.example"
PASSWORD = "quiet harbour lantern 77"
NAMES = ("Ada", "Ben", "Cai")
COMMON = "By the review, read 40 of the 45 Year 1 tricky words on two checks in a row."


def three_pupils(live_app, new_pupils) -> dict[str, tuple[int, int, str]]:
    """Three pupils new to Mr Jones's class, each with a shared plan of their own target
    and a parent with an account: name -> (pupil id, plan id, parent's e-mail)."""
    found = {}
    with live_app.app_context():
        sam = demo_pupil("Sam")
        teacher = db.session.query(User).filter_by(email=TEACHER).one()
        for name in NAMES:
            pupil = Pupil(
                school_id=sam.school_id,
                class_id=sam.class_id,
                first_name=name,
                surname_initial="G",
                year_group=sam.year_group,
                sen_stage="sen_support",
            )
            email = f"{name.lower()}.group@family.example"
            parent = User(school_id=sam.school_id, role="parent", name=f"{name}'s mum", email=email)
            accounts.set_password(parent, PASSWORD)
            db.session.add_all([pupil, parent])
            db.session.flush()
            new_pupils.append(pupil.id)
            db.session.add(
                ParentLink(school_id=pupil.school_id, parent_id=parent.id, pupil_id=pupil.id)
            )
            review = date.today() + timedelta(days=60)
            plan = plans.create(teacher, pupil, {"term_label": "Spring 2027", "review_on": review})
            plans.add_target(
                teacher,
                plan,
                {"area": "maths", "smart_text": f"{name} will count on to 50 in 4 of 5 lessons."},
            )
            plans.share(teacher, plan)
            found[name] = (pupil.id, plan.id, email)
        db.session.commit()
    return found


def _build_group(page) -> None:
    page.goto("/staff/groups/new")
    page.get_by_label("Name of the group").fill("Tricky words, Tuesday")
    for name in NAMES:
        page.get_by_label(re.compile(rf"^{name} G\.")).check()
    assert_accessible(page)
    screenshot(page, "group-new-tablet")
    page.get_by_role("button", name="Save the group").click()
    page.get_by_role("heading", name="Tricky words, Tuesday").wait_for()
    page.get_by_role("link", name="Add a common target").click()
    page.get_by_label("Area").select_option(label="Reading")
    page.get_by_label("SMART target").fill(COMMON)
    page.get_by_label("For the pupil, in child-friendly words").fill("I can read 40 tricky words.")
    page.get_by_label("Strategies: how it is taught").fill("Five new words a day on flash cards.")
    page.get_by_label("Who delivers it").fill("Mrs Evans")
    page.get_by_label("Pupils in the group").fill("3")
    page.get_by_label("Sessions a week").fill("3")
    page.get_by_label("Minutes a session").fill("20")
    page.get_by_label("What parents can do at home").fill("Read the word cards at bedtime.")
    assert_accessible(page)
    screenshot(page, "group-target-form-tablet")
    page.get_by_role("button", name="Save the common target").click()
    page.get_by_text("Plans updated: 3.").wait_for()


def _own_progress(live_app, pupils) -> dict[str, int]:
    """Each pupil's own check on the common target, as a TA would record it."""
    measured = {"Ada": 12, "Ben": 25, "Cai": 38}
    with live_app.app_context():
        teacher = db.session.query(User).filter_by(email=TEACHER).one()
        for name, (_pupil, plan_id, _email) in pupils.items():
            plan = db.session.get(Plan, plan_id)
            copy = next(t for t in plan.active_targets if t.group_target_id)
            values = {"note": "Friday check", "observed_on": date.today()}
            plans.add_evidence(teacher, copy, values | {"measured": measured[name], "out_of": 45})
        db.session.commit()
    return measured


def test_a_group_plan_for_three_pupils_shows_on_each_plan_and_parent_page(
    page, live_app, base_url, new_pupils
):
    pupils = three_pupils(live_app, new_pupils)
    sign_in(page, TEACHER)
    _build_group(page)
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    measured = _own_progress(live_app, pupils)
    page.reload()
    for name in NAMES:
        row = page.locator(".group-progress tbody tr", has_text=f"{name} G.")
        assert f"{measured[name]} of 45" in row.inner_text()
    screenshot(page, "group-tablet")
    group_url = re.search(r"/staff/groups/\d+", page.url).group(0)
    page.goto(f"{group_url}?lang=ur")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_accessible(page)
    for url in ("/staff/groups", "/staff/groups/new", f"{group_url}/targets/new"):
        page.goto(f"{url}?lang=ur")
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert_accessible(page)
    screenshot(page, "group-target-form-tablet-ur")
    page.goto("/staff/groups?lang=en")
    assert_accessible(page)
    screenshot(page, "groups-tablet")

    for name, (_pupil, plan_id, email) in pupils.items():
        page.goto(f"/staff/plans/{plan_id}")
        card = page.locator("article.target", has_text=COMMON)
        assert card.locator(".badge--group").inner_text() == "Group target"
        assert f"{measured[name]} of 45" in card.inner_text()
        own = page.locator("article.target", has_text=f"{name} will count on")
        assert own.count() == 1 and own.locator(".badge--group").count() == 0
        if name == "Ada":
            assert_accessible(page)
            card.screenshot(path=str(SCREENSHOTS / "group-member-plan-tablet.png"))
        with phone(page, base_url) as family:
            sign_in(family, email, PASSWORD)
            family.goto(f"/family/plans/{plan_id}")
            target = family.locator("section.family-target", has_text=COMMON)
            assert "Working on this with a small group" in target.inner_text()
            assert f"got {measured[name]} out of 45" in target.inner_text()
            main = family.locator("main").inner_text()
            others = [other for other in NAMES if other != name]
            assert not any(f"{other} G" in main or f"{other} will" in main for other in others)
            assert "Tricky words, Tuesday" not in main
            assert family.locator("fieldset.answer").count() == 2  # confirmed with the plan
            assert_no_horizontal_scroll(family)
            if name == "Ada":
                assert_accessible(family)
                screenshot(family, "group-parent-phone")
                family.goto(f"/family/plans/{plan_id}?lang=ur")
                assert_accessible(family)
                screenshot(family, "group-parent-phone-ur")

    page.set_viewport_size(PHONE)
    page.goto("/staff/groups")
    assert_no_horizontal_scroll(page)
    screenshot(page, "groups-phone")
    page.get_by_role("link", name="Tricky words, Tuesday").click()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    screenshot(page, "group-phone")
