"""The school's target bank and plain-words glossary: the SENCO keeps them, teachers use
them, other schools never see them (SEC-02, SEC-12, REL-05)."""

from __future__ import annotations

from pupilvoice.models import AuditEvent, GlossaryTerm, TargetBankEntry
from pupilvoice.services import target_bank
from tests.web.plan_helpers import make_plan

BANK_TARGET = (
    "By the review, {name} will count on from any number to 20 without a number line in "
    "4 of 5 lessons"
)


def bank_entry(world, db, **changes) -> TargetBankEntry:
    values = {"area": "maths", "smart_template": BANK_TARGET, "strategies": "Counting songs."}
    entry = target_bank.create(world.senco, values | changes)
    db.session.commit()
    return entry


def test_senco_adds_a_bank_target_and_teachers_see_it(login, world, db):
    data = {"area": "maths", "smart_template": BANK_TARGET, "child_template": "", "strategies": ""}
    assert login(world.senco).form("/staff/bank/new", data).status_code == 302
    entry = db.session.query(TargetBankEntry).one()
    assert (entry.school_id, entry.created_by_id) == (world.school.id, world.senco.id)
    page = login(world.teacher).get("/staff/bank?area=maths").get_data(as_text=True)
    assert "count on from any number to 20" in page and "Add a target to the bank" not in page
    assert "count on" not in login(world.teacher).get("/staff/bank?area=reading").get_data(
        as_text=True
    )


def test_only_the_senco_changes_the_bank(login, world, db):
    entry = bank_entry(world, db)
    teacher = login(world.teacher)
    assert teacher.get("/staff/bank/new").status_code == 403
    assert teacher.get(f"/staff/bank/{entry.id}").status_code == 403
    assert login(world.ta).get("/staff/bank").status_code == 403


def test_teacher_starts_a_target_from_the_bank_with_the_pupils_name(login, world, db):
    entry = bank_entry(world, db)
    plan = make_plan(world, targets=0)
    teacher = login(world.teacher)
    form = teacher.get(f"/staff/plans/{plan.id}/targets/new").get_data(as_text=True)
    assert "target bank" in form and "Start from this" in form
    page = teacher.get(f"/staff/plans/{plan.id}/targets/new?bank={entry.id}").get_data(as_text=True)
    assert "By the review, Sam will count on from any number to 20" in page
    assert "Counting songs." in page and "{name}" not in page.split("<form", 2)[-1]


def test_saving_a_target_to_the_bank_leaves_the_pupils_words_and_name_out(login, world, db):
    plan = make_plan(world)
    target = plan.targets[0]
    url = f"/staff/plans/{plan.id}/targets/{target.id}/bank"
    assert login(world.senco).form(url, page=f"/staff/plans/{plan.id}").status_code == 302
    entry = db.session.query(TargetBankEntry).one()
    assert entry.smart_template.startswith("By 14 March, {name} will read 40")
    everything = " ".join([entry.smart_template, entry.child_template, entry.strategies])
    assert "football" not in everything and "Sam" not in everything
    assert login(world.teacher).form(url, page=f"/staff/plans/{plan.id}").status_code == 403


def test_sec02_other_schools_bank_is_404(login, world, factory, db):
    other = factory.school("Hilltop")
    stranger = factory.user(other, "senco", "Mr Hill")
    db.session.commit()
    entry = bank_entry(world, db)
    client = login(stranger)
    assert client.get(f"/staff/bank/{entry.id}").status_code == 404
    assert client.form(f"/staff/bank/{entry.id}/retire", page="/staff/bank").status_code == 404
    assert "count on" not in client.get("/staff/bank").get_data(as_text=True)
    plan = make_plan(world, targets=0)
    teacher = login(world.teacher)
    other_entry = target_bank.create(stranger, {"area": "maths", "smart_template": "Theirs"})
    db.session.commit()
    assert (
        teacher.get(f"/staff/plans/{plan.id}/targets/new?bank={other_entry.id}").status_code == 404
    )


