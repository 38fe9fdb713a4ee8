"""The parent's plan page and answers (issue 6, items 3, 4, 7): plain words, "received",
answers tied to the version and a hash of its text (REL-03), double taps and replays
(REL-04, SEC-10), confirming again after a change, two parents, and privacy (SEC-02)."""

from __future__ import annotations

import html
import re

import pytest

from pupilvoice.domain import parent_answers as rules
from pupilvoice.models import AuditEvent, ParentResponse, Plan, PlanDelivery, PlanVersion
from pupilvoice.services import plans, signoff
from tests.web.plan_helpers import make_plan, target_values


def text(response) -> str:
    """The page with entities decoded (an apostrophe may come as ') and without the
    <bdi> that isolates each name, number and date in a sentence (A11Y-10)."""
    return html.unescape(re.sub(r"</?bdi[^>]*>", "", response.get_data(as_text=True)))


@pytest.fixture
def shared(world, db):
    """Sam's plan with two targets, shared with his parents by Mr Jones."""
    plan = make_plan(world, targets=1)
    plans.add_target(
        world.teacher,
        plan,
        target_values(area="maths", smart_text="Sam will count on to 20 in 4 of 5 lessons."),
    )
    plans.share(world.teacher, plan)
    db.session.commit()
    return plan


def answer_data(plan, answers: dict, **extra) -> dict:
    """The form as the page would post it: version, round, and answer_<id>/comment_<id>."""
    data = {"version": str(plan.version), "round": "0"} | extra
    for target, (kind, comment) in answers.items():
        data[f"answer_{target.id}"] = kind
        data[f"comment_{target.id}"] = comment
    return data


def rows(db, plan=None):
    query = db.session.query(ParentResponse)
    if plan is not None:
        query = query.filter_by(plan_id=plan.id)
    return query.order_by(ParentResponse.id).all()


def status_of(db, plan) -> str:
    db.session.expire_all()
    return db.session.get(Plan, plan.id).status


# --- reading --------------------------------------------------------------------------------


def test_parent_reads_the_plan_in_plain_words(login, world, shared, db):
    family = login(world.parent)
    home = text(family.get("/family/"))
    assert "Read Sam's plan" in home and "Please read it" in home
    page = text(family.get(f"/family/plans/{shared.id}"))
    first, second = shared.active_targets
    assert first.smart_text in page and second.smart_text in page
    assert "Sam said:" in page and "I want to read my football cards" in page
    assert re.search(
        r"Mrs Evans \(teaching assistant\) will read with Sam, in a group of 4\. "
        r"This is 3 times a week, for 20 minutes, until \d+ \w+ \d{4}\.",
        page,
    )
    assert "Read the key-ring words at bedtime." in page  # what you can do at home
    assert "We will look at this plan again with you on" in page
    assert "I agree, and I'd like to add…" in page and "I'd like to talk about this" in page
    assert "consent" not in page.lower()
    assert page.count("data-say=") >= 6  # read-aloud beside every paragraph


def test_opening_is_received_and_every_view_is_audited(login, world, shared, db):
    family = login(world.parent)
    family.get(f"/family/plans/{shared.id}")
    (delivery,) = db.session.query(PlanDelivery).all()
    first_open = delivery.opened_at
    assert first_open is not None and delivery.parent_id == world.parent.id
    family.get(f"/family/plans/{shared.id}")
    assert db.session.get(PlanDelivery, delivery.id).opened_at == first_open
    views = db.session.query(AuditEvent).filter_by(action="parent_viewed").all()
    assert [v.detail["received"] for v in views] == [True, False]
    assert all(v.actor_user_id == world.parent.id and v.object_id == shared.id for v in views)


def test_sec02_drafts_and_other_families_plans_give_404(login, world, shared, factory, db):
    draft = make_plan(world, targets=1)
    other_parent = factory.user(world.school, "parent", "Olu Adeyemi")
    factory.link(other_parent, world.other_pupil)
    db.session.commit()
    family = login(world.parent)
    assert family.get(f"/family/plans/{draft.id}").status_code == 404
    stranger = login(other_parent)
    assert stranger.get(f"/family/plans/{shared.id}").status_code == 404
    data = answer_data(shared, {shared.active_targets[0]: ("agree", "")})
    response = stranger.form(f"/family/plans/{shared.id}", data, page="/family/")
    assert response.status_code == 404
    assert rows(db) == []
    assert "Sam" not in text(stranger.get("/family/"))


def test_privacy_no_costs_evidence_or_worries_on_the_parent_page(login, world, shared, db):
    target = shared.active_targets[0]
    plans.add_evidence(
        world.teacher,
        target,
        {"note": "Cried in the phonics group", "observed_on": target.target_on},
    )
    db.session.commit()
    page = text(login(world.parent).get(f"/family/plans/{shared.id}"))
    assert "Cried in the phonics group" not in page
    assert "£" not in page and "10.00" not in page


# --- answering ------------------------------------------------------------------------------


