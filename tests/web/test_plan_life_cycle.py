"""Two life-cycle rules of a shared plan (issue 13, item 10): a parent linked after the plan
went to the family gets it and confirms it target by target, tied to the version they read;
a change only to the pupil's child-friendly words is a new version, but parents never read
those words, so it does not ask them again (REL-03)."""

from __future__ import annotations

import html

import pytest

from pupilvoice.models import AuditEvent, ParentResponse, Plan, PlanDelivery
from pupilvoice.services import plans, signoff
from tests.web.plan_helpers import make_plan, target_data, target_values


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


@pytest.fixture
def agreed(world, login, db):
    """Sam's plan of two targets, shared and agreed by Tom, his only parent so far."""
    plan = make_plan(world, targets=1)
    plans.add_target(world.teacher, plan, target_values(area="maths", smart_text="Count to 20."))
    plans.share(world.teacher, plan)
    db.session.commit()
    answer_all(login(world.parent), plan)
    assert db.session.get(Plan, plan.id).status == "agreed"
    return plan


def answer_all(client, plan, kind: str = "agree"):
    client.get(f"/family/plans/{plan.id}")
    data = {"version": str(plan.version), "round": str(_round(plan, client))}
    data |= {f"answer_{t.id}": kind for t in plan.active_targets}
    return client.form(f"/family/plans/{plan.id}", data)


def _round(plan, client) -> int:
    page = client.get(f"/family/plans/{plan.id}").get_data(as_text=True)
    return int(page.split('name="round"', 1)[1].split('value="', 1)[1].split('"', 1)[0])


def link_parent(senco, parent, pupil, method: str = "email", language: str = "pl"):
    url = f"/school/parents/{parent.id}"
    data = {
        "pupil_id": str(pupil.id),
        "relationship_label": "parent",
        "preferred_language": language,
        "contact_method": method,
    }
    return senco.form(f"{url}/links", data, page=url, follow_redirects=True)


# --- a parent linked after the plan was shared ----------------------------------------------


def test_rel03_a_parent_linked_after_agreement_gets_the_plan_and_confirms_it(
    login, world, factory, agreed, db, mailbox, deliver
):
    aga = factory.user(world.school, "parent", "Agnieszka Kowalska", locale="pl")
    db.session.commit()
    page = text(link_parent(login(world.senco), aga, world.pupil))
    assert "Agnieszka Kowalska" in page and "The plan is on its way to" in page
    plan = db.session.get(Plan, agreed.id)
    assert plan.status == "shared"  # not agreed until every parent has confirmed
    deliver()
    (message,) = mailbox.to(aga.email)
    assert (
        message["Content-Language"] == "pl" and f"/family/plans/{plan.id}" in message.get_content()
    )
    delivery = db.session.query(PlanDelivery).filter_by(parent_id=aga.id).one()
    assert delivery.sent_version == plan.version
    assert db.session.query(AuditEvent).filter_by(action="parent_added_to_plan").count() == 1

    parent = login(aga)
    first, second = plan.active_targets
    assert f'name="answer_{first.id}"' in text(parent.get(f"/family/plans/{plan.id}"))
    data = {"version": str(plan.version), "round": str(_round(plan, parent))}
    parent.form(f"/family/plans/{plan.id}", data | {f"answer_{first.id}": "agree"})
    assert db.session.get(Plan, plan.id).status == "shared"  # one target still to answer
    data["round"] = str(_round(plan, parent))
    parent.form(f"/family/plans/{plan.id}", data | {f"answer_{second.id}": "agree_add"})
    plan = db.session.get(Plan, plan.id)
    assert plan.status == "agreed"
    rows = db.session.query(ParentResponse).filter_by(parent_id=aga.id).all()
    assert {r.target_id for r in rows} == {first.id, second.id}
    assert {r.plan_version for r in rows} == {plan.version}  # tied to the version she read


def test_a_late_parent_on_paper_is_on_the_letters_to_print(login, world, factory, agreed, db):
    imran = factory.user(world.school, "parent", "Imran Shah", locale="ur", email=None)
    imran.password_hash = None
    db.session.commit()
    link_parent(login(world.senco), imran, world.pupil, method="letter", language="ur")
    assert db.session.get(Plan, agreed.id).status == "shared"
    page = text(login(world.teacher).get(f"/staff/plans/{agreed.id}"))
    assert "Print 1 letter" in page


