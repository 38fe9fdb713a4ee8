"""The SEN register's rules: the broad areas of need, the school census's types of need,
and what a change of stage does to the register's dates. Pure: no Flask, no database.

The names here are English (the census and MIS exports write them so, and the import
reads them); ``labels.py`` has the translated names the pages show.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .roster_headers import BOM
from .roster_write import safe_cell

NOT_ON_REGISTER = "none"
REGISTER_STAGES = ("sen_support", "ehcp")

# The four broad areas of the SEND Code of Practice (6.28). The census types OTH and NSA
# belong to none of them, so they sit in a fifth group of their own.
AREAS = {
    "ci": "Communication and interaction",
    "cl": "Cognition and learning",
    "semh": "Social, emotional and mental health",
    "sp": "Sensory and/or physical",
    "other": "Other",
}

# The school census's SEN type codes, each with its area and its name as the DfE writes it.
NEEDS: dict[str, tuple[str, str]] = {
    "SLCN": ("ci", "Speech, language and communication needs"),
    "ASD": ("ci", "Autistic spectrum disorder"),
    "SPLD": ("cl", "Specific learning difficulty"),
    "MLD": ("cl", "Moderate learning difficulty"),
    "SLD": ("cl", "Severe learning difficulty"),
    "PMLD": ("cl", "Profound and multiple learning difficulty"),
    "SEMH": ("semh", "Social, emotional and mental health"),
    "HI": ("sp", "Hearing impairment"),
    "VI": ("sp", "Vision impairment"),
    "MSI": ("sp", "Multi-sensory impairment"),
    "PD": ("sp", "Physical disability"),
    "OTH": ("other", "Other difficulty or disability"),
    "NSA": ("other", "SEN support but no specialist assessment of type of need"),
}
NEED_CODES = tuple(NEEDS)

# Other ways exports and people write the same need.
_NEED_WORDS = {
    "autism": "ASD",
    "autistic spectrum condition": "ASD",
    "asc": "ASD",
    "visual impairment": "VI",
    "other": "OTH",
    "dyslexia": "SPLD",
}


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


_NAMES = {_words(name): code for code, (_area, name) in NEEDS.items()}


def area_of(code: str) -> str:
    """The broad area a census need code belongs to."""
    return NEEDS[code][0]


def needs_in(area: str) -> tuple[str, ...]:
    return tuple(code for code, (where, _name) in NEEDS.items() if where == area)


def need_code(text: str) -> str | None:
    """A census code ("SpLD", "asd") or its name ("Hearing impairment") as our code;
    "" for an empty cell; None when it is neither."""
    words = _words(text)
    if not words:
        return ""
    if words.upper() in NEEDS:
        return words.upper()
    return _NAMES.get(words) or _NEED_WORDS.get(words)


def needs_problem(stage: str, primary: str | None, secondary: str | None) -> str | None:
    """Why these needs cannot go together, as a code; None when they can."""
    if stage == NOT_ON_REGISTER and (primary or secondary):
        return "need_off_register"
    if secondary and not primary:
        return "secondary_without_primary"
    if secondary and secondary == primary:
        return "same_need_twice"
    return None


@dataclass(frozen=True)
class Entry:
    """One pupil's place on the register."""

    stage: str = NOT_ON_REGISTER
    primary_need: str | None = None
    secondary_need: str | None = None
    added_on: date | None = None
    reviewed_on: date | None = None
    removed_on: date | None = None

    @property
    def on_register(self) -> bool:
        return self.stage != NOT_ON_REGISTER


FIELDS = ("stage", "primary_need", "secondary_need", "added_on", "reviewed_on", "removed_on")


def next_entry(
    before: Entry,
    stage: str,
    primary: str | None,
    secondary: str | None,
    today: date,
    reviewed_on: date | None = None,
) -> Entry:
    """The register entry after a change: joining it sets the date added (and clears a
    removal), leaving it sets the date removed and clears the needs; a date reviewed
    given is kept, else the old one stays."""
    added, removed = before.added_on, before.removed_on
    if stage != NOT_ON_REGISTER and not before.on_register:
        added, removed = today, None
    elif stage == NOT_ON_REGISTER and before.on_register:
        removed = today
    if stage == NOT_ON_REGISTER:
        primary = secondary = None
    return Entry(
        stage, primary or None, secondary or None, added, reviewed_on or before.reviewed_on, removed
    )


def differences(before: Entry, after: Entry) -> dict[str, list]:
    """field -> [old, new] for each field that changed (dates as ISO text), for history."""

    def plain(value):
        return value.isoformat() if isinstance(value, date) else value

    return {
        name: [plain(getattr(before, name)), plain(getattr(after, name))]
        for name in FIELDS
        if getattr(before, name) != getattr(after, name)
    }


CSV_COLUMNS = (
    "upn",
    "first_name",
    "surname",
    "class",
    "year_group",
    "sen_stage",
    "primary_need",
    "secondary_need",
    "added_on",
    "reviewed_on",
)


def register_csv(rows: Iterable[Iterable[object]]) -> str:
    """The register as CSV text in CSV_COLUMNS, no cell of which a spreadsheet runs as a
    formula (a surname or class name may start with "=")."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return BOM + out.getvalue()
