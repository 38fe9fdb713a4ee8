"""PRI-04: the retention rules as dates (pure)."""

from datetime import date

from pupilvoice.domain import retention as r

RULES = r.Rules()


def test_months_and_years_fall_back_to_the_months_last_day():
    assert r.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert r.add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert r.add_months(date(2026, 11, 15), 14) == date(2028, 1, 15)


def test_a_sen_file_is_kept_until_the_pupil_is_25_and_an_ehc_file_until_31():
    born = date(2015, 3, 4)
    assert r.file_kept_until(date(2026, 7, 20), born, 6, False, RULES) == date(2040, 3, 4)
    assert r.file_kept_until(date(2026, 7, 20), born, 6, True, RULES) == date(2046, 3, 4)
    school = r.Rules(sen_until_age=31)
    assert r.file_kept_until(date(2026, 7, 20), born, 6, False, school) == date(2046, 3, 4)


def test_without_a_birthday_the_youngest_of_the_year_group_is_assumed():
    # Year 1 in the school year 2026/27: born September 2020 to August 2021.
    assert r.latest_birthday(1, date(2026, 12, 7)) == date(2021, 8, 31)
    assert r.latest_birthday(0, date(2027, 7, 1)) == date(2022, 8, 31)
    kept = r.file_kept_until(date(2026, 12, 7), None, 1, False, RULES)
    assert kept == date(2046, 8, 31)


def test_closed_worries_and_recordings_are_kept_for_the_schools_time():
    assert r.worry_kept_until(date(2026, 12, 7), RULES) == date(2028, 12, 7)
    assert r.recording_kept_until(date(2026, 12, 7), RULES) == date(2027, 12, 7)
    assert r.recording_kept_until(date(2026, 12, 7), r.Rules(recordings_months=3)) == date(
        2027, 3, 7
    )
