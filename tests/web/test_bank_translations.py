"""The multilingual target bank (issue 13, item 8): the SENCO writes a bank target's words
in each school language once; a plan target started from it brings them along (a copy);
families read them with the school's words beside; a translation of older words stays,
marked "may be out of date", until someone updates it; versions keep what parents read."""

from __future__ import annotations

import html
import re

from pupilvoice.models import PlanTranslation, PlanVersion, TargetBankEntry, TargetBankTranslation
from pupilvoice.services import plans, target_bank
from tests.web.plan_helpers import make_plan

SMART = "By the review, {name} will count on from any number to 20 in 4 of 5 lessons."
CHILD = "I can count on to 20."
URDU_SMART = "جائزے تک {name} کا ہدف: 5 میں سے 4 سبق میں کسی بھی عدد سے 20 تک آگے گننا۔"
URDU_CHILD = "مجھے 20 تک آگے گننا آتا ہے۔"
OUT_OF_DATE = 'class="out-of-date"'


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def bank_entry(world, db) -> TargetBankEntry:
    values = {"area": "maths", "smart_template": SMART, "child_template": CHILD}
    entry = target_bank.create(world.senco, values | {"strategies": "Counting songs."})
    db.session.commit()
    return entry


def translate_bank(client, entry, language="ur", **words):
    data = {"smart_template": URDU_SMART, "child_template": URDU_CHILD} | words
    return client.form(f"/staff/bank/{entry.id}/translate/{language}", data)


def start_from_bank(client, plan, entry, **changes):
    """The teacher starts a target from the bank, as the target form posts it."""
    url = f"/staff/plans/{plan.id}/targets/new?bank={entry.id}"
    page = text(client.get(url))
    data = {
        "version": str(plan.version),
        "area": "maths",
        "smart_text": SMART.replace("{name}", "Sam"),
        "child_text": CHILD,
        "strategies": "Counting songs.",
        "target_on": plan.review_on.isoformat(),
    } | changes
    response = client.form(url, data)
    assert response.status_code == 302, page
    return response


def shared_from_bank(login, world, db, **changes):
    entry = bank_entry(world, db)
    assert translate_bank(login(world.senco), entry).status_code == 302
    plan = make_plan(world, targets=0)
    start_from_bank(login(world.teacher), plan, entry, **changes)
    plan = db.session.merge(plan)
    db.session.refresh(plan)
    plans.share(world.teacher, plan)
    db.session.commit()
    return entry, plan


def test_senco_writes_a_bank_target_in_urdu_and_a_plan_target_brings_it_along(login, world, db):
    entry, plan = shared_from_bank(login, world, db)
    rows = db.session.query(TargetBankTranslation).order_by(TargetBankTranslation.field).all()
    assert [(r.language, r.field, r.made_from) for r in rows] == [
        ("ur", "child_template", CHILD),
        ("ur", "smart_template", SMART),
    ]
    target = plan.active_targets[0]
    copied = {r.field: r.text for r in db.session.query(PlanTranslation).filter_by(plan_id=plan.id)}
    assert copied == {"smart_text": URDU_SMART.replace("{name}", "Sam"), "child_text": URDU_CHILD}
    page = text(login(world.parent).get(f"/family/plans/{plan.id}?lang=ur"))
    urdu = URDU_SMART.replace("{name}", "Sam")
    assert urdu in page and OUT_OF_DATE not in page
    # the school's own words beside it, marked as English
    assert re.search(r'<p dir="auto" lang="en" class="prewrap">By the review, Sam will count', page)
    assert target.smart_text in page
    # the bank list says which languages a target has
    bank = text(login(world.senco).get("/staff/bank"))
    assert "Write it in Cymraeg" in bank and "Cymraeg</span>: not yet" in bank


def test_a_later_bank_change_does_not_change_an_agreed_plans_words(login, world, db):
    entry, plan = shared_from_bank(login, world, db)
    senco = login(world.senco)
    translate_bank(senco, entry, smart_template="{name} نیا ترجمہ")
    assert db.session.query(PlanTranslation).filter_by(field="smart_text").one().text == (
        URDU_SMART.replace("{name}", "Sam")
    )


def test_changing_the_english_marks_the_urdu_may_be_out_of_date(login, world, db):
    entry, plan = shared_from_bank(login, world, db)
    target = plan.active_targets[0]
    plans.edit_target(
        world.teacher, target, {"smart_text": "By the review, Sam will count to 30."}, plan.version
    )
    db.session.commit()
    family = login(world.parent)
    page = text(family.get(f"/family/plans/{plan.id}?lang=ur"))
    assert URDU_SMART.replace("{name}", "Sam") in page and "count to 30" in page
    assert page.count(OUT_OF_DATE) == 1  # the child-friendly words did not change
    # the plan page tells staff; they update it and the mark goes
    teacher = login(world.teacher)
    panel = text(teacher.get(f"/staff/plans/{plan.id}")).split('class="family-translate"')[1]
    assert panel.split("</p>")[0].count("may be out of date") == 1
    url = f"/staff/families/plans/{plan.id}/translate/ur"
    assert "Please update the translation" in text(teacher.get(url))
    teacher.form(
        url, {f"t{target.id}_smart_text": "سام 30 تک گنے۔", f"t{target.id}_child_text": URDU_CHILD}
    )
    page = text(family.get(f"/family/plans/{plan.id}?lang=ur"))
    assert "سام 30 تک گنے۔" in page and OUT_OF_DATE not in page


