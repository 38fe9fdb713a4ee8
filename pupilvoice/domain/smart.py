"""SMART checker: names what is weak in an IEP target or plan, quoting the words, and why.

It only reports; it never blocks saving. ``check`` looks at one target's SMART wording,
``check_plan`` at the whole plan. Rules, as a SENCO would judge a target:

- ``vague-verb``: a verb you cannot see or count ("improve", "develop", "understand",
  "know", "learn", "work on", "try to", "become more confident", "be calmer", "make
  friends", "manage his emotions", "be encouraged to", ...). Not when it
  states a measured change ("improve from a 3 to a 4"), is negated ("when he does not
  understand"), or is an idiom ("let an adult know", "gain an adult's attention").
- ``no-measure``: nothing to count or observe. A number of something the pupil does
  counts ("8 of 10", "count to 20", "for 10 minutes", "3 times a week"), as do "all",
  "every"/"each", "daily", "independently", "on my own", "without adult help", "in a
  row". Numbers that only name a level or a set do not: dates and time frames,
  "Year 1", "Set 2", "Phase 5", "2-digit numbers", "3-letter words", "2D shapes",
  "the 3 times table".
- ``no-date``: no time frame in the text ("by 14 March", "by Easter", "by half term",
  "within 6 weeks", "by the end of Year 10", "each half term", "by the next review")
  and no ``target_date`` given.
- ``date-past``: a date in the text, or the target date, before today. Dates are read
  the UK way: "14 March", "14th March 2027", "the 2nd of February", "March 2027",
  "14/03/2027" (day first; numeric dates need a year, so "8/10" stays a score). A
  month alone means its last day. A date without a year is taken as the one between
  two months before today and ten months after: a date just gone is a stale target,
  anything earlier is next year's ("by 3 July" written in September means next July).
  Term words ("by Easter") are a time frame but are not dated: term dates vary.
- ``several-skills``: two different skills in one target ("read and spell", "count to
  20 and add ...", "write 2 sentences and draw a picture", "reading and writing"), so a
  review cannot say which was achieved. Conduct that goes with a skill is not a second
  skill ("put her hand up and wait", "line up and walk", "stop and think"), nor is a
  step of the same skill ("blend and read", "cut and stick"), nor "use X to ...".
- ``vague-provision``: support that cannot be costed or checked ("regular", "access
  to", "opportunities for", "as appropriate", "as needed", "support with", "supported
  to", "where possible", "some", "ongoing", "a range of", ...).

Words in quotation marks are words being taught or said ("'some', 'come'"), not the
target's own wording, so the vague-word rules skip them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .problems import N_, Problem, problem

TEMPLATES: dict[str, str] = {
    "vague-verb": N_(
        '"%(phrase)s" is vague: say what the pupil will do that you can see or count, '
        'e.g. "read 40 of 45 words".'
    ),
    "vague-provision": N_(
        '"%(phrase)s" is vague: say who gives the support, how often and for how long, '
        'e.g. "with a teaching assistant, 15 minutes, 3 times a week".'
    ),
    "no-measure": N_(
        "There is nothing to count or see: add how many, how often or how well, "
        'e.g. "8 out of 10", "in 4 of 5 lessons" or "without adult help".'
    ),
    "no-date": N_('There is no time frame: add when, e.g. "by 14 March" or "by Easter".'),
    "date-past": N_('"%(phrase)s" has already passed: choose a later date, with the year.'),
    "target-date-past": N_("The target date, %(date)s, has already passed: choose a later date."),
    "several-skills": N_(
        '"%(phrase)s" joins more than one skill: make one target for each, so the review '
        "can say which was achieved."
    ),
    "too-many-targets": N_(
        "The plan has %(count)s targets: keep to four, or write why this pupil needs more."
    ),
    "no-baseline": N_(
        'Add a baseline for "%(phrase)s": where the pupil is now, e.g. "reads 12 of 45 words".'
    ),
    "no-success-criteria": N_(
        'Add success criteria for "%(phrase)s": how you will know it is achieved.'
    ),
    "carried-forward-again": N_(
        '"%(phrase)s" has been carried forward unchanged twice: change the target or the '
        "way it is taught, or break it into smaller steps."
    ),
    "no-review-date": N_("Add a review date for the plan."),
    "review-date-past": N_(
        "The review date, %(date)s, has passed: hold the review or set a new date."
    ),
}

MAX_TARGETS = 4
CARRY_FORWARD_LIMIT = 2
YEARLESS_LOOKBACK = timedelta(days=61)

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    "thirty|forty|fifty|hundred"
)
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


@dataclass(frozen=True)
class TargetView:
    """What ``check_plan`` needs of one active target.

    ``previous_texts``: the SMART wording of this target in earlier plans, latest first.
    """

    smart_text: str
    baseline: str = ""
    success_criteria: str = ""
    previous_texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanView:
    """What ``check_plan`` needs of a plan: its active targets, review date and reason."""

    targets: Sequence[TargetView]
    review_date: date | None = None
    extra_target_reason: str = ""


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
class _FoundDate:
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
    return [(found.text, found.on) for found in _dates(text, today)]


def _dates(text: str, today: date) -> list[_FoundDate]:
    taken: list[tuple[int, int]] = []
    found: list[_FoundDate] = []
    for pattern, kind in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span(1 if kind == "month" else 0)
            if any(start < b and a < end for a, b in taken):
                continue
            on = _make_date(kind, match.groups(), today)
            if on is not None:
                taken.append((start, end))
                found.append(_FoundDate(start, end, text[start:end].strip(" ,"), on))
    return sorted(found, key=lambda f: f.start)


# --- time frames and measures ------------------------------------------------------------

_UNIT = r"(?:school\s+)?(?:days?|weeks?|months?|terms?|half[- ]?terms?|lessons?)"
_COUNT = rf"(?:\d+|a|an|{_NUMBER_WORDS})"
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
    re.compile(rf"\bin\s+(?:\d+|{_NUMBER_WORDS})\s+(?:weeks?|months?|terms?)\b(?!\s+out\s+of)", _I),
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

_NOT_A_MEASURE = [
    re.compile(
        r"\b(?:year|yr|y|ks|key\s+stage|phase|(?-i:Set)|stage|level|wave|book\s+band|band|step|tier)"
        r"\s*\d+(?:\s*/\s*\d+)?\b",
        _I,
    ),
    re.compile(r"\b\d\s*-?\s*d\b", _I),
    re.compile(
        rf"\b(?:\d+|{_NUMBER_WORDS}|single|double)[- ]"
        r"(?:digit|letter|syllable|step|part|sound|phoneme|place|sided)s?\b",
        _I,
    ),
    re.compile(
        rf"\b(?:\d+|{_NUMBER_WORDS})(?:\s*(?:,|and|&)\s*(?:\d+|{_NUMBER_WORDS}))*"
        r"\s+times?[- ]tables?\b",
        _I,
    ),
]

_MEASURES = [
    re.compile(r"\d|%"),
    re.compile(rf"\b(?:{_NUMBER_WORDS}|once|twice|daily|weekly|every|each)\b", _I),
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


def _blank(text: str, spans: Iterator[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _time_frame_spans(text: str) -> Iterator[tuple[int, int]]:
    for pattern in _TIME_FRAMES:
        for match in pattern.finditer(text):
            yield match.span()


def _has_time_frame(text: str, dates: list[_FoundDate]) -> bool:
    return bool(dates) or any(True for _ in _time_frame_spans(text))


def _has_measure(text: str, dates: list[_FoundDate]) -> bool:
    rest = _blank(text, ((d.start, d.end) for d in dates))
    rest = _blank(rest, _time_frame_spans(rest))
    for pattern in _NOT_A_MEASURE:
        rest = pattern.sub(lambda m: " " * len(m.group(0)), rest)
    return any(pattern.search(rest) for pattern in _MEASURES)


# --- vague words -------------------------------------------------------------------------

_QUOTED = re.compile(
    r"(?<!\w)['‘\"“](?:[^'‘’\"“”]|(?<=\w)['’](?=\w)){1,80}?['’\"”](?!\w)",
)

_VAGUE_VERBS = [
    r"(?:be|become|becomes|feel|get|grow|is|are)\s+more\s+(?:confident|independent|resilient|"
    r"focus?sed|organised|organized|positive|sociable|settled|engaged|motivated|aware)",
    r"(?:be|become|feel)\s+confident",
    r"(?:gain|gains|build|builds|grow\s+in|increase|develop|improve)\s+(?:his\s+|her\s+|their\s+"
    r"|my\s+|in\s+)?(?:self[- ])?(?:confidence|self[- ]esteem)",
    r"(?:increase|raise|develop|have|show|gain)\s+(?:an\s+|his\s+|her\s+|their\s+|my\s+)?awareness",
    r"(?:be|become|becomes|is|are|being)\s+(?:more\s+)?aware\s+of",
    r"(?:get|gets|getting|be|become)\s+better\s+at",
    r"(?:behave|communicate|concentrate|listen|focus|cope|manage|read|write|spell|speak|play|"
    r"settle|engage)\s+better",
    r"behave\s+(?:well|appropriately|sensibly)",
    r"manage\s+(?:his|her|their|my)\s+(?:own\s+)?(?:emotions|feelings|anger|behaviour|behavior)",
    r"be\s+(?:encouraged|exposed)\s+to",
    r"make\s+(?:new\s+)?friends",
    r"show\s+(?:an\s+|some\s+)?improvement",
    r"(?:be|become|feel)\s+(?:calmer|happier|kinder|quieter|braver|better)",
    r"(?:try|tries|trying)\s+to",
    r"work(?:s|ing)?\s+(?:on|towards?)",
    r"encourage(?:s|d)?",
    r"improve(?:s|d|ment)?|improving",
    r"develop(?:s|ed|ing)?",
    r"understand(?:s|ing)?",
    r"know(?:s)?",
    r"learn(?:s|t|ed)?",
    r"explore(?:s|d)?|exploring",
    r"gain(?:s|ed|ing)?",
    r"consolidate(?:s|d)?",
    r"appreciate(?:s|d)?",
    r"experience(?:s|d)?",
]
_VAGUE_VERB = re.compile(r"\b(?:" + "|".join(_VAGUE_VERBS) + r")\b", _I)
_NEGATED = re.compile(r"(?:\bnot|n['’]t|\bnever)\s+(?:\w+\s+)?$", _I)
_LET_KNOW = re.compile(r"\blets?\s+(?:\w+\s+){1,3}$", _I)
_VERB_CONTEXT = re.compile(
    r"\b(?:will|to|can|and|should|must)\s+(?:\w+ly\s+)?$",
    _I,
)
_MEASURED_CHANGE = re.compile(r"^[^.;]{0,60}?\b(?:from\s+(?:an?\s+)?\S+\s+)?to\s+(?:an?\s+)?\d", _I)
_ON_A_TASK = re.compile(
    r"^\s+(?:a|an|one|the|his|her|their|my)\s+(?:\w+\s+)?(?:task|activity|worksheet|job|"
    r"piece\s+of\s+work)",
    _I,
)

_VAGUE_PROVISION = re.compile(
    r"\b(?:regular(?:ly)?|access\s+to|opportunit(?:y|ies)\s+(?:for|to)|"
    r"as\s+and\s+when(?:\s+(?:needed|required|necessary|appropriate))?|"
    r"(?:as|where|when|if)\s+(?:appropriate|required|needed|necessary|possible)|"
    r"support(?:ed)?\s+(?:with|to)|some|ongoing|a\s+range\s+of|various|frequent(?:ly)?)\b",
    _I,
)


def _unquoted(text: str) -> str:
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def _is_vague_use(text: str, match: re.Match[str]) -> bool:
    word = match.group(0).lower()
    # A few words either side are enough, and keep long texts linear.
    before = text[max(0, match.start() - 60) : match.start()]
    after = text[match.end() : match.end() + 120]
    if word.startswith(("understand", "know")) and _NEGATED.search(before):
        return False
    if word.startswith("know") and _LET_KNOW.search(before):
        return False
    if word.startswith("gain") and re.match(r"^(?:\s+\S+){0,3}?\s+attention\b", after, _I):
        return False
    if word.startswith("experience") and not _VERB_CONTEXT.search(before):
        return False
    if word.startswith("improv") and _MEASURED_CHANGE.search(after):
        return False
    return not (word.startswith("work") and _ON_A_TASK.match(after))


def _vague_verbs(text: str) -> list[str]:
    return [m.group(0) for m in _VAGUE_VERB.finditer(text) if _is_vague_use(text, m)]


# --- several skills ----------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SKILL_VERBS = _words(
    "read write spell count add subtract multiply divide recall recite round partition "
    "compare order sort match name identify recognise recognize label measure solve estimate "
    "tell say ask answer explain describe retell greet talk speak request choose blend "
    "segment decode form copy trace draw cut stick colour color hold thread catch throw kick "
    "hop jump balance ride swim climb dress undress tie fasten button zip eat drink wash "
    "brush pack tidy organise organize complete finish hand take share play join invite "
    "type punctuate rate check plan find show make improve develop understand know "
    "learn explore"
)
# Conduct that goes with a skill rather than being one, and verbs that only say how.
_CONDUCT_VERBS = _words(
    "sit stay wait listen look stop think put line walk stand come go follow respond move "
    "attend arrive keep remain"
)
_HELPER_VERBS = _words("use be have get do try continue begin start remember let")
_ONE_SKILL_PAIRS = {
    frozenset({"blend", "read"}),
    frozenset({"blend", "decode"}),
    frozenset({"segment", "spell"}),
    frozenset({"cut", "stick"}),
    frozenset({"look", "listen"}),
}
_SKIP = _words(
    "also then independently consistently confidently accurately always now be able to "
    "begin start continue learn remember will"
)
_VP_FOLLOWERS = _words(
    "the a an his her their my your its this that these those it them him me us up out in "
    "on off away back down to with for from about turns two three four five six seven eight "
    "nine ten one some"
)
_SKILL_NOUNS = (
    "reading|writing|spelling|handwriting|maths|math|numeracy|literacy|phonics|comprehension|"
    "counting|number\\s+skills|speaking|listening"
)
_SKILL_NOUN_PAIR = re.compile(
    rf"\b({_SKILL_NOUNS})\b(?:\s*,\s*(?:{_SKILL_NOUNS}))*\s*(?:,\s*)?(?:and|as\s+well\s+as)\s+"
    rf"(?:his\s+|her\s+|their\s+|my\s+)?({_SKILL_NOUNS})\b",
    _I,
)
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d+|[,.;:!?]", _I)
_JOINS = frozenset({"and", ",", "plus"})


def _verb_at(tokens: list[str], i: int) -> tuple[str | None, int]:
    """The verb that starts a verb phrase at ``i`` (skipping "will also", "be able to")."""
    while i < len(tokens) and tokens[i] in _SKIP:
        i += 1
    if i < len(tokens) and tokens[i] in _SKILL_VERBS | _CONDUCT_VERBS | _HELPER_VERBS:
        return tokens[i], i
    return None, i


def _main_verbs(tokens: list[str]) -> list[str]:
    verbs: list[str] = []
    starts = [0] if tokens[:1] != ["to"] else [1]
    # "can" starts a target only near the front ("I can read"), not in "she can name".
    starts += [i + 1 for i, t in enumerate(tokens) if t == "will" or (t == "can" and i < 3)]
    for start in starts:
        verb, i = _verb_at(tokens, start)
        if verb is None:
            continue
        verbs.append(verb)
        verbs += _joined_verbs(tokens, i)
    return verbs


def _joined_verbs(tokens: list[str], i: int) -> list[str]:
    """Verbs coordinated with the one at ``i`` ("read, write and say", "... and add")."""
    found: list[str] = []
    j = i + 1
    while j < len(tokens) and tokens[j] not in {".", ";", "!", "?", "will", "when", "if"}:
        tok = tokens[j]
        k = j + 1
        if tok == "as" and tokens[j + 1 : j + 3] == ["well", "as"]:
            k = j + 3
        elif tok not in _JOINS:
            j += 1
            continue
        verb, v = _verb_at(tokens, k)
        direct = tokens[j - 1] == found[-1] if found else j - 1 == i
        next_tok = tokens[v + 1] if v + 1 < len(tokens) else ""
        if verb and (direct or next_tok in _VP_FOLLOWERS or next_tok.isdigit()):
            found.append(verb)
            j = v + 1
        else:
            j += 1
    return found


def _several_skills(text: str) -> str | None:
    pair = _SKILL_NOUN_PAIR.search(text)
    nouns = {pair.group(1).lower(), pair.group(2).lower()} if pair else set()
    if pair and len(nouns) == 2 and nouns != {"speaking", "listening"}:
        return pair.group(0)
    tokens = [t.lower() for t in _WORD.findall(text)]
    skills = {v for v in _main_verbs(tokens) if v in _SKILL_VERBS}
    for one_skill in _ONE_SKILL_PAIRS:
        if one_skill <= skills:
            skills -= set(sorted(one_skill)[:1])
    if len(skills) < 2:
        return None
    return _skills_phrase(text, skills)


def _skills_phrase(text: str, skills: set[str]) -> str:
    """From the first of the skills' verbs to the one that completes the set."""
    words = [m for m in re.finditer(r"[A-Za-z]+", text) if m.group(0).lower() in skills]
    seen: set[str] = set()
    for word in words:
        seen.add(word.group(0).lower())
        if seen == skills:
            return text[words[0].start() : word.end()]
    return " and ".join(sorted(skills))


