"""The outbox (issue 16, item 6): pages put their e-mail in the outbox in the same
transaction as the change (REL-01) and never talk to the mail server; `flask outbox send`
sends it, tries again later when the server is away, and two senders at once never send
a mail twice (also on PostgreSQL: --db=postgres). The SENCO sees what did not go."""

from __future__ import annotations

import threading
from datetime import timedelta

from aiosmtpd.controller import Controller
from sqlalchemy import func, select

from pupilvoice import create_app
from pupilvoice.extensions import db as _db
from pupilvoice.models import AccountToken, OutboxMessage, PlanDelivery
from pupilvoice.models.base import utcnow
from pupilvoice.services import erasure, outbox, plans
from tests.conftest import free_port
from tests.web.conftest import Mailbox
from tests.web.plan_helpers import make_plan, target_values


def text(response) -> str:
    return response.get_data(as_text=True)


def send_command(app):
    result = app.test_cli_runner().invoke(args=["outbox", "send"])
    assert result.exit_code == 0, result.output
    return result.output


def invite_green(client):
    data = {"name": "Ms Green", "email": "green@school.example", "role": "teacher"}
    return client.form("/school/staff/invite", data)


def messages(db) -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def test_a_page_queues_the_mail_and_flask_outbox_send_sends_it(app, login, world, db, mailbox):
    senco = login(world.senco)
    response = invite_green(senco)
    assert response.status_code == 302
    assert "on its way to them" in text(senco.get("/school/staff"))
    (queued,) = messages(db)
    assert (queued.state, queued.to_address, queued.kind) == (
        "waiting",
        "green@school.example",
        "invitation",
    )
    assert "/auth/welcome/" in queued.body and mailbox.messages == []

    assert "E-mails sent: 1." in send_command(app)
    (message,) = mailbox.messages
    assert message["To"] == "green@school.example" and "/auth/welcome/" in message.get_content()
    db.session.expire_all()
    (sent,) = messages(db)
    assert sent.state == "sent" and sent.sent_at is not None and sent.claimed_by is None
    assert sent.body == "", "a sent mail's words (and its one-time link) are not kept"
    assert "E-mails sent: 0." in send_command(app) and len(mailbox.messages) == 1


def test_rel01_a_change_that_rolls_back_sends_nothing(login, world, db, monkeypatch, deliver):
    """Sharing the plan fails half way, after its e-mails were queued: the invitation, the
    record of sending and the e-mails all go with the rollback."""
    newcomer = world.parent
    newcomer.password_hash = None  # gets an invitation with the plan
    plan = make_plan(world, targets=1)
    plans.add_target(world.teacher, plan, target_values(smart_text="Count to 20."))
    db.session.commit()

    def crash(*_args, **_kwargs):
        raise RuntimeError("the server stopped here")

    monkeypatch.setattr("pupilvoice.services.signoff.record_sent", crash)
    teacher = login(world.teacher)
    url = f"/staff/plans/{plan.id}"
    assert teacher.form(f"{url}/share", page=url).status_code == 500
    assert messages(db) == [] and deliver() == {}
    assert db.session.scalar(select(func.count(PlanDelivery.id))) == 0
    assert db.session.scalar(select(func.count(AccountToken.id))) == 0


def test_rel01_a_sender_that_stops_half_way_leaves_the_mail_to_the_next(app, db, world, mailbox,
                                                                        deliver):  # fmt: skip
    outbox.queue("jones@school.example", "Hello", "Words", kind="test", user=world.teacher)
    db.session.commit()
    (message,) = messages(db)
    assert outbox.claim(message.id, "stopped-sender", utcnow())  # then it was killed
    assert deliver() == {}, "another sender leaves a fresh claim alone"
    assert deliver(now=utcnow() + timedelta(minutes=11)) == {"sent": 1}
    assert len(mailbox.messages) == 1


def test_two_senders_claim_a_mail_once(app, db, world):
    outbox.queue("jones@school.example", "Hello", "Words", kind="test", user=world.teacher)
    db.session.commit()
    (message,) = messages(db)
    now = utcnow()
    assert outbox.claim(message.id, "first", now) is True
    assert outbox.claim(message.id, "second", now) is False
    assert outbox.due_ids(now, 10) == []


