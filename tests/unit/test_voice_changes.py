"""What changed between two sorts, and how a view was gathered."""

from __future__ import annotations

from pupilvoice.domain.voice_changes import Change, changes, gathered


def test_moves_new_and_gone_cards():
    previous = {1: "like", 2: "like", 3: "dislike", 4: "unsure"}
    latest = {1: "like", 2: "dislike", 4: "skip", 5: "unsure"}
    assert changes(previous, latest, order=[5, 4, 3, 2, 1]) == [
        Change(5, None, "unsure"),
        Change(4, "unsure", None),
        Change(3, "dislike", None),
        Change(2, "like", "dislike"),
    ]
    assert [c.kind for c in changes(previous, latest)] == ["moved", "gone", "gone", "new"]


def test_nothing_changed():
    assert changes({1: "like"}, {1: "like"}) == []
    assert changes({1: "skip"}, {}) == []


def test_how_a_view_was_gathered():
    assert gathered([None, None]) == ("alone", [])
    assert gathered([7, 7]) == ("helped", [7])
    assert gathered([None, 7, 8, 7]) == ("partly", [7, 8])
    assert gathered([]) == ("alone", [])
