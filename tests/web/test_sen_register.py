"""The SEN register: stage, needs and dates on the pupil's page with their history, the
register page with filters and paging, its CSV, and the roster import filling it."""

from __future__ import annotations

import csv
import io
from datetime import date

from pupilvoice.models import AuditEvent, Pupil, RegisterChange
from tests.web.test_admin_pupils import pupil_data
from tests.web.test_admin_roster import answer, import_text, upload


def _register(factory, world, db):
    sam = db.session.get(Pupil, world.pupil.id)
    sam.primary_need, sam.sen_added_on = "SPLD", date(2025, 9, 3)
    ayaan = db.session.get(Pupil, world.other_pupil.id)
    ayaan.sen_stage, ayaan.primary_need, ayaan.secondary_need = "ehcp", "ASD", "SLCN"
    factory.pupil(world.own_class, "Amelia", stage="none")
    factory.pupil(world.other_class, "Bea", stage="sen_support").primary_need = "HI"
    db.session.commit()


def test_senco_records_stage_and_needs_and_the_history_names_them(login, world, db):
    senco = login(world.senco)
    page = senco.get(f"/school/pupils/{world.pupil.id}").get_data(as_text=True)
    assert "Primary need" in page and "<optgroup" in page and "Cognition and learning" in page
    data = pupil_data(world.own_class, first_name="Sam", surname_initial="T", sen_stage="ehcp")
    data |= {"primary_need": "SEMH", "secondary_need": "SLCN", "sen_reviewed_on": "2026-11-30"}
    assert senco.form(f"/school/pupils/{world.pupil.id}", data).status_code == 302
    pupil = db.session.get(Pupil, world.pupil.id)
    assert (pupil.sen_stage, pupil.primary_need, pupil.secondary_need) == ("ehcp", "SEMH", "SLCN")
    assert pupil.sen_reviewed_on == date(2026, 11, 30)
    change = db.session.query(RegisterChange).filter_by(pupil_id=pupil.id).one()
    assert change.changed_by_id == world.senco.id and change.source == "form"
    assert change.changes["stage"] == ["sen_support", "ehcp"]
    event = db.session.query(AuditEvent).filter_by(action="register_changed").one()
    assert event.actor_user_id == world.senco.id and event.object_id == pupil.id

    data |= {"sen_stage": "none", "primary_need": "", "secondary_need": ""}
    assert senco.form(f"/school/pupils/{world.pupil.id}", data).status_code == 302
    pupil = db.session.get(Pupil, world.pupil.id)
    assert pupil.sen_removed_on == date.today() and pupil.primary_need is None
    page = senco.get(f"/school/pupils/{world.pupil.id}").get_data(as_text=True)
    assert "SEN register history" in page and page.count("Mrs Khan") >= 2
    assert (
        "SEMH – Social, emotional and mental health" in page and "Removed from the register" in page
    )


def test_needs_that_cannot_go_together_are_refused_next_to_the_field(login, world, db):
    data = pupil_data(world.own_class, first_name="Sam", surname_initial="T", sen_stage="none")
    data |= {"primary_need": "ASD", "secondary_need": "ASD"}
    page = login(world.senco).form(f"/school/pupils/{world.pupil.id}", data)
    text = page.get_data(as_text=True)
    assert page.status_code in (200, 422)
    assert "A pupil who is not on the SEN register has no need here." in text
    data |= {"sen_stage": "sen_support", "primary_need": "NOPE"}
    text = login(world.senco).form(f"/school/pupils/{world.pupil.id}", data).get_data(as_text=True)
    assert "Choose one of the options in the list." in text
    assert db.session.query(RegisterChange).count() == 0
    assert db.session.get(Pupil, world.pupil.id).primary_need is None


def test_register_lists_pupils_on_it_with_filters(login, world, factory, db):
    _register(factory, world, db)
    senco = login(world.senco)
    page = senco.get("/school/register").get_data(as_text=True)
    assert "Sam T." in page and "Ayaan T." in page and "Bea T." in page
    assert "Amelia T." not in page  # not on the register
    assert "3 Sept 2025" in page or "3 Sep 2025" in page
    oak = senco.get(f"/school/register?class_id={world.own_class.id}").get_data(as_text=True)
    assert "Sam T." in oak and "Ayaan T." not in oak
    ehcp = senco.get("/school/register?stage=ehcp").get_data(as_text=True)
    assert "Ayaan T." in ehcp and "Sam T." not in ehcp
    slcn = senco.get("/school/register?need=SLCN").get_data(as_text=True)  # secondary need
    assert "Ayaan T." in slcn and "Sam T." not in slcn
    sensory = senco.get("/school/register?need=sp").get_data(as_text=True)  # a broad area
    assert "Bea T." in sensory and "Ayaan T." not in sensory
    nonsense = senco.get("/school/register?class_id=x&stage=none&need=%3D1&page=abc")
    assert nonsense.status_code == 200 and "Amelia T." not in nonsense.get_data(as_text=True)


