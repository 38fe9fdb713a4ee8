"""The plan editor: starting a plan from a pupil, targets with the pupil's words beside the
SMART wording, the checkers on every save, provision in numbers, evidence, sharing, and who
may do what (SEC-01, SEC-02, SEC-10, SEC-12, REL-04, REL-05)."""

from __future__ import annotations

from datetime import date

import pytest

from pupilvoice.models import AuditEvent, Evidence, Plan, PlanVersion, Target
from pupilvoice.services import plans
from tests.web.plan_helpers import (
    GOOD_TARGET,
    make_plan,
    plan_data,
    soon,
    target_data,
    target_values,
)


@pytest.fixture
def plan(world):
    return make_plan(world)


# --- starting a plan -------------------------------------------------------------------------


def test_teacher_starts_a_plan_from_the_pupils_page(login, world, db):
    teacher = login(world.teacher)
    page = teacher.get(f"/staff/pupils/{world.pupil.id}").get_data(as_text=True)
    assert "Sam has no plan yet." in page and "Start a new plan" in page
    form = teacher.get(f"/staff/pupils/{world.pupil.id}/plans/new").get_data(as_text=True)
    assert "e.g. Spring 2027" in form.replace("As the school names it, ", "")  # a hint
    data = {
        "term_label": "Spring 2027",
        "starts_on": "2027-01-06",
        "review_on": "2027-03-26",
        "involved": "Sam, Mr Taylor (dad), Mr Jones",
        "pupil_views": "I like maths.",
        "home_help": "He reads best after tea.",
        "extra_target_reason": "",
    }
    response = teacher.form(f"/staff/pupils/{world.pupil.id}/plans/new", data)
    plan = db.session.query(Plan).one()
    assert response.status_code == 302 and response.location == f"/staff/plans/{plan.id}"
    assert (plan.school_id, plan.pupil_id, plan.status, plan.version) == (
        world.school.id,
        world.pupil.id,
        "draft",
        1,
    )
    assert plan.review_on == date(2027, 3, 26) and plan.created_by_id == world.teacher.id
    assert db.session.query(PlanVersion).filter_by(plan_id=plan.id, number=1).count() == 1


def test_new_plan_form_is_filled_in_with_sensible_dates(login, world):
    page = login(world.teacher).get(f"/staff/pupils/{world.pupil.id}/plans/new")
    html = page.get_data(as_text=True)
    assert f'value="{date.today().isoformat()}"' in html
    assert any(season in html for season in ("Autumn 20", "Spring 20", "Summer 20"))


def test_plan_page_shows_pupil_words_beside_smart_wording_and_provision(login, world, plan):
    page = login(world.ta).get(f"/staff/plans/{plan.id}").get_data(as_text=True)
    assert "I want to read my football cards" in page and GOOD_TARGET in page
    words = page.index("In <bdi>Sam</bdi>'s words")  # the name isolated (A11Y-10)
    assert words < page.index("SMART target") < page.index(GOOD_TARGET)
    assert "group of 4" in page and "3 sessions a week" in page and "for 10 weeks" in page
    assert "10 hours of teaching in all" in page
    assert "£75.00 for Sam" in page  # 30 sessions of £10 shared by 4
    assert "Add a target" not in page and "Share with parents" not in page  # a TA


# --- targets and the checkers ----------------------------------------------------------------


def test_adding_a_vague_target_saves_it_and_shows_the_checkers_notes(login, world, plan, db):
    teacher = login(world.teacher)
    data = {"area": "writing", "smart_text": "improve his writing", "version": plan.version}
    response = teacher.form(f"/staff/plans/{plan.id}/targets/new", data)
    target = db.session.query(Target).filter_by(area="writing").one()
    assert response.location == f"/staff/plans/{plan.id}/targets/{target.id}"  # back to fix it
    page = teacher.get(response.location).get_data(as_text=True)
    assert "The checker has suggestions next to the fields below." in page
    assert "&#34;improve&#34; is vague" in page and 'data-code="no-measure"' in page
    assert db.session.get(Plan, plan.id).version == 3


