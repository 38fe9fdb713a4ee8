"""Flagging what a pupil dislikes to staff, by a short word list anyone can read.

Deliberately simple and explainable: each flag says which of the pupil's words matched
which entry (a listed word or phrase, or a person's name), so staff see why, and the
SENCO can edit the list. It finds things to look at; it never decides anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Hurt, unkindness, being alone, people, friends and playtime (the SENCO edits the list).
DEFAULT_WORDS = (
    "hurt",
    "hit",
    "kick",
    "punch",
    "push",
    "bite",
    "pinch",
    "fight",
    "bully",
    "bullies",
    "bullying",
    "mean to me",
    "unkind",
    "laugh at me",
    "call me names",
    "calls me names",
    "left out",
    "alone",
    "lonely",
    "nobody plays",
    "no one plays",
    "scared",
    "afraid",
    "frightened",
    "cry",
    "crying",
    "touch me",
    "secret",
    "friend",
    "friends",
    "playtime",
    "play time",
    "playground",
)
TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir"})
MAX_WORD = 60
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Flag:
    kind: str  # "word" (from the list) or "name" (a person's name)
    matched: str  # what the pupil wrote
    listed: str  # the list entry or the name it matched

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "matched": self.matched, "listed": self.listed}


def tokens(text: str) -> list[str]:
    return _TOKEN.findall((text or "").casefold())


def normalise(entry: str) -> str:
    """A list entry as stored: lower case, single spaces, at most 60 characters."""
    return " ".join(tokens(entry))[:MAX_WORD]


def _forms(word: str) -> set[str]:
    """The word and its everyday endings: hit, hits, hitting; bite, biting; push, pushed."""
    forms = {word, word + "s", word + "es", word + "ed", word + "ing", word + "d"}
    if len(word) > 2:
        forms |= {word + word[-1] + "ing", word + word[-1] + "ed"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    return forms


def _find_phrase(said: list[str], phrase: list[str]) -> str | None:
    size = len(phrase)
    options = [_forms(part) for part in phrase]
    for start in range(len(said) - size + 1):
        window = said[start : start + size]
        if all(token in options[i] for i, token in enumerate(window)):
            return " ".join(window)
    return None


def name_parts(names: Iterable[str]) -> set[str]:
    """The parts of people's names worth matching: "Mr Jones" gives "jones"."""
    parts = set()
    for name in names:
        parts |= {part for part in tokens(name) if part not in TITLES and len(part) > 1}
    return parts


def find_flags(text: str, words: Iterable[str], names: Iterable[str] = ()) -> list[Flag]:
    """Every listed word or phrase and every name in ``text``, once each, in list order."""
    said = tokens(text)
    if not said:
        return []
    flags: list[Flag] = []
    for entry in words:
        phrase = tokens(entry)
        found = _find_phrase(said, phrase) if phrase else None
        if found:
            flags.append(Flag("word", found, " ".join(phrase)))
    for part in sorted(name_parts(names)):
        if part in said:
            flags.append(Flag("name", part, part))
    return flags
