"""Long lists a page at a time (issue 16, target 3) in real Chromium: the pager is a
named nav landmark with the current page marked, its links keep the filters and search,
the name search finds a pupil, and axe is clean in English and Urdu (A11Y-01, A11Y-05)."""

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


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_a11y01_the_audit_log_pager_marks_the_page_and_keeps_the_filter(page, lang):
    sign_in(page, SENCO)
    page.goto(f"/school/audit/?since=2020-01-01&lang={lang}")
    pager = page.locator("nav.pager")
    assert pager.get_attribute("aria-label")
    assert pager.locator("[aria-current=page]").inner_text().strip().endswith("1")
    with page.expect_navigation():
        pager.locator("a[rel=next]").click()
    assert "since=2020-01-01" in page.url and "page=2" in page.url
    assert page.locator("nav.pager [aria-current=page]").inner_text().strip().endswith("2")
    assert_accessible(page)
    screenshot(page, f"audit-log-page-2-{lang}")


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_a11y01_searching_the_pupils_and_families_by_name(page, lang):
    page.set_viewport_size(PHONE)
    sign_in(page, SENCO)
    page.goto(f"/school/pupils?lang={lang}")
    page.locator("#q").fill("zof")
    with page.expect_navigation():
        page.locator("form[role=search] button[type=submit]").click()
    rows = page.locator("tbody tr")
    assert rows.count() == 1 and "Zofia" in rows.first.inner_text()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.goto(f"/staff/families/?q=kowal&lang={lang}")
    assert page.locator("tbody tr").count() == 1
    assert_accessible(page)
    screenshot(page, f"families-search-phone-{lang}")