def test_a_good_target_goes_back_to_the_plan(login, world, plan, db):
    data = target_values(target_on=soon(30), smart_text=GOOD_TARGET.replace("14 March", "Easter"))
    data.pop("pupil_words")
    response = login(world.teacher).form(
        f"/staff/plans/{plan.id}/targets/new",
        {k: str(v) for k, v in data.items()} | {"cost_per_session_pence": "6.50"},
    )
    assert response.location == f"/staff/plans/{plan.id}"
    target = db.session.query(Target).order_by(Target.id.desc()).first()
    assert target.cost_per_session_pence == 650 and target.position == 2


def test_plain_language_checker_flags_jargon_in_what_parents_read(login, world, plan):
    target = plan.targets[0]
    data = target_data(target, home_text="Practise phonics and blending with Sam.")
    teacher = login(world.teacher)
    response = teacher.form(f"/staff/plans/{plan.id}/targets/{target.id}", data)
    page = teacher.get(response.location).get_data(as_text=True)
    assert (
        "&#34;phonics&#34; is a school word: try &#34;reading by sounding out letters&#34;" in page
    )


def test_live_checker_answers_json_with_translated_messages(login, world, plan):
    teacher = login(world.teacher)
    token = teacher.csrf_token(f"/staff/plans/{plan.id}/edit")
    ask = {"kind": "smart", "text": "improve reading", "target_on": ""}
    answer = teacher.post("/staff/check", json=ask, headers={"X-CSRFToken": token}).get_json()
    assert [p["code"] for p in answer["problems"]] == ["vague-verb", "no-measure", "no-date"]
    good = teacher.post(
        "/staff/check", json=ask | {"text": GOOD_TARGET}, headers={"X-CSRFToken": token}
    )
    assert good.get_json() == {"problems": []}
    teacher.get("/staff/?lang=pl")
    polish = teacher.post("/staff/check", json=ask, headers={"X-CSRFToken": token}).get_json()
    assert len(polish["problems"]) == 3  # messages in the page's language where translated


def test_sec10_live_checker_needs_the_csrf_header(login, world):
    teacher = login(world.teacher)
    response = teacher.post("/staff/check", json={"kind": "smart", "text": "improve reading"})
    assert response.status_code == 400


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "poetry", "text": "x"},
        {"kind": "smart", "text": 5},
        {"kind": "smart", "text": "x" * 5001},
        ["not", "an", "object"],
    ],
)
def test_rel05_live_checker_refuses_bad_input_kindly(login, world, plan, body):
    teacher = login(world.teacher)
    token = teacher.csrf_token(f"/staff/plans/{plan.id}/edit")
    response = teacher.post("/staff/check", json=body, headers={"X-CSRFToken": token})
    assert response.status_code == 400


def test_live_checker_survives_a_bad_date(login, world, plan):
    teacher = login(world.teacher)
    token = teacher.csrf_token(f"/staff/plans/{plan.id}/edit")
    ask = {"kind": "smart", "text": "Read 40 words", "target_on": "31/02"}
    answer = teacher.post("/staff/check", json=ask, headers={"X-CSRFToken": token})
    assert answer.status_code == 200 and "no-date" in str(answer.get_json())


def test_a_fifth_target_needs_a_reason_shown_on_the_plan(login, world, db):
    plan = make_plan(world, targets=4)
    teacher = login(world.teacher)
    form = teacher.get(f"/staff/plans/{plan.id}/targets/new").get_data(as_text=True)
    assert "Sam already has four targets" in form
    data = {"area": "maths", "smart_text": "Count to 20 by Easter", "version": plan.version}
    refused = teacher.form(f"/staff/plans/{plan.id}/targets/new", data)
    assert refused.status_code == 422
    assert "Write why this pupil needs more than four targets" in refused.get_data(as_text=True)
    assert db.session.query(Target).count() == 4
    reason = "Two targets are for his new hearing aid."
    data["extra_target_reason"] = reason
    assert teacher.form(f"/staff/plans/{plan.id}/targets/new", data).status_code == 302
    assert db.session.get(Plan, plan.id).extra_target_reason == reason
    assert reason in teacher.get(f"/staff/plans/{plan.id}").get_data(as_text=True)


