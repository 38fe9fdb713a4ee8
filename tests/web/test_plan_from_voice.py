"""Plans from the pupil's voice: the views pre-filled from their latest About me, each
"I can…" turned into a target in one step with their words kept verbatim and linked,
and the plan on the staff pupil page (SEC-02, SEC-12)."""

from __future__ import annotations

from html import unescape

from pupilvoice.models import Target
from pupilvoice.services import voice
from tests.web.plan_helpers import GOOD_TARGET, make_plan, target_data


def test_new_plan_starts_with_the_pupils_views_but_not_their_worries(login, world, db):
    voice.ensure_defaults(world.school.id)
    cards = {c.key: c for c in voice.active_cards(world.school.id)}
    sort = voice.open_sort(world.pupil)
    voice.choose(sort, cards["maths"], "like", world.pupil, None)
    reading = voice.choose(sort, cards["reading"], "dislike", world.pupil, None)
    voice.tell_more(reading, "The words move about", world.pupil, None)
    playtime = voice.choose(sort, cards["playtime"], "dislike", world.pupil, None)
    voice.tell_more(playtime, "Some boys hit me", world.pupil, None)
    voice.flag_if_needed(playtime, world.pupil, None)
    voice.propose(world.pupil, "friends", "helps", "a grown-up helps me join a game", None)
    db.session.commit()
    page = unescape(
        login(world.teacher).get(f"/staff/pupils/{world.pupil.id}/plans/new").get_data(as_text=True)
    )
    views = page[
        page.index('name="pupil_views"') : page.index(
            "</textarea>", page.index('name="pupil_views"')
        )
    ]
    assert "Likes: Maths" in views
    assert "Does not like: Reading (“The words move about”), Playtime" in views
    assert "It helps me when a grown-up helps me join a game." in views
    assert "hit" not in views  # flagged as a worry: never in what parents read


def test_a_proposal_becomes_a_target_in_one_step_with_the_words_verbatim(login, world, db):
    plan = make_plan(world, targets=0)
    proposal = voice.propose(
        world.pupil, "reading", "better", "reading words with two sounds", None
    )
    db.session.commit()
    teacher = login(world.teacher)
    picker = unescape(teacher.get(f"/staff/plans/{plan.id}/targets/new").get_data(as_text=True))
    assert "I want to get better at reading words with two sounds" in picker
    url = f"/staff/plans/{plan.id}/targets/new?proposal={proposal.id}"
    form = unescape(teacher.get(url).get_data(as_text=True))
    assert 'name="pupil_words"' not in form and "kept word for word" in form
    assert '<option selected value="reading">' in form
    data = {
        "area": "reading",
        "smart_text": GOOD_TARGET,
        "pupil_words": "I am good at reading (tidied up)",  # ignored: the words are the pupil's
        "source_proposal_id": "999",
        "version": str(plan.version),
    }
    assert teacher.form(url, data).status_code == 302
    target = db.session.query(Target).one()
    assert target.pupil_words == "I want to get better at reading words with two sounds"
    assert target.source_proposal_id == proposal.id and target.source_proposal is proposal
    edit = teacher.form(
        f"/staff/plans/{plan.id}/targets/{target.id}",
        target_data(target, pupil_words="Changed words"),
    )
    assert edit.status_code == 302
    assert db.session.get(Target, target.id).pupil_words.startswith("I want to get better at")
    page = unescape(teacher.get(f"/staff/plans/{plan.id}/targets/new").get_data(as_text=True))
    assert "already a target" in page


def test_sec02_another_pupils_proposal_is_404(login, world, factory, db):
    plan = make_plan(world, targets=0)
    theirs = voice.propose(world.other_pupil, "maths", "i_can", "count to 10", None)
    db.session.commit()
    url = f"/staff/plans/{plan.id}/targets/new?proposal={theirs.id}"
    assert login(world.teacher).get(url).status_code == 404
    assert login(world.senco).get(url).status_code == 404  # the SENCO sees both: still 404


def test_staff_pupil_page_shows_the_plans_and_offers_to_start_one(login, world, db):
    plan = make_plan(world, status="shared")
    proposal = voice.propose(world.pupil, "reading", "i_can", "read my name", None)
    db.session.commit()
    page = unescape(
        login(world.teacher).get(f"/staff/pupils/{world.pupil.id}").get_data(as_text=True)
    )
    assert "Plans" in page and plan.term_label in page and "Waiting for parents" in page
    assert f"/staff/plans/{plan.id}/targets/new?proposal={proposal.id}" in page
    ta_page = unescape(
        login(world.ta).get(f"/staff/pupils/{world.pupil.id}").get_data(as_text=True)
    )
    assert plan.term_label in ta_page and "Make this a target" not in ta_page


def test_pupil_page_queries_do_not_grow_with_plans(login, world, db, queries):
    make_plan(world)
    client = login(world.teacher)
    with queries() as one:
        client.get(f"/staff/pupils/{world.pupil.id}")
    for _ in range(4):
        make_plan(world)
    with queries() as five:
        client.get(f"/staff/pupils/{world.pupil.id}")
    assert len(five) == len(one)
