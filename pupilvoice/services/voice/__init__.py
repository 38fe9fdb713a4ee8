"""The pupil's voice: About me sorts, "Tell me more", worries, and who hears about them.

One module a concept: ``cards`` (the school's cards and worry words), ``sort`` (About
me), ``worries``, ``proposals`` ("I can..." ideas and self-ratings) and ``staff_marks``
(what is new for staff). Callers use them through this package, as ``voice.choose``.

Services flush, never commit: the view commits once, then sends any notification.
"""

from .cards import (
    DEFAULT_CARDS,
    MAX_WORRY_WORDS,
    active_cards,
    all_cards,
    ensure_defaults,
    move_card,
    retire_card,
    save_card,
    school_words,
    set_worry_words,
)
from .proposals import (
    AREAS,
    CHANGE_MIND_WINDOW,
    LEVELS,
    STARTERS,
    proposals_of,
    proposals_with_last_levels,
    propose,
    rate,
)
from .sort import (
    SORT_WINDOW,
    choice_for,
    choose,
    current_sort,
    next_card,
    open_sort,
    sorts_of,
    tell_more,
)
from .staff_marks import last_voice_and_look, staff_marks
from .words import MAX_WORDS
from .worries import (
    REPEAT_WINDOW,
    close_worry,
    flag_if_needed,
    flag_reasons,
    open_worry_counts,
    people_names,
    people_names_in,
    raise_worry,
    voice_staff,
    worries_of,
    worry_staff,
)

__all__ = [
    "AREAS",
    "CHANGE_MIND_WINDOW",
    "DEFAULT_CARDS",
    "LEVELS",
    "MAX_WORDS",
    "MAX_WORRY_WORDS",
    "REPEAT_WINDOW",
    "SORT_WINDOW",
    "STARTERS",
    "active_cards",
    "all_cards",
    "choice_for",
    "choose",
    "close_worry",
    "current_sort",
    "ensure_defaults",
    "flag_if_needed",
    "flag_reasons",
    "last_voice_and_look",
    "move_card",
    "next_card",
    "open_sort",
    "open_worry_counts",
    "people_names",
    "people_names_in",
    "proposals_of",
    "proposals_with_last_levels",
    "propose",
    "raise_worry",
    "rate",
    "retire_card",
    "save_card",
    "school_words",
    "set_worry_words",
    "sorts_of",
    "staff_marks",
    "tell_more",
    "voice_staff",
    "worries_of",
    "worry_staff",
]