def test_archiving_a_target_keeps_it_and_frees_a_place(login, world, db):
    plan = make_plan(world, targets=2)
    target = plan.targets[0]
    teacher = login(world.teacher)
    url = f"/staff/plans/{plan.id}/targets/{target.id}/archive"
    assert teacher.form(url, page=f"/staff/plans/{plan.id}").status_code == 302
    assert teacher.form(url, page=f"/staff/plans/{plan.id}").status_code == 302  # REL-04
    assert db.session.get(Target, target.id).archived_at is not None
    assert db.session.get(Plan, plan.id).version == 4  # created, 2 targets, 1 archive
    page = teacher.get(f"/staff/plans/{plan.id}").get_data(as_text=True)
    assert "1 target" in page


# --- life-cycle ------------------------------------------------------------------------------


def test_sharing_then_changing_a_target_needs_confirming_again(login, world, plan, db):
    teacher = login(world.teacher)
    url = f"/staff/plans/{plan.id}/share"
    assert teacher.form(url, page=f"/staff/plans/{plan.id}").status_code == 302
    assert teacher.form(url, page=f"/staff/plans/{plan.id}").status_code == 302  # REL-04
    shared = db.session.get(Plan, plan.id)
    assert shared.status == "shared" and shared.version == 3
    target = shared.targets[0]
    data = target_data(target, smart_text=GOOD_TARGET.replace("40", "42"))
    teacher.form(f"/staff/plans/{plan.id}/targets/{target.id}", data)
    assert db.session.get(Plan, plan.id).status == "needs_confirming"


def test_changing_only_plan_details_after_sharing_keeps_the_status(login, world, db):
    plan = make_plan(world, status="agreed")
    data = plan_data(plan, involved="Sam, Mr Jones, Mrs Khan")
    login(world.teacher).form(f"/staff/plans/{plan.id}/edit", data)
    plan = db.session.get(Plan, plan.id)
    assert plan.involved == "Sam, Mr Jones, Mrs Khan" and plan.status == "agreed"


def test_closed_plan_cannot_be_edited(login, world):
    plan = make_plan(world, status="closed")
    teacher = login(world.teacher)
    assert teacher.get(f"/staff/plans/{plan.id}/edit").status_code == 404
    assert teacher.get(f"/staff/plans/{plan.id}").status_code == 200


# --- evidence: teaching assistants too -------------------------------------------------------


def test_teaching_assistant_adds_evidence_but_cannot_share_or_edit(login, world, plan, db):
    ta = login(world.ta)
    target = plan.targets[0]
    data = {"note": "Read 31 of 45 words in the Friday check.", "observed_on": "2027-01-22"}
    url = f"/staff/plans/{plan.id}/targets/{target.id}/evidence"
    assert ta.form(url, data, page=f"/staff/plans/{plan.id}").status_code == 302
    evidence = db.session.query(Evidence).one()
    assert (evidence.recorded_by_id, evidence.school_id) == (world.ta.id, world.school.id)
    assert "Read 31 of 45 words" in ta.get(f"/staff/plans/{plan.id}").get_data(as_text=True)
    assert (
        ta.form(f"/staff/plans/{plan.id}/share", page=f"/staff/plans/{plan.id}").status_code == 403
    )
    assert ta.get(f"/staff/plans/{plan.id}/edit").status_code == 403
    assert db.session.get(Plan, plan.id).status == "draft"


