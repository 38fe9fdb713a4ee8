"""Lists in a sentence ("Oscar and Ruby") in the reader's language, by CLDR's patterns.

Welsh's CLDR pattern writes "a(c)": "a" before a consonant, "ac" before a vowel, left for
the writer to choose. Printed as it is, a family reads the brackets; here the word is
chosen by the first letter of the word that follows it."""

from __future__ import annotations

from collections.abc import Sequence

from babel.lists import format_list

WELSH_AND = "a(c) "
# Welsh vowels (w and y are vowels in Welsh), with the accents Welsh uses.
WELSH_VOWELS = frozenset("aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ")


def welsh_and(next_word: str) -> str:
    """ "ac" before a vowel ("ac Oscar"), "a" before anything else ("a Ruby")."""
    first = next_word.strip()[:1].lower()
    return "ac" if first in WELSH_VOWELS else "a"


def join_list(items: Sequence[str], locale: str) -> str:
    """ "Oscar, Ruby and Sam" in ``locale``'s words ("Oscar, Ruby a Sam" in Welsh)."""
    items = [str(item) for item in items]
    if not items:
        return ""
    joined = format_list(items, locale=locale)
    head, found, tail = joined.rpartition(WELSH_AND)
    if not found:
        return joined
    return f"{head}{welsh_and(tail)} {tail}"
