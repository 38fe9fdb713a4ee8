"""How long a school keeps records (PRI-04), as pure date rules. Defaults follow the common
UK school retention schedule (IRMS): a pupil's SEN file until they are 25, or 31 with an
EHC plan; the school may change each. Closed worries and recordings are kept for a time
the school sets after they were closed or made (what the pupil wrote stays in the file)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

SEN_UNTIL_AGE, EHC_UNTIL_AGE = 25, 31
WORRIES_YEARS, RECORDINGS_MONTHS = 2, 12
AGES = range(18, 41)  # what a school may choose for a file
WORRY_YEARS_RANGE = range(1, 26)
RECORDING_MONTHS_RANGE = range(1, 61)
SIGN_IN_DAYS = 90  # ended sign-ins and used links are kept this long, for security questions


@dataclass(frozen=True)
class Rules:
    sen_until_age: int = SEN_UNTIL_AGE
    ehc_until_age: int = EHC_UNTIL_AGE
    worries_years: int = WORRIES_YEARS
    recordings_months: int = RECORDINGS_MONTHS


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, 29-31 falling back to the month's last day."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - February always has a 28th


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def school_year_start(day: date) -> int:
    """The calendar year a school year began in (England and Wales: 1 September)."""
    return day.year if day.month >= 9 else day.year - 1


def latest_birthday(year_group: int, on: date) -> date:
    """The youngest a pupil of ``year_group`` can be on ``on``: born 31 August of the year
    that makes them the youngest in the year (so an estimate keeps a file longer, never
    shorter). Reception is year group 0."""
    return date(school_year_start(on) - year_group - 4, 8, 31)


def file_kept_until(
    left_on: date, born_on: date | None, year_group: int, ehc: bool, rules: Rules
) -> date:
    """The day after which a pupil who left on ``left_on`` may be erased."""
    birthday = born_on or latest_birthday(year_group, left_on)
    return add_years(birthday, rules.ehc_until_age if ehc else rules.sen_until_age)


def worry_kept_until(closed_on: date, rules: Rules) -> date:
    return add_years(closed_on, rules.worries_years)


def recording_kept_until(made_on: date, rules: Rules) -> date:
    return add_months(made_on, rules.recordings_months)
