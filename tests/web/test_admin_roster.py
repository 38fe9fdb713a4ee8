"""School administration: importing and exporting the roster CSV (SEC-15, REL-01, REL-05)."""

from __future__ import annotations

import csv
import io
import re

import pytest

from pupilvoice.models import AuditEvent, ClassGroup, ParentLink, Pupil, User

HEADER = (
    "class,year_group,first_name,surname_initial,sen_stage,avatar,"
    "parent_name,parent_email,relationship,language,contact\n"
)
GOOD = HEADER + (
    "Rowan,5,,,,,,,,,\n"
    "Rowan,5,Ruby,A,sen_support,hedgehog,Rhian Davies,rhian@family.example,mother,cy,email\n"
    "Rowan,5,Ruby,A,sen_support,hedgehog,Dai Davies,dai@family.example,father,cy,letter\n"
    "Rowan,5,Alfie,E,,,,,,,\n"
    "Oak,1,Sam,T,ehcp,,Tom Taylor,tom@family.example,father,en,email\n"  # existing rows
    "Oak,1,Leo,M,,,Rhian Davies,rhian@family.example,carer,cy,email\n"
)


def upload(client, data: bytes | str, name="pupils.csv"):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return client.form(
        "/school/roster/preview",
        {"file": (io.BytesIO(data), name)},
        page="/school/roster",
        content_type="multipart/form-data",
    )


def confirm_text(page: str) -> str:
    match = re.search(r'name="text" type="hidden" value="([^"]*)"', page)
    assert match, "no confirm form on the preview"
    return match.group(1).replace("&#34;", '"').replace("&amp;", "&").replace("&#39;", "'")


def import_text(client, text: str, **answers):
    data = {"text": text} | {key.replace("_", "-"): value for key, value in answers.items()}
    return client.form("/school/roster/import", data, page="/school/roster")


def answer(client, text: str, **answers):
    """The preview again with answers, as its questions' form sends them (pupil_6="new")."""
    data = {"text": text} | {key.replace("_", "-"): value for key, value in answers.items()}
    return client.form("/school/roster/answer", data, page="/school/roster")


def counts(db) -> tuple[int, int, int, int]:
    return (
        db.session.query(ClassGroup).count(),
        db.session.query(Pupil).count(),
        db.session.query(User).filter_by(role="parent").count(),
        db.session.query(ParentLink).count(),
    )


@pytest.fixture
def senco(login, world, db):
    world.parent.email = "tom@family.example"
    db.session.commit()
    return login(world.senco)


def test_page_documents_the_columns_with_an_example_and_a_template(senco):
    page = senco.get("/school/roster").get_data(as_text=True)
    for column in ("class", "year_group", "surname_initial", "parent_email", "contact"):
        assert f"<code>{column}</code>" in page
    assert (
        "Rowan" not in page and "Oak,1,A801200012001,Sam,,T,,sen_support,,,fox,Tom Taylor" in page
    )
    template = senco.get("/school/roster/template.csv")
    assert template.status_code == 200 and template.mimetype == "text/csv"
    assert "attachment" in template.headers["Content-Disposition"]
    preview = upload(senco, template.get_data())
    assert "Check before importing" in preview.get_data(as_text=True)


def test_preview_lists_changes_asks_about_sam_and_writes_nothing(senco, world, db):
    before = counts(db)
    response = upload(senco, GOOD)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Nothing is saved yet" in page
    assert "<strong>1</strong> × New class" in page
    assert "<strong>3</strong> × New pupil" in page  # Ruby, Alfie, Leo
    assert "<strong>2</strong> × New parent or carer" in page
    # Sam T. is found by first name and initial only, and the row would change him: ask.
    assert "Row 6: <bdi>Sam T. (Oak)</bdi>" in page
    assert f'name="pupil-6" value="{world.pupil.id}"' in page and 'value="new"' in page
    assert "1 row waits for your answer below" in page and "Pupil updated" not in page
    assert "/school/roster/import" not in page  # nothing to confirm until answered
    assert counts(db) == before


