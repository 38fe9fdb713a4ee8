"""SEC-03: length and common-password rules, no composition rules."""

from pupilvoice.domain.passwords import password_problem


def test_sec03_short_common_and_personal_passwords_are_refused():
    assert password_problem("short") == "too-short"
    assert password_problem("password1234") == "common"
    assert password_problem("aaaaaaaaaaaaaa") == "common"
    assert password_problem("x" * 300) == "too-long"
    assert password_problem("mr.jones.1234", email="mr.jones.1234@school.example") == "personal"


def test_sec03_long_lowercase_phrase_is_fine():
    assert password_problem("purple kettle on tuesday") is None
