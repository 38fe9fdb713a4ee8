"""Hours and cost of a provision over a term: the half-term break, part weeks, pence
rounding and a group's shared cost (issue 15, items 4 and 5)."""

from __future__ import annotations

from datetime import date

from pupilvoice.domain.provision_costs import (
    PER_HOUR,
    PER_SESSION,
    money,
    outcomes,
    pence,
    session_cost,
    sessions_in,
    share,
    term_cost,
)
from pupilvoice.domain.provision_map import Offer, Place, build
from pupilvoice.domain.terms import Term, current_term, school_year, teaching_weeks, term_for

AUTUMN = school_year(2026)[0]


def test_the_default_terms_of_2026_27():
    autumn, spring, summer = school_year(2026)
    assert (autumn.starts_on, autumn.ends_on) == (date(2026, 9, 3), date(2026, 12, 18))
    assert autumn.break_starts_on == date(2026, 10, 26)
    assert (spring.starts_on, spring.ends_on) == (date(2027, 1, 5), date(2027, 3, 26))
    assert spring.break_starts_on == date(2027, 2, 15)
    assert (summer.starts_on, summer.ends_on) == (date(2027, 4, 12), date(2027, 7, 22))
    assert summer.break_starts_on == date(2027, 5, 31)
    assert term_for("2026-spring") == spring
    assert term_for("2026-winter") is None and term_for("x-autumn") is None
    assert current_term(date(2026, 12, 7)) == autumn
    assert current_term(date(2026, 12, 25)) == spring  # the holiday: the next term


def test_a_term_leaves_out_its_half_term_week_and_keeps_part_weeks():
    weeks = teaching_weeks(AUTUMN)
    mondays = [week.monday for week in weeks]
    assert date(2026, 10, 26) not in mondays  # the half-term break
    assert weeks[0].monday == date(2026, 8, 31) and weeks[0].days == 2  # Thu 3, Fri 4
    assert all(week.days == 5 for week in weeks[1:])
    assert len(weeks) == 15  # 16 weeks from 31 August to 14 December, less the break


def test_a_provision_running_n_weeks_skips_the_break():
    # 3 a week for 9 weeks from Thursday 3 September: a part week (2 of 5 days: 1.2 -> 1
    # session), then 8 full weeks; the ninth teaching week is after the break.
    weeks = teaching_weeks(AUTUMN)
    assert sessions_in(weeks, 3, 9) == 1 + 8 * 3
    assert weeks[8].monday == date(2026, 11, 2)  # the week after half term counts, not 26 Oct
    assert sessions_in(weeks, 3, 40) == 1 + 14 * 3  # never past the end of term


def test_a_part_week_counts_its_share_of_sessions_half_up():
    part = Term("t", "autumn", 2026, date(2026, 9, 2), date(2026, 9, 4), date(2026, 10, 26))
    weeks = teaching_weeks(part)  # Wednesday to Friday: 3 of 5 days
    assert weeks[0].days == 3
    assert sessions_in(weeks, 1, 1) == 1  # 0.6 -> 1
    assert sessions_in(weeks, 3, 1) == 2  # 1.8 -> 2
    assert sessions_in(weeks, 5, 1) == 3


def test_an_hourly_rate_is_rounded_to_pence_once_per_pupil():
    # £18.50 an hour for 20 minutes is 616.666... pence a session
    assert session_cost(PER_HOUR, 1850, 20) * 3 == 1850
    assert pence(session_cost(PER_HOUR, 1850, 20)) == 617
    weeks = teaching_weeks(AUTUMN)
    cost = term_cost(
        weeks,
        pupils=1,
        group_size=1,
        sessions_per_week=1,
        minutes_per_session=20,
        how_many_weeks=10,
        cost_kind=PER_HOUR,
        cost_pence=1850,
    )
    # 10 sessions (the part week has 0.4 of a session: none): 9 * 616.67 = 5550 exactly
    assert cost.sessions == 9 and cost.shares == [5550]
    assert cost.minutes_each == 180


