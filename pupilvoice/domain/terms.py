"""The school year's three terms, each with a half-term break, and the teaching weeks a
provision runs in: pure dates, no database.

The dates are the usual pattern of English schools (a school may differ by a few days;
a setting to change them is not built yet): autumn from the first weekday on or after
3 September to the Friday on or before 19 December, a break in the week of October's last
Monday; spring from the first weekday on or after 5 January to the last Friday of
March, a break in the week of 15 February; summer from the Monday at least 17 days after
spring ends to the weekday on or before 22 July, a break in the week of May's last Monday.
Bank holidays inside a term are not taken off.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

SEASONS = ("autumn", "spring", "summer")
WEEKDAYS = 5


@dataclass(frozen=True)
class Term:
    """One term: its first and last school days and its half-term break (Monday to
    Friday of one week)."""

    key: str  # "2026-autumn": the school year's first calendar year and the season
    season: str
    year: int  # the calendar year the term is in
    starts_on: date
    ends_on: date
    break_starts_on: date

    @property
    def break_ends_on(self) -> date:
        return self.break_starts_on + timedelta(days=4)


@dataclass(frozen=True)
class Week:
    """A teaching week of a term: its Monday and how many school days of it are in term."""

    monday: date
    days: int


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _weekday_on_or_after(day: date) -> date:
    while day.weekday() >= WEEKDAYS:
        day += timedelta(days=1)
    return day


def _weekday_on_or_before(day: date) -> date:
    while day.weekday() >= WEEKDAYS:
        day -= timedelta(days=1)
    return day


def _friday_on_or_before(day: date) -> date:
    return day - timedelta(days=(day.weekday() - 4) % 7)


def _last_monday(year: int, month: int) -> date:
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return _monday(first_of_next - timedelta(days=1))


def school_year(first_year: int) -> tuple[Term, Term, Term]:
    """The three terms of the school year that starts in September ``first_year``."""
    second = first_year + 1
    autumn = Term(
        f"{first_year}-autumn",
        "autumn",
        first_year,
        _weekday_on_or_after(date(first_year, 9, 3)),
        _friday_on_or_before(date(first_year, 12, 19)),
        _last_monday(first_year, 10),
    )
    spring_ends = _friday_on_or_before(date(second, 3, 31))
    spring = Term(
        f"{first_year}-spring",
        "spring",
        second,
        _weekday_on_or_after(date(second, 1, 5)),
        spring_ends,
        _monday(date(second, 2, 15)),
    )
    summer = Term(
        f"{first_year}-summer",
        "summer",
        second,
        spring_ends + timedelta(days=17),  # a Monday: spring ends on a Friday
        _weekday_on_or_before(date(second, 7, 22)),
        _last_monday(second, 5),
    )
    return autumn, spring, summer


def term_for(key: str) -> Term | None:
    """The term a key like "2026-autumn" names; None for anything else."""
    year, _, season = key.partition("-")
    if not year.isdigit() or len(year) != 4 or season not in SEASONS:
        return None
    return school_year(int(year))[SEASONS.index(season)]


def current_term(today: date) -> Term:
    """The term ``today`` is in; in a holiday, the next term."""
    first_year = today.year if today.month >= 8 else today.year - 1
    terms = school_year(first_year - 1) + school_year(first_year) + school_year(first_year + 1)
    return next(term for term in terms if term.ends_on >= today)


def nearby_terms(today: date) -> list[Term]:
    """The terms to choose from: last school year's, this one's and the next."""
    first_year = int(current_term(today).key[:4])
    return [*school_year(first_year - 1), *school_year(first_year), *school_year(first_year + 1)]


def teaching_weeks(term: Term) -> list[Week]:
    """The term's weeks, the half-term break left out; the first and last may be part weeks."""
    weeks, monday = [], _monday(term.starts_on)
    while monday <= term.ends_on:
        if monday != term.break_starts_on:
            first = max(monday, term.starts_on)
            last = min(monday + timedelta(days=4), term.ends_on)
            if last >= first:
                weeks.append(Week(monday, (last - first).days + 1))
        monday += timedelta(weeks=1)
    return weeks
