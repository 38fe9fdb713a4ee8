"""Nothing typed is lost to a time-out (issue 13, items 7 and 14): a form sent after the
session ended, or the idle timer's own sign-out, comes back to the page after signing in
again, in the person's language; only pages of this site are come back to (SEC-11)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pupilvoice import access
from pupilvoice.models import LoginSession
from pupilvoice.models.base import utcnow
from pupilvoice.services import plans
from tests.conftest import PASSWORD, html_lang, sign_in
from tests.web.plan_helpers import make_plan

SITE = "http://localhost"  # the test client's own address


@pytest.fixture
def shared(world, db):
    plan = make_plan(world, targets=1)
    plans.share(world.teacher, plan)
    db.session.commit()
    return plan


def time_out(db) -> None:
    """Everyone's session has had nothing happen for longer than 30 minutes."""
    for record in db.session.query(LoginSession).filter(LoginSession.ended_at.is_(None)):
        record.last_seen_at = utcnow() - timedelta(minutes=31) - access.TOUCH_EVERY
    db.session.commit()


def urdu_parent(world, db):
    world.parent.locale = "ur"
    db.session.commit()
    return world.parent


def test_send_after_the_time_out_signs_in_again_back_to_the_plan_in_urdu(app, world, shared, db):
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en-GB"  # the phone is in English
    sign_in(client, urdu_parent(world, db))
    page = f"/family/plans/{shared.id}"
    token = client.csrf_token(page)
    time_out(db)

    sent = client.post(
        page, data={"csrf_token": token, "version": "1"}, headers={"Referer": SITE + page}
    )
    assert sent.status_code == 303
    assert sent.location == f"/auth/login?next={page}"
    login = client.get(sent.location)
    assert html_lang(login) == "ur", "the sign-in page is in the parent's language"
    again = client.form(sent.location, {"email": world.parent.email, "password": PASSWORD})
    assert again.status_code == 302 and again.location == page


def test_please_sign_in_is_in_the_parents_language(app, world, shared, db):
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en-GB"
    sign_in(client, urdu_parent(world, db))
    page = f"/family/plans/{shared.id}"
    token = client.csrf_token(page)
    time_out(db)
    refused = client.post(page, data={"csrf_token": token})  # no page to come back to
    assert refused.status_code == 401
    assert html_lang(refused) == "ur"
    assert 'href="/auth/login"' in refused.get_data(as_text=True)


def test_sec11_a_form_from_another_site_is_not_come_back_to(app, world, shared, db):
    client = app.test_client()
    sign_in(client, world.parent)
    page = f"/family/plans/{shared.id}"
    token = client.csrf_token(page)
    time_out(db)
    for referrer in ("https://evil.example/family/", "https://localhost" + page, "x"):
        sent = client.post(page, data={"csrf_token": token}, headers={"Referer": referrer})
        assert sent.status_code == 401, referrer


def test_the_idle_sign_out_ends_the_session_and_comes_back_to_the_form(app, world, db):
    client = app.test_client()
    sign_in(client, world.teacher)
    form = f"/staff/pupils/{world.pupil.id}/plans/new"
    response = client.form("/auth/timed-out", {"next": form}, page="/staff/")
    assert response.status_code == 303
    assert response.location == f"/auth/login?next={form}"
    assert "Clear-Site-Data" not in response.headers, "the browser keeps the drafts"
    assert db.session.query(LoginSession).one().ended_at is not None
    signed_out = client.get(response.location).get_data(as_text=True)
    assert "You were signed out because nothing happened for a while." in signed_out
    back = client.form(response.location, {"email": world.teacher.email, "password": PASSWORD})
    assert back.location == form


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "/\t/evil.example/", "javascript:x"]
)
def test_sec11_the_idle_sign_out_refuses_an_off_site_next(app, world, next_url):
    client = app.test_client()
    sign_in(client, world.teacher)
    response = client.form("/auth/timed-out", {"next": next_url}, page="/staff/")
    assert response.status_code == 303 and response.location == "/auth/login"