def test_register_is_shown_a_page_at_a_time(login, world, factory, db):
    for n in range(55):
        factory.pupil(world.own_class, f"Pupil{n:02d}")
    db.session.commit()
    senco = login(world.senco)
    first = senco.get("/school/register").get_data(as_text=True)
    assert "57 pupils" in first and "Page 1 of 2" in first and "Pupil00 T." in first
    second = senco.get("/school/register?page=2").get_data(as_text=True)
    assert "Page 2 of 2" in second and "Pupil00 T." not in second and "Sam T." in second


def test_register_csv_has_the_filtered_pupils_and_is_safe_in_a_spreadsheet(
    login, world, factory, db
):
    _register(factory, world, db)
    db.session.get(Pupil, world.pupil.id).surname = "=cmd|' /C calc'!A0"
    db.session.commit()
    response = login(world.senco).get("/school/register.csv?need=cl")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert [row["first_name"] for row in rows] == ["Sam"]
    assert rows[0]["surname"].startswith("'=") and rows[0]["primary_need"] == "SPLD"
    assert rows[0]["added_on"] == "2025-09-03" and rows[0]["sen_stage"] == "sen_support"
    assert db.session.query(AuditEvent).filter_by(action="register_exported").count() == 1


def test_another_schools_pupils_never_appear_on_the_register(login, world, factory, db):
    elsewhere = factory.class_group(factory.school("Hilltop"), "Elm")
    factory.pupil(elsewhere, "Zed")
    db.session.commit()
    senco = login(world.senco)
    assert "Zed T." not in senco.get("/school/register").get_data(as_text=True)
    assert "Zed" not in senco.get(f"/school/register.csv?class_id={elsewhere.id}").get_data(
        as_text=True
    )


def test_roster_import_fills_stage_and_needs_with_history(login, world, db):
    text = (
        "class,year_group,first_name,surname_initial,sen_stage,primary_need,secondary_need\n"
        "Oak,1,Sam,T,ehcp,Hearing impairment,slcn\n"
        "Oak,1,Leo,M,K,SpLD,\n"
    )
    senco = login(world.senco)
    same = {"pupil_2": str(world.pupil.id)}  # "Sam T." in Oak is the Sam here
    preview = answer(senco, text, **same).get_data(as_text=True)
    assert "HI – Hearing impairment" in preview
    assert import_text(senco, text, **same).status_code == 302
    sam = db.session.get(Pupil, world.pupil.id)
    assert (sam.sen_stage, sam.primary_need, sam.secondary_need) == ("ehcp", "HI", "SLCN")
    leo = db.session.query(Pupil).filter_by(first_name="Leo").one()
    assert (leo.sen_stage, leo.primary_need, leo.sen_added_on) == (
        "sen_support",
        "SPLD",
        date.today(),
    )
    changes = db.session.query(RegisterChange).filter_by(source="import").all()
    assert {c.pupil_id for c in changes} == {sam.id, leo.id}
    assert all(c.changed_by_id == world.senco.id for c in changes)


def test_roster_import_reports_bad_needs_per_row(login, world, db):
    text = (
        "class,year_group,first_name,surname_initial,sen_stage,primary_need,secondary_need\n"
        "Oak,1,Sam,T,ehcp,Dyscalculia,\n"
        "Oak,1,Leo,M,none,ASD,\n"
        "Oak,1,Mia,R,K,ASD,autism\n"
    )
    page = upload(login(world.senco), text).get_data(as_text=True)
    assert "Row 2: primary_need must be a census SEN type code" in page
    assert "Row 3: a pupil with the SEN stage none has no need" in page
    assert "Row 4: secondary_need must be different from primary_need." in page
    assert db.session.query(RegisterChange).count() == 0


def test_register_page_and_csv_queries_do_not_grow_with_pupils(login, world, factory, db, queries):
    senco = login(world.senco)

    def counted(url: str) -> int:
        with queries() as ran:
            assert senco.get(url).status_code == 200
        return len(ran)

    few = (counted("/school/register"), counted("/school/register.csv"))
    for n in range(30):
        pupil = factory.pupil(world.other_class if n % 2 else world.own_class, f"Kid{n}")
        pupil.primary_need = "MLD"
    db.session.commit()
    assert (counted("/school/register"), counted("/school/register.csv")) == few
