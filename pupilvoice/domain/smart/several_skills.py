"""The ``several-skills`` rule: two different skills in one target.

- ``several-skills``: two different skills in one target ("read and spell", "count to
  20 and add ...", "write 2 sentences and draw a picture", "reading and writing"), so a
  review cannot say which was achieved. Conduct that goes with a skill is not a second
  skill ("put her hand up and wait", "line up and walk", "stop and think"), nor is a
  step of the same skill ("blend and read", "cut and stick"), nor "use X to ..." (the
  skill is what comes after "to"). Skills count wherever the target joins them: "and",
  a comma, "plus", "as well as" (also with "-ing": "as well as spelling"), "also", or a
  second sentence ("He will also ...", "To ... . To ...", "I can ... . I can ..."). A
  sentence about someone else ("This will be checked ...", "His parents will ...") or
  how it is done ("She will do this ...") adds no skill. Within a clause, a word after
  a join counts as a verb when the rule knows it as one and it takes an object or a
  measure ("and add 2", "and write them", "and point to") or follows the verb directly
  ("read and spell"), or when an object follows a word it does not know ("plus carry
  his equipment", not "expression and fluency to an adult"); the first verb after the
  pupil's "will" counts whatever it is ("Priya will dribble ...").
  Known misses: a skill after "when" ("recognise when he is angry and leave the room"),
  and "put X on the trolley" read as "put on".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .skill_words import (
    CONDUCT_VERBS,
    HELPER_VERBS,
    NOT_A_SKILL_AFTER,
    NOT_THE_PUPIL,
    OBJECT_WORDS,
    ONE_SKILL_PAIRS,
    PHRASAL_SKILLS,
    PUPIL_PRONOUNS,
    SKILL_VERBS,
    SKIP,
    VP_FOLLOWERS,
)

_I = re.IGNORECASE

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
_ENDS = frozenset({".", ";", "!", "?"})
_JOINS = frozenset({"and", ",", "plus"})
_KNOWN = SKILL_VERBS | CONDUCT_VERBS | HELPER_VERBS
_TITLES = frozenset({"mr", "mrs", "miss", "ms", "dr"})


@dataclass(frozen=True)
class _Token:
    word: str  # in lower case
    start: int
    end: int
    capital: bool


@dataclass(frozen=True)
class _Verb:
    name: str  # the skill it names: "spell" for "spelling", "put on" for "put on"
    token: _Token


def several_skills(text: str) -> str | None:
    """The words that join two skills in ``text`` (quoted from it), or None."""
    pair = _SKILL_NOUN_PAIR.search(text)
    nouns = {pair.group(1).lower(), pair.group(2).lower()} if pair else set()
    if pair and len(nouns) == 2 and nouns != {"speaking", "listening"}:
        return pair.group(0)
    verbs = [v for sentence in _sentences(text) for v in _sentence_verbs(sentence)]
    skills = {v.name for v in verbs if v.name not in CONDUCT_VERBS}
    for one_skill in ONE_SKILL_PAIRS:
        if one_skill <= skills:
            skills -= set(sorted(one_skill)[:1])
    if len(skills) < 2:
        return None
    return _skills_phrase(text, [v for v in verbs if v.name in skills], skills)


def _sentences(text: str) -> list[list[_Token]]:
    sentences: list[list[_Token]] = [[]]
    for m in _WORD.finditer(text):
        word = m.group(0)
        if word in _ENDS:
            sentences.append([])
        else:
            sentences[-1].append(_Token(word.lower(), m.start(), m.end(), word[0].isupper()))
    return [s for s in sentences if s]


def _sentence_verbs(tokens: list[_Token]) -> list[_Verb]:
    """The verbs that start the pupil's verb phrases in one sentence, and those joined to them."""
    verbs: list[_Verb] = []
    for start, any_word in _heads(tokens):
        verb, i = _verb_at(tokens, start, any_word)
        if verb is not None:
            verbs.append(verb)
            verbs += _joined_verbs(tokens, i)
    return verbs


def _heads(tokens: list[_Token]) -> list[tuple[int, bool]]:
    """Where a verb phrase starts, and whether any word there is its verb: the sentence's
    start ("Count to 20", "To read", "Also spell"), after "I can" near its front, and
    after the pupil's "will" (any word: "Priya will dribble")."""
    heads = [(1 if tokens[0].word == "to" else 0, False)]
    for i, token in enumerate(tokens):
        pupil_can = token.word == "can" and i < 3
        if pupil_can or (token.word == "will" and _the_pupils(tokens, i)):
            heads.append((i + 1, True))
    return heads


def _the_pupils(tokens: list[_Token], i: int) -> bool:
    """Whether the "will" at ``i`` is the pupil's: after a name, a pronoun or a join, not
    after "This", "His TA", "Mrs Khan" or "his parents"."""
    if i == 0:
        return True
    before = tokens[i - 1]
    if before.word in PUPIL_PRONOUNS or before.word.isdigit():
        return True
    titled = i > 1 and tokens[i - 2].word in _TITLES
    return before.capital and before.word not in NOT_THE_PUPIL and not titled