def test_the_preview_shows_old_and_new_values_and_counts_rows(senco, world, db):
    text = confirm_text(upload(senco, GOOD).get_data(as_text=True))
    page = answer(senco, text, pupil_6=str(world.pupil.id)).get_data(as_text=True)
    assert "<strong>1</strong> × Pupil updated" in page
    assert "SEN stage: <del><bdi>SEN support</bdi></del> → <ins><bdi>EHC plan</bdi></ins>" in page
    assert "relationship: <del><bdi>Parent</bdi></del> → <ins><bdi>Father</bdi></ins>" in page
    assert "5 rows add something new" in page  # rows 2, 3, 4, 5 and 7
    assert "1 row changes what is here" in page  # row 6
    assert "0 rows are already up to date" in page
    assert f'type="hidden" name="pupil-6" value="{world.pupil.id}"' in page


def test_good_file_imports_every_row_once(senco, world, db):
    text = confirm_text(upload(senco, GOOD).get_data(as_text=True))
    response = import_text(senco, text, pupil_6=str(world.pupil.id))
    assert response.status_code == 302 and response.location == "/school/roster"
    assert "The file is imported: 6 rows." in senco.get("/school/roster").get_data(as_text=True)
    rowan = db.session.query(ClassGroup).filter_by(name="Rowan").one()
    assert (rowan.school_id, rowan.year_group) == (world.school.id, 5)
    ruby = db.session.query(Pupil).filter_by(first_name="Ruby").one()
    assert (ruby.class_id, ruby.sen_stage, ruby.avatar) == (rowan.id, "sen_support", "hedgehog")
    alfie = db.session.query(Pupil).filter_by(first_name="Alfie").one()
    assert alfie.avatar == "fox" and alfie.sen_stage == "none"  # first free picture
    assert db.session.get(Pupil, world.pupil.id).sen_stage == "ehcp"
    rhian = db.session.query(User).filter_by(email="rhian@family.example").one()
    assert (rhian.role, rhian.school_id, rhian.password_hash) == ("parent", world.school.id, None)
    assert sorted(p.first_name for p in (link.pupil for link in rhian.children_links)) == [
        "Leo",
        "Ruby",
    ]
    assert len(ruby.parent_links) == 2
    event = db.session.query(AuditEvent).filter_by(action="imported").one()
    assert event.detail["rows"] == 6 and len(event.detail["pupil_created"]) == 3


def test_importing_the_same_file_again_changes_nothing(senco, world, db):
    import_text(senco, GOOD, pupil_6=str(world.pupil.id))
    after_first = counts(db)
    page = upload(senco, GOOD).get_data(as_text=True)
    assert "There is nothing to import" in page and 'name="text"' not in page
    assert import_text(senco, GOOD).status_code == 302
    assert counts(db) == after_first


def test_bad_rows_are_all_named_and_nothing_is_imported(senco, db):
    bad = GOOD + (
        "Rowan,14,Maja,W,,,,,,,\n"  # row 8
        "Rowan,5,Maja,Wójcik,,,,,,,\n"  # row 9
        "Rowan,5,George,T,,,Claire,not-an-email,,,\n"  # row 10
        "Rowan,5,Poppy,V,,,,,,,\n"  # fine
        "Rowan,5,Ruby,A,ehcp,hedgehog,,,,,\n"  # row 12: disagrees with row 3
    )
    before = counts(db)
    page = upload(senco, bad).get_data(as_text=True)
    assert "Nothing was imported" in page and "4 problems in the file" in page
    assert "Row 8: year group must be a number from 0 to 13 (0 is Reception)." in page
    assert "Row 9: surname_initial must be one or two letters, like T." in page
    assert "Row 10: parent_email must be an e-mail address like name@example.org." in page
    assert "Row 12: this pupil is also on row 3 with a different year group" in page
    assert 'name="text"' not in page  # no way to confirm
    response = import_text(senco, bad)  # a forged confirm is checked again
    assert response.status_code == 409 and "Row 8:" in response.get_data(as_text=True)
    assert counts(db) == before
    assert not db.session.query(AuditEvent).filter_by(action="imported").count()


