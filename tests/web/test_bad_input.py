"""REL-05: bad input found by fuzzing (issue 11, item 7, and names on one line from item 10)
gets a clear message next to the field or a 4xx, never a 500, and writes nothing."""

from __future__ import annotations

import html

import pytest

from pupilvoice.models import ParentResponse, Target, User
from pupilvoice.services import plans
from tests.web.plan_helpers import make_plan, target_data

ONE_LINE = "Write this on one line, without special characters."
SPECIAL = "Take out the special characters (they may have come with pasted text)."


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


@pytest.fixture
def plan(world, db):
    return make_plan(world, targets=1)


# --- ids and numbers in the address ---------------------------------------------------------


@pytest.mark.parametrize("plan_id", ["2147483648", "9223372036854775808", "0", "١"])
def test_rel05_ids_the_database_cannot_hold_are_404(login, world, plan_id):
    assert login(world.teacher).get(f"/staff/plans/{plan_id}").status_code == 404


def test_rel05_the_largest_id_is_still_a_route(login, world):
    """2147483647 is a possible id: the route matches, the plan is just not there."""
    teacher = login(world.teacher)
    assert teacher.get("/staff/plans/2147483647").status_code == 404
    assert teacher.get("/staff/plans/2147483647/edit").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "page=²",
        "page=99999999999999999999",
        "who=99999999999999999999",
        "who=²",
        "page=-1&who=0",
    ],
)
def test_rel05_audit_filters_with_odd_numbers_show_the_first_page(login, world, query):
    response = login(world.senco).get(f"/school/audit/?{query}")
    assert response.status_code == 200


@pytest.mark.parametrize("class_id", ["²", "99999999999999999999", "2147483648"])
def test_rel05_pupil_filter_with_odd_class_ids_is_no_filter(login, world, class_id):
    response = login(world.senco).get(f"/school/pupils?class_id={class_id}")
    assert response.status_code == 200
    assert "Sam" in text(response)


@pytest.mark.parametrize("args", ["a=99999999999999999999&b=²", "proposal=99999999999999999999"])
def test_rel05_plan_pages_ignore_numbers_out_of_range(login, world, plan, args):
    teacher = login(world.teacher)
    assert teacher.get(f"/staff/plans/{plan.id}/versions?{args}").status_code == 200
    assert teacher.get(f"/staff/plans/{plan.id}/targets/new?{args}").status_code == 200


@pytest.mark.parametrize("query", ["action=%00", "kind=a%01b", "since=%1b"])
def test_rel05_control_characters_in_a_query_string_are_a_bad_request(login, world, query):
    """PostgreSQL refuses NUL in text: before this check the audit filter was a 500 there."""
    response = login(world.senco).get(f"/school/audit/?{query}")
    assert response.status_code == 400
    assert "Something was wrong with that request" in text(response)


# --- numbers in forms ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cost, message",
    [
        ("1e308", "Write an amount up to £10,000."),  # the field's own range
        ("99999999999999999999", "Write an amount up to £10,000."),
        ("nan", "Write an amount in pounds, like 6.50."),
        ("inf", "Write an amount in pounds, like 6.50."),
        ("-Infinity", "Write an amount in pounds, like 6.50."),
    ],
)
def test_rel05_a_cost_out_of_range_is_refused_next_to_the_field(
    login, world, plan, db, cost, message
):
    target = plan.active_targets[0]
    teacher = login(world.teacher)
    data = target_data(target, cost_per_session_pence=cost, baseline="Changed baseline.")
    response = teacher.form(f"/staff/plans/{plan.id}/targets/{target.id}", data)
    assert response.status_code == 422
    page = text(response)
    beside = f"{message}</p>"  # the summary at the top links the same words
    assert page.count(beside) == 1 and "Write a smaller number." not in page  # one message
    assert f'value="{cost}"' in page  # what was typed stays in the box
    assert db.session.get(Target, target.id).baseline != "Changed baseline."


def test_rel05_a_cost_left_out_of_a_target_edit_is_a_form_error(login, world, plan, db):
    target = plan.active_targets[0]
    data = target_data(target, baseline="Changed baseline.")
    del data["cost_per_session_pence"]
    response = login(world.teacher).form(f"/staff/plans/{plan.id}/targets/{target.id}", data)
    assert response.status_code == 422
    assert "Write an amount in pounds, like 6.50." in text(response)
    assert db.session.get(Target, target.id).baseline != "Changed baseline."