def test_a_parent_linked_to_a_draft_or_a_plan_in_review_changes_nothing(
    login, world, factory, db, mailbox, deliver
):
    plan = make_plan(world, targets=1)
    aga = factory.user(world.school, "parent", "Agnieszka Kowalska")
    db.session.commit()
    link_parent(login(world.senco), aga, world.pupil)
    deliver()
    assert db.session.get(Plan, plan.id).status == "draft" and mailbox.to(aga.email) == []


# --- a change only to the pupil's words ------------------------------------------------------


def edit_child_words(login, world, plan, words: str = "I can read 45 tricky words."):
    target = db_target(plan)
    data = target_data(target, child_text=words)
    return login(world.teacher).form(f"/staff/plans/{plan.id}/targets/{target.id}", data)


def db_target(plan):
    return plan.active_targets[0]


def test_rel03_changing_only_the_pupils_words_keeps_the_parents_confirmation(
    login, world, agreed, db, mailbox, deliver
):
    before = agreed.version
    assert edit_child_words(login, world, agreed).status_code == 302
    deliver()
    plan = db.session.get(Plan, agreed.id)
    assert plan.version == before + 1 and plan.status == "agreed"
    assert signoff.has_answered(plan, signoff.latest_answers(plan, world.parent))
    teacher = login(world.teacher)
    versions = text(teacher.get(f"/staff/plans/{plan.id}/versions?a={before}&b={plan.version}"))
    assert "<del>40</del>" in versions and "<ins>45</ins>" in versions
    page = text(teacher.get(f"/staff/plans/{plan.id}"))
    assert "changes not sent" not in page and "E-mail it to" not in page
    family = text(login(world.parent).get(f"/family/plans/{plan.id}"))
    assert "This plan is agreed" in family and "changed after you answered" not in family
    assert mailbox.to(world.parent.email) == []


def test_a_pupil_words_change_while_parents_are_asked_sends_nothing_again(
    login, world, factory, db
):
    plan = make_plan(world, targets=2)
    plans.share(world.teacher, plan)
    signoff.record_sent(plan, world.parent, "email", world.teacher)
    db.session.commit()
    edit_child_words(login, world, plan)
    plan = db.session.get(Plan, plan.id)
    assert plan.status == "shared"  # still the first question, not "needs confirming"
    delivery = db.session.query(PlanDelivery).filter_by(parent_id=world.parent.id).one()
    assert delivery.sent_version == plan.version  # they have every word they read
    page = text(login(world.teacher).get(f"/staff/plans/{plan.id}"))
    assert "changes not sent" not in page and "E-mail it to" not in page


def test_a_change_parents_read_still_asks_them_again(login, world, agreed, db):
    target = agreed.active_targets[0]
    data = target_data(target, home_text="Read two key-ring words at bedtime.")
    login(world.teacher).form(f"/staff/plans/{agreed.id}/targets/{target.id}", data)
    plan = db.session.get(Plan, agreed.id)
    assert plan.status == "needs_confirming"
    assert "E-mail it to 1 parent" in text(login(world.teacher).get(f"/staff/plans/{plan.id}"))


def test_rel03_answers_from_a_page_opened_before_a_pupil_words_change_are_saved(login, world, db):
    plan = make_plan(world, targets=1)
    plans.share(world.teacher, plan)
    db.session.commit()
    parent = login(world.parent)
    seen = {"version": str(plan.version), "round": str(_round(plan, parent))}
    edit_child_words(login, world, plan)
    target = plan.active_targets[0]
    response = parent.form(f"/family/plans/{plan.id}", seen | {f"answer_{target.id}": "agree"})
    assert response.status_code == 302  # not "the plan changed while this page was open"
    plan = db.session.get(Plan, plan.id)
    assert plan.status == "agreed"
    (row,) = db.session.query(ParentResponse).filter_by(parent_id=world.parent.id).all()
    assert row.plan_version == plan.version  # tied to the version it was saved against


def test_answers_from_a_page_opened_before_a_change_parents_read_are_refused(login, world, db):
    plan = make_plan(world, targets=1)
    plans.share(world.teacher, plan)
    db.session.commit()
    parent = login(world.parent)
    seen = {"version": str(plan.version), "round": str(_round(plan, parent))}
    target = plan.active_targets[0]
    data = target_data(target, home_text="Read one page at bedtime.")
    login(world.teacher).form(f"/staff/plans/{plan.id}/targets/{target.id}", data)
    response = parent.form(f"/family/plans/{plan.id}", seen | {f"answer_{target.id}": "agree"})
    assert response.status_code == 409
