"""What the records of pupils and families may hold, shared by the forms and the CSV import:
avatars, year groups, relationships, family languages and the longest names."""

from __future__ import annotations

from .roles import CONTACT_METHODS, SEN_STAGES

# Pictures a pupil is given instead of a photo (PRI-01): static/symbols/<name>.svg.
AVATARS = (
    "fox",
    "cat",
    "dog",
    "panda",
    "rabbit",
    "frog",
    "owl",
    "lion",
    "tiger",
    "bear",
    "koala",
    "penguin",
    "unicorn",
    "turtle",
    "butterfly",
    "monkey",
    "hedgehog",
    "octopus",
    "dolphin",
    "elephant",
    "giraffe",
    "hamster",
    "chick",
    "whale",
)
DEFAULT_AVATAR = AVATARS[0]

RECEPTION = 0
YEAR_GROUPS = tuple(range(RECEPTION, 14))  # Reception, then Year 1 to Year 13

RELATIONSHIPS = (
    "mother",
    "father",
    "parent",
    "carer",
    "foster_carer",
    "grandparent",
    "guardian",
    "step_parent",
)
DEFAULT_RELATIONSHIP = "parent"
FAMILY_LANGUAGES = ("en", "cy", "pl", "ur")

MAX_PERSON_NAME = 120
MAX_FIRST_NAME = 60
MAX_CLASS_NAME = 60
MAX_EMAIL = 254
MAX_INITIAL = 2
MAX_REFERENCE = 20  # a UPN has 13 characters; schools' own references are shorter

__all__ = [
    "AVATARS",
    "CONTACT_METHODS",
    "DEFAULT_AVATAR",
    "DEFAULT_RELATIONSHIP",
    "FAMILY_LANGUAGES",
    "MAX_CLASS_NAME",
    "MAX_EMAIL",
    "MAX_FIRST_NAME",
    "MAX_INITIAL",
    "MAX_PERSON_NAME",
    "MAX_REFERENCE",
    "RECEPTION",
    "RELATIONSHIPS",
    "SEN_STAGES",
    "YEAR_GROUPS",
    "clean_initial",
    "parse_year_group",
]


def clean_initial(value: str) -> str | None:
    """ "t." -> "T"; None unless it is one or two letters (data minimisation: no surnames)."""
    letters = value.strip().rstrip(".").strip()
    if not letters or len(letters) > MAX_INITIAL or not letters.isalpha():
        return None
    return letters.upper()


def parse_year_group(value: str) -> int | None:
    """ "3", "Year 3", "Y3", "R" or "Reception" -> 3 or 0; None outside Reception to Year 13."""
    text = value.strip().casefold().removeprefix("year").removeprefix("y").strip()
    if text in {"r", "rec", "reception"}:
        return RECEPTION
    if not text.isascii() or not text.isdigit():
        return None
    number = int(text)
    return number if number in YEAR_GROUPS else None
