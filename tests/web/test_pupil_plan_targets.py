"""Issue 4, item 5: the agreed targets of the pupil's plan appear on their "I can..." page
in child-friendly words; a plan still being written does not."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape

import pytest

from pupilvoice.models.base import utcnow
from tests.web.plan_helpers import make_plan


@pytest.mark.parametrize("status", ["shared", "agreed", "needs_confirming", "in_review"])
def test_agreed_plan_targets_show_in_child_words(pupil_login, world, status):
    make_plan(world, targets=1, status=status)
    page = unescape(pupil_login(world.pupil).get("/pupil/targets").get_data(as_text=True))
    assert "What we are working on" in page
    assert "I can read 40 tricky words." in page
    assert "common exception words" not in page  # never the staff SMART wording


def test_a_draft_plan_is_not_shown_to_the_pupil(pupil_login, world):
    make_plan(world, targets=1, status="draft")
    page = unescape(pupil_login(world.pupil).get("/pupil/targets").get_data(as_text=True))
    assert "What we are working on" not in page
    assert "I can read 40 tricky words." not in page


def test_another_pupils_plan_is_never_shown(pupil_login, world, factory, db):
    make_plan(world, targets=1, status="agreed")
    classmate = factory.pupil(world.own_class, "Leo")
    db.session.commit()
    page = unescape(pupil_login(classmate).get("/pupil/targets").get_data(as_text=True))
    assert "I can read 40 tricky words." not in page


def test_only_the_latest_agreed_plans_current_targets_show_from_one_query(
    pupil_login, world, db, queries
):
    older = make_plan(world, targets=1, status="agreed", starts_on=date.today() - timedelta(90))
    older.targets[0].child_text = "I can count to ten."
    latest = make_plan(world, targets=3, status="shared")
    latest.targets[0].child_text = "I can say what I need."
    latest.targets[1].archived_at = utcnow()
    latest.targets[1].child_text = "I can tie my laces."
    db.session.commit()
    sam = pupil_login(world.pupil)
    with queries() as ran:
        page = unescape(sam.get("/pupil/targets").get_data(as_text=True))
    shown = re.findall(r'tile--static">.*?<span dir="auto">(.*?)</span>', page, re.S)
    assert shown == ["I can say what I need.", "I can read 40 tricky words."]
    # the session, the tablet sign-in, the ideas with their last faces, the plan's targets,
    # and the last reviewed plan's outcomes (issue 12)
    assert len(ran) == 5, ran
