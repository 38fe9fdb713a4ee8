"""Review rules (issue 12): what carries into the next plan, when a review closes, and
which reviews a weekly digest names."""

from __future__ import annotations

from datetime import date, timedelta

from pupilvoice.domain.reviews import (
    carries_forward,
    digest_kind,
    missing_outcomes,
    week_of,
)

TODAY = date(2027, 3, 10)  # a Wednesday


def test_partly_and_not_yet_carry_forward_achieved_closes():
    assert [carries_forward(o) for o in ("achieved", "partly", "not_yet", None)] == [
        False,
        True,
        True,
        False,
    ]


def test_a_review_closes_only_with_every_outcome():
    assert missing_outcomes(["achieved", None, "brilliant", "not_yet"]) == 2
    assert missing_outcomes(["achieved", "partly"]) == 0


def test_digest_names_overdue_and_the_next_three_weeks():
    assert digest_kind(TODAY - timedelta(days=1), TODAY) == "overdue"
    assert digest_kind(TODAY, TODAY) == "due"
    assert digest_kind(TODAY + timedelta(days=21), TODAY) == "due"
    assert digest_kind(TODAY + timedelta(days=22), TODAY) is None
    assert digest_kind(None, TODAY) is None


def test_once_a_week_means_monday_to_sunday():
    assert week_of(TODAY) == date(2027, 3, 8)
    assert week_of(date(2027, 3, 14)) == date(2027, 3, 8)
    assert week_of(date(2027, 3, 15)) == date(2027, 3, 15)
