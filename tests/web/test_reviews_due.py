"""`flask reviews-due` (issue 12, items 2 and 7): it starts the reviews whose date has come
and e-mails each class teacher and the SENCO their reviews overdue and due within three
weeks, naming a plan at most once a week; a rerun sends nothing (REL-04)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pupilvoice.domain.reviews import week_of
from pupilvoice.models import OutboxMessage, ReviewDigest
from pupilvoice.models.base import utcnow
from pupilvoice.services import review_digest, reviews
from tests.web.plan_helpers import make_plan


@pytest.fixture
def due_soon(world, db):
    """Sam's plan, shared, reviewed in ten days."""
    return make_plan(world, status="shared", review_on=date.today() + timedelta(days=10))


def run(app):
    return app.test_cli_runner().invoke(args=["reviews-due"])


def test_each_writer_gets_one_digest_and_a_rerun_sends_nothing(
    app, world, due_soon, mailbox, deliver
):
    result = run(app)
    assert result.exit_code == 0 and "Digests queued: 2." in result.output, result.output
    assert deliver() == {"sent": 2}
    to = sorted(m["To"] for m in mailbox.messages)
    assert to == sorted([world.teacher.email, world.senco.email])  # not the TA, not others
    body = mailbox.to(world.teacher.email)[0].get_content()
    assert "Sam T.: due on" in body and f"http://school.example/staff/plans/{due_soon.id}" in body
    again = run(app)
    assert "Digests queued: 0." in again.output and deliver() == {}
    assert len(mailbox.messages) == 2


def test_the_review_date_starts_the_review_and_it_is_named_overdue(
    app, world, db, mailbox, deliver
):
    plan = make_plan(world, status="agreed", review_on=date.today() - timedelta(days=1))
    result = run(app)
    deliver()
    assert "Reviews started: 1." in result.output
    db.session.expire_all()
    assert db.session.get(type(plan), plan.id).status == "in_review"
    assert "overdue since" in mailbox.to(world.teacher.email)[0].get_content()
    assert "Reviews started: 0." in run(app).output  # idempotent


def test_a_plan_is_named_again_the_next_week(app, world, due_soon, db):
    with app.test_request_context("/"):
        today = date.today()
        first = review_digest.due(today)
        assert [d.user.id for d in first] == sorted([world.senco.id, world.teacher.id])
        for digest in first:
            assert review_digest.queue(digest, today)
        assert review_digest.due(today) == []
        assert review_digest.due(today + timedelta(days=7)) != []
    assert {r.week_of for r in db.session.query(ReviewDigest)} == {week_of(today)}


def test_two_runs_at_once_claim_a_digest_once(app, world, due_soon, db):
    with app.test_request_context("/"):
        today = date.today()
        (mine, *_rest) = review_digest.due(today)
        (theirs, *_rest) = review_digest.due(today)  # both runs saw it unsent
        assert review_digest.queue(mine, today) is True
        assert review_digest.queue(theirs, today) is False
    assert db.session.query(OutboxMessage).count() == 1  # the loser's mail went with it


def test_a_mail_that_fails_is_tried_again_and_not_named_twice(
    app, world, due_soon, db, monkeypatch, mailbox, deliver
):
    """The digest is recorded with its mail; the outbox tries the mail again later, and a
    rerun of the command does not queue a second one meanwhile."""

    def refuse(*_args, **_kwargs):
        raise OSError("no mail server")

    assert "Digests queued: 2." in run(app).output
    with monkeypatch.context() as patch:
        patch.setattr("pupilvoice.services.mail.send", refuse)
        assert deliver() == {"retry": 2}
    assert "Digests queued: 0." in run(app).output
    assert deliver() == {}  # not due yet
    assert deliver(now=utcnow() + timedelta(minutes=2)) == {"sent": 2}
    assert len(mailbox.messages) == 2 and db.session.query(ReviewDigest).count() == 2


def test_closed_plans_are_not_named(app, world, db, mailbox):
    plan = make_plan(world, status="shared", review_on=date.today())
    reviews.start(world.teacher, plan)
    plan.status = "closed"
    db.session.commit()
    assert "Digests queued: 0." in run(app).output
