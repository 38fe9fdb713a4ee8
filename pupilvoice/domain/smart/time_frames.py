"""The ``no-date`` rule: is there a time frame in the text?

- ``no-date``: no time frame in the text ("by 14 March", "by Easter", "by half term",
  "within 6 weeks", "by the end of Year 10", "each half term", "by the next review")
  and no ``target_date`` given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .dates import FoundDate
from .text import NUMBER_WORDS

_I = re.IGNORECASE

_UNIT = r"(?:school\s+)?(?:days?|weeks?|months?|terms?|half[- ]?terms?|lessons?)"
_COUNT = rf"(?:\d+|a|an|{NUMBER_WORDS})"
_TERM = (
    r"(?:(?:autumn|spring|summer|christmas|easter|october|february|feb|may|whitsun)\s+)?"
    r"(?:half[- ]?term|term)(?:\s*[12]\b)?"
)
_TIME_FRAMES = [
    re.compile(
        r"\b(?:by|before|until|till|during|within|over|this|next|end\s+of|in|for|each|every)\s+"
        rf"(?:(?:the|a|this|next)\s+)?(?:end\s+of\s+(?:the\s+|this\s+)?)?{_TERM}",
        _I,
    ),
    re.compile(
        r"\b(?:by|before|until|till|after|at|over|end\s+of)\s+(?:the\s+)?"
        r"(?:christmas|easter|whitsun|summer|autumn|spring)(?:\s+(?:holidays?|break))?\b",
        _I,
    ),
    re.compile(
        r"\b(?:by|before|until|till|end\s+of)\s+(?:the\s+)?(?:end\s+of\s+)?(?:the\s+|this\s+)?"
        r"(?:(?:school|academic)\s+year|year(?:\s+\d{1,2})?|y\d{1,2}|ks\s*\d|key\s+stage\s+\d)\b",
        _I,
    ),
    re.compile(
        r"\b(?:by|before|until|end\s+of|in)\s+(?:the\s+end\s+of\s+)?(?:autumn|spring|summer)\s*[12]\b",
        _I,
    ),
    re.compile(rf"\b(?:within|after)\s+(?:the\s+next\s+)?{_COUNT}\s+{_UNIT}", _I),
    re.compile(rf"\bin\s+{_COUNT}\s+{_UNIT}(?:['’]\s*|\s+)time\b", _I),
    re.compile(rf"\bin\s+(?:\d+|{NUMBER_WORDS})\s+(?:weeks?|months?|terms?)\b(?!\s+out\s+of)", _I),
    re.compile(rf"\b(?:over|for)\s+the\s+next\s+{_COUNT}\s+{_UNIT}", _I),
    re.compile(r"\bby\s+week\s+\d+\b", _I),
    re.compile(
        r"\b(?:end\s+of\s+(?:the\s+|this\s+)?|after\s+(?:the\s+|this\s+)?)"
        r"(?:\d+|six|eight|ten|twelve)[- ]week\s+(?:block|programme|program|intervention|course)",
        _I,
    ),
    re.compile(
        r"\b(?:by|before|at|until)\s+(?:the\s+|his\s+|her\s+|their\s+|my\s+)?(?:next\s+)?"
        r"(?:iep\s+|plan\s+|annual\s+|termly\s+)?review\b",
        _I,
    ),
]


def time_frame_spans(text: str) -> Iterator[tuple[int, int]]:
    for pattern in _TIME_FRAMES:
        for match in pattern.finditer(text):
            yield match.span()


def has_time_frame(text: str, dates: list[FoundDate]) -> bool:
    return bool(dates) or any(True for _ in time_frame_spans(text))
