"""The SENCO's page of e-mails that did not go (issue 16, item 6) in Chromium: the overview
counts them, the page lists them without their words; axe in English and Urdu (A11Y-01),
no sideways scroll, screenshots at tablet and phone size."""

from __future__ import annotations

from datetime import timedelta

from pupilvoice.extensions import db
from pupilvoice.models import OutboxMessage, School
from pupilvoice.models.base import utcnow
from tests.browser.conftest import (
    check_page,
    sign_in,
)

SENCO = "senco@riverside.example"


def unsent_mail(live_app) -> list[int]:
    """One mail the server refused, one it has tried three times: nothing that is sent."""
    with live_app.app_context():
        school = db.session.query(School).first()
        rows = [
            OutboxMessage(school_id=school.id, kind="invitation",
                          to_address="claire.roberts@family.example",
                          subject="Riverside Primary School: read your child's plan",
                          body="", state="failed", attempts=1, failed_at=utcnow(),
                          last_error="SMTPRecipientsRefused: 550"),
            OutboxMessage(school_id=school.id, kind="plan_shared",
                          to_address="farah.begum@family.example",
                          subject="Noah's plan is ready to read", body="The plan",
                          state="waiting", attempts=3,
                          next_try_at=utcnow() + timedelta(minutes=4)),
        ]  # fmt: skip
        db.session.add_all(rows)
        db.session.commit()
        return [row.id for row in rows]


def test_the_senco_sees_mail_that_did_not_go(page, live_app):
    ids = unsent_mail(live_app)
    try:
        sign_in(page, SENCO)
        page.goto("/school/")
        overview = page.locator("main").inner_text()
        assert "1\ne-mail could not be sent · 1 waiting to be sent" in overview
        page.get_by_role("link", name="e-mail could not be sent").click()
        main = page.locator("main").inner_text()
        assert "claire.roberts@family.example" in main and "Could not be sent" in main
        assert "Tried 3 times; next try at" in main and "The plan" not in main
        check_page(page, "school-mail")
        page.goto("/school/mail?lang=ur")
        assert page.locator("html").get_attribute("dir") == "rtl"
        check_page(page, "school-mail-ur")
    finally:
        with live_app.app_context():
            db.session.query(OutboxMessage).filter(OutboxMessage.id.in_(ids)).delete()
            db.session.commit()
