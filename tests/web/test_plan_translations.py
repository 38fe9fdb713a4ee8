"""Staff translate a plan's plain-language fields for a family language; parents see the
translation with the school's words beside it, never one made from older words (item 3)."""

from __future__ import annotations

import html

from pupilvoice.models import Plan, PlanTranslation
from pupilvoice.services import plans
from tests.web.plan_helpers import make_plan

POLISH = "Sam przeczyta 40 z 45 trudnych słów do 14 marca."


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def shared_plan(world, db):
    plan = make_plan(world, targets=1)
    plans.share(world.teacher, plan)
    db.session.commit()
    return plan


def test_parents_see_the_translation_with_the_schools_words(login, world, db):
    plan = shared_plan(world, db)
    target = plan.active_targets[0]
    teacher = login(world.teacher)
    url = f"/staff/families/plans/{plan.id}/translate/pl"
    page = text(teacher.get(url))
    assert target.smart_text in page and target.pupil_words not in page  # never translated
    data = {f"t{target.id}_smart_text": POLISH, f"t{target.id}_home_text": "Czytajcie razem."}
    assert teacher.form(url, data).status_code == 302
    assert db.session.query(PlanTranslation).count() == 2
    family = login(world.parent)
    polish = text(family.get(f"/family/plans/{plan.id}?lang=pl"))
    assert POLISH in polish and "Czytajcie razem." in polish
    assert target.smart_text in polish  # the school's own words beside it
    english = text(family.get(f"/family/plans/{plan.id}?lang=en"))
    assert POLISH not in english and target.smart_text in english
    # saving the same words again changes nothing (REL-04)
    teacher.form(url, data)
    assert db.session.query(PlanTranslation).count() == 2


def test_a_translation_of_older_words_stays_marked_may_be_out_of_date(login, world, db):
    """Issue 13, item 8: the family keeps reading in their language, told it may be out
    of date, with the school's new words beside it, until staff update it."""
    plan = shared_plan(world, db)
    target = plan.active_targets[0]
    teacher = login(world.teacher)
    url = f"/staff/families/plans/{plan.id}/translate/pl"
    teacher.form(url, {f"t{target.id}_smart_text": POLISH})
    plan = db.session.get(Plan, plan.id)
    plans.edit_target(
        world.teacher, target, {"smart_text": "Sam will read 30 words."}, plan.version
    )
    db.session.commit()
    family = login(world.parent)
    polish = text(family.get(f"/family/plans/{plan.id}?lang=pl"))
    assert POLISH in polish and "Sam will read 30 words." in polish
    assert polish.count('class="out-of-date"') == 1
    assert "Please update the translation" in text(teacher.get(url))
    teacher.form(url, {f"t{target.id}_smart_text": "Sam przeczyta 30 słów."})
    polish = text(family.get(f"/family/plans/{plan.id}?lang=pl"))
    assert "Sam przeczyta 30 słów." in polish and 'class="out-of-date"' not in polish


def test_emptying_a_translation_removes_it_and_long_text_is_refused(login, world, db):
    plan = shared_plan(world, db)
    target = plan.active_targets[0]
    teacher = login(world.teacher)
    url = f"/staff/families/plans/{plan.id}/translate/ur"
    teacher.form(url, {f"t{target.id}_smart_text": "ترجمہ"})
    teacher.form(url, {f"t{target.id}_smart_text": ""})
    assert db.session.query(PlanTranslation).count() == 0
    response = teacher.form(url, {f"t{target.id}_smart_text": "x" * 1001})
    assert response.status_code == 422 and "at most 1000 characters" in text(response)
    assert db.session.query(PlanTranslation).count() == 0


def test_sec02_only_the_class_teacher_or_senco_and_only_family_languages(login, world, db):
    plan = shared_plan(world, db)
    assert (
        login(world.other_teacher).get(f"/staff/families/plans/{plan.id}/translate/pl").status_code
        == 404
    )
    teacher = login(world.teacher)
    for language in ("en", "de", "xx"):
        assert (
            teacher.get(f"/staff/families/plans/{plan.id}/translate/{language}").status_code == 404
        )
    assert (
        login(world.senco).get(f"/staff/families/plans/{plan.id}/translate/cy").status_code == 200
    )