def test_answers_store_the_version_and_hashes(login, world, shared, db):
    family = login(world.parent)
    first, second = shared.active_targets
    data = answer_data(
        shared,
        {first: ("agree_add", "We read at bedtime."), second: ("talk", "Can we meet?")},
        home_help="He reads best after tea.",
        child_said="",
    )
    response = family.form(f"/family/plans/{shared.id}", data)
    assert response.status_code == 302
    version = db.session.query(PlanVersion).filter_by(plan_id=shared.id, number=shared.version)
    version = version.one()
    saved = rows(db, shared)
    assert [(r.target_id, r.kind, r.comment) for r in saved] == [
        (first.id, "agree_add", "We read at bedtime."),
        (second.id, "talk", "Can we meet?"),
        (None, "home_help", "He reads best after tea."),
    ]
    for row in saved:
        assert row.plan_version == shared.version and row.plan_text_hash == version.text_hash
        assert row.method == "online" and row.parent_id == world.parent.id
    assert saved[0].target_hash == rules.target_hash(signoff.target_fields(first))
    assert status_of(db, shared) == "shared"  # "talk" is an answer, not a confirmation
    assert "The school can see your answers now" in text(family.get("/family/"))
    audit = db.session.query(AuditEvent).filter_by(action="parent_answered").one()
    assert audit.detail["answers"] == [r.id for r in saved]


def test_agreeing_to_every_target_agrees_the_plan(login, world, shared, db):
    family = login(world.parent)
    first, second = shared.active_targets
    data = answer_data(shared, {first: ("agree", ""), second: ("agree", "")})
    family.form(f"/family/plans/{shared.id}", data)
    assert status_of(db, shared) == "agreed"
    page = text(family.get(f"/family/plans/{shared.id}"))
    assert "This plan is agreed" in page and 'name="answer_' not in page


def test_rel04_a_double_tap_saves_once(login, world, shared, db):
    family = login(world.parent)
    first = shared.active_targets[0]
    data = answer_data(shared, {first: ("talk", "Please call me.")})
    token = family.csrf_token(f"/family/plans/{shared.id}")
    for _ in range(2):
        response = family.post(f"/family/plans/{shared.id}", data=data | {"csrf_token": token})
        assert response.status_code == 302
    assert len(rows(db, shared)) == 1


def test_rel04_an_older_page_of_the_same_parent_does_not_overwrite(login, world, shared, db):
    family = login(world.parent)
    first = shared.active_targets[0]
    family.form(f"/family/plans/{shared.id}", answer_data(shared, {first: ("agree", "")}))
    # a second tab opened before the first answer, now sending something else
    stale = family.form(f"/family/plans/{shared.id}", answer_data(shared, {first: ("talk", "x")}))
    assert stale.status_code == 409
    assert "nothing was sent" in text(stale)
    assert re.search(r">\s*x</textarea>", text(stale))  # what they typed is kept
    assert [r.kind for r in rows(db, shared)] == ["agree"]


def test_rel04_the_conflict_page_can_be_sent_again(login, world, shared, db):
    """The 409 page carries the plan's version and answer round as they are now, not the
    old page's: sending it again saves, instead of finding a conflict every time."""
    family = login(world.parent)
    first = shared.active_targets[0]
    url = f"/family/plans/{shared.id}"
    family.form(url, answer_data(shared, {first: ("agree", "")}))
    plans.edit_target(world.teacher, first, {"minutes_per_session": 30}, shared.version)
    db.session.commit()
    stale = family.form(url, answer_data(shared, {first: ("talk", "x")}, version="1"))
    assert stale.status_code == 409
    page = text(stale)
    carried = {
        name: re.search(rf'name="{name}" type="hidden" value="(\d+)"', page).group(1)
        for name in ("version", "round")
    }
    assert carried == {"version": str(shared.version), "round": "1"}
    again = family.form(url, answer_data(shared, {first: ("talk", "x")}) | carried)
    assert again.status_code == 302
    assert [r.kind for r in rows(db, shared)] == ["agree", "talk"]


def test_sec10_forged_post_changes_nothing(login, world, shared, db):
    family = login(world.parent)
    data = answer_data(shared, {shared.active_targets[0]: ("agree", "")})
    assert family.post(f"/family/plans/{shared.id}", data=data).status_code == 400
    assert rows(db) == []


def test_replayed_post_after_a_change_changes_nothing(login, world, shared, db):
    family = login(world.parent)
    first = shared.active_targets[0]
    data = answer_data(shared, {first: ("agree", "")})
    token = family.csrf_token(f"/family/plans/{shared.id}")
    plans.edit_target(world.teacher, first, {"minutes_per_session": 30}, shared.version)
    db.session.commit()
    response = family.post(f"/family/plans/{shared.id}", data=data | {"csrf_token": token})
    assert response.status_code == 409
    assert rows(db) == []


def test_unknown_answers_and_long_comments_are_refused(login, world, shared, db):
    family = login(world.parent)
    first = shared.active_targets[0]
    odd = answer_data(shared, {first: ("consent", "")})
    assert family.form(f"/family/plans/{shared.id}", odd).status_code == 302
    assert rows(db) == []  # an answer that does not exist is not stored
    long = answer_data(shared, {first: ("agree", "x" * 1001)})
    response = family.form(f"/family/plans/{shared.id}", long)
    assert response.status_code == 422 and "at most 1000 characters" in text(response)
    assert rows(db) == []


