"""Group Education Plans (issue 15, item 3): a group's common targets are written once and
land on every member's open plan, where parents confirm them and staff record each pupil's
own progress; members join and leave with their history kept (SEC-01, SEC-02, PRI-01,
REL-03, REL-04, REL-05)."""

from __future__ import annotations

import re

import pytest

from pupilvoice.domain import lifecycle
from pupilvoice.models import GroupMember, GroupTarget, Plan, TeachingGroup
from pupilvoice.services import plans
from tests.web.plan_helpers import soon, target_values

COMMON = {
    "area": "reading",
    "smart_text": "By 14 March, read 40 of the 45 Year 1 common exception words on two checks",
    "child_text": "I can read 40 tricky words.",
    "baseline": "",
    "success_criteria": "40 of 45 words on two checks a week apart.",
    "strategies": "Five new words a day on flash cards, in a group of three.",
    "provider": "Mrs Evans",
    "group_size": "3",
    "sessions_per_week": "3",
    "minutes_per_session": "20",
    "weeks": "10",
    "cost_per_session_pence": "15.00",
    "location": "The library",
    "provision_id": "",
    "target_on": soon().isoformat(),
    "home_text": "Read the key-ring words at bedtime.",
}


def text(response) -> str:
    return response.get_data(as_text=True)


def open_plan(world, pupil, status="draft"):
    plan = plans.create(
        world.teacher, pupil, {"term_label": "Spring 2027", "starts_on": None, "review_on": soon()}
    )
    plans.add_target(world.teacher, plan, target_values(smart_text=f"{pupil.first_name}'s own."))
    plan.status = status
    return plan


@pytest.fixture
def three(world, factory, db):
    """Three pupils of the teacher's class, each with an open plan of their own."""
    pupils = [
        world.pupil,
        factory.pupil(world.own_class, "Mia"),
        factory.pupil(world.own_class, "Leo"),
    ]
    for pupil in pupils:
        open_plan(world, pupil)
    db.session.commit()
    return pupils


def start_group(client, pupils, name="Phonics, Tuesday"):
    data = {"name": name, "members": [str(p.id) for p in pupils]}
    response = client.form("/staff/groups/new", data)
    assert response.status_code == 302, text(response)[:3000]
    return int(re.search(r"/staff/groups/(\d+)", response.location).group(1))


def test_a_teacher_builds_a_group_plan_for_three_pupils(login, world, three, db):
    teacher = login(world.teacher)
    group_id = start_group(teacher, three)
    response = teacher.form(f"/staff/groups/{group_id}/targets/new", COMMON)
    assert response.status_code == 302, text(response)[:3000]
    after = text(teacher.get(response.location))
    assert "Plans updated: 3." in after
    # the browser's unsaved copy of the form can go (SEC-07: drafts kept until saved)
    assert f'data-draft-saved="u{world.teacher.id}-group-{group_id}-new-target"' in after
    common = db.session.query(GroupTarget).one()
    assert common.smart_text == COMMON["smart_text"] and common.cost_per_session_pence == 1500
    for pupil in three:
        plan = plans.current_plan(pupil)
        copy = next(t for t in plan.active_targets if t.group_target_id == common.id)
        assert copy.smart_text == COMMON["smart_text"] and copy.pupil_words == ""
        own = [t for t in plan.active_targets if t.group_target_id is None]
        assert own[0].smart_text == f"{pupil.first_name}'s own."
        assert plans.versions(plan)[0].change == "group_target_added"
        page = text(teacher.get(f"/staff/plans/{plan.id}"))
        assert "Group target" in page and "Phonics, Tuesday" in page
    page = text(teacher.get(f"/staff/groups/{group_id}"))
    assert all(p.display_name in page for p in three)


def test_the_common_target_form_checks_like_the_target_form(login, world, three, db):
    """REL-05: a refused form keeps what was typed and says what to do, next to the field."""
    teacher = login(world.teacher)
    group_id = start_group(teacher, three)
    response = teacher.form(f"/staff/groups/{group_id}/targets/new", COMMON | {"smart_text": ""})
    assert response.status_code == 422
    assert "Write the target." in text(response) and "Five new words a day" in text(response)
    page = text(teacher.get(f"/staff/groups/{group_id}/targets/new"))
    assert 'data-check="smart"' in page and 'data-check="plain"' in page
    assert db.session.query(GroupTarget).count() == 0


def test_a_group_needs_two_pupils(login, world, three, db):
    teacher = login(world.teacher)
    response = teacher.form("/staff/groups/new", {"name": "Alone", "members": [str(three[0].id)]})
    assert response.status_code == 422
    assert "Choose at least 2 pupils taught together." in text(response)
    assert 'value="Alone"' in text(response)
    assert db.session.query(TeachingGroup).count() == 0


