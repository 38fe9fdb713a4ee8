"""The SENCO sets up a provision, points a target at it and reads the term's provision
map, on a tablet and a phone and printed on A4 landscape (issue 15 items 2, 4, 5).
axe in English and Urdu (A11Y-01)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pypdf
import pytest

from tests.browser.conftest import (
    SCREENSHOTS,
    assert_accessible,
    assert_no_horizontal_scroll,
    screenshot,
    sign_in,
)
from tests.browser.test_plan_pages import SENCO, plan_of

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
TABLET = {"width": 820, "height": 1180}


def _add_provision(page) -> None:
    page.goto("/staff/provisions/new")
    page.get_by_label("Name of the provision").fill("1:1 handwriting")
    page.get_by_label("Who delivers it").fill("Mrs Evans (teaching assistant)")
    page.get_by_label("Where").fill("In class")
    page.get_by_label("Pupils in the group").fill("1")
    page.get_by_label("Sessions a week").fill("2")
    page.get_by_label("Minutes a session").fill("10")
    page.get_by_label("Number of weeks").fill("10")
    page.get_by_label("Sensory and/or physical").check()
    page.get_by_label("A cost a session").check()
    page.get_by_label("Cost (£)").fill("6.50")
    page.get_by_role("button", name="Save the provision").click()
    page.get_by_role("heading", name="1:1 handwriting").wait_for()


def test_senco_builds_the_catalogue_and_reads_the_provision_map(page, live_app):
    sign_in(page, SENCO)
    page.goto("/staff/provisions/new")
    assert_accessible(page)
    screenshot(page, "provision-form-tablet")
    _add_provision(page)
    assert_accessible(page)
    screenshot(page, "provisions-tablet")
    # Sam's handwriting target (one to one, twice a week) now points at the catalogue
    plan = plan_of(live_app, "Sam")
    page.goto(f"/staff/plans/{plan.id}")
    page.get_by_role("link", name=re.compile("Change target")).nth(1).click()
    page.get_by_label("From the provision catalogue").select_option(label="1:1 handwriting")
    page.get_by_role("button", name=re.compile("Save")).first.click()
    page.goto("/staff/provision-map")
    rows = page.locator("#map-rows tbody tr")
    assert rows.filter(has_text="1:1 handwriting").count() == 1
    assert rows.filter(has_text="Phonics catch-up group").count() >= 1
    pence = [
        int(x)
        for x in page.locator("#map-rows [data-pence]").evaluate_all(
            "cells => cells.map(c => c.dataset.pence)"
        )
    ]
    total = int(page.locator("[data-total-pence]").get_attribute("data-total-pence"))
    assert sum(pence) == total
    assert page.get_by_text("Does it work?").is_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    screenshot(page, "provision-map-tablet")
    page.set_viewport_size(PHONE)
    page.reload()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    screenshot(page, "provision-map-phone")
    page.goto("/staff/provisions")
    assert_no_horizontal_scroll(page)
    screenshot(page, "provisions-phone")
    page.goto("/staff/provisions/new")
    assert_no_horizontal_scroll(page)
    screenshot(page, "provision-form-phone")
    page.set_viewport_size(TABLET)
    page.goto("/staff/provision-map?lang=ur")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_accessible(page)
    screenshot(page, "provision-map-urdu")
    page.goto("/staff/provisions?lang=ur")
    assert_accessible(page)
    page.goto("/staff/provisions/new?lang=ur")
    assert_accessible(page)
    page.goto("/staff/provision-map?lang=en")


def test_the_provision_map_prints_on_a4_landscape(page, live_app):
    sign_in(page, SENCO)
    page.goto("/staff/provision-map")
    page.emulate_media(media="print")
    data = page.pdf(prefer_css_page_size=True, print_background=True)
    page.emulate_media(media="screen")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf = SCREENSHOTS / "provision-map-print.pdf"
    pdf.write_bytes(data)
    if shutil.which("pdftoppm"):
        png = SCREENSHOTS / "provision-map-print"
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", pdf, png], check=True)
    reader = pypdf.PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    assert round(float(box.width)) in range(840, 845)  # A4: 297 mm is 842 pt
    text = " ".join(sheet.extract_text() for sheet in reader.pages)
    assert "Provision map" in text and "Phonics catch-up group" in text
    for left_out in ("Download as CSV", "Show the map", "Sign out"):
        assert left_out not in text, left_out
