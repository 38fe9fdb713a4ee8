"""The SENCO imports a real-looking school export in Chromium (issue 11, item 11): reordered
headings, Windows-1252 letters, semicolons, a second "Sam T.", two "Jack S." and a parent
without e-mail. The preview asks about the doubtful Sams, changes nothing until answered,
then imports; axe on every page, screenshots at tablet and phone size (A11Y-01, SEC-09).

It works in a school of its own, so the demo school other browser tests use is untouched.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pupilvoice.extensions import db
from pupilvoice.models import ClassGroup, ParentLink, Pupil, School, User
from pupilvoice.services import accounts, demo
from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    check_page,
    screenshot,
    sign_in,
)
from tests.browser.family import phone

EXPORT = Path(__file__).resolve().parents[1] / "data" / "mis-export-windows-1252.csv"
SENCO = "senco@hilltop.example"
NEW_PASSWORD = "heather meadow lantern 7"


@pytest.fixture(scope="module")
def hilltop(live_app) -> dict[str, int]:
    """Hilltop Primary: a SENCO, class Oak with Sam T. (Taylor, but only "T." is kept) and
    his father Tom, who gets the plan by e-mail."""
    with live_app.app_context():
        school = School(name="Hilltop Primary")
        db.session.add(school)
        db.session.flush()
        senco = User(school_id=school.id, role="senco", name="Ms Rees", email=SENCO)
        accounts.set_password(senco, demo.PASSWORD)
        oak = ClassGroup(school_id=school.id, name="Oak", year_group=1)
        db.session.add_all([senco, oak])
        db.session.flush()
        sam = Pupil(
            school_id=school.id,
            class_id=oak.id,
            first_name="Sam",
            surname_initial="T",
            year_group=1,
            sen_stage="sen_support",
            avatar="fox",
        )
        tom = User(school_id=school.id, role="parent", name="Tom Taylor", email="tom@home.example")
        db.session.add_all([sam, tom])
        db.session.flush()
        db.session.add(ParentLink(school_id=school.id, parent_id=tom.id, pupil_id=sam.id))
        db.session.commit()
        return {"school": school.id, "sam": sam.id}


def counts(live_app, school_id: int) -> tuple[int, int, int]:
    with live_app.app_context():
        return (
            db.session.query(Pupil).filter_by(school_id=school_id).count(),
            db.session.query(User).filter_by(school_id=school_id, role="parent").count(),
            db.session.query(ParentLink).filter_by(school_id=school_id).count(),
        )


def test_the_questions_read_right_to_left_in_urdu(page, live_app, hilltop):
    """A11Y-01/A11Y-10: the same preview in Urdu is axe clean; names stay isolated."""
    sign_in(page, SENCO)
    page.goto("/school/roster?lang=ur")
    page.locator("#file").set_input_files(str(EXPORT))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("fieldset legend bdi", has_text="Sam Thomas (Oak)").count() == 1
    check_page(page, "roster-questions-ur")  # it imports nothing: the next test starts afresh


def test_senco_imports_a_school_export_and_answers_the_doubtful_rows(page, live_app, hilltop):
    before = counts(live_app, hilltop["school"])
    sign_in(page, SENCO)
    page.goto("/school/roster")
    check_page(page, "roster-upload")
    page.get_by_label("CSV file").set_input_files(str(EXPORT))
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_load_state()

    questions = page.locator("fieldset")
    assert questions.count() == 2  # Sam Taylor and Sam Thomas: both might be Sam T.
    assert "Row 2: Sam Taylor (Oak)" in questions.nth(0).inner_text()
    assert "Row 3: Sam Thomas (Oak)" in questions.nth(1).inner_text()
    assert "Parents and carers: Tom Taylor" in questions.nth(1).inner_text()
    summary = page.locator("main").inner_text()
    assert "2 rows wait for your answers below" in summary
    assert "These columns are not imported: Gender." in summary
    for name in ("Zoë Evans (Oak)", "Siân Hughes (Rowan)", "Bronwen Hughes", "Maja Wójcik"):
        assert name in summary
    assert page.get_by_role("button", name="Import the file").count() == 0
    check_page(page, "roster-questions")

    # Answer only one, and ask again: the other is still waiting, nothing is imported.
    questions.nth(0).get_by_label("The same pupil as Sam T. (Oak)").check()
    page.get_by_role("button", name="Check the changes with my answers").click()
    page.wait_for_load_state()
    assert "Choose one answer." in page.locator("fieldset").nth(1).inner_text()
    assert page.get_by_role("button", name="Import the file").count() == 0
    assert counts(live_app, hilltop["school"]) == before

    page.locator("fieldset").nth(1).get_by_label("A new pupil").check()
    page.get_by_role("button", name="Check the changes with my answers").click()
    page.wait_for_load_state()
    table = page.locator("table").inner_text()
    assert "SEN stage: SEN support → EHC plan" in table
    assert "surname: (empty) → Taylor" in table
    check_page(page, "roster-preview")
    assert counts(live_app, hilltop["school"]) == before

    page.get_by_role("button", name="Import the file").click()
    page.wait_for_load_state()
    assert "The file is imported: 7 rows." in page.locator("main").inner_text()
    with live_app.app_context():
        sam = db.session.get(Pupil, hilltop["sam"])
        assert (sam.surname, sam.sen_stage) == ("Taylor", "ehcp")
        assert [link.parent.name for link in sam.parent_links] == ["Tom Taylor"]
        thomas = db.session.query(Pupil).filter_by(surname="Thomas").one()
        assert [link.parent.name for link in thomas.parent_links] == ["Mandy Thomas"]
        bronwen = db.session.query(User).filter_by(name="Bronwen Hughes").one()
        assert bronwen.email is None


def test_a_letters_only_parent_from_the_import_joins_and_adds_an_address(
    page, live_app, base_url, hilltop
):
    """Bronwen came in the export without e-mail: she is invited by letter only, and on her
    phone the welcome step asks for the address she will sign in with."""
    sign_in(page, SENCO)
    page.goto("/staff/families/")
    row = page.locator("tr", has_text="Bronwen Hughes")
    assert "None: letters only" in row.inner_text()
    assert row.get_by_role("button", name=re.compile("Invite by e-mail")).count() == 0
    row.get_by_role("button", name=re.compile("Print a letter")).click()
    page.wait_for_load_state()
    code = page.locator(".letter__code").first.inner_text()
    letters = page.locator(".letter__text")  # in Welsh, her language, then in English
    assert letters.first.get_attribute("lang") == "cy"
    assert "type an e-mail address" in letters.last.inner_text()

    with phone(page, base_url) as parent_page:
        parent_page.goto("/join?lang=en")
        parent_page.locator("#code").fill(code)
        parent_page.locator("form button[type=submit]").click()
        parent_page.wait_for_load_state()
        assert parent_page.url.endswith("/join/account")
        assert_accessible(parent_page)
        assert_no_horizontal_scroll(parent_page)
        screenshot(parent_page, "roster-letters-only-welcome-phone")
        parent_page.locator("#email").fill("bronwen@home.example")
        parent_page.locator("#password").fill(NEW_PASSWORD)
        parent_page.locator("#confirm").fill(NEW_PASSWORD)
        parent_page.locator("form button[type=submit]").click()
        parent_page.wait_for_load_state()
        assert parent_page.url.endswith("/family/")
        assert "Siân" in parent_page.locator("main").inner_text()
    with live_app.app_context():
        bronwen = db.session.query(User).filter_by(name="Bronwen Hughes").one()
        assert bronwen.email == "bronwen@home.example"
