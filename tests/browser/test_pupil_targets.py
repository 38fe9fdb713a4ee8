""" "I can..." targets in real Chromium on a touch tablet: propose, rate twice, the picture
of progress, axe with 44 px targets in English and Urdu, screenshots (A11Y-01, A11Y-07)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from pupilvoice.extensions import db
from pupilvoice.models import Proposal, SelfRating
from tests.browser.conftest import (
    PHONE,
    assert_accessible,
    assert_no_horizontal_scroll,
    demo_pupil,
    enrol,
    pupil_signs_in,
    screenshot,
)


def tap_and_wait(page, locator) -> None:
    with page.expect_navigation():
        locator.tap()


def make_first_rating_older(live_app, first_name: str) -> None:
    """Pretend the first face was tapped two weeks ago (the server's clock, not the page's)."""
    with live_app.app_context():
        pupil = demo_pupil(first_name)
        rating = (
            db.session.execute(
                select(SelfRating).where(SelfRating.pupil_id == pupil.id).order_by(SelfRating.id)
            )
            .scalars()
            .first()
        )
        rating.created_at -= timedelta(days=14)
        db.session.commit()


def propose(page, area="Reading", starter="I want to get better at…", words="read to my class"):
    tap_and_wait(page, page.get_by_role("link", name="I can…"))
    tap_and_wait(page, page.get_by_role("link", name="Add a new one"))
    tap_and_wait(page, page.get_by_role("link", name=area))
    tap_and_wait(page, page.get_by_role("link", name=starter))
    page.get_by_label("Finish the sentence", exact=True).fill(words)
    tap_and_wait(page, page.get_by_role("button", name="Save", exact=True))


def test_propose_a_target_and_rate_it_twice(tablet, live_app):
    page = tablet()
    enrol(page)
    pupil_signs_in(page, "Grace")
    propose(page)
    expect(
        page.get_by_role("heading", name="I want to get better at read to my class")
    ).to_be_visible()
    expect(page.get_by_text("Thank you for telling me.")).to_be_visible()
    tap_and_wait(page, page.get_by_role("button", name="Not yet", exact=True))
    make_first_rating_older(live_app, "Grace")
    tap_and_wait(page, page.get_by_role("button", name="Getting there", exact=True))
    faces = page.locator(".journey li")
    expect(faces).to_have_count(2)
    assert faces.nth(0).get_attribute("class") == "level-1"
    assert faces.nth(1).get_attribute("class") == "level-2"
    sizes = page.locator("button.face").evaluate_all(
        "els => els.map(e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height,"
        " getComputedStyle(e).backgroundColor, getComputedStyle(e).borderColor])"
    )
    assert len({tuple(s) for s in sizes}) == 1  # A11Y-07: equal size, colour and weight
    with live_app.app_context():
        assert db.session.execute(select(Proposal)).scalars().first() is not None


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_a11y01_a11y02_target_pages(tablet, lang):
    page = tablet()
    enrol(page)
    pupil_signs_in(page, "Leo" if lang == "en" else "Amelia")
    propose(page, area="Friends", starter="It helps me when…", words="someone plays with me")
    assert_accessible(page, pupil=True)
    tap_and_wait(page, page.get_by_role("button", name="I can do it!", exact=True))
    url = page.url.split("?")[0]
    for path in [
        url,
        "/pupil/targets",
        "/pupil/targets/new",
        "/pupil/targets/new/feelings",
        "/pupil/targets/new/feelings/i_can",
    ]:
        page.goto(f"{path}?lang={lang}")
        assert page.locator("h1").count() == 1
        assert_accessible(page, pupil=True)
    tap_and_wait(page, page.locator("form.words-form button[type=submit]"))
    assert_accessible(page, pupil=True)  # with the kind message


def test_screenshots_of_target_pages(tablet, live_app):
    for name, viewport in [("820", None), ("390", PHONE)]:
        page = tablet(**({"viewport": viewport} if viewport else {}))
        enrol(page)
        pupil_signs_in(page, "Ivy")
        propose(page, area="Maths", starter="I can…", words="count to 100 in tens")
        tap_and_wait(page, page.get_by_role("button", name="Not yet", exact=True))
        make_first_rating_older(live_app, "Ivy")
        tap_and_wait(page, page.get_by_role("button", name="I can do it!", exact=True))
        screenshot(page, f"pupil-target-{name}")
        assert_no_horizontal_scroll(page)
        for path, shot in [
            ("/pupil/targets", "targets"),
            ("/pupil/targets/new", "target-area"),
            ("/pupil/targets/new/maths", "target-starter"),
            ("/pupil/targets/new/maths/better", "target-words"),
        ]:
            page.goto(path)
            screenshot(page, f"pupil-{shot}-{name}")
            assert_no_horizontal_scroll(page)
