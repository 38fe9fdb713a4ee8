"""Writing the roster CSV (the export and the template), so that importing it again changes
nothing, and no cell a spreadsheet opens runs as a formula. Pure: no Flask, no database."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping

from .roster_headers import BOM, COLUMNS

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def unguard(value: str) -> str:
    """Undo the export's formula guard: "'=x" -> "=x"."""
    if value.startswith("'") and value[1:2] and value[1:2] in FORMULA_STARTS:
        return value[1:]
    return value


def safe_cell(value: object) -> str:
    """A cell a spreadsheet will show as text, never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(records: Iterable[Mapping[str, object]]) -> str:
    """The roster as CSV text with the import's columns (a round trip changes nothing)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for record in records:
        writer.writerow([safe_cell(record.get(column, "")) for column in COLUMNS])
    return BOM + out.getvalue()


EXAMPLE = (
    {"class": "Oak", "year_group": 1},
    {
        "class": "Oak",
        "year_group": 1,
        "upn": "A801200012001",
        "first_name": "Sam",
        "surname_initial": "T",
        "sen_stage": "sen_support",
        "avatar": "fox",
        "parent_name": "Tom Taylor",
        "parent_email": "tom.taylor@example.org",
        "relationship": "father",
        "language": "en",
        "contact": "email",
    },
    {
        "class": "Oak",
        "year_group": 1,
        "upn": "A801200012001",
        "first_name": "Sam",
        "surname_initial": "T",
        "sen_stage": "sen_support",
        "avatar": "fox",
        "parent_name": "Anna Taylor",
        "parent_email": "anna.taylor@example.org",
        "relationship": "mother",
        "language": "pl",
        "contact": "letter",
    },
    {
        "class": "Oak",
        "year_group": 1,
        "first_name": "Amelia",
        "surname_initial": "R",
        "sen_stage": "none",
    },
)