def test_rel05_evidence_without_a_note_keeps_the_date_typed(login, world, plan, db):
    target = plan.targets[0]
    url = f"/staff/plans/{plan.id}/targets/{target.id}/evidence"
    data = {"note": "", "observed_on": "2027-01-22"}
    response = login(world.ta).form(url, data, page=f"/staff/plans/{plan.id}")
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Write what you saw." in page
    assert 'value="2027-01-22"' in page
    assert db.session.query(Evidence).count() == 0


# --- who may see what (SEC-02) ---------------------------------------------------------------


def _plan_urls(plan) -> list[tuple[str, str]]:
    target = plan.targets[0].id
    base = f"/staff/plans/{plan.id}"
    return [
        ("GET", base),
        ("GET", f"{base}/edit"),
        ("GET", f"{base}/versions"),
        ("GET", f"{base}/targets/new"),
        ("GET", f"{base}/targets/{target}"),
        ("POST", f"{base}/edit"),
        ("POST", f"{base}/share"),
        ("POST", f"{base}/targets/new"),
        ("POST", f"{base}/targets/{target}"),
        ("POST", f"{base}/targets/{target}/archive"),
        ("POST", f"{base}/targets/{target}/evidence"),
        ("GET", f"/staff/pupils/{plan.pupil_id}/plans/new"),
    ]


def test_sec02_teacher_of_another_class_gets_404_everywhere(login, world, plan, db):
    other = login(world.other_teacher)
    for method, url in _plan_urls(plan):
        if method == "GET":
            response = other.get(url)
        else:
            response = other.form(url, {"smart_text": "x"}, page="/auth/account")
        assert response.status_code == 404, (method, url, response.status_code)
    assert db.session.get(Plan, plan.id).version == 2
    assert db.session.query(AuditEvent).filter_by(object_type="Plan").count() == 2


def test_sec02_another_schools_senco_gets_404_everywhere(login, world, plan, factory, db):
    other_school = factory.school("Hilltop Primary")
    stranger = factory.user(other_school, "senco", "Mr Hill")
    db.session.commit()
    client = login(stranger)
    for method, url in _plan_urls(plan):
        response = client.get(url) if method == "GET" else client.form(url, page="/auth/account")
        assert response.status_code == 404, (method, url)
    assert (
        client.form(
            f"/staff/plans/{plan.id}/targets/{plan.targets[0].id}/bank", page="/auth/account"
        ).status_code
        == 404
    )


def test_sec02_target_of_another_plan_is_404(login, world, db):
    first, second = make_plan(world), make_plan(world)
    url = f"/staff/plans/{first.id}/targets/{second.targets[0].id}"
    assert login(world.teacher).get(url).status_code == 404


def test_sec01_parent_cannot_open_staff_plan_pages(login, world, plan):
    parent = login(world.parent)
    assert parent.get(f"/staff/plans/{plan.id}").status_code == 403


def test_sec10_forged_save_changes_nothing(login, world, plan, db):
    teacher = login(world.teacher)
    response = teacher.post(f"/staff/plans/{plan.id}/edit", data=plan_data(plan, term_label="X"))
    assert response.status_code == 400
    assert db.session.get(Plan, plan.id).term_label == "Spring 2027"


# --- forms bind only what they declare, and keep what was typed ------------------------------


def test_sec12_plan_form_ignores_fields_it_does_not_declare(login, world, factory, plan, db):
    other_school = factory.school("Hilltop")
    db.session.commit()
    data = plan_data(plan, term_label="Summer 2027") | {
        "school_id": str(other_school.id),
        "pupil_id": str(world.other_pupil.id),
        "status": "agreed",
        "created_by_id": str(world.senco.id),
    }
    login(world.teacher).form(f"/staff/plans/{plan.id}/edit", data)
    plan = db.session.get(Plan, plan.id)
    assert plan.term_label == "Summer 2027"
    assert (plan.school_id, plan.pupil_id, plan.status, plan.created_by_id) == (
        world.school.id,
        world.pupil.id,
        "draft",
        world.teacher.id,
    )