def test_changing_a_common_target_is_a_new_version_of_every_member_plan(login, world, three, db):
    """REL-03: parents who confirmed the old words are asked again, on each member's plan."""
    teacher = login(world.teacher)
    group_id = start_group(teacher, three)
    teacher.form(f"/staff/groups/{group_id}/targets/new", COMMON)
    for plan in db.session.query(Plan):
        plan.status = lifecycle.AGREED
    db.session.commit()
    common = db.session.query(GroupTarget).one()
    changed = COMMON | {"smart_text": COMMON["smart_text"] + " in a row"}
    response = teacher.form(f"/staff/groups/{group_id}/targets/{common.id}", changed)
    assert response.status_code == 302
    for pupil in three:
        plan = plans.current_plan(pupil)
        assert plan.status == lifecycle.NEEDS_CONFIRMING
        copy = next(t for t in plan.active_targets if t.group_target_id == common.id)
        assert copy.smart_text.endswith("in a row")
        assert plans.versions(plan)[0].change == "group_target_edited"
    # a member's plan sends "Change" to the group's page, where it is written once
    plan = plans.current_plan(three[0])
    copy = next(t for t in plan.active_targets if t.group_target_id)
    response = teacher.get(f"/staff/plans/{plan.id}/targets/{copy.id}")
    assert response.location.endswith(f"/staff/groups/{group_id}/targets/{common.id}")


def test_joining_and_leaving_keep_history(login, world, three, factory, db):
    teacher = login(world.teacher)
    group_id = start_group(teacher, three[:2])
    teacher.form(f"/staff/groups/{group_id}/targets/new", COMMON)
    leo = three[2]
    page = f"/staff/groups/{group_id}"
    assert teacher.form(f"{page}/members", {"pupil_id": str(leo.id)}, page=page).status_code == 302
    assert any(t.group_target_id for t in plans.current_plan(leo).active_targets)
    # REL-04: a second click changes nothing
    teacher.form(f"{page}/members", {"pupil_id": str(leo.id)}, page=page)
    assert db.session.query(GroupMember).filter_by(pupil_id=leo.id).count() == 1
    assert teacher.form(f"{page}/members/{leo.id}/leave", page=page).status_code == 302
    teacher.form(f"{page}/members/{leo.id}/leave", page=page)
    stay = db.session.query(GroupMember).filter_by(pupil_id=leo.id).one()
    assert stay.left_at is not None and stay.left_by_id == world.teacher.id
    plan = plans.current_plan(leo)
    kept = [t for t in plan.targets if t.group_target_id]
    assert kept and all(t.archived_at is not None for t in kept)
    assert plans.versions(plan)[0].change == "group_left"
    shown = text(teacher.get(page))
    assert "Pupils who have left" in shown and "Leo T." in shown
    # a plan started later for a member brings the group's common targets with it
    mia = three[1]
    for old in db.session.query(Plan).filter_by(pupil_id=mia.id):
        old.status = lifecycle.CLOSED
    db.session.commit()
    data = {"term_label": "Summer 2027", "starts_on": "", "review_on": ""}
    assert teacher.form(f"/staff/pupils/{mia.id}/plans/new", data).status_code == 302
    assert any(t.group_target_id for t in plans.current_plan(mia).active_targets)


def test_sec02_a_teacher_never_sees_a_group_with_pupils_of_another_class(login, world, three, db):
    """SEC-02: the group of another class's pupil is a 404 for a teacher, listed for the
    SENCO; a teacher cannot put a pupil of another class into their own group."""
    senco = login(world.senco)
    mixed = start_group(senco, [three[0], world.other_pupil], "Mixed")
    teacher = login(world.teacher)
    assert teacher.get(f"/staff/groups/{mixed}").status_code == 404
    assert "Mixed" not in text(teacher.get("/staff/groups"))
    assert "Mixed" in text(senco.get("/staff/groups"))
    other = login(world.other_teacher)
    assert other.get(f"/staff/groups/{mixed}").status_code == 404
    page = f"/staff/groups/{mixed}"
    assert (
        other.form(f"{page}/members/{world.other_pupil.id}/leave", page="/staff/groups").status_code
        == 404
    )
    own = start_group(teacher, three[:2])
    new_page = f"/staff/groups/{own}"
    teacher.form(f"{new_page}/members", {"pupil_id": str(world.other_pupil.id)}, page=new_page)
    assert db.session.query(GroupMember).filter_by(group_id=own).count() == 2
    refused = teacher.form(
        "/staff/groups/new", {"name": "X", "members": [str(three[0].id), str(world.other_pupil.id)]}
    )
    assert refused.status_code == 422
    assert "Ayaan" not in text(teacher.get("/staff/groups/new"))


