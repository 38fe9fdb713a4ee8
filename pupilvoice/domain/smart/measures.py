"""The ``no-measure`` rule: is there anything to count or observe?

- ``no-measure``: nothing to count or observe. A number of something the pupil does
  counts ("8 of 10", "count to 20", "for 10 minutes", "3 times a week"), as do "all",
  "every"/"each", "daily", "independently", "on my own", "without adult help", "in a
  row". Numbers that only name a level or a set do not: dates and time frames,
  "Year 1", "Set 2", "Phase 5", "2-digit numbers", "3-letter words", "2D shapes",
  "the 3 times table".
"""

from __future__ import annotations

import re

from .dates import FoundDate
from .text import NUMBER_WORDS, blank
from .time_frames import time_frame_spans

_I = re.IGNORECASE

_NOT_A_MEASURE = [
    re.compile(
        r"\b(?:year|yr|y|ks|key\s+stage|phase|(?-i:Set)|stage|level|wave|book\s+band|band|step|tier)"
        r"\s*\d+(?:\s*/\s*\d+)?\b",
        _I,
    ),
    re.compile(r"\b\d\s*-?\s*d\b", _I),
    re.compile(
        rf"\b(?:\d+|{NUMBER_WORDS}|single|double)[- ]"
        r"(?:digit|letter|syllable|step|part|sound|phoneme|place|sided)s?\b",
        _I,
    ),
    re.compile(
        rf"\b(?:\d+|{NUMBER_WORDS})(?:\s*(?:,|and|&)\s*(?:\d+|{NUMBER_WORDS}))*"
        r"\s+times?[- ]tables?\b",
        _I,
    ),
]

_MEASURES = [
    re.compile(r"\d|%"),
    re.compile(rf"\b(?:{NUMBER_WORDS}|once|twice|daily|weekly|every|each)\b", _I),
    re.compile(r"(?<!\bat\s)\ball\b(?!\s+the\s+time\b)", _I),
    re.compile(r"\bhalf\s+of\b", _I),
    re.compile(r"\b(?:independently|unaided|unprompted|consecutive|throughout)\b", _I),
    re.compile(r"\bon\s+(?:my|his|her|their|your)\s+own\b", _I),
    re.compile(r"\bby\s+(?:myself|himself|herself|themselves|themself|yourself)\b", _I),
    re.compile(r"\bin\s+a\s+row\b", _I),
    re.compile(r"\b(?:at\s+least|no\s+more\s+than|fewer\s+than|at\s+most)\b", _I),
    re.compile(r"\bthe\s+whole\s+(?:of\s+)?\w+", _I),
    re.compile(
        r"\bwithout\s+(?:any\s+|an?\s+|the\s+)?(?:adult\s*['’]?s?\s+|\w+\s+)?"
        r"(?:help|support|prompts?|prompting|reminders?|being\s+\w+|\w+ing|number\s+line|"
        r"word\s+mat|adults?)\b",
        _I,
    ),
]


def has_measure(text: str, dates: list[FoundDate]) -> bool:
    rest = blank(text, ((d.start, d.end) for d in dates))
    rest = blank(rest, time_frame_spans(rest))
    for pattern in _NOT_A_MEASURE:
        rest = pattern.sub(lambda m: " " * len(m.group(0)), rest)
    return any(pattern.search(rest) for pattern in _MEASURES)
