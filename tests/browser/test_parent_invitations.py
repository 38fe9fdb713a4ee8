"""Inviting a family in real Chromium (issue 6, item 1): the teacher prints a letter, its
QR code is decoded from the screen, and the parent sets up their account on a phone
(390×844) in Urdu or by typing the code in English; axe on every page."""

from __future__ import annotations

import io
import re

import pytest
import zxingcpp
from PIL import Image

from tests.browser.conftest import (
    PHONE,
    assert_accessible,
    assert_no_horizontal_scroll,
    screenshot,
    sign_in,
)
from tests.browser.family import add_family, phone

TEACHER_OF_WILLOW = "patel@riverside.example"
SENCO = "senco@riverside.example"
NEW_PASSWORD = "apricot lantern river 42"
A4 = {"width": 794, "height": 1123}  # CSS pixels at 96 dpi


def print_letter_for(page, name: str):
    page.goto("/staff/families/")
    row = page.locator("tr", has_text=name)
    row.get_by_role("button", name=re.compile("Print a letter")).click()
    page.wait_for_load_state()
    assert page.locator(".letter").is_visible()


def decode_qr(page) -> str:
    png = page.locator(".letter__qr").screenshot()
    result = zxingcpp.read_barcode(Image.open(io.BytesIO(png)))
    assert result is not None, "the QR code on the letter does not scan"
    return result.text


def set_up_account(parent_page, language: str) -> None:
    assert parent_page.locator("html").get_attribute("lang") == language
    assert_accessible(parent_page)
    assert_no_horizontal_scroll(parent_page)
    parent_page.locator("#password").fill(NEW_PASSWORD)
    parent_page.locator("#confirm").fill(NEW_PASSWORD)
    assert parent_page.locator("#locale").input_value() == language
    parent_page.locator("form button[type=submit]").click()
    parent_page.wait_for_load_state()
    assert parent_page.url.endswith("/family/")


def test_letter_qr_code_scans_and_an_urdu_parent_sets_up_on_a_phone(page, live_app, base_url):
    add_family(live_app, "Nadia Hussain", "nadia@family.example", "Ayaan", "ur")
    sign_in(page, TEACHER_OF_WILLOW)
    print_letter_for(page, "Nadia Hussain")
    assert_accessible(page)
    texts = page.locator(".letter__text")
    assert texts.nth(0).get_attribute("lang") == "ur" and texts.nth(0).get_attribute("dir") == "rtl"
    assert texts.nth(1).get_attribute("lang") == "en"
    screenshot(page, "staff-invite-letter")
    page.set_viewport_size(A4)
    page.emulate_media(media="print")
    assert not page.locator(".letter-tools").is_visible()  # the print shows only the letter
    screenshot(page, "staff-invite-letter-a4-print")
    link = decode_qr(page)
    page.emulate_media(media="screen")
    assert link.startswith(f"{base_url}/auth/welcome/") and link.endswith("?lang=ur")

    with phone(page, base_url) as parent_page:
        parent_page.goto(link)
        assert parent_page.locator("html").get_attribute("dir") == "rtl"
        screenshot(parent_page, "parent-welcome-phone-ur")
        set_up_account(parent_page, "ur")
        assert "Ayaan" in parent_page.locator("main").inner_text()
        assert_accessible(parent_page)
        screenshot(parent_page, "parent-home-after-set-up-phone-ur")

    page.goto("/staff/families/")
    assert "Has an account" in page.locator("tr", has_text="Nadia Hussain").inner_text()


def test_family_types_the_code_at_join_on_a_phone(page, live_app, base_url):
    add_family(live_app, "Chris Walker", "chris.walker@family.example", "Noah", "en")
    sign_in(page, "jones@riverside.example")
    print_letter_for(page, "Chris Walker")
    assert page.locator(".letter__text").count() == 1  # English only: one copy
    code = page.locator(".letter__code").inner_text()

    with phone(page, base_url) as parent_page:
        parent_page.goto("/join")
        assert_accessible(parent_page)
        assert_no_horizontal_scroll(parent_page)
        screenshot(parent_page, "parent-join-phone-en")
        parent_page.locator("#code").fill("WRNG-CODE")
        parent_page.locator("form button[type=submit]").click()
        assert parent_page.locator(".field__error").is_visible()
        assert_accessible(parent_page)
        screenshot(parent_page, "parent-join-wrong-code-phone-en")
        parent_page.locator("#code").fill(code.lower())
        parent_page.locator("form button[type=submit]").click()
        parent_page.wait_for_load_state()
        assert parent_page.url.endswith("/join/account")
        screenshot(parent_page, "parent-join-account-phone-en")
        set_up_account(parent_page, "en")


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_families_page_is_accessible(page, live_app, lang):
    add_family(live_app, "Beata Nowak", "beata@family.example", "Zofia", "pl")
    add_family(live_app, "Sara Ahmed", "sara@family.example", "Hana", "ur")
    sign_in(page, SENCO)
    page.goto(f"/staff/families/?lang={lang}")
    row = page.locator("tr", has_text="Sara Ahmed")
    if row.get_by_role("button", name=re.compile("Invite by e-mail")).count():
        row.get_by_role("button", name=re.compile("Invite by e-mail")).click()
        page.wait_for_load_state()
        assert "Invited" in page.locator("tr", has_text="Sara Ahmed").inner_text()
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    screenshot(page, f"staff-families-{lang}")
    page.set_viewport_size(PHONE)
    page.goto(f"/staff/families/?lang={lang}")
    assert_no_horizontal_scroll(page)
    screenshot(page, f"staff-families-phone-{lang}")
