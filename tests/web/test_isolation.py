"""A11Y-10 on the staff and family pages: names, dates and school text put into a sentence
are isolated (<bdi>), and what staff wrote carries lang="en" on a page in another language
(issue 13, item 6). The browser checks the order they are drawn in
(tests/browser/test_family_page.py)."""

from __future__ import annotations

import re

from pupilvoice.services import plans
from tests.web.plan_helpers import make_plan


def test_a11y10_the_staff_plan_page_in_urdu_isolates_names_and_marks_school_text(login, world, db):
    plan = make_plan(world, targets=1)
    db.session.commit()
    page = login(world.teacher).get(f"/staff/plans/{plan.id}?lang=ur").get_data(as_text=True)
    assert re.search(r"<h1><bdi>Sam[^<]*</bdi> کا پلان · <bdi lang=\"en\">Spring 2027</bdi>", page)
    target = plan.active_targets[0]
    assert f'lang="en">{target.smart_text}' in page
    assert f'lang="en">{target.pupil_words}' in page


def test_a11y10_the_family_page_in_urdu_isolates_names_dates_and_staff(login, world, db):
    plan = make_plan(world, targets=1)
    plans.share(world.teacher, plan)
    db.session.commit()
    page = login(world.parent).get(f"/family/plans/{plan.id}?lang=ur").get_data(as_text=True)
    assert "<h1><bdi>Sam</bdi> کا پلان</h1>" in page
    assert '<bdi lang="en">Mrs Evans (teaching assistant)</bdi>' in page
    assert re.search(r"<bdi>\d+ \w+، \d{4}</bdi> تک", page), "the date in the provision"
    home = login(world.parent).get("/family/?lang=ur").get_data(as_text=True)
    assert "<bdi>Sam</bdi>" in home
