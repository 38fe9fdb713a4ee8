"""Reading a roster file as school systems export it: the bytes' encoding, the delimiter and
the heading row, whose names (in any order) are folded to our column names.

Pure (no Flask, no database). A school's management system exports "Forename;Legal
Surname;Reg Group;UPN" in Windows-1252 as easily as our own template's UTF-8 with commas;
both must read the same. Columns we do not use (gender, ethnicity...) are left out, not
refused: the fewer facts about a child we keep, the better (PRI-01).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

MAX_BYTES = 512 * 1024
MAX_ROWS = 5000
BOM = "\ufeff"  # written first so spreadsheet programs read the export as UTF-8
DELIMITERS = (",", ";", "\t")

# Our column names, in the export's order, each with the other names schools use for it.
# The first name a file uses wins when it has two for one column (a "Preferred Forename"
# is the name the child knows; a "Legal Surname" is the one that matches records).
ALIASES: dict[str, tuple[str, ...]] = {
    "class": ("class", "reg_group", "registration_group", "form", "form_group", "tutor_group"),
    "year_group": ("year_group", "year", "nc_year", "ncy", "national_curriculum_year"),
    "upn": ("upn", "unique_pupil_number", "pupil_reference", "pupil_ref", "admission_number"),
    "first_name": ("preferred_forename", "first_name", "forename", "legal_forename"),
    "surname": ("legal_surname", "surname", "last_name", "family_name", "preferred_surname"),
    "surname_initial": ("surname_initial", "initial"),
    "date_of_birth": ("date_of_birth", "dob", "birth_date"),
    "sen_stage": ("sen_stage", "sen_status", "sen", "sen_provision", "send_status"),
    "primary_need": (
        "primary_need",
        "primary_sen_need",
        "sen_primary_need",
        "primary_sen_type",
        "sen_need_1",
        "sen_type_1",
    ),
    "secondary_need": (
        "secondary_need",
        "secondary_sen_need",
        "sen_secondary_need",
        "secondary_sen_type",
        "sen_need_2",
        "sen_type_2",
    ),
    "avatar": ("avatar", "picture"),
    "parent_name": ("parent_name", "contact_name", "parent_carer_name", "carer_name"),
    "parent_email": ("parent_email", "contact_email", "email", "e_mail", "email_address"),
    "relationship": ("relationship", "contact_relationship", "relationship_to_pupil"),
    "language": ("language", "home_language", "contact_language", "preferred_language"),
    "contact": ("contact", "contact_method", "preferred_contact", "contact_by"),
}
COLUMNS = tuple(ALIASES)
REQUIRED_COLUMNS = ("class", "year_group", "first_name")
NAME_COLUMNS = ("surname_initial", "surname")  # one of them is needed
_ALIAS_OF = {
    alias: (column, rank) for column, names in ALIASES.items() for rank, alias in enumerate(names)
}


class RosterFileError(ValueError):
    """The file as a whole cannot be read; ``code`` says why."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass
class Header:
    """Which cell of a row holds which of our columns, and what else the file had."""

    names: list[str]  # our column name for each cell, "" for a cell we leave out
    ignored: list[str] = field(default_factory=list)  # headings as the file wrote them
    fallbacks: dict[str, list[int]] = field(default_factory=dict)  # column -> other cells
    problems: list[tuple[str, dict]] = field(default_factory=list)

    @property
    def columns(self) -> frozenset[str]:
        return frozenset(name for name in self.names if name)


def decode(data: bytes) -> str:
    """The file's text: UTF-8 (with or without a BOM), else Windows-1252, which is what
    Excel's plain "CSV" saves on a Windows PC in Britain. RosterFileError: too_big, empty,
    not_text (a binary or UTF-16 file) or not_utf8 (bytes no text encoding we know has)."""
    if len(data) > MAX_BYTES:
        raise RosterFileError("too_big", max_kb=MAX_BYTES // 1024)
    if b"\x00" in data:
        raise RosterFileError("not_text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _windows_1252(data)
    if not text.strip():
        raise RosterFileError("empty")
    return text


def _windows_1252(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # five bytes have no letter in Windows-1252
        raise RosterFileError("not_utf8") from None


def records(text: str) -> list[list[str]]:
    """The cells of every line, split by the delimiter the heading row uses most."""
    text = text.removeprefix(BOM)
    try:
        return list(
            csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text), strict=True)
        )
    except csv.Error:
        raise RosterFileError("not_csv") from None


def delimiter(text: str) -> str:
    """Comma, semicolon (spreadsheets where the comma is the decimal mark) or tab: the one
    the heading row holds most often outside quotes; a comma on a tie."""
    heading = re.sub(r'"[^"]*"', "", text.split("\n", 1)[0])
    return max(DELIMITERS, key=lambda mark: (heading.count(mark), mark == ","))


def column_name(heading: str) -> str:
    """ "Legal Surname" -> "legal_surname"; "E-mail" -> "e_mail"; "Reg. Group" -> "reg_group"."""
    text = heading.strip().removeprefix(BOM).casefold()
    return "_".join(re.findall(r"[^\W_]+", text))


def read_header(cells: list[str]) -> Header:
    """Map each heading to our column; name headings twice, and columns that are missing.
    A column with two names ("Preferred Forename" and "Forename") reads the first, and the
    other where the first is empty."""
    header = Header(names=[""] * len(cells))
    found: dict[str, list[tuple[int, int]]] = {}  # column -> [(rank of its name, cell)]
    seen: dict[str, int] = {}
    for index, heading in enumerate(cells):
        name = column_name(heading)
        if not name:
            continue
        seen[name] = seen.get(name, 0) + 1
        column, rank = _ALIAS_OF.get(name, ("", 0))
        if column:
            found.setdefault(column, []).append((rank, index))
        else:
            header.ignored.append(heading.strip().removeprefix(BOM))
    for column, places in found.items():
        places.sort()
        header.names[places[0][1]] = column
        header.fallbacks[column] = [index for _rank, index in places[1:]]
    twice = sorted(name for name, count in seen.items() if count > 1 and name in _ALIAS_OF)
    if twice:
        header.problems.append(("repeated_columns", {"columns": ", ".join(twice)}))
    missing = [column for column in REQUIRED_COLUMNS if column not in found]
    if not any(column in found for column in NAME_COLUMNS):
        missing.append("surname_initial")
    if missing:
        header.problems.append(("missing_columns", {"columns": ", ".join(missing)}))
    return header