# --- the checks --------------------------------------------------------------------------


def _fmt(day: date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def check(text: str, *, today: date, target_date: date | None = None) -> list[Problem]:
    """The problems with one target's SMART wording, each quoting the words that caused it.

    ``target_date`` is the plan field for the target's date, when the form has one.
    """
    problems: list[Problem] = []
    plain = _unquoted(text)
    for phrase in _unique(_vague_verbs(plain)):
        problems.append(problem(TEMPLATES, "vague-verb", phrase))
    for phrase in _unique(m.group(0) for m in _VAGUE_PROVISION.finditer(plain)):
        problems.append(problem(TEMPLATES, "vague-provision", phrase))
    dates = _dates(text, today)
    if not _has_measure(text, dates):
        problems.append(problem(TEMPLATES, "no-measure", None))
    if target_date is None and not _has_time_frame(text, dates):
        problems.append(problem(TEMPLATES, "no-date", None))
    problems += _past_dates(dates, today, target_date)
    skills = _several_skills(plain)
    if skills:
        problems.append(problem(TEMPLATES, "several-skills", skills))
    return problems


def _past_dates(dates: list[_FoundDate], today: date, target_date: date | None) -> list[Problem]:
    problems = [problem(TEMPLATES, "date-past", d.text) for d in dates if d.on < today]
    if target_date is not None and target_date < today:
        when = _fmt(target_date)
        problems.append(
            problem(TEMPLATES, "date-past", None, template="target-date-past", date=when)
        )
    return problems


def _unique(phrases: Iterator[str] | list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for phrase in phrases:
        seen.setdefault(" ".join(phrase.lower().split()), phrase)
    return list(seen.values())


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.lower().split()).rstrip(".") == " ".join(b.lower().split()).rstrip(".")


def _short(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def check_plan(plan: PlanView, *, today: date) -> list[Problem]:
    """The problems with a plan as a whole; run ``check`` on each target for its wording."""
    problems: list[Problem] = []
    count = len(plan.targets)
    if count > MAX_TARGETS and not plan.extra_target_reason.strip():
        problems.append(problem(TEMPLATES, "too-many-targets", None, count=str(count)))
    for target in plan.targets:
        problems += _target_problems(target)
    if plan.review_date is None:
        problems.append(problem(TEMPLATES, "no-review-date", None))
    elif plan.review_date < today:
        problems.append(problem(TEMPLATES, "review-date-past", None, date=_fmt(plan.review_date)))
    return problems


def _target_problems(target: TargetView) -> list[Problem]:
    name = _short(target.smart_text)
    problems: list[Problem] = []
    if not target.baseline.strip():
        problems.append(problem(TEMPLATES, "no-baseline", name))
    if not target.success_criteria.strip():
        problems.append(problem(TEMPLATES, "no-success-criteria", name))
    unchanged = 0
    for previous in target.previous_texts:
        if not _same_text(previous, target.smart_text):
            break
        unchanged += 1
    if unchanged >= CARRY_FORWARD_LIMIT:
        problems.append(problem(TEMPLATES, "carried-forward-again", name))
    return problems
