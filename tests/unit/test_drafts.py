"""Issue 13, item 17: a second draft plan is never started without a warning."""

from pupilvoice.domain.drafts import draft_to_open_instead, may_start_another


def test_the_newest_draft_is_offered():
    assert draft_to_open_instead([(9, "draft"), (7, "draft"), (3, "closed")]) == 9
    assert draft_to_open_instead([(8, "agreed"), (5, "draft")]) == 5


def test_no_draft_nothing_to_offer():
    assert draft_to_open_instead([]) is None
    assert draft_to_open_instead([(8, "shared"), (4, "closed"), (2, "in_review")]) is None


def test_another_plan_starts_only_after_the_draft_was_shown():
    assert may_start_another(None, None)
    assert not may_start_another(5, None)  # nobody saw the warning
    assert not may_start_another(9, 5)  # a newer draft appeared meanwhile
    assert may_start_another(5, 5)