def test_sec12_target_form_ignores_plan_school_and_outcome(login, world, plan, db):
    other = make_plan(world)
    target = plan.targets[0]
    data = target_data(target, baseline="Reads 14 words.") | {
        "plan_id": str(other.id),
        "school_id": "999",
        "outcome": "achieved",
        "archived_at": "2027-01-01",
        "source_proposal_id": "5",
    }
    login(world.teacher).form(f"/staff/plans/{plan.id}/targets/{target.id}", data)
    target = db.session.get(Target, target.id)
    assert target.baseline == "Reads 14 words."
    assert (target.plan_id, target.school_id, target.outcome) == (plan.id, world.school.id, None)
    assert target.archived_at is None and target.source_proposal_id is None


def test_rel05_bad_target_input_says_what_to_fix_and_keeps_what_was_typed(login, world, plan, db):
    target = plan.targets[0]
    typed = "Sam will read " + "many words " * 100
    data = target_data(
        target,
        smart_text=typed,
        group_size="four",
        weeks="99",
        cost_per_session_pence="£six",
        target_on="next march",
    )
    response = login(world.teacher).form(f"/staff/plans/{plan.id}/targets/{target.id}", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Write at most 1000 characters." in page
    assert "Write a whole number, like 3." in page
    assert "Write a number from 1 to 52." in page
    assert "Write an amount in pounds, like 6.50." in page
    assert "Write a date, like 14/03/2027." in page
    assert typed.strip() in page and 'value="four"' in page and 'value="£six"' in page
    assert db.session.get(Plan, plan.id).version == 2


def test_the_editors_fields_escape_what_was_typed(login, world, plan):
    target = plan.targets[0]
    data = target_data(target, provider='Mr "J" <i>', baseline='He said "hi" <b>&', weeks="99")
    page = login(world.teacher).form(f"/staff/plans/{plan.id}/targets/{target.id}", data)
    html = page.get_data(as_text=True)
    assert 'value="Mr &#34;J&#34; &lt;i&gt;"' in html
    assert ">\r\nHe said &#34;hi&#34; &lt;b&gt;&amp;</textarea>" in html
    assert "<i>" not in html and "<b>&" not in html


def test_rel05_review_before_start_is_refused(login, world, plan):
    data = plan_data(plan, starts_on="2027-03-01", review_on="2027-02-01")
    page = login(world.teacher).form(f"/staff/plans/{plan.id}/edit", data).get_data(as_text=True)
    assert "The review date must be after the start date." in page


def test_plan_page_queries_do_not_grow_with_targets_or_evidence(login, world, db, queries):
    plan = make_plan(world, targets=1)
    client = login(world.ta)
    with queries() as small:
        client.get(f"/staff/plans/{plan.id}")
    bigger = make_plan(world, targets=4)
    for target in bigger.targets:
        for day in (1, 2, 3):
            plans.add_evidence(world.ta, target, {"note": "Read 30", "observed_on": soon(day)})
    db.session.commit()
    with queries() as big:
        page = client.get(f"/staff/plans/{bigger.id}").get_data(as_text=True)
    assert page.count("Read 30") == 12
    assert len(big) <= len(small)


@pytest.mark.parametrize("page", ["/edit", "/versions", "/targets/{target}", "/targets/new"])
def test_plan_editors_load_the_plan_with_its_pupil(login, world, plan, queries, page):
    url = f"/staff/plans/{plan.id}" + page.format(target=plan.targets[0].id)
    client = login(world.teacher)
    with queries() as ran:
        assert client.get(url).status_code == 200
    assert not [statement for statement in ran if statement.startswith("SELECT pupil.")]


def test_a_target_taken_off_the_plan_is_no_longer_edited(login, world, db):
    plan = make_plan(world, targets=2)
    target = plan.targets[0]
    teacher = login(world.teacher)
    teacher.form(
        f"/staff/plans/{plan.id}/targets/{target.id}/archive", page=f"/staff/plans/{plan.id}"
    )
    assert teacher.get(f"/staff/plans/{plan.id}/targets/{target.id}").status_code == 404
