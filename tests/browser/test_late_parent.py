"""A parent linked after the plan was agreed (issue 13, item 10), in Chromium: the SENCO
links Saima to her son, whose plan his father already agreed; she gets the plan by e-mail,
reads it on her phone in Urdu and confirms it target by target; the plan is agreed again,
her answers tied to the version she read (REL-03). axe on every page, in Urdu."""

from __future__ import annotations

from datetime import date, timedelta

from pupilvoice.extensions import db
from pupilvoice.models import ParentLink, ParentResponse, Plan, Pupil, User
from pupilvoice.services import accounts, plans, signoff
from tests.browser.conftest import (
    TABLET,
    assert_accessible,
    assert_no_horizontal_scroll,
    demo_pupil,
    screenshot,
    sign_in,
)
from tests.browser.family import phone
from tests.conftest import deliver_mail

SENCO = "senco@riverside.example"
TEACHER = "jones@riverside.example"
SAIMA = "saima.late@family.example"
PASSWORD = "quiet harbour lantern 77"


def agreed_plan(live_app, new_pupils) -> tuple[int, int, list[int]]:
    """Zayn (new to Mr Jones's class) and a plan his father Bilal has agreed; Saima has an
    account but is not linked to Zayn yet. Returns (Saima's id, the plan's, its targets')."""
    with live_app.app_context():
        sam = demo_pupil("Sam")
        teacher = db.session.query(User).filter_by(email=TEACHER).one()
        zayn = Pupil(
            school_id=sam.school_id,
            class_id=sam.class_id,
            first_name="Zayn",
            surname_initial="A",
            year_group=sam.year_group,
            sen_stage="sen_support",
        )
        bilal = User(
            school_id=sam.school_id,
            role="parent",
            name="Bilal Ahmed",
            email="bilal.late@family.example",
        )
        saima = User(
            school_id=sam.school_id, role="parent", name="Saima Ahmed", email=SAIMA, locale="ur"
        )
        accounts.set_password(saima, PASSWORD)
        db.session.add_all([zayn, bilal, saima])
        db.session.flush()
        new_pupils.append(zayn.id)
        db.session.add(ParentLink(school_id=zayn.school_id, parent_id=bilal.id, pupil_id=zayn.id))
        review = date.today() + timedelta(days=60)
        plan = plans.create(teacher, zayn, {"term_label": "Spring 2027", "review_on": review})
        for area, smart in (
            ("reading", "Zayn will read 30 of 45 tricky words."),
            ("maths", "Zayn will count on to 50 in 4 of 5 lessons."),
        ):
            plans.add_target(
                teacher,
                plan,
                {
                    "area": area,
                    "smart_text": smart,
                    "child_text": "I can do it!",
                    "home_text": "Ask at tea time.",
                },
            )
        plans.share(teacher, plan)
        answers = {t.id: ("agree", "") for t in plan.active_targets}
        signoff.save_answers(
            bilal, plan, signoff.Submission(answers, {}), seen_version=plan.version
        )
        assert plan.status == "agreed"
        db.session.commit()
        return saima.id, plan.id, [t.id for t in plan.active_targets]


def zayn_choice(form) -> str:
    """The child list's label for Zayn (name, initial and class, as the form writes it)."""
    labels = form.locator("#pupil_id option").all_inner_texts()
    return next(label for label in labels if label.startswith("Zayn"))


def test_rel03_a_parent_linked_late_confirms_the_plan_on_her_phone(
    page, live_app, base_url, new_pupils
):
    saima_id, plan_id, target_ids = agreed_plan(live_app, new_pupils)

    sign_in(page, SENCO)
    page.goto(f"/school/parents/{saima_id}")
    form = page.locator("form[aria-labelledby=link-title]")
    form.get_by_label("Child", exact=True).select_option(label=zayn_choice(form))
    form.get_by_label("Language for letters and e-mails").select_option("ur")
    form.get_by_label("How the school sends the plan").select_option("email")
    form.get_by_role("button", name="Link to this child").click()
    page.wait_for_load_state()
    assert "The plan is on its way to Saima Ahmed by e-mail." in page.locator("main").inner_text()
    deliver_mail(live_app)  # as `flask outbox send` does every minute
    outbox = live_app.extensions.get("pupilvoice_outbox", [])
    assert any(m["To"] == SAIMA and m["Content-Language"] == "ur" for m in outbox)

    with phone(page, base_url) as family:
        sign_in(family, SAIMA, PASSWORD)
        family.goto(f"/family/plans/{plan_id}?lang=ur")
        assert family.locator("html").get_attribute("dir") == "rtl"
        assert family.locator("fieldset.answer").count() == 2  # she is asked too
        assert_accessible(family)
        assert_no_horizontal_scroll(family)
        screenshot(family, "late-parent-plan-phone-ur")
        first, second = target_ids
        family.locator(f"label[for='answer_{first}-0']").click()
        family.locator(f"label[for='answer_{second}-0']").click()
        family.locator(".send-bar button[type=submit]").click()
        family.wait_for_load_state()
        assert family.locator(".message--success").count() >= 1
        assert_accessible(family)
        screenshot(family, "late-parent-answered-phone-ur")

    with live_app.app_context():
        plan = db.session.get(Plan, plan_id)
        assert plan.status == "agreed"
        rows = db.session.query(ParentResponse).filter_by(parent_id=saima_id).all()
        assert {(r.target_id, r.kind, r.plan_version) for r in rows} == {
            (first, "agree", plan.version),
            (second, "agree", plan.version),
        }

    staff = page.context.browser.new_context(base_url=base_url, viewport=TABLET)
    teacher = staff.new_page()
    sign_in(teacher, TEACHER)
    teacher.goto(f"/staff/plans/{plan_id}#family-title")
    assert "Saima Ahmed" in teacher.locator(".family-panel").inner_text()
    assert_accessible(teacher)
    screenshot(teacher, "late-parent-staff-plan-tablet")
    staff.close()