def test_one_to_one_is_not_shared():
    weeks = teaching_weeks(AUTUMN)
    cost = term_cost(
        weeks,
        pupils=3,
        group_size=1,
        sessions_per_week=2,
        minutes_per_session=30,
        how_many_weeks=5,
        cost_kind=PER_SESSION,
        cost_pence=1000,
    )
    sessions = sessions_in(weeks, 2, 5)
    assert cost.shares == [sessions * 1000] * 3


def test_a_group_cost_is_shared_by_its_pupils_to_the_penny():
    weeks = teaching_weeks(AUTUMN)
    cost = term_cost(
        weeks,
        pupils=3,
        group_size=4,
        sessions_per_week=1,
        minutes_per_session=30,
        how_many_weeks=1,
        cost_kind=PER_SESSION,
        cost_pence=1000,
    )
    # one session in the part week (0.4 -> 0): none. Use two weeks: 0 + 1 session
    assert cost.sessions == 0 and cost.shares == [0, 0, 0]
    cost = term_cost(
        weeks,
        pupils=3,
        group_size=4,
        sessions_per_week=1,
        minutes_per_session=30,
        how_many_weeks=2,
        cost_kind=PER_SESSION,
        cost_pence=1000,
    )
    assert cost.shares == [334, 333, 333] and cost.total_pence == 1000
    # five pupils in groups of four: two groups run, their cost shared by all five
    cost = term_cost(
        weeks,
        pupils=5,
        group_size=4,
        sessions_per_week=1,
        minutes_per_session=30,
        how_many_weeks=2,
        cost_kind=PER_SESSION,
        cost_pence=1000,
    )
    assert cost.total_pence == 2000 and cost.shares == [400] * 5


def test_share_adds_up_exactly():
    for total in (0, 1, 99, 1000, 123457):
        for many in (1, 2, 3, 7, 40):
            shares = share(total, many)
            assert sum(shares) == total and max(shares) - min(shares) <= 1
    assert share(100, 0) == []


def test_money_is_exact():
    assert money(123456) == "1234.56" and money(5) == "0.05" and money(0) == "0.00"


def test_outcomes_are_honest_counts():
    few = outcomes(["achieved", "partly", None, "not_yet"], 9000)
    assert (few.achieved, few.partly, few.not_yet, few.reviewed) == (1, 1, 1, 3)
    assert not few.enough and few.cost_per_achieved_pence is None
    enough = outcomes(["achieved"] * 3 + ["not_yet"] * 2, 10000)
    assert enough.enough and enough.cost_per_achieved_pence == 3333
    none_achieved = outcomes(["not_yet"] * 5, 10000)
    assert none_achieved.enough and none_achieved.cost_per_achieved_pence is None


def test_the_map_totals_are_the_sums_of_its_rows():
    offers = [
        Offer(1, "Phonics", 4, 3, 20, 10, PER_SESSION, 1250),
        Offer(2, "1:1 reading", 1, 2, 15, 12, PER_HOUR, 1800),
    ]
    places = [
        Place(1, pupil, f"P{pupil}", pupil % 3, f"C{pupil % 3}", None) for pupil in range(1, 8)
    ] + [Place(2, 3, "P3", 0, "C0", "achieved")]
    found = build(AUTUMN, offers, places)
    assert len(found.rows) == 8
    for totals in (found.by_pupil, found.by_provision, found.by_class):
        assert sum(t.pence for t in totals) == found.pence
        assert sum(t.minutes for t in totals) == found.minutes
    phonics = [row.pence for row in found.rows if row.provision_id == 1]
    sessions = sessions_in(teaching_weeks(AUTUMN), 3, 10)
    assert sum(phonics) == 2 * sessions * 1250  # seven pupils: two groups of up to four
    one_class = build(AUTUMN, offers, places, class_id=1)
    assert {row.class_id for row in one_class.rows} == {1}
    assert one_class.pence == sum(r.pence for r in found.rows if r.class_id == 1)
