"""Printing the staff plan page from Chromium gives a clean copy (issue 12, item 6): no
navigation, no buttons or forms, no checker notes; and the page's PDF links download the
one-page copies. axe on the page with its links, in English and Urdu (A11Y-01)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from tests.browser.conftest import assert_accessible, sign_in
from tests.browser.test_plan_pages import SENCO, plan_of

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "copies"


def _printed(page) -> list[str]:
    """The page as Chromium prints it on A4: the text of each sheet."""
    page.emulate_media(media="print")
    data = page.pdf(format="A4", print_background=True)
    page.emulate_media(media="screen")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "plan-page-printed.pdf").write_bytes(data)
    if shutil.which("pdftoppm"):  # page 1 as a PNG, for people to look at
        pdf, png = ARTIFACTS / "plan-page-printed.pdf", ARTIFACTS / "plan-page-printed"
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", pdf, png], check=True)
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", sheet.extract_text()) for sheet in reader.pages]


def test_printing_the_plan_page_leaves_out_buttons_navigation_and_checker_notes(page, live_app):
    plan = plan_of(live_app, "Sam")  # a draft with two targets, one the checker flags
    sign_in(page, SENCO)
    page.goto(f"/staff/plans/{plan.id}")
    assert page.locator(".checker__list").first.is_visible()  # on screen, the notes show
    sheets = _printed(page)
    text = " ".join(sheets)
    assert len(sheets) == 1
    assert "read 40 of the 45 Year 1 common exception words" in text
    assert "I want to read my football cards" in text
    for left_out in (
        "Add a target",
        "Change target",
        "Sign out",
        "My account",
        "Save the evidence",
        "Staff copy (PDF)",
        "The checker",
        "vague",
    ):
        assert left_out not in text, left_out


def test_the_plan_page_links_download_one_page_copies(page, live_app):
    plan = plan_of(live_app, "Sam")
    sign_in(page, SENCO)
    page.goto(f"/staff/plans/{plan.id}")
    assert_accessible(page)
    for name in ("Staff copy (PDF)", "Pupil copy, “My plan” (PDF)"):
        with page.expect_download() as download:
            page.get_by_role("link", name=name).click()
        data = Path(download.value.path()).read_bytes()
        assert len(pypdf.PdfReader(io.BytesIO(data)).pages) == 1
        assert download.value.suggested_filename.endswith(".pdf")
    page.goto(f"/staff/plans/{plan.id}?lang=ur")
    assert_accessible(page)
    page.goto(f"/staff/plans/{plan.id}?lang=en")
