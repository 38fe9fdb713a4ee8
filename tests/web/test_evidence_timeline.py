"""Evidence through the term (issue 12 item 1): a dated note with an optional measured
value out of a total, and each target's time line of evidence and the pupil's faces on
the plan page and the review screen (REL-05, SEC-02, A11Y, bounded queries)."""

from __future__ import annotations

import html
import re
from datetime import date, timedelta

import pytest

from pupilvoice.models import Evidence
from pupilvoice.services import plans, reviews, voice
from tests.web.plan_helpers import make_plan


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def url(plan, target) -> str:
    return f"/staff/plans/{plan.id}/targets/{target.id}/evidence"


def timeline_of(page: str, target) -> str:
    """The time line picture of one target on a page."""
    found = re.search(rf'<svg[^>]*aria-labelledby="timeline-{target.id}-title.*?</svg>', page, re.S)
    assert found, "no time line for the target"
    return found.group(0)


def hidden_table(page: str) -> str:
    return page.split('<div class="visually-hidden"><table>', 1)[1].split("</table>", 1)[0]


@pytest.fixture
def plan(world):
    return make_plan(world)


def add(target, day: int, measured=None, out_of=None, note="Read the words"):
    values = {"note": note, "observed_on": date.today() + timedelta(days=day)}
    return plans.add_evidence(
        target.plan.created_by, target, values | {"measured": measured, "out_of": out_of}
    )


# --- adding measured evidence ----------------------------------------------------------------


def test_teaching_assistant_adds_measured_evidence(login, world, plan, db):
    target = plan.targets[0]
    data = {"note": "Friday check", "observed_on": "2027-01-22", "measured": "32", "out_of": "45"}
    response = login(world.ta).form(url(plan, target), data, page=f"/staff/plans/{plan.id}")
    assert response.status_code == 302
    evidence = db.session.query(Evidence).one()
    assert (evidence.measured, evidence.out_of, evidence.recorded_by_id) == (32, 45, world.ta.id)
    page = text(login(world.ta).get(f"/staff/plans/{plan.id}"))
    assert "32 of 45" in page


def test_the_total_defaults_to_the_last_one_used_for_the_target(login, world, plan, db):
    target = plan.targets[0]
    add(target, 1, 20, 45)
    db.session.commit()
    ta = login(world.ta)
    page = text(ta.get(f"/staff/plans/{plan.id}"))
    assert f'id="out-of-{target.id}" name="out_of" min="1" inputmode="numeric" value="45"' in page
    data = {"note": "Again", "observed_on": "2027-01-29", "measured": "25", "out_of": ""}
    assert ta.form(url(plan, target), data, page=f"/staff/plans/{plan.id}").status_code == 302
    latest = db.session.query(Evidence).filter_by(note="Again").one()
    assert (latest.measured, latest.out_of) == (25, 45)


def test_a_note_without_a_number_keeps_no_total(login, world, plan, db):
    target = plan.targets[0]
    data = {"note": "Tried hard", "observed_on": "2027-01-22", "measured": "", "out_of": "45"}
    login(world.ta).form(url(plan, target), data, page=f"/staff/plans/{plan.id}")
    assert db.session.query(Evidence.measured, Evidence.out_of).one() == (None, None)


@pytest.mark.parametrize(
    ("measured", "out_of", "message", "field"),
    [
        ("46", "45", "Write a number up to the total, 45.", "measured"),
        ("-1", "45", "Write a number from 0 to 100000.", "measured"),
        ("3", "0", "Write a number from 1 to 100000.", "out_of"),
        ("3", "999999999999999999999", "Write a number from 1 to 100000.", "out_of"),
        ("three", "45", "Write a whole number, like 3.", "measured"),
        ("3", "", "Write the total, like 45 in “32 of 45”.", "out_of"),
    ],
)
def test_rel05_bad_measures_are_refused_next_to_the_field_and_the_form_kept(
    login, world, plan, db, measured, out_of, message, field
):
    target = plan.targets[0]
    data = {
        "note": "Friday check",
        "observed_on": "2027-01-22",
        "measured": measured,
        "out_of": out_of,
    }
    response = login(world.ta).form(url(plan, target), data, page=f"/staff/plans/{plan.id}")
    page = text(response)
    assert response.status_code == 422
    assert f'<p class="field__error" id="{field}-error">{message}</p>' in page
    assert "Friday check" in page and 'value="2027-01-22"' in page
    assert f'value="{measured}"' in page
    assert db.session.query(Evidence).count() == 0