def test_a_teaching_assistant_sees_the_group_but_does_not_change_it(login, world, three, db):
    teacher = login(world.teacher)
    group_id = start_group(teacher, three)
    ta = login(world.ta)
    page = text(ta.get(f"/staff/groups/{group_id}"))
    assert "Mia T." in page and "Add a common target" not in page and "Take Mia" not in page
    assert ta.get(f"/staff/groups/{group_id}/targets/new").status_code == 403


def test_pri_parents_see_the_group_target_but_never_the_other_members(login, world, three, db):
    """PRI-01: the parent's page says the target is worked on in a small group, with their
    own child's progress; no other child's name and not the group's name."""
    teacher = login(world.teacher)
    group_id = start_group(teacher, three, "Phonics with Mia and Leo")
    teacher.form(f"/staff/groups/{group_id}/targets/new", COMMON)
    plan = plans.current_plan(world.pupil)
    copy = next(t for t in plan.active_targets if t.group_target_id)
    plans.add_evidence(
        world.teacher,
        copy,
        {"note": "Check", "observed_on": soon(-50), "measured": 31, "out_of": 45},
    )
    plans.share(world.teacher, plan)
    db.session.commit()
    page = text(login(world.parent).get(f"/family/plans/{plan.id}"))
    assert "Working on this with a small group" in page
    assert COMMON["smart_text"] in page
    assert re.search(r"Sam.*got 31 out of 45", page)
    assert "Mia" not in page and "Leo" not in page and "Phonics with" not in page
    # parents confirm the common target with the rest of the plan, one answer each
    assert f'name="answer_{copy.id}"' in page


def test_the_provision_map_counts_a_group_once_and_shares_its_cost(
    login, world, three, factory, db
):
    """Issue 15 item 4: a group plan's provision is one group, its cost shared between its
    members to the penny; a pupil on the same provision on their own is costed apart."""
    from tests.web.test_provisions import add_provision

    phonics = add_provision(world, db)
    senco = login(world.senco)
    group_id = start_group(senco, three)
    senco.form(f"/staff/groups/{group_id}/targets/new", COMMON | {"provision_id": str(phonics.id)})
    alone = factory.pupil(world.own_class, "Zara")
    plan = open_plan(world, alone)
    plans.add_target(world.teacher, plan, target_values(provision_id=phonics.id))
    db.session.commit()
    csv_text = text(senco.get("/staff/provision-map.csv?term=2026-autumn"))
    rows = {line.split(",")[0]: line.split(",") for line in csv_text.splitlines()[1:]}
    assert set(rows) == {"Sam T.", "Mia T.", "Leo T.", "Zara T."}
    members = [int(rows[name][5].replace(".", "")) for name in ("Sam T.", "Mia T.", "Leo T.")]
    assert sum(members) == int(rows["Zara T."][5].replace(".", "")) > 0
    assert max(members) - min(members) <= 1


def test_a_common_target_not_yet_achieved_stays_the_groups_in_the_next_plan(
    login, world, three, db
):
    """Issue 15 item 3 with flow 6: the review carries a group target forward still linked
    to the group (so a later change of it reaches the next plan), while the pupil is in it."""
    from pupilvoice.services import reviews

    teacher = login(world.teacher)
    group_id = start_group(teacher, three[:2])
    teacher.form(f"/staff/groups/{group_id}/targets/new", COMMON)
    plan = plans.current_plan(world.pupil)
    for target in plan.active_targets:
        target.outcome = "partly" if target.group_target_id else "achieved"
    plan.status = lifecycle.IN_REVIEW
    following = reviews.close(world.teacher, plan, {"term_label": "Summer 2027"})
    db.session.commit()
    (carried,) = following.active_targets
    assert carried.group_target_id is not None and carried.carried_from_id is not None


def test_the_group_page_reads_the_same_number_of_rows_whatever_its_size(
    login, world, three, factory, db, queries
):
    """The group's page (members, their plans, each one's progress) is built in a fixed
    number of queries: a group of three costs what a group of two does."""
    teacher = login(world.teacher)
    small = start_group(teacher, three[:2], "Small")
    teacher.form(f"/staff/groups/{small}/targets/new", COMMON)
    large = start_group(teacher, three, "Large")
    teacher.form(f"/staff/groups/{large}/targets/new", COMMON)
    counted = []
    for group_id in (small, large):
        teacher.get(f"/staff/groups/{group_id}")
        with queries() as ran:
            assert teacher.get(f"/staff/groups/{group_id}").status_code == 200
        counted.append(len(ran))
    assert counted[0] == counted[1], counted
