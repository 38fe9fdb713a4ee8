"""The SMART checker as a teacher meets it: live as she types (POST /staff/check, the one
checker the plan editor's script asks) and on the saved target's page, two skills in one
target named with the words that join them (issue 13, item 15)."""

from __future__ import annotations

from tests.web.plan_helpers import make_plan, target_data

TWO_SENTENCES = "To spell 10 words from the Year 1 list by Easter. To read 3-letter words."
AS_WELL_AS = (
    "Jayden will write 4 sentences with full stops as well as spelling 10 topic words "
    "correctly by 27 March."
)
ONE_SKILL = "Sam will read 20 CVC words with and without adult support by Easter."


def ask(teacher, plan, text: str) -> list[dict]:
    token = teacher.csrf_token(f"/staff/plans/{plan.id}/edit")
    body = {"kind": "smart", "text": text, "target_on": ""}
    answer = teacher.post("/staff/check", json=body, headers={"X-CSRFToken": token})
    assert answer.status_code == 200
    return answer.get_json()["problems"]


def test_live_checker_names_two_skills_in_two_sentences(login, world):
    teacher = login(world.teacher)
    problems = ask(teacher, make_plan(world), TWO_SENTENCES)
    assert [p["code"] for p in problems] == ["several-skills"]
    assert problems[0]["phrase"] == "spell 10 words from the Year 1 list by Easter. To read"
    assert "make one target for each" in problems[0]["message"]


def test_live_checker_names_a_second_skill_after_as_well_as(login, world):
    teacher = login(world.teacher)
    problems = ask(teacher, make_plan(world), AS_WELL_AS)
    assert [(p["code"], p["phrase"]) for p in problems] == [
        ("several-skills", "write 4 sentences with full stops as well as spelling")
    ]


def test_with_and_without_support_is_one_skill(login, world):
    teacher = login(world.teacher)
    assert ask(teacher, make_plan(world), ONE_SKILL) == []


def test_saved_target_shows_the_two_skills_beside_the_field(login, world):
    plan = make_plan(world)
    target = plan.targets[0]
    teacher = login(world.teacher)
    data = target_data(target, smart_text=TWO_SENTENCES)
    response = teacher.form(f"/staff/plans/{plan.id}/targets/{target.id}", data)
    page = teacher.get(response.location).get_data(as_text=True)
    assert (
        "&#34;spell 10 words from the Year 1 list by Easter. To read&#34; joins more than one"
        in page
    )
