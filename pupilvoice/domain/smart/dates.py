"""Reading dates the UK way, and the ``date-past`` rule.

- ``date-past``: a date in the text, or the target date, before today. Dates are read
  the UK way: "14 March", "14th March 2027", "the 2nd of February", "March 2027",
  "14/03/2027" (day first; numeric dates need a year, so "8/10" stays a score). A
  month alone means its last day. A date without a year is taken as the one between
  two months before today and ten months after: a date just gone is a stale target,
  anything earlier is next year's ("by 3 July" written in September means next July).
  Term words ("by Easter") are a time frame but are not dated: term dates vary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..problems import Problem, problem
from .messages import TEMPLATES

YEARLESS_LOOKBACK = timedelta(days=61)

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_NAMES = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
_MONTH_ABBR = "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
_MONTH_ANY = rf"(?:{_MONTH_NAMES}|{_MONTH_ABBR})\.?"
_ORD = r"(?:st|nd|rd|th)?"
_I = re.IGNORECASE


# --- dates -------------------------------------------------------------------------------

_DATE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), "ymd"),
    (re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b"), "dmy"),
    (
        re.compile(
            rf"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?"
            rf"(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MONTH_ANY})(?:,?\s+(\d{{4}}))?\b",
            _I,
        ),
        "d-month",
    ),
    (
        re.compile(rf"\b({_MONTH_ANY})\s+(\d{{1,2}}){_ORD}\b(?:,?\s+(\d{{4}}))?", _I),
        "month-d",
    ),
    (re.compile(rf"\b({_MONTH_ANY})\s+(\d{{4}})\b", _I), "month-year"),
    (
        re.compile(
            rf"\b(?:by|before|until|till|in|end\s+of)\s+(?:the\s+end\s+of\s+)?({_MONTH_NAMES})\b",
            _I,
        ),
        "month",
    ),
]


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    text: str
    on: date


def _month(name: str) -> int:
    return _MONTHS[name.lower()[:3]]


def _month_end(year: int, month: int) -> date:
    first_next = date(year + month // 12, month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def _yearless(today: date, month: int, day: int | None) -> date | None:
    earliest = today - YEARLESS_LOOKBACK
    for year in (earliest.year, earliest.year + 1):
        try:
            candidate = date(year, month, day) if day else _month_end(year, month)
        except ValueError:
            continue
        if candidate >= earliest:
            return candidate
    return None


def _make_date(kind: str, groups: tuple[str | None, ...], today: date) -> date | None:
    try:
        if kind == "ymd":
            return date(int(groups[0] or 0), int(groups[1] or 0), int(groups[2] or 0))
        if kind == "dmy":
            year = int(groups[2] or 0)
            year = year + 2000 if year < 100 else year
            return date(year, int(groups[1] or 0), int(groups[0] or 0))
    except ValueError:
        return None
    if kind == "d-month":
        day, month, year = int(groups[0] or 0), _month(groups[1] or ""), groups[2]
    elif kind == "month-d":
        day, month, year = int(groups[1] or 0), _month(groups[0] or ""), groups[2]
    elif kind == "month-year":
        return _month_end(int(groups[1] or 0), _month(groups[0] or ""))
    else:
        return _yearless(today, _month(groups[0] or ""), None)
    if year is None:
        return _yearless(today, month, day)
    try:
        return date(int(year), month, day)
    except ValueError:
        return None


def find_dates(text: str, *, today: date) -> list[tuple[str, date]]:
    """The dates written in ``text``, as (the words, the date), read the UK way."""
    return [(found.text, found.on) for found in found_dates(text, today)]


def found_dates(text: str, today: date) -> list[FoundDate]:
    taken: list[tuple[int, int]] = []
    found: list[FoundDate] = []
    for pattern, kind in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span(1 if kind == "month" else 0)
            if any(start < b and a < end for a, b in taken):
                continue
            on = _make_date(kind, match.groups(), today)
            if on is not None:
                taken.append((start, end))
                found.append(FoundDate(start, end, text[start:end].strip(" ,"), on))
    return sorted(found, key=lambda f: f.start)


def fmt(day: date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def past_date_problems(
    dates: list[FoundDate], today: date, target_date: date | None
) -> list[Problem]:
    problems = [problem(TEMPLATES, "date-past", d.text) for d in dates if d.on < today]
    if target_date is not None and target_date < today:
        when = fmt(target_date)
        problems.append(
            problem(TEMPLATES, "date-past", None, template="target-date-past", date=when)
        )
    return problems
