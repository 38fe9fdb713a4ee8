"""The ``several-skills`` rule: two different skills in one target.

- ``several-skills``: two different skills in one target ("read and spell", "count to
  20 and add ...", "write 2 sentences and draw a picture", "reading and writing"), so a
  review cannot say which was achieved. Conduct that goes with a skill is not a second
  skill ("put her hand up and wait", "line up and walk", "stop and think"), nor is a
  step of the same skill ("blend and read", "cut and stick"), nor "use X to ...".
"""

from __future__ import annotations

import re

_I = re.IGNORECASE


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


def several_skills(text: str) -> str | None:
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