def test_sec12_bank_form_ignores_school_and_author(login, world, factory, db):
    other = factory.school("Hilltop")
    db.session.commit()
    entry = bank_entry(world, db)
    data = {
        "area": "reading",
        "smart_template": "By Easter, {name} will read 20 words",
        "school_id": str(other.id),
        "created_by_id": "999",
    }
    login(world.senco).form(f"/staff/bank/{entry.id}", data)
    entry = db.session.get(TargetBankEntry, entry.id)
    assert entry.area == "reading" and entry.school_id == world.school.id
    assert entry.created_by_id == world.senco.id


def test_retired_bank_target_is_hidden_and_audited(login, world, db):
    entry = bank_entry(world, db)
    senco = login(world.senco)
    senco.form(f"/staff/bank/{entry.id}/retire", page="/staff/bank")
    assert "count on" not in senco.get("/staff/bank").get_data(as_text=True)
    assert db.session.query(AuditEvent).filter_by(action="retired").count() == 1


# --- the glossary ----------------------------------------------------------------------------


def test_senco_edits_the_glossary_and_the_checker_uses_it(login, world, db):
    senco = login(world.senco)
    page = senco.get("/staff/glossary").get_data(as_text=True)
    assert "This is the starter list." in page and "SEMH = feelings" in page
    data = {"terms": "Read Write Inc = the school's phonics lessons\nSEMH = feelings"}
    assert senco.form("/staff/glossary", data).status_code == 302
    assert db.session.query(GlossaryTerm).filter_by(school_id=world.school.id).count() == 2
    teacher = login(world.teacher)
    plan = make_plan(world)
    token = teacher.csrf_token(f"/staff/plans/{plan.id}/edit")
    ask = {"kind": "plain", "text": "Sam does Read Write Inc and phonics every day."}
    answer = teacher.post("/staff/check", json=ask, headers={"X-CSRFToken": token}).get_json()
    assert [p["phrase"] for p in answer["problems"]] == ["Read Write Inc"]  # not "phonics"


def test_rel05_glossary_lines_that_are_wrong_are_named_and_kept(login, world, db):
    data = {"terms": "SEMH = feelings\nSALT speech therapist"}
    page = login(world.senco).form("/staff/glossary", data).get_data(as_text=True)
    assert "Line 2: write the school word, then =, then the plain words." in page
    assert "SALT speech therapist" in page
    assert db.session.query(GlossaryTerm).count() == 0


def test_empty_glossary_goes_back_to_the_starter_list(login, world, db):
    senco = login(world.senco)
    senco.form("/staff/glossary", {"terms": "SEMH = feelings"})
    senco.form("/staff/glossary", {"terms": ""})
    assert db.session.query(GlossaryTerm).count() == 0
    assert "This is the starter list." in senco.get("/staff/glossary").get_data(as_text=True)


def test_glossary_is_the_senco_s_own_school_only(login, world, factory, db):
    other = factory.school("Hilltop")
    stranger = factory.user(other, "senco", "Mr Hill")
    db.session.commit()
    login(stranger).form("/staff/glossary", {"terms": "Hill word = plain"})
    assert "Hill word" not in login(world.senco).get("/staff/glossary").get_data(as_text=True)
    assert login(world.teacher).get("/staff/glossary").status_code == 403


def test_the_glossary_page_reads_the_glossary_once(login, world, db, queries):
    senco = login(world.senco)
    with queries() as starter:
        page = senco.get("/staff/glossary").get_data(as_text=True)
    assert "This is the starter list." in page
    lines = "\n".join(f"Word {n} = plain words {n}" for n in range(30))
    senco.form("/staff/glossary", {"terms": lines})
    with queries() as own:
        page = senco.get("/staff/glossary").get_data(as_text=True)
    assert "This is your school's own list." in page and "Word 29 = plain words 29" in page
    assert len(own) == len(starter)
    assert sum("glossary_term" in statement for statement in own) == 1
