"""The whole family journey in Chromium on a phone (390×844), in English and in Urdu
(issue 6): the teacher invites by e-mail, the parent sets up their account, reads the plan
with the child's words and read-aloud, agrees to two targets and asks to talk about one;
the teacher changes a target; the parent sees what changed and confirms again. axe on
every page."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from pupilvoice.extensions import db
from pupilvoice.models import ParentResponse, Plan, User
from pupilvoice.services import plans
from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    demo_pupil,
    screenshot,
    sign_in,
)
from tests.browser.family import add_family, phone
from tests.conftest import deliver_mail

TEACHER = "jones@riverside.example"
NEW_PASSWORD = "apricot lantern river 42"
# Read-aloud uses the browser's own voices; headless Chromium has none, so give it two
# and note what it is asked to say (and in which language).
VOICES = """
window.__said = [];
const fake = ["en-GB", "ur-PK", "pl-PL"].map((lang) => ({lang, localService: true, name: lang}));
speechSynthesis.getVoices = () => fake;
speechSynthesis.speak = (u) => window.__said.push([u.text, u.lang]);
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
"""

TARGETS = [
    (
        "reading",
        "I want to read my bus book",
        "By the review, {name} will read 40 of 45 tricky words.",
    ),
    (
        "maths",
        "I want to count to 50",
        "By the review, {name} will count on to 50 in 4 of 5 lessons.",
    ),
    (
        "friends",
        "I want to play tag",
        "By the review, {name} will ask a friend to play at 3 playtimes.",
    ),
]


def plan_for(live_app, child: str) -> tuple[int, list[int]]:
    """Mr Jones writes and shares a three-target plan for ``child`` (once)."""
    with live_app.app_context():
        pupil = demo_pupil(child)
        existing = db.session.query(Plan).filter_by(pupil_id=pupil.id).first()
        if existing is None:
            teacher = db.session.query(User).filter_by(email=TEACHER).one()
            review = date.today() + timedelta(days=60)
            existing = plans.create(
                teacher,
                pupil,
                {"term_label": "Spring 2027", "starts_on": date.today(), "review_on": review},
            )
            for area, words, smart in TARGETS:
                values = {
                    "area": area,
                    "pupil_words": words,
                    "smart_text": smart.format(name=child),
                    "strategies": "Short daily practice with a friend.",
                    "provider": "Mrs Evans",
                    "group_size": 3,
                    "sessions_per_week": 3,
                    "minutes_per_session": 15,
                    "target_on": review,
                    "home_text": "Ask about it at tea time.",
                }
                plans.add_target(teacher, existing, values)
            plans.share(teacher, existing)
            db.session.commit()
        return existing.id, [t.id for t in existing.active_targets]


def teacher_changes_first_target(live_app, plan_id: int) -> None:
    with live_app.app_context():
        plan = db.session.get(Plan, plan_id)
        teacher = db.session.query(User).filter_by(email=TEACHER).one()
        first = plan.active_targets[0]
        plans.edit_target(teacher, first, {"minutes_per_session": 25}, plan.version)
        db.session.commit()


def invitation_link(live_app, email: str) -> str:
    deliver_mail(live_app)  # as `flask outbox send` does every minute
    outbox = live_app.extensions.get("pupilvoice_outbox", [])
    message = [m for m in outbox if m["To"] == email][-1]
    return re.search(r"https?://[^/\s]+(/auth/welcome/\S+)", message.get_content()).group(1)


def choose(parent_page, target_id: int, answer: int, comment: str = "") -> None:
    parent_page.locator(f"label[for='answer_{target_id}-{answer}']").click()
    if comment:
        parent_page.locator(f"#comment_{target_id}").fill(comment)


def send(parent_page) -> None:
    parent_page.locator(".send-bar button[type=submit]").click()
    parent_page.wait_for_load_state()


@pytest.mark.parametrize(
    "lang,child,name,email",
    [
        ("en", "Amelia", "Claire Roberts", "claire.roberts@family.example"),
        ("ur", "Noah", "Farah Begum", "farah.begum@family.example"),
    ],
)
def test_family_journey_on_a_phone(page, live_app, base_url, lang, child, name, email):
    add_family(live_app, name, email, child, lang)
    plan_id, target_ids = plan_for(live_app, child)

    sign_in(page, TEACHER)
    page.goto("/staff/families/")
    row = page.locator("tr", has_text=name)
    row.get_by_role("button", name=re.compile("Invite by e-mail")).click()
    page.wait_for_load_state()
    link = invitation_link(live_app, email)
    assert link.endswith(f"?lang={lang}")

    with phone(page, base_url) as family:
        family.add_init_script(VOICES)
        family.goto(link)
        assert family.locator("html").get_attribute("lang") == lang
        family.locator("#password").fill(NEW_PASSWORD)
        family.locator("#confirm").fill(NEW_PASSWORD)
        family.locator("form button[type=submit]").click()
        family.wait_for_load_state()
        assert family.url.endswith("/family/")
        assert_accessible(family)
        screenshot(family, f"family-home-with-plan-phone-{lang}")

        family.locator(f"a[href='/family/plans/{plan_id}']").click()
        family.wait_for_load_state()
        assert family.locator("html").get_attribute("dir") == ("rtl" if lang == "ur" else "ltr")
        assert family.locator(".pupil-said").count() == 3
        assert_accessible(family)
        assert_no_horizontal_scroll(family)
        screenshot(family, f"family-plan-phone-{lang}")

        # read-aloud: staff text in the school's language, even on an Urdu page
        speaker = family.locator(".family-target__main .say").first
        assert speaker.is_visible()
        speaker.click()
        said = family.evaluate("window.__said")
        assert said[-1][1] == "en" and "40 of 45 tricky words" in said[-1][0]

        first, second, third = target_ids
        choose(family, first, 0)
        choose(family, second, 1, "We count the stairs at home.")
        choose(family, third, 2, "She is shy at playtime. Can we meet?")
        family.locator("#home_help").fill("Reading together after tea.")
        send(family)
        assert family.locator(".message--success").count() >= 1
        assert_accessible(family)
        screenshot(family, f"family-plan-answered-phone-{lang}")

        teacher_changes_first_target(live_app, plan_id)
        family.goto("/family/")
        assert_accessible(family)
        family.locator(f"a[href='/family/plans/{plan_id}']").click()
        family.wait_for_load_state()
        changed = family.locator(f"#target-{first} .changed-box")
        assert changed.is_visible()
        assert changed.locator("del").inner_text().endswith("15")
        assert changed.locator("ins").inner_text().endswith("25")
        assert_accessible(family)
        changed.scroll_into_view_if_needed()
        screenshot(family, f"family-plan-changed-phone-{lang}")
        choose(family, first, 0)
        send(family)

    with live_app.app_context():
        parent = db.session.query(User).filter_by(email=email).one()
        answers = (
            db.session.query(ParentResponse)
            .filter_by(plan_id=plan_id, parent_id=parent.id)
            .order_by(ParentResponse.id)
            .all()
        )
        assert [(a.target_id, a.kind) for a in answers] == [
            (first, "agree"),
            (second, "agree_add"),
            (third, "talk"),
            (None, "home_help"),
            (first, "agree"),
        ]
        assert answers[-1].plan_version == answers[0].plan_version + 1
