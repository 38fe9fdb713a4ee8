"""What needs a member of staff's attention on the dashboard, most urgent first."""

from __future__ import annotations

from datetime import date, timedelta

from pupilvoice.domain.attention import attention, urgency

TODAY = date(2027, 2, 1)


def test_worries_come_first_then_new_voice_then_the_plan():
    codes = attention(
        today=TODAY,
        plan_status="shared",
        review_on=TODAY - timedelta(days=1),
        open_worries=2,
        new_voice=True,
    )
    assert codes == ("worry", "new_voice", "review_overdue", "awaiting_parents")


def test_review_due_within_three_weeks_or_overdue():
    def codes(days):
        return attention(today=TODAY, plan_status="agreed", review_on=TODAY + timedelta(days))

    assert codes(21) == ("review_due",)
    assert codes(0) == ("review_due",)
    assert codes(22) == ()
    assert codes(-1) == ("review_overdue",)


def test_a_started_review_stays_overdue_until_it_is_closed():
    """Issue 12: "review overdue" is cleared by holding the review (closing it), not by
    starting it or by changing the date; a started review shows as started."""
    past, soon = TODAY - timedelta(days=10), TODAY + timedelta(days=5)
    assert attention(today=TODAY, plan_status="in_review", review_on=past) == (
        "review_overdue",
        "in_review",
    )
    assert attention(today=TODAY, plan_status="in_review", review_on=soon) == ("in_review",)
    assert attention(today=TODAY, plan_status="closed", review_on=past) == ("no_plan",)


def test_draft_waiting_and_no_plan():
    assert attention(today=TODAY, plan_status="draft") == ("draft",)
    assert attention(today=TODAY, plan_status="needs_confirming") == ("awaiting_parents",)
    assert attention(today=TODAY) == ("no_plan",)


def test_urgency_orders_pupils():
    worried = attention(today=TODAY, open_worries=1, plan_status="agreed")
    drafted = attention(today=TODAY, plan_status="draft")
    calm = attention(today=TODAY, plan_status="agreed")
    assert sorted([calm, drafted, worried], key=urgency) == [worried, drafted, calm]


def test_a_parent_who_would_like_to_talk_comes_right_after_worries():
    codes = attention(today=TODAY, plan_status="shared", open_worries=1, parent_talk=True)
    assert codes[:3] == ("worry", "parent_talk", "awaiting_parents")
    assert "parent_talk" not in attention(today=TODAY, plan_status="shared")