# --- changes and confirming again -----------------------------------------------------------


def test_a_changed_target_needs_confirming_again_and_shows_what_changed(login, world, shared, db):
    family = login(world.parent)
    first, second = shared.active_targets
    was = shared.version
    family.form(
        f"/family/plans/{shared.id}",
        answer_data(shared, {first: ("agree", ""), second: ("agree", "")}),
    )
    assert status_of(db, shared) == "agreed"
    plan = db.session.get(Plan, shared.id)
    plans.edit_target(world.teacher, first, {"minutes_per_session": 30}, plan.version)
    db.session.commit()
    assert status_of(db, shared) == "needs_confirming"
    assert "The school changed Sam" in text(family.get("/family/"))
    page = text(family.get(f"/family/plans/{shared.id}"))
    assert "This target changed after you answered." in page
    assert re.search(r"<del>.*?before:.*?20</del>", page)
    assert re.search(r"<ins>.*?now:.*?30</ins>", page)
    assert page.count("You answered on") == 1  # the other target's answer still stands
    plan = db.session.get(Plan, shared.id)
    family.form(f"/family/plans/{plan.id}", answer_data(plan, {first: ("agree", "")}, round="1"))
    assert status_of(db, shared) == "agreed"
    kinds = [(r.target_id, r.plan_version) for r in rows(db, shared)]
    assert kinds == [(first.id, was), (second.id, was), (first.id, was + 1)]  # history kept


def test_a_change_parents_do_not_read_keeps_their_confirmation(login, world, shared, db):
    family = login(world.parent)
    first, second = shared.active_targets
    family.form(
        f"/family/plans/{shared.id}",
        answer_data(shared, {first: ("agree", ""), second: ("agree", "")}),
    )
    plan = db.session.get(Plan, shared.id)
    plans.edit_target(world.teacher, first, {"cost_per_session_pence": 1200}, plan.version)
    db.session.commit()
    assert status_of(db, shared) == "agreed"


def test_every_parent_confirms_and_each_ones_latest_answer_counts(
    login, world, shared, factory, db
):
    mum = factory.user(world.school, "parent", "Amy Taylor")
    factory.link(mum, world.pupil)
    db.session.commit()
    first, second = shared.active_targets
    everything = {first: ("agree", ""), second: ("agree", "")}
    dad_client, mum_client = login(world.parent), login(mum)
    dad_client.form(f"/family/plans/{shared.id}", answer_data(shared, everything))
    assert status_of(db, shared) == "shared"  # mum has not answered yet
    mum_client.form(f"/family/plans/{shared.id}", answer_data(shared, {first: ("talk", "")}))
    mum_client.form(f"/family/plans/{shared.id}", answer_data(shared, everything, round="1"))
    assert status_of(db, shared) == "agreed"
    mums = [r.kind for r in rows(db, shared) if r.parent_id == mum.id]
    assert mums == ["talk", "agree", "agree"]
    # each parent sees only their own answers
    page = text(dad_client.get(f"/family/plans/{shared.id}"))
    assert "talk" not in re.findall(r"Your answer: ([^<]+)", page)


def test_the_plan_page_loads_each_thing_once_and_audits_every_read(
    login, world, shared, db, queries
):
    """Rendering before the audit row is committed: nothing is loaded again after it."""
    family = login(world.parent)
    url = f"/family/plans/{shared.id}"
    family.get(url)
    with queries() as before:
        family.get(url)
    tables = [re.search(r'\bFROM "?(\w+)', s).group(1) for s in before if s.startswith("SELECT")]
    assert len(tables) == len(set(tables)), tables
    # the session, the plan with its pupil and targets, the targets' evidence (the child's
    # progress), the parent's children, what was sent to them, their answers; then the audit row
    read = ["login_session", "plan", "evidence", "parent_link", "plan_delivery", "parent_response"]
    assert tables == read
    assert sum(s.startswith("INSERT INTO audit_event") for s in before) == 1
    plans.add_target(world.teacher, shared, target_values(area="writing", smart_text="Writes."))
    db.session.commit()
    with queries() as after:
        page = text(family.get(url))
    assert "Writes." in page
    assert len(after) == len(before)
    views = db.session.query(AuditEvent).filter_by(action="parent_viewed").count()
    assert views == 3


def test_the_family_home_reads_a_few_rows_for_each_child(login, world, shared, db, queries):
    """The children with their classes in one statement; then, for each child, their
    newest shared plan, its targets and this parent's answers."""
    family = login(world.parent)
    family.get("/family/")
    with queries() as ran:
        page = text(family.get("/family/"))
    assert "Read Sam's plan" in page and "Class: Oak" in page
    tables = [re.search(r'\bFROM "?(\w+)', s).group(1) for s in ran if s.startswith("SELECT")]
    read = ["login_session", "pupil", "plan", "parent_link", "parent_response", "target"]
    assert tables == read
