"""The foundation's pages in real Chromium: sign-in, homes, language and direction,
axe in English and Urdu (A11Y-01, A11Y-05, A11Y-10, SEC-08, SEC-14)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import (
    PHONE,
    assert_accessible,
    assert_no_horizontal_scroll,
    screenshot,
    sign_in,
)

SENCO = "senco@riverside.example"
TEACHER = "jones@riverside.example"
PARENT = "agnieszka@family.example"


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_a11y01_public_pages(page, lang):
    for path in ["/", "/auth/login", "/auth/reset", "/privacy", "/nowhere"]:
        page.goto(f"{path}?lang={lang}")
        assert_accessible(page)
    screenshot(page, f"error-404-{lang}")


def test_a11y10_urdu_is_right_to_left(page):
    page.goto("/?lang=ur")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ur"
    page.goto("/?lang=pl")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("html").get_attribute("lang") == "pl"


@pytest.mark.parametrize("lang", ["en", "ur"])
@pytest.mark.parametrize(
    "email,paths",
    [
        (SENCO, ["/staff/", "/school/", "/school/audit/", "/school/records"]),
        (SENCO, ["/school/records/processing", "/school/pupils/transfer-in", "/auth/account"]),
        (SENCO, ["/auth/two-step"]),
        (TEACHER, ["/staff/", "/auth/account"]),
        (PARENT, ["/family/", "/auth/account"]),
    ],
)
def test_a11y01_signed_in_pages(page, email, paths, lang):
    sign_in(page, email)
    for path in paths:
        page.goto(f"{path}?lang={lang}")
        assert page.locator("h1").count() == 1
        assert_accessible(page)
        screenshot(page, f"{email.split('@')[0]}{path.replace('/', '-')}{lang}")


def test_sec08_session_cookie_is_host_prefixed_and_http_only(page):
    sign_in(page, TEACHER)
    assert page.url.endswith("/staff/")
    cookies = {c["name"]: c for c in page.context.cookies()}
    cookie = cookies["__Host-pupilvoice"]
    assert cookie["httpOnly"] and cookie["secure"] and cookie["sameSite"] == "Lax"


def test_sign_out_returns_to_sign_in_and_back_does_not_show_the_page(page):
    sign_in(page, TEACHER)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/auth/login?signed_out=1")
    assert page.get_by_text("You are signed out.").is_visible()
    page.go_back()
    page.wait_for_load_state()
    assert "/auth/login" in page.url


def test_a11y05_phone_width_reflows(page):
    page.set_viewport_size(PHONE)
    sign_in(page, PARENT)
    for path in ["/family/", "/auth/account", "/"]:
        page.goto(path)
        assert_no_horizontal_scroll(page)
    page.set_viewport_size({"width": 320, "height": 700})
    for path in ["/family/?lang=ur", "/auth/login?lang=pl"]:
        page.goto(path)
        assert_no_horizontal_scroll(page)
    screenshot(page, "parent-home-320-pl")


def test_language_switcher_changes_the_page(page):
    page.goto("/auth/login")
    page.get_by_role("link", name="Polski").click()
    assert page.locator("html").get_attribute("lang") == "pl"
