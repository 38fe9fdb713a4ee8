"""The SEN register's rules: census need codes in their broad areas, and what a change of
stage does to the register's dates and history."""

from __future__ import annotations

from datetime import date

import pytest

from pupilvoice.domain.sen_register import (
    AREAS,
    NEEDS,
    Entry,
    differences,
    need_code,
    needs_in,
    needs_problem,
    next_entry,
    register_csv,
)

TODAY = date(2026, 12, 7)


def test_every_census_code_is_in_exactly_one_area():
    assert set(NEEDS) == {
        "SPLD", "MLD", "SLD", "PMLD", "SEMH", "SLCN", "HI", "VI", "MSI", "PD", "ASD", "OTH", "NSA"
    }  # fmt: skip
    grouped = [code for area in AREAS for code in needs_in(area)]
    assert sorted(grouped) == sorted(NEEDS)  # none twice, none left out
    assert {"ci", "cl", "semh", "sp"} <= set(AREAS)
    assert needs_in("ci") == ("SLCN", "ASD") and "HI" in needs_in("sp")


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("SpLD", "SPLD"),
        (" asd ", "ASD"),
        ("Hearing impairment", "HI"),
        ("speech, language and communication needs", "SLCN"),
        ("Social, Emotional and Mental Health", "SEMH"),
        ("Autism", "ASD"),
        ("", ""),
        ("Dyscalculia?", None),
        ("=1+1", None),
    ],
)
def test_need_codes_are_read_from_codes_or_names(written, code):
    assert need_code(written) == code


def test_needs_that_cannot_go_together():
    assert needs_problem("none", "ASD", None) == "need_off_register"
    assert needs_problem("sen_support", None, "HI") == "secondary_without_primary"
    assert needs_problem("ehcp", "HI", "HI") == "same_need_twice"
    assert needs_problem("ehcp", "HI", "SLCN") is None
    assert needs_problem("none", None, None) is None


def test_joining_the_register_sets_the_date_added_and_history_says_what_changed():
    before = Entry()
    after = next_entry(before, "sen_support", "SPLD", None, TODAY)
    assert (after.added_on, after.removed_on, after.primary_need) == (TODAY, None, "SPLD")
    assert differences(before, after) == {
        "stage": ["none", "sen_support"],
        "primary_need": [None, "SPLD"],
        "added_on": [None, "2026-12-07"],
    }


def test_leaving_the_register_sets_the_date_removed_and_clears_the_needs():
    before = Entry("ehcp", "ASD", "SLCN", date(2025, 9, 1), date(2026, 3, 1))
    after = next_entry(before, "none", "ASD", "SLCN", TODAY)
    assert after == Entry("none", None, None, date(2025, 9, 1), date(2026, 3, 1), TODAY)
    assert set(differences(before, after)) == {
        "stage",
        "primary_need",
        "secondary_need",
        "removed_on",
    }
    again = next_entry(after, "sen_support", "MLD", None, date(2027, 1, 5))
    assert (again.added_on, again.removed_on) == (date(2027, 1, 5), None)


def test_moving_between_stages_keeps_the_date_added_and_a_review_is_recorded():
    before = Entry("sen_support", "MLD", None, date(2025, 9, 1))
    after = next_entry(before, "ehcp", "MLD", None, TODAY, reviewed_on=date(2026, 12, 1))
    assert (after.added_on, after.reviewed_on) == (date(2025, 9, 1), date(2026, 12, 1))
    assert differences(before, after) == {
        "stage": ["sen_support", "ehcp"],
        "reviewed_on": [None, "2026-12-01"],
    }
    assert differences(after, next_entry(after, "ehcp", "MLD", None, TODAY)) == {}


def test_register_csv_never_starts_a_cell_with_a_formula():
    text = register_csv([("A1", '=HYPERLINK("x")', "+44", "Oak", 3, "ehcp", "ASD", "", "", "")])
    lines = text.removeprefix("\ufeff").splitlines()
    assert lines[0].startswith("upn,first_name,surname,class")
    assert "'=HYPERLINK" in lines[1] and ",'+44," in lines[1]