def test_sec02_another_schools_target_is_404(login, world, plan, factory, db):
    other_school = factory.school("Elsewhere")
    senco = factory.user(other_school, "senco")
    db.session.commit()
    data = {"note": "x", "observed_on": "2027-01-22", "measured": "1", "out_of": "2"}
    client = login(senco)
    assert client.form(url(plan, plan.targets[0]), data, page="/staff/").status_code == 404
    assert client.get(f"/staff/plans/{plan.id}").status_code == 404
    assert db.session.query(Evidence).count() == 0


# --- the time line ---------------------------------------------------------------------------


def test_plan_page_draws_one_mark_per_measure_note_and_face(login, world, plan, db):
    target = plan.targets[0]
    idea = voice.propose(world.pupil, "reading", "i_can", "read my football cards", None)
    voice.rate(idea, 1, world.pupil, None)
    target.source_proposal_id = idea.id
    add(target, 5, 10, 45)
    add(target, 20, 30, 45)
    add(target, 25, note="Tired today")
    db.session.commit()
    page = text(login(world.ta).get(f"/staff/plans/{plan.id}"))
    picture = timeline_of(page, target)
    assert picture.count('class="timeline__measure"') == 2
    assert picture.count('class="timeline__note"') == 1
    assert picture.count('class="timeline__face"') == 1
    assert picture.count("<polyline") == 1
    assert "Latest measure: 30 of 45" in picture  # the summary in <desc>
    rows = hidden_table(page)
    assert rows.count("<tr>") == 1 + 4  # a header row and one row per mark
    assert "Measured: 10 of 45" in rows and "Measured: 30 of 45" in rows
    assert "A note, no number" in rows and "<bdi>Sam</bdi>'s face: Not yet" in rows


def test_no_time_line_without_evidence_or_faces(login, world, plan):
    page = text(login(world.ta).get(f"/staff/plans/{plan.id}"))
    assert "timeline__picture" not in page and "No evidence yet." in page


def test_urdu_time_line_runs_right_to_left(login, world, plan, db):
    target = plan.targets[0]
    add(target, 0, 1, 2)
    db.session.commit()
    client = login(world.ta)
    english = timeline_of(text(client.get(f"/staff/plans/{plan.id}")), target)
    urdu = timeline_of(text(client.get(f"/staff/plans/{plan.id}?lang=ur")), target)
    assert 'cx="14.0"' in english and 'cx="306.0"' in urdu  # the start: left, then right


def test_review_screen_shows_the_time_line(login, world, plan, db):
    plan.status = "shared"
    target = plan.targets[0]
    add(target, 3, 12, 45)
    add(target, 9, 20, 45)
    reviews.start(world.teacher, plan)
    db.session.commit()
    page = text(login(world.teacher).get(f"/staff/plans/{plan.id}/review"))
    picture = timeline_of(page, target)
    assert picture.count('class="timeline__measure"') == 2
    assert "20 of 45" in hidden_table(page)


def _filled(world, db, targets: int, per_target: int):
    """A plan in review whose targets each grew from an idea the pupil rated, with
    ``per_target`` measured evidence."""
    plan = make_plan(world, targets=targets, status="shared")
    for n, target in enumerate(plan.targets):
        idea = voice.propose(world.pupil, "reading", "i_can", f"idea {n}", None)
        voice.rate(idea, 2, world.pupil, None)
        target.source_proposal_id = idea.id
        for day in range(per_target):
            add(target, day, day, 10)
    reviews.start(world.teacher, plan)
    db.session.commit()
    return plan


@pytest.mark.parametrize("page", ["", "/review"])
def test_queries_do_not_grow_with_evidence_or_faces(login, world, db, queries, page):
    small = _filled(world, db, targets=1, per_target=1)
    client = login(world.teacher)
    with queries() as few:
        client.get(f"/staff/plans/{small.id}{page}")
    big = _filled(world, db, targets=3, per_target=6)
    with queries() as many:
        body = text(client.get(f"/staff/plans/{big.id}{page}"))
    assert body.count('class="timeline__measure" cx=') == 18
    assert len(many) <= len(few)
