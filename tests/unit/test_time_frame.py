"""Issue 13, item 17: a target with a date has a time frame. The plan page checked each
saved target without its date and said "There is no time frame" beside the date it showed."""

from datetime import date
from types import SimpleNamespace

from pupilvoice.staff.checks import problems, target_values

UNDATED = "Sam will read 40 of the 45 Year 1 common exception words correctly"
TODAY = date(2027, 1, 11)


def _target(target_on):
    return SimpleNamespace(
        smart_text=UNDATED, strategies="", child_text="", home_text="", target_on=target_on
    )


def _codes(target) -> set[str]:
    values = target_values(target)
    found = problems("smart", values["smart_text"], {}, values["target_on"], TODAY)
    return {problem.code for problem in found}


def test_a_saved_target_is_checked_with_its_date():
    assert target_values(_target(date(2027, 3, 14)))["target_on"] == date(2027, 3, 14)


def test_a_target_with_a_date_has_a_time_frame():
    assert "no-date" not in _codes(_target(date(2027, 3, 14)))


def test_a_target_with_no_date_anywhere_has_none():
    assert "no-date" in _codes(_target(None))
