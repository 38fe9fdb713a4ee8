"""When the outbox tries a mail again (issue 16, item 6): pure rules."""

from datetime import UTC, datetime, timedelta

from pupilvoice.domain import outbox as rules

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def test_the_wait_doubles_from_a_minute():
    waits = [rules.wait_after(n) for n in range(1, 6)]
    assert waits == [timedelta(minutes=m) for m in (1, 2, 4, 8, 16)]
    assert rules.wait_after(0) == timedelta(0)


def test_the_wait_is_never_longer_than_six_hours():
    assert rules.wait_after(9) == timedelta(minutes=256)
    assert rules.wait_after(10) == rules.LONGEST_WAIT == timedelta(hours=6)
    assert rules.wait_after(1000) == rules.LONGEST_WAIT  # no overflow for a huge count


def test_next_try_until_the_last_attempt_then_give_up():
    assert rules.next_try(1, NOW) == NOW + timedelta(minutes=1)
    assert rules.next_try(rules.MAX_ATTEMPTS - 1, NOW) is not None
    assert rules.next_try(rules.MAX_ATTEMPTS, NOW) is None


def test_all_the_tries_cover_a_morning_without_a_mail_server():
    waited = sum((rules.wait_after(n) for n in range(1, rules.MAX_ATTEMPTS)), timedelta(0))
    assert timedelta(hours=4) <= waited <= timedelta(hours=12)


def test_a_refusal_that_will_not_change_is_not_tried_again():
    assert rules.is_permanent(550) and rules.is_permanent(501)
    assert not rules.is_permanent(451) and not rules.is_permanent(None)
    assert rules.next_try(1, NOW, permanent=True) is None


def test_a_claim_expires_so_a_stopped_senders_mail_is_not_stuck():
    assert rules.claim_expired(None, NOW)
    assert not rules.claim_expired(NOW - timedelta(minutes=9), NOW)
    assert rules.claim_expired(NOW - rules.CLAIM_EXPIRES, NOW)
