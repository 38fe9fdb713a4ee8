"""Versions, concurrent edits and the audit of plans: two staff never silently overwrite
each other (REL-02), every save is one transaction (REL-01), every read and change of a
plan is audited with the change and not without it (REL-06)."""

from __future__ import annotations

import re
from html import unescape

import pytest
from sqlalchemy import text
from sqlalchemy.orm.exc import StaleDataError

from pupilvoice.models import AuditEvent, Plan, PlanVersion, Target
from pupilvoice.services import plans
from tests.web.plan_helpers import GOOD_TARGET, make_plan, plan_data, target_data


@pytest.fixture
def plan(world):
    return make_plan(world)


def merge_choices(html: str, choose: dict[str, str] | None = None) -> dict[str, str]:
    """What the merge page posts: its hidden fields and the chosen side of each clash."""
    choose = choose or {}
    data: dict[str, str] = {}
    for tag in re.findall(r"<input [^>]+>", html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if not name or not value:
            continue
        name, value = name.group(1), unescape(value.group(1))
        if 'type="radio"' not in tag:
            data[name] = value
            continue
        radios = data.setdefault(f"_radios_{name}", [])
        radios.append((value, "checked" in tag))
    for key in [k for k in data if k.startswith("_radios_")]:
        name, options = key[len("_radios_") :], data.pop(key)
        side = choose.get(name)
        if side is None:
            data[name] = next(value for value, checked in options if checked)
        else:
            data[name] = options[0 if side == "mine" else 1][0]
    return data


def events(db, action: str) -> int:
    return db.session.query(AuditEvent).filter_by(object_type="Plan", action=action).count()


# --- versions --------------------------------------------------------------------------------


def test_every_save_keeps_a_version_and_the_page_shows_what_changed(login, world, plan, db):
    target = plan.targets[0]
    teacher = login(world.teacher)
    data = target_data(target, smart_text=GOOD_TARGET.replace("40 of the 45", "35 of the 45"))
    teacher.form(f"/staff/plans/{plan.id}/targets/{target.id}", data)
    kept = db.session.query(PlanVersion).filter_by(plan_id=plan.id).order_by(PlanVersion.number)
    assert [(v.number, v.change) for v in kept] == [
        (1, "created"),
        (2, "target_added"),
        (3, "target_edited"),
    ]
    latest = kept.all()[-1]
    assert latest.snapshot["targets"][str(target.id)]["smart_text"].count("35 of the 45") == 1
    assert latest.text_hash != kept.all()[1].text_hash and latest.saved_by_id == world.teacher.id
    page = teacher.get(f"/staff/plans/{plan.id}/versions?a=2&b=3").get_data(as_text=True)
    assert "<del>40</del>" in page and "<ins>35</ins>" in page and "SMART target" in page
    assert "Target changed" in page and "Mr Jones" in page


def test_versions_page_survives_unknown_versions(login, world, plan):
    page = login(world.ta).get(f"/staff/plans/{plan.id}/versions?a=99&b=abc")
    assert page.status_code == 200


# --- concurrent edits (REL-02) ---------------------------------------------------------------


def test_rel02_second_save_of_the_same_field_shows_both_versions(login, world, plan, db):
    target = plan.targets[0]
    url = f"/staff/plans/{plan.id}/targets/{target.id}"
    jones, khan = login(world.teacher), login(world.senco)
    opened = target_data(target)  # both open the form at version 2
    theirs = GOOD_TARGET.replace("40 of the 45", "38 of the 45")
    mine = GOOD_TARGET.replace("two checks", "three checks")
    assert khan.form(url, opened | {"smart_text": theirs}).status_code == 302
    response = jones.form(url, opened | {"smart_text": mine, "baseline": "Reads 15 words."})
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert re.search(r"Changed by Mrs Khan at \d{1,2}:\d\d – here are both versions", page)
    assert mine in page and theirs in page
    saved = db.session.get(Target, target.id)
    assert saved.smart_text == theirs and saved.plan.version == 3  # nothing overwritten
    assert saved.baseline == "Reads 0 words."

    merged = jones.form(url, merge_choices(page, {"smart_text": "theirs"}), page=url)
    assert merged.status_code == 302
    saved = db.session.get(Target, target.id)
    assert saved.smart_text == theirs and saved.baseline == "Reads 15 words."
    assert saved.plan.version == 4


def test_rel02_merge_can_keep_mine(login, world, plan, db):
    url = f"/staff/plans/{plan.id}/edit"
    opened = plan_data(plan)
    jones, khan = login(world.teacher), login(world.senco)
    khan.form(url, opened | {"pupil_views": "Sam says he likes maths."})
    page = jones.form(url, opened | {"pupil_views": "Sam likes maths and PE."}).get_data(
        as_text=True
    )
    jones.form(url, merge_choices(page, {"pupil_views": "mine"}), page=url)
    assert db.session.get(Plan, plan.id).pupil_views == "Sam likes maths and PE."


def test_rel02_fields_only_they_changed_are_offered_as_theirs(login, world, plan, db):
    url = f"/staff/plans/{plan.id}/edit"
    opened = plan_data(plan)
    jones, khan = login(world.teacher), login(world.senco)
    khan.form(url, opened | {"involved": "Sam, Mrs Khan"})
    page = jones.form(url, opened | {"home_help": "Reading at bedtime."}).get_data(as_text=True)
    assert "Sam, Mrs Khan" in page  # shown, not silently taken
    jones.form(url, merge_choices(page), page=url)
    saved = db.session.get(Plan, plan.id)
    assert (saved.involved, saved.home_help) == ("Sam, Mrs Khan", "Reading at bedtime.")


def test_rel02_changes_to_other_parts_of_the_plan_merge_without_asking(login, world, plan, db):
    target = plan.targets[0]
    jones, khan = login(world.teacher), login(world.senco)
    opened = target_data(target)
    khan.form(f"/staff/plans/{plan.id}/edit", plan_data(plan, involved="Sam, Mrs Khan"))
    url = f"/staff/plans/{plan.id}/targets/{target.id}"
    response = jones.form(url, opened | {"baseline": "Reads 15 words."})
    assert response.status_code == 302
    page = jones.get(response.location).get_data(as_text=True)
    assert "both sets of changes are kept" in page
    saved = db.session.get(Plan, plan.id)
    assert saved.involved == "Sam, Mrs Khan" and saved.targets[0].baseline == "Reads 15 words."


def test_rel02_a_save_racing_another_is_refused_by_the_version_check(world, plan, db):
    """Two requests that both pass the form check: the row's version decides (the UPDATE
    says WHERE version = the one read), so the later one fails instead of overwriting."""
    plan = db.session.get(Plan, plan.id)
    seen = plan.version
    db.session.execute(
        text("UPDATE plan SET version = version + 1 WHERE id = :id"), {"id": plan.id}
    )
    with pytest.raises(StaleDataError):
        plans.edit(world.teacher, plan, {"term_label": "Summer 2027"}, seen)
    db.session.rollback()
    assert db.session.get(Plan, plan.id).term_label == "Spring 2027"


# --- one transaction, audited (REL-01, REL-06) -----------------------------------------------


def test_rel06_reading_a_plan_is_audited(login, world, plan, db):
    ta = login(world.ta)
    ta.get(f"/staff/plans/{plan.id}")
    ta.get(f"/staff/plans/{plan.id}/versions")
    login(world.teacher).get(f"/staff/plans/{plan.id}/edit")
    viewed = db.session.query(AuditEvent).filter_by(object_type="Plan", object_id=plan.id)
    actions = [(e.action, e.actor_user_id, e.detail.get("version")) for e in viewed]
    assert ("viewed", world.ta.id, 2) in actions
    assert ("viewed_versions", world.ta.id, 2) in actions
    assert ("opened_for_editing", world.teacher.id, 2) in actions


def test_rel06_a_change_is_audited_with_it_and_not_without_it(login, world, plan, db):
    teacher = login(world.teacher)
    url = f"/staff/plans/{plan.id}/edit"
    teacher.form(url, plan_data(plan, term_label=""))  # refused: no term
    teacher.post(url, data=plan_data(plan, term_label="Forged"))  # no CSRF token
    assert events(db, "edited") == 0
    teacher.form(url, plan_data(plan, term_label="Summer 2027"))
    event = db.session.query(AuditEvent).filter_by(object_type="Plan", action="edited").one()
    assert event.detail == {"version": 3, "fields": ["term_label"]}
    assert event.actor_user_id == world.teacher.id and event.school_id == world.school.id


def test_rel01_a_failure_during_a_save_leaves_nothing_half_written(
    login, world, plan, db, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("the disk is full")

    target = plan.targets[0]
    teacher = login(world.teacher)
    monkeypatch.setattr(plans.audit, "record", broken)
    data = target_data(target, smart_text="Changed")
    response = teacher.form(f"/staff/plans/{plan.id}/targets/{target.id}", data)
    assert response.status_code == 500
    assert db.session.get(Target, target.id).smart_text == GOOD_TARGET
    assert db.session.get(Plan, plan.id).version == 2
    assert db.session.query(PlanVersion).filter_by(plan_id=plan.id).count() == 2


def test_rel02_browser_line_ends_are_not_a_change(login, world, plan, db):
    teacher = login(world.teacher)
    url = f"/staff/plans/{plan.id}/edit"
    teacher.form(url, plan_data(plan, pupil_views="I like maths.\r\nReading is hard."))
    saved = db.session.get(Plan, plan.id)
    assert saved.pupil_views == "I like maths.\nReading is hard." and saved.version == 3
    teacher.form(url, plan_data(saved, pupil_views="I like maths.\r\nReading is hard."))
    assert db.session.get(Plan, plan.id).version == 3  # the same words: no new version
