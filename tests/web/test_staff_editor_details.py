"""Issue 13, item 17: small things in the staff pages that cost teachers work.

The language links keep the page's query (a bank target, filters, the page of a list); a
second draft plan for a pupil is never started without a warning that offers the draft;
a new target's area is the teacher's choice, not a silent "Reading"; and a target with a
date is never said to have "no time frame" (A11Y-10 for the links, REL-05 for the form).
"""

from __future__ import annotations

import html
import re

from pupilvoice.models import Plan, Target
from pupilvoice.services import plans, target_bank
from tests.web.plan_helpers import make_plan, target_values

NO_TIME_FRAME = "There is no time frame"


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def language_links(response) -> dict[str, str]:
    found = re.findall(r'<a href="([^"]+)" lang="(\w+)" hreflang', response.get_data(as_text=True))
    return {language: html.unescape(href) for href, language in found}


# --- the language switcher ---------------------------------------------------------------------


def test_a11y10_switching_language_keeps_the_bank_target_being_started(login, world, db):
    entry = target_bank.create(world.senco, {"area": "maths", "smart_template": "Count to 20"})
    plan = make_plan(world, targets=0)
    db.session.commit()
    url = f"/staff/plans/{plan.id}/targets/new?bank={entry.id}"
    teacher = login(world.teacher)
    links = language_links(teacher.get(url))
    assert links["cy"] == f"/staff/plans/{plan.id}/targets/new?bank={entry.id}&lang=cy"
    welsh = teacher.get(links["cy"])
    assert welsh.status_code == 200 and "Count to 20" in text(welsh)


def test_a11y10_switching_language_keeps_filters_and_paging_once(login, world):
    senco = login(world.senco)
    response = senco.get(f"/school/audit/?who={world.ta.id}&page=2&lang=pl&X-Evil=1")
    assert language_links(response)["ur"] == f"/school/audit/?who={world.ta.id}&page=2&lang=ur"


def test_a11y10_switching_language_on_sign_in_keeps_where_to_go_next(client):
    response = client.get("/auth/login?next=/staff/plans/3/edit")
    assert language_links(response)["pl"] == "/auth/login?next=%2Fstaff%2Fplans%2F3%2Fedit&lang=pl"


# --- a second draft ----------------------------------------------------------------------------


def _new_plan_data(**extra) -> dict:
    return {
        "term_label": "Summer 2027",
        "starts_on": "2027-04-19",
        "review_on": "2027-07-12",
    } | extra


def test_starting_a_plan_when_a_draft_exists_warns_and_offers_the_draft(login, world, db):
    draft = make_plan(world, targets=1)
    teacher = login(world.teacher)
    page = teacher.get(f"/staff/pupils/{world.pupil.id}/plans/new")
    shown = page.get_data(as_text=True)
    assert "<bdi>Sam</bdi> already has a draft plan (<bdi>Spring 2027</bdi>)" in shown
    assert f'href="/staff/plans/{draft.id}"' in page.get_data(as_text=True)
    assert "Start another plan" in text(page)


def test_a_second_draft_is_not_started_without_the_warning(login, world, db):
    """A post that did not see the draft (another tab, an old page): the warning first."""
    make_plan(world, targets=1)
    url = f"/staff/pupils/{world.pupil.id}/plans/new"
    response = login(world.teacher).form(url, _new_plan_data(involved="Sam and his mum"))
    assert response.status_code == 409
    assert "already has a draft plan" in text(response) and "Sam and his mum" in text(response)
    assert db.session.query(Plan).count() == 1


def test_a_second_draft_starts_once_the_teacher_saw_the_warning(login, world, db):
    draft = make_plan(world, targets=1)
    url = f"/staff/pupils/{world.pupil.id}/plans/new"
    response = login(world.teacher).form(url, _new_plan_data(seen_draft=str(draft.id)))
    assert response.status_code == 302
    assert db.session.query(Plan).count() == 2


def test_no_warning_when_the_plan_is_shared(login, world, db):
    make_plan(world, targets=1, status="shared")
    page = login(world.teacher).get(f"/staff/pupils/{world.pupil.id}/plans/new")
    assert "already has a draft plan" not in text(page) and "Start the plan" in text(page)


# --- the area of a new target ------------------------------------------------------------------


def test_a_new_target_has_no_area_until_the_teacher_chooses(login, world, db):
    plan = make_plan(world, targets=0)
    teacher = login(world.teacher)
    page = teacher.get(f"/staff/plans/{plan.id}/targets/new").get_data(as_text=True)
    select = re.search(r'<select[^>]*name="area".*?</select>', page, re.S).group(0)
    assert re.search(r'required><option value="">Choose an area</option>', select)
    assert "selected" not in select  # so the browser shows "Choose an area"
    data = _target_form(plan) | {"area": ""}
    response = teacher.form(f"/staff/plans/{plan.id}/targets/new", data)
    assert response.status_code == 422
    assert '<a href="#area">Choose the area this target is about.</a>' in text(response)
    assert db.session.query(Target).count() == 0


def _target_form(plan) -> dict[str, str]:
    values = target_values()
    values["cost_per_session_pence"] = "10.00"
    return {k: str(v) for k, v in values.items()} | {"version": str(plan.version)}


def test_a_target_from_the_bank_keeps_the_banks_area(login, world, db):
    entry = target_bank.create(world.senco, {"area": "maths", "smart_template": "Count to 20"})
    plan = make_plan(world, targets=0)
    db.session.commit()
    page = login(world.teacher).get(f"/staff/plans/{plan.id}/targets/new?bank={entry.id}")
    assert '<option selected value="maths">' in page.get_data(as_text=True)


# --- "no time frame" ---------------------------------------------------------------------------


def test_a_target_with_a_date_is_not_said_to_lack_a_time_frame(login, world, db):
    plan = make_plan(world, targets=0)
    undated = "Sam will read 40 of the 45 Year 1 common exception words correctly"
    plans.add_target(world.teacher, plan, target_values(smart_text=undated))
    db.session.commit()
    page = text(login(world.teacher).get(f"/staff/plans/{plan.id}"))
    assert NO_TIME_FRAME not in page


def test_a_target_without_any_date_still_gets_the_note(login, world, db):
    plan = make_plan(world, targets=0)
    undated = "Sam will read 40 of the 45 Year 1 common exception words correctly"
    plans.add_target(world.teacher, plan, target_values(smart_text=undated, target_on=None))
    db.session.commit()
    assert NO_TIME_FRAME in text(login(world.teacher).get(f"/staff/plans/{plan.id}"))