def test_rows_that_clash_with_the_school_records_are_named(senco, world, factory, db):
    factory.class_group(world.school, "Birch", 4).archived_at = world.school.created_at
    db.session.commit()
    text = HEADER + (
        f"Birch,4,Kit,B,,,,,,,\nRowan,5,Eve,O,,,Mr Jones,{world.teacher.email},father,en,email\n"
    )
    page = upload(senco, text).get_data(as_text=True)
    assert "Row 2: the class Birch is archived." in page
    assert "Row 3: this parent_email belongs to an account that is not a parent" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"class,year\x81\x8d\n", "The file is not saved as UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "This is not a CSV file."),
        (b"   \n\n", "The file is empty."),
        (b"a," * (300 * 1024), "The file is bigger than 512 KB."),
        (b'class,year_group\n"Oak,1\n', "The file cannot be read as CSV."),
    ],
)
def test_files_that_cannot_be_read_get_a_message_next_to_the_field(senco, db, data, message):
    before = counts(db)
    response = upload(senco, data)
    assert response.status_code == 422
    assert f'<p class="field__error" id="file-error">{message}' in response.get_data(as_text=True)
    assert counts(db) == before


def test_no_file_chosen(senco):
    response = senco.form("/school/roster/preview", {}, page="/school/roster")
    assert response.status_code == 422
    assert 'id="file-error">Choose a CSV file.' in response.get_data(as_text=True)


def test_a_file_without_our_columns_is_named_on_the_preview(senco, db):
    page = upload(senco, "name,age\nSam,7\n").get_data(as_text=True)
    assert "Nothing was imported" in page
    assert "Row 1: add the columns class, year_group, first_name, surname_initial." in page


def test_columns_we_do_not_use_are_left_out_and_named(senco, db):
    """PRI-01: a school export's gender or ethnicity is never stored."""
    page = upload(senco, "Reg Group,Year,Forename,Surname,Gender\nOak,1,Sam,Taylor,M\n")
    assert "These columns are not imported: Gender." in page.get_data(as_text=True)


def test_a_huge_upload_gets_the_friendly_413_page(senco):
    response = upload(senco, b"x" * (7 * 1024 * 1024))
    assert response.status_code == 413 and "That file is too big" in response.get_data(as_text=True)


def test_confirm_with_too_much_or_no_text_is_refused(senco, db):
    before = counts(db)
    for text in ("", "x" * (512 * 1024 + 1)):
        response = import_text(senco, text)
        assert response.status_code == 400
        assert "Please choose it again" in response.get_data(as_text=True)
    assert counts(db) == before


def test_export_has_every_class_pupil_and_link_and_is_audited(senco, world, factory, db):
    factory.pupil(world.own_class, "=HYPERLINK(1)")
    db.session.commit()
    response = senco.get("/school/roster/export.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert [(r["class"], r["first_name"]) for r in rows] == [
        ("Oak", ""),
        ("Willow", ""),
        ("Oak", "'=HYPERLINK(1)"),  # formula guard
        ("Oak", "Sam"),
        ("Willow", "Ayaan"),
    ]
    assert rows[3]["parent_email"] == "tom@family.example" and rows[3]["relationship"] == "parent"
    assert db.session.query(AuditEvent).filter_by(action="exported").one().detail == {"rows": 5}


def test_export_then_import_into_the_same_school_changes_nothing(senco, world, db):
    import_text(senco, GOOD, pupil_6=str(world.pupil.id))
    before = counts(db)
    exported = senco.get("/school/roster/export.csv").get_data()
    assert "There is nothing to import" in upload(senco, exported).get_data(as_text=True)
    edited = exported.replace(b"Alfie,,E,,none", b"Alfie,,E,,sen_support")
    text = confirm_text(upload(senco, edited).get_data(as_text=True))
    alfie = db.session.query(Pupil).filter_by(first_name="Alfie").one()
    page = answer(senco, text, pupil_8=str(alfie.id)).get_data(as_text=True)
    assert "<strong>1</strong> × Pupil updated" in page and "× New" not in page
    assert "8 rows are already up to date" in page
    import_text(senco, confirm_text(page), pupil_8=str(alfie.id))
    assert db.session.query(Pupil).filter_by(first_name="Alfie").one().sen_stage == "sen_support"
    assert counts(db) == before


def test_export_then_import_into_a_new_school_gives_the_same_export(
    senco, world, login, factory, db
):
    import_text(senco, GOOD, pupil_6=str(world.pupil.id))
    exported = senco.get("/school/roster/export.csv").get_data(as_text=True)
    moved = exported.replace("@family.example", "@hilltop.example")
    hilltop_senco = factory.user(factory.school("Hilltop Primary"), "senco")
    db.session.commit()
    hilltop = login(hilltop_senco)
    assert import_text(hilltop, moved).status_code == 302
    assert hilltop.get("/school/roster/export.csv").get_data(as_text=True) == moved