def _verb_at(tokens: list[_Token], i: int, any_word: bool = False) -> tuple[_Verb | None, int]:
    """The verb that starts a verb phrase at ``i`` (skipping "also", "be able to"), and
    where it stands; for "use X to V", the V."""
    while i < len(tokens) and (tokens[i].word in SKIP or tokens[i].word.endswith("ly")):
        i += 1
    if [t.word for t in tokens[i : i + 3]] == ["be", "able", "to"]:
        i += 3
    if i >= len(tokens) or not (any_word or tokens[i].word in _KNOWN):
        return None, i
    if not tokens[i].word.isalpha():
        return None, i
    word = tokens[i].word
    if word == "use":
        return _used_for(tokens, i)
    particle = _particle(tokens, i)
    if particle:
        return _Verb(f"{word} {particle}", tokens[i]), i
    if (
        word in HELPER_VERBS
        or word == "not"
        or _next_word(tokens, i) in NOT_A_SKILL_AFTER.get(word, ())
    ):
        return None, i
    return _Verb(word, tokens[i]), i


def _next_word(tokens: list[_Token], i: int) -> str:
    return tokens[i + 1].word if i + 1 < len(tokens) else ""


def _particle(tokens: list[_Token], i: int) -> str | None:
    """The particle that makes a skill of "put" or "do": "put on", "put his coat on"."""
    particles = PHRASAL_SKILLS.get(tokens[i].word, frozenset())
    for token in tokens[i + 1 : i + 4]:
        if token.word in particles:
            return token.word
        if token.word in _JOINS:
            break
    return None


def _used_for(tokens: list[_Token], i: int) -> tuple[_Verb | None, int]:
    """In "use a number line to subtract", the skill is "subtract"."""
    for j in range(i + 1, len(tokens) - 1):
        if tokens[j].word == "to" and tokens[j + 1].word in _KNOWN:
            return _verb_at(tokens, j + 1)
    return None, i


def _joined_verbs(tokens: list[_Token], i: int) -> list[_Verb]:
    """Verbs coordinated with the one at ``i`` ("read, write and say", "... and add")."""
    found: list[_Verb] = []
    j = i + 1
    while j < len(tokens) and tokens[j].word not in {"will", "when", "if"}:
        k = _after_join(tokens, j)
        if k is None:
            j += 1
            continue
        gerund, v = _gerund_at(tokens, k) if k > j + 1 else (None, k)
        verb, v = (gerund, v) if gerund else _verb_at(tokens, k)
        verb = verb or _unknown_verb(tokens, v)
        last = found[-1].token if found else tokens[i]
        direct = tokens[j - 1] == last
        next_word = tokens[v + 1].word if v + 1 < len(tokens) else ""
        if verb and (gerund or direct or next_word in VP_FOLLOWERS or next_word.isdigit()):
            found.append(verb)
            j = v + 1
        else:
            j += 1
    return found


def _unknown_verb(tokens: list[_Token], v: int) -> _Verb | None:
    """A word the rule does not know, after a join, is a verb when an object follows it:
    "plus carry his own equipment" (not "expression and fluency to an adult", nor the
    "-ing" of how it is done: ", touching each one once")."""
    if v + 1 >= len(tokens) or _next_word(tokens, v) not in OBJECT_WORDS:
        return None
    word = tokens[v].word
    if not word.isalpha() or len(word) < 3 or word.endswith("ing"):
        return None
    if word in VP_FOLLOWERS or word in _KNOWN:
        return None
    return _Verb(word, tokens[v])


def _after_join(tokens: list[_Token], j: int) -> int | None:
    """Where the words after a join at ``j`` start ("and", ",", "plus", "as well as")."""
    if tokens[j].word == "as" and [t.word for t in tokens[j + 1 : j + 3]] == ["well", "as"]:
        return j + 3
    return j + 1 if tokens[j].word in _JOINS else None


def _gerund_at(tokens: list[_Token], k: int) -> tuple[_Verb | None, int]:
    """ "as well as spelling 10 words": the skill is "spell"."""
    word = tokens[k].word if k < len(tokens) else ""
    if not word.endswith("ing") or len(word) < 5:
        return None, k
    stem = word[:-3]
    for verb in (stem, stem + "e", stem[:-1]):
        if verb == "use":
            return _used_for(tokens, k)
        if verb in _KNOWN:
            return (None, k) if verb in HELPER_VERBS else (_Verb(verb, tokens[k]), k)
    return (_Verb(stem, tokens[k]), k) if len(stem) > 2 else (None, k)


def _skills_phrase(text: str, verbs: list[_Verb], skills: set[str]) -> str:
    """From the first of the skills' verbs to the one that completes the set."""
    verbs = sorted(verbs, key=lambda v: v.token.start)
    seen: set[str] = set()
    for verb in verbs:
        seen.add(verb.name)
        if seen == skills:
            return text[verbs[0].token.start : verb.token.end]
    return " and ".join(sorted(skills))
