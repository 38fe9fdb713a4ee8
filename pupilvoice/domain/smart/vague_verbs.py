"""The ``vague-verb`` rule: a verb you cannot see or count.

- ``vague-verb``: a verb you cannot see or count ("improve", "develop", "understand",
  "know", "learn", "work on", "try to", "become more confident", "be calmer", "make
  friends", "manage his emotions", "be encouraged to", ...). Not when it
  states a measured change ("improve from a 3 to a 4"), is negated ("when he does not
  understand"), or is an idiom ("let an adult know", "gain an adult's attention").
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

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


def vague_verbs(text: str) -> list[str]:
    return [m.group(0) for m in _VAGUE_VERB.finditer(text) if _is_vague_use(text, m)]