def test_a_refused_address_is_given_up_and_the_senco_sees_it(app, login, world, db, deliver):
    """An SMTP 5xx answer (no such mailbox) will not change: no more tries."""

    class Refusing(Mailbox):
        async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
            return "550 no such mailbox"

    controller = Controller(Refusing(), hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port)
        invite_green(login(world.senco))
        assert deliver() == {"failed": 1}
    finally:
        controller.stop()
    (failed,) = messages(db)
    assert failed.state == "failed" and failed.attempts == 1 and failed.body == ""
    senco = login(world.senco)
    home = text(senco.get("/school/"))
    assert '<span class="stat">1</span> e-mail could not be sent' in home
    page = text(senco.get("/school/mail"))
    assert "Could not be sent" in page and "green@school.example" in page
    assert "/auth/welcome/" not in page


def test_a_mail_server_away_is_tried_again_until_the_last_try(app, login, world, db, deliver):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port())  # nobody listens
    invite_green(login(world.senco))
    later = utcnow()
    for attempt in range(1, 10):
        assert deliver(now=later) == {"retry": 1}
        (waiting,) = messages(db)
        assert waiting.attempts == attempt and waiting.next_try_at > later
        later = waiting.next_try_at
    page = text(login(world.senco).get("/school/mail"))
    assert "Tried 9 times" in page and "Waiting to be sent" in page
    assert deliver(now=later) == {"failed": 1}
    assert messages(db)[0].state == "failed"


def test_the_senco_page_says_when_everything_went(login, world):
    page = text(login(world.senco).get("/school/mail"))
    assert "Every e-mail has been sent." in page


def test_pri03_erasing_a_parent_removes_their_mail(world, db):
    outbox.queue(world.parent.email, "Plan", "Words", kind="test", user=world.parent,
                 pupil=world.pupil)  # fmt: skip
    outbox.queue(world.teacher.email, "Worry", "Words", kind="test", user=world.teacher)
    db.session.commit()
    kinds = erasure.erase_parent(world.senco, world.parent)
    db.session.commit()
    assert kinds["OutboxMessage"] == 1
    assert [m.to_address for m in messages(db)] == [world.teacher.email]


def test_pri04_retention_removes_the_record_of_mail_sent_long_ago(app, world, db, deliver):
    for subject in ("old", "recent", "unsent"):
        outbox.queue("jones@school.example", subject, "Words", kind="test", user=world.teacher)
    db.session.commit()
    outbox.claim(messages(db)[2].id, "busy", utcnow())  # being sent: not finished
    assert deliver() == {"sent": 2}
    old = messages(db)[0]
    old.sent_at = utcnow() - timedelta(days=31)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["retention"])
    assert "all schools: mail: 1" in result.output, result.output
    db.session.expire_all()
    assert [m.subject for m in messages(db)] == ["recent", "unsent"]


# --- two senders at once, on a database two processes share ------------------------------


class SlowMailbox(Mailbox):
    """Takes a moment over each mail, so two senders are at work at the same time."""

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        import asyncio

        await asyncio.sleep(0.01)
        return await super().handle_DATA(server, session, envelope)


def test_two_senders_at_once_never_send_a_mail_twice(shared_database_url):
    box = SlowMailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": shared_database_url,
            "MAIL_SERVER": "127.0.0.1",
            "MAIL_PORT": controller.port,
        }
    )
    with app.app_context():
        for n in range(40):
            outbox.queue(f"person{n}@family.example", f"Mail {n}", "Words", kind="test")
        _db.session.commit()
    start = threading.Barrier(2)
    done = {}

    def sender(name: str) -> None:
        with app.app_context():
            start.wait()
            done[name] = outbox.send_due(worker=name)
            _db.session.remove()

    threads = [threading.Thread(target=sender, args=(name,)) for name in ("one", "two")]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        controller.stop()
        with app.app_context():
            _db.engine.dispose()
    subjects = sorted(m["Subject"] for m in box.messages)
    assert subjects == sorted(f"Mail {n}" for n in range(40)), "each once, none twice"
    assert done["one"]["sent"] + done["two"]["sent"] == 40
    assert done["one"]["sent"] and done["two"]["sent"], "both senders took part"
