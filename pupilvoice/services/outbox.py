"""The outbox (issue 16, item 6): no page waits for a mail server.

A mail is a row written in the same transaction as the change that causes it (``queue``),
so nothing is lost when the app stops and nothing goes for a change that was rolled back
(REL-01). ``flask outbox send`` (cron every minute, or ``--loop`` as a worker) sends what
is due: each sender first claims a mail with one UPDATE that only one can win (it checks
the row count), on SQLite and PostgreSQL alike, so two senders never send one twice; a
failure waits and is tried again (domain/outbox.py), and the SENCO sees mails that did
not go under School → E-mails.
"""

from __future__ import annotations

import os
import smtplib
import socket
import time
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import datetime

from flask import current_app
from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from ..domain import outbox as rules
from ..extensions import db
from ..models.base import utcnow
from ..models.outbox import OutboxMessage
from . import mail


def _preparers() -> dict[str, Callable[[OutboxMessage], bool]]:
    """Mails whose body the sender makes: kind -> a function that fills the message in and
    returns True, or returns False when it is not to be sent."""
    from . import password_reset  # it queues through this module

    return {password_reset.KIND: password_reset.prepare}


def queue(to: str, subject: str, body: str, *, kind: str, language: str = "en",
          user=None, pupil=None, school_id: int | None = None) -> OutboxMessage:  # fmt: skip
    """Put a mail in the outbox, in the caller's transaction: it goes once that commits."""
    message = OutboxMessage(
        kind=kind,
        to_address=to,
        subject=subject,
        body=body,
        language=language or "en",
        user_id=user.id if user is not None else None,
        pupil_id=pupil.id if pupil is not None else None,
        school_id=school_id if school_id is not None else getattr(user, "school_id", None),
        state=rules.WAITING,
        created_at=utcnow(),
        next_try_at=utcnow(),
    )
    db.session.add(message)
    return message


def worker_name() -> str:
    """This sender's name in a claim: host, process and a random part."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _is_due(now: datetime):
    return or_(
        and_(OutboxMessage.state == rules.WAITING, OutboxMessage.next_try_at <= now),
        and_(
            OutboxMessage.state == rules.SENDING,
            OutboxMessage.claimed_at <= now - rules.CLAIM_EXPIRES,
        ),
    )


def due_ids(now: datetime, limit: int) -> list[int]:
    query = (
        select(OutboxMessage.id)
        .where(_is_due(now))
        .order_by(OutboxMessage.next_try_at, OutboxMessage.id)
        .limit(limit)
    )
    return list(db.session.scalars(query))


def claim(message_id: int, worker: str, now: datetime) -> bool:
    """Take one mail to send (commits). Only one sender's UPDATE matches the row: on
    PostgreSQL a second one waits for the first to commit, then finds it taken; SQLite
    runs one writer at a time."""
    result = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, _is_due(now))
        .values(state=rules.SENDING, claimed_by=worker, claimed_at=now)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount == 1


def send_due(worker: str | None = None, limit: int = 200, now: datetime | None = None) -> Counter:
    """Send every mail that is due (up to ``limit``); how many were "sent", "retry",
    "failed" or "dropped" (a reset for an address with no account)."""
    worker = worker or worker_name()
    done: Counter = Counter()
    with current_app.test_request_context("/", base_url=current_app.config["PUBLIC_URL"]):
        for message_id in due_ids(now or utcnow(), limit):
            if claim(message_id, worker, now or utcnow()):
                done[_send_one(db.session.get(OutboxMessage, message_id), worker)] += 1
    return done


def _send_one(message: OutboxMessage, worker: str) -> str:
    preparer = _preparers().get(message.kind)
    if preparer is not None and not message.body:
        if not preparer(message):
            db.session.delete(message)
            db.session.commit()
            return "dropped"
        db.session.commit()  # made once: a retry sends the same mail
    try:
        mail.send(message.to_address, message.subject, message.body, language=message.language)
    except (OSError, smtplib.SMTPException) as error:
        return _failed(message, worker, error)
    _finish(message, worker, sent_at=utcnow(), state=rules.SENT, last_error="")
    return "sent"


def _failed(message: OutboxMessage, worker: str, error: Exception) -> str:
    current_app.logger.warning("Mail %s not sent (try %d): %s", message.id,
                               message.attempts + 1, error)  # fmt: skip
    code = getattr(error, "smtp_code", None)
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code = min((c for c, _ in error.recipients.values()), default=None)
    attempts = message.attempts + 1
    later = rules.next_try(attempts, utcnow(), permanent=rules.is_permanent(code))
    text = f"{type(error).__name__}: {error}"[:300]
    if later is None:
        _finish(message, worker, attempts=attempts, state=rules.FAILED, failed_at=utcnow(),
                last_error=text)  # fmt: skip
        return "failed"
    _finish(message, worker, attempts=attempts, state=rules.WAITING, next_try_at=later,
            last_error=text, keep_body=True)  # fmt: skip
    return "retry"


def _finish(message: OutboxMessage, worker: str, keep_body: bool = False, **values) -> None:
    """Record the outcome, if this sender still holds the claim (commits). The body of a
    mail that went, or that will not go, is emptied: it may hold a one-time link."""
    if not keep_body:
        values["body"] = ""
    db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message.id, OutboxMessage.claimed_by == worker)
        .values(claimed_by=None, claimed_at=None, **values)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()


def run(worker: str | None = None, loop: bool = False, interval: float = 5.0,
        report: Callable[[Counter], None] | None = None) -> Counter:  # fmt: skip
    """Send what is due once, or (``loop``) again every ``interval`` seconds until stopped."""
    worker = worker or worker_name()
    total: Counter = Counter()
    while True:
        try:
            done = send_due(worker)
        except SQLAlchemyError:
            if not loop:
                raise
            current_app.logger.exception("The outbox could not reach the database")
            db.session.rollback()
            done = Counter()  # a worker carries on when the database is back
        total.update(done)
        if report and done:
            report(done)
        db.session.remove()
        if not loop:
            return total
        time.sleep(interval)


def cancel(user_id: int, kind: str) -> int:
    """Take back mails of ``kind`` to this person that no sender has taken yet (a stopped
    invitation's link would not work); how many."""
    result = db.session.execute(
        delete(OutboxMessage).where(
            OutboxMessage.user_id == user_id,
            OutboxMessage.kind == kind,
            OutboxMessage.state == rules.WAITING,
        )
    )
    return result.rowcount or 0


# --- what staff see, and retention ----------------------------------------------------------


def not_sent(school_id: int, limit: int = 100) -> list[OutboxMessage]:
    """The school's mails that failed or are still waiting, newest first."""
    query = (
        select(OutboxMessage)
        .where(OutboxMessage.school_id == school_id, OutboxMessage.state != rules.SENT)
        .order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def failed_count(school_id: int) -> int:
    query = select(func.count()).where(
        OutboxMessage.school_id == school_id, OutboxMessage.state == rules.FAILED
    )
    return db.session.scalar(query) or 0


def old_ids(before: datetime) -> tuple[int, ...]:
    """Mails sent, or given up, before ``before``: retention removes their record."""
    query = select(OutboxMessage.id).where(
        or_(
            and_(OutboxMessage.state == rules.SENT, OutboxMessage.sent_at < before),
            and_(OutboxMessage.state == rules.FAILED, OutboxMessage.failed_at < before),
        )
    )
    return tuple(db.session.scalars(query.order_by(OutboxMessage.id)))


def remove(ids: tuple[int, ...]) -> None:
    db.session.execute(delete(OutboxMessage).where(OutboxMessage.id.in_(ids)))