@pytest.mark.parametrize("version", ["99999999999999999999", "-99999999999999999999", "²"])
def test_rel05_a_huge_hidden_version_is_refused(login, world, plan, db, version):
    target = plan.active_targets[0]
    data = target_data(target, version=version, baseline="Changed baseline.")
    response = login(world.teacher).form(f"/staff/plans/{plan.id}/targets/{target.id}", data)
    assert response.status_code == 400
    assert db.session.get(Target, target.id).baseline != "Changed baseline."


@pytest.mark.parametrize("field", ["version", "round"])
def test_rel05_a_parents_answer_with_a_huge_round_or_version_saves_nothing(
    login, world, plan, db, field
):
    plans.share(world.teacher, plan)
    db.session.commit()
    target = plan.active_targets[0]
    data = {"version": str(plan.version), "round": "0", f"answer_{target.id}": "agree"}
    data[field] = "99999999999999999999"
    response = login(world.parent).form(f"/family/plans/{plan.id}", data)
    assert response.status_code < 500
    assert db.session.query(ParentResponse).count() == 0


# --- text: control characters and one-line names ------------------------------------------------


@pytest.mark.parametrize("name", ["Mr\nJones", "Mr\r\nJones", "Mr\tJones", "Mr\x00Jones"])
def test_rel05_a_staff_name_with_a_line_break_or_nul_is_refused(login, world, db, name):
    page = "/school/staff/invite"
    data = {"name": name, "email": "new.teacher@school.example", "role": "teacher"}
    response = login(world.senco).form(page, data)
    assert response.status_code == 422
    assert ONE_LINE in text(response)
    assert db.session.query(User).filter_by(email="new.teacher@school.example").count() == 0


def test_rel05_nul_in_a_text_area_is_refused_but_new_lines_are_kept(login, world, plan, db):
    target = plan.active_targets[0]
    teacher = login(world.teacher)
    url = f"/staff/plans/{plan.id}/targets/{target.id}"
    refused = teacher.form(url, target_data(target, baseline="Reads\x00 12 words."))
    assert refused.status_code == 422 and SPECIAL in text(refused)
    assert "\x00" not in db.session.get(Target, target.id).baseline
    saved = teacher.form(url, target_data(target, baseline="Reads 12 words.\r\nSlowly."))
    assert saved.status_code == 302
    assert db.session.get(Target, target.id).baseline == "Reads 12 words.\nSlowly."


def test_rel05_the_live_checker_refuses_nul(login, world):
    teacher = login(world.teacher)
    token = teacher.csrf_token("/auth/account")
    body = {"kind": "smart_text", "text": "Sam will read\x00 40 words."}
    response = teacher.post("/staff/check", json=body, headers={"X-CSRFToken": token})
    assert response.status_code == 400


def test_names_that_arrive_other_than_by_a_form_are_one_line(world, factory, db, outbox):
    """A name from an import or a command cannot carry a line break into a mail."""
    world.school.name = "Riverside\r\nBcc: someone@evil.example"
    parent = factory.user(world.school, "parent", "Tom\nTaylor")
    world.pupil.first_name = "Sam\u2028Jo"
    db.session.commit()
    assert world.school.name == "Riverside Bcc: someone@evil.example"
    assert parent.name == "Tom Taylor"
    assert world.pupil.first_name == "Sam Jo"


def test_names_in_an_invitation_mail_are_on_one_line(login, world, factory, db, mailbox, deliver):
    parent = factory.user(world.school, "parent", "Tom\r\nBcc: someone@evil.example")
    parent.password_hash = None
    world.pupil.first_name = "Sam\nTo: someone@evil.example"
    factory.link(parent, world.pupil)
    db.session.commit()
    teacher = login(world.teacher)
    response = teacher.form(f"/staff/families/{parent.id}/email", page="/staff/families/")
    assert response.status_code == 302
    deliver()
    (message,) = mailbox.messages
    body = message.get_content()
    assert "Sam To: someone@evil.example" in body
    assert not any(line.startswith(("To:", "Bcc:")) for line in body.splitlines())
    assert message["Bcc"] is None
