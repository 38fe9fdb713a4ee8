"""The plan life-cycle: every allowed move, every forbidden one, and what each status allows."""

from __future__ import annotations

import itertools

import pytest

from pupilvoice.domain.lifecycle import (
    EVENTS,
    STATUSES,
    LifecycleError,
    after_change,
    after_parent_linked,
    allowed_transitions,
    asks_new_parent,
    can_record_outcomes,
    is_editable,
    needs_signoff,
    next_status,
)

# Written out in full here, not imported, so a change to the module's table shows up.
ALLOWED = {
    ("draft", "share"): "shared",
    ("draft", "targets_changed"): "draft",
    ("shared", "targets_changed"): "needs_confirming",
    ("shared", "parent_confirmed_all"): "agreed",
    ("shared", "start_review"): "in_review",
    ("needs_confirming", "targets_changed"): "needs_confirming",
    ("needs_confirming", "parent_confirmed_all"): "agreed",
    ("needs_confirming", "start_review"): "in_review",
    ("agreed", "targets_changed"): "needs_confirming",
    ("agreed", "start_review"): "in_review",
    ("in_review", "close"): "closed",
    ("shared", "parent_linked"): "shared",
    ("needs_confirming", "parent_linked"): "needs_confirming",
    ("agreed", "parent_linked"): "shared",
}
FORBIDDEN = [pair for pair in itertools.product(STATUSES, EVENTS) if pair not in ALLOWED]


def test_the_statuses_and_events_are_the_documented_ones():
    assert STATUSES == ("draft", "shared", "agreed", "needs_confirming", "in_review", "closed")
    assert EVENTS == (
        "share",
        "targets_changed",
        "parent_confirmed_all",
        "start_review",
        "close",
        "parent_linked",
    )
    assert len(FORBIDDEN) == len(STATUSES) * len(EVENTS) - len(ALLOWED)


@pytest.mark.parametrize(("move", "after"), ALLOWED.items())
def test_allowed_move(move, after):
    status, event = move
    assert next_status(status, event) == after
    assert event in allowed_transitions(status)


@pytest.mark.parametrize(("status", "event"), FORBIDDEN)
def test_forbidden_move_raises_a_clear_error(status, event):
    with pytest.raises(LifecycleError) as error:
        next_status(status, event)
    assert repr(event) in str(error.value)
    assert event not in allowed_transitions(status)


def test_the_error_says_what_is_allowed_instead():
    with pytest.raises(LifecycleError, match="agreed cannot take 'share'; it can take"):
        next_status("agreed", "share")
    with pytest.raises(LifecycleError, match="nothing: it is final"):
        next_status("closed", "targets_changed")


def test_changing_targets_after_sharing_asks_parents_again():
    status = "draft"
    for event in ["targets_changed", "share", "parent_confirmed_all", "targets_changed"]:
        status = next_status(status, event)
    assert status == "needs_confirming"
    assert needs_signoff(status)
    assert next_status(status, "parent_confirmed_all") == "agreed"


def test_a_plan_goes_from_draft_to_closed():
    status = "draft"
    for event in ["share", "parent_confirmed_all", "start_review", "close"]:
        status = next_status(status, event)
    assert status == "closed"
    assert allowed_transitions(status) == set()


@pytest.mark.parametrize(
    ("status", "editable", "outcomes", "signoff"),
    [
        ("draft", True, False, False),
        ("shared", True, False, True),
        ("needs_confirming", True, False, True),
        ("agreed", True, False, False),
        ("in_review", False, True, False),
        ("closed", False, False, False),
    ],
)
def test_what_each_status_allows(status, editable, outcomes, signoff):
    assert is_editable(status) is editable
    assert can_record_outcomes(status) is outcomes
    assert needs_signoff(status) is signoff


@pytest.mark.parametrize(
    "call",
    [
        lambda: next_status("archived", "share"),
        lambda: next_status("draft", "publish"),
        lambda: allowed_transitions("Draft"),
        lambda: is_editable(""),
        lambda: needs_signoff("agreed "),
        lambda: can_record_outcomes("review"),
    ],
)
def test_unknown_statuses_and_events_are_refused(call):
    with pytest.raises(LifecycleError, match="Unknown plan"):
        call()


# --- issue 13, item 10 ------------------------------------------------------------------------


def test_rel03_a_parent_linked_to_an_agreed_plan_is_asked_too():
    assert after_parent_linked("agreed") == "shared"
    assert needs_signoff(after_parent_linked("agreed"))
    assert after_parent_linked("shared") == "shared"
    assert after_parent_linked("needs_confirming") == "needs_confirming"


@pytest.mark.parametrize("status", ["draft", "in_review", "closed"])
def test_a_parent_linked_to_a_plan_not_being_asked_changes_nothing(status):
    assert not asks_new_parent(status)
    assert after_parent_linked(status) == status


@pytest.mark.parametrize("status", ["shared", "agreed", "needs_confirming"])
def test_rel03_a_change_parents_never_read_keeps_the_status(status):
    assert after_change(status, parents_read_it=False) == status


def test_a_change_parents_read_asks_them_again():
    assert after_change("agreed", parents_read_it=True) == "needs_confirming"
    assert after_change("shared", parents_read_it=True) == "needs_confirming"
    assert after_change("draft", parents_read_it=True) == "draft"


def test_after_change_knows_only_real_statuses():
    with pytest.raises(LifecycleError):
        after_change("lost", parents_read_it=False)