def test_a_bank_translation_of_older_english_is_marked_and_carried_as_out_of_date(login, world, db):
    entry = bank_entry(world, db)
    senco = login(world.senco)
    translate_bank(senco, entry)
    data = {"area": "maths", "smart_template": SMART.replace("20", "30"), "child_template": CHILD}
    assert senco.form(f"/staff/bank/{entry.id}", data | {"strategies": ""}).status_code == 302
    bank = text(senco.get("/staff/bank"))
    assert "may be out of date" in bank
    form = text(senco.get(f"/staff/bank/{entry.id}/translate/ur"))
    assert "It was translated from:" in form and SMART in form
    plan = make_plan(world, targets=0)
    start_from_bank(login(world.teacher), plan, entry, smart_text=SMART.replace("20", "30"))
    plan = db.session.merge(plan)
    db.session.refresh(plan)
    plans.share(world.teacher, plan)
    db.session.commit()
    page = text(login(world.parent).get(f"/family/plans/{plan.id}?lang=ur"))
    assert page.count(OUT_OF_DATE) == 1


def test_rel05_keep_the_name_place_and_short_words_and_emptying_removes(login, world, db):
    entry = bank_entry(world, db)
    senco = login(world.senco)
    response = translate_bank(senco, entry, smart_template="بغیر نام کے")
    assert response.status_code == 422 and "Write {name} where the pupil" in text(response)
    response = translate_bank(senco, entry, child_template="x" * 1001)
    assert response.status_code == 422 and "at most" in text(response)
    assert db.session.query(TargetBankTranslation).count() == 0
    translate_bank(senco, entry)
    translate_bank(senco, entry)  # the same words again change nothing (REL-04)
    assert db.session.query(TargetBankTranslation).count() == 2
    translate_bank(senco, entry, child_template="")
    assert db.session.query(TargetBankTranslation).count() == 1


def test_sec02_only_this_schools_senco_and_only_family_languages(login, world, factory, db):
    entry = bank_entry(world, db)
    url = f"/staff/bank/{entry.id}/translate/ur"
    assert login(world.teacher).get(url).status_code == 403
    assert login(world.ta).get(url).status_code == 403
    other = factory.user(factory.school("Hilltop"), "senco", "Mr Hill")
    db.session.commit()
    assert login(other).get(url).status_code == 404
    senco = login(world.senco)
    for language in ("en", "de"):
        assert senco.get(f"/staff/bank/{entry.id}/translate/{language}").status_code == 404
    assert senco.get(url).status_code == 200
    target_bank.retire(world.senco, entry)
    db.session.commit()
    assert senco.get(url).status_code == 404


def test_rel03_versions_keep_the_translations_and_what_changed_is_in_urdu(login, world, db):
    """The parent answered the version they read, translations and all; after a change to
    the English and its Urdu, "what changed" shows the Urdu words that changed."""
    entry, plan = shared_from_bank(login, world, db)
    target = plan.active_targets[0]
    kept = db.session.query(PlanVersion).filter_by(plan_id=plan.id, number=plan.version).one()
    key = f"t{target.id}_smart_text"
    assert kept.snapshot["translations"]["ur"][key]["text"] == URDU_SMART.replace("{name}", "Sam")
    family = login(world.parent)
    family.get(f"/family/plans/{plan.id}?lang=ur")
    answer = {"version": str(plan.version), "round": "0", f"answer_{target.id}": "agree"}
    assert family.form(f"/family/plans/{plan.id}", answer).status_code == 302
    plans.edit_target(
        world.teacher, target, {"smart_text": "By the review, Sam will count to 30."}, plan.version
    )
    db.session.commit()
    teacher = login(world.teacher)
    teacher.form(
        f"/staff/families/plans/{plan.id}/translate/ur",
        {key: "جائزے تک سام کا ہدف: 30 تک گننا۔", f"t{target.id}_child_text": URDU_CHILD},
    )
    page = text(family.get(f"/family/plans/{plan.id}?lang=ur"))
    diff = re.search(r'<span class="diff" lang="(\w+)" dir="auto">(.*?)</span></li>', page, re.S)
    assert diff and diff.group(1) == "ur"
    assert "<ins>" in diff.group(2) and "30" in diff.group(2)
    english = text(family.get(f"/family/plans/{plan.id}?lang=en"))
    assert re.search(r'<span class="diff" lang="en" dir="auto">', english)
