"""The SENCO records a pupil's needs and reads the SEN register in Chromium: axe in
English and Urdu (A11Y-01), no sideways scroll, screenshots at tablet and phone size."""

from __future__ import annotations

import pytest

from pupilvoice.extensions import db
from pupilvoice.models import ClassGroup, Pupil
from tests.browser.conftest import (
    check_page,
    sign_in,
)

SENCO = "senco@riverside.example"


@pytest.fixture(scope="module")
def nadia(live_app) -> int:
    """A pupil of her own in the demo school, so other tests' pupils keep their stage."""
    with live_app.app_context():
        oak = db.session.query(ClassGroup).filter_by(name="Oak").first()
        pupil = Pupil(
            school_id=oak.school_id,
            class_id=oak.id,
            first_name="Nadia",
            surname_initial="Q",
            year_group=oak.year_group,
            avatar="owl",
        )
        db.session.add(pupil)
        db.session.commit()
        return pupil.id


def test_senco_records_needs_and_reads_the_register(page, nadia):
    sign_in(page, SENCO)
    page.goto(f"/school/pupils/{nadia}?lang=en")
    page.get_by_label("SEN stage").select_option("ehcp")
    page.get_by_label("Primary need").select_option("SPLD")
    page.get_by_label("Secondary need").select_option("SLCN")
    page.get_by_role("button", name="Save the pupil").click()
    page.goto(f"/school/pupils/{nadia}")
    history = page.locator("#register-history-title + ol").inner_text()
    assert "SPLD – Specific learning difficulty" in history
    check_page(page, "register-pupil")

    page.goto("/school/register")
    row = page.get_by_role("row", name="Nadia")
    assert "EHC plan" in row.inner_text() and "SPLD" in row.inner_text()
    page.get_by_label("Need").select_option("ci")
    page.get_by_role("button", name="Show pupils").click()
    assert "need=ci" in page.url and page.get_by_role("row", name="Nadia").count() == 1
    check_page(page, "register")
    page.goto("/school/register?lang=ur")
    assert page.locator("html").get_attribute("dir") == "rtl"
    check_page(page, "register-ur")
