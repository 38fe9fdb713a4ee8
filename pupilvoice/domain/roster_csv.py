"""The school roster CSV: classes, pupils and their parents, one pupil-parent pair a row.

Pure (no Flask, no database): it checks every row on its own and the rows against each
other, and writes the export. roster_headers.py reads the bytes and the heading row;
matching rows to a school's records is services/roster_match.py's job. Problems are codes
with values; the web layer words them.

Rows are numbered as a spreadsheet shows them: the heading row is row 1.
A row with a class and a year group only is a class. Rows are about the same pupil when
they have the same pupil reference (UPN), or, without one, the same class, first name,
surname (or initial) and date of birth: a pupil with two parents has two rows. A parent is
the same parent on every row with the same e-mail address; a parent without one (letters
only) is the same parent on the rows of one pupil with the same name.

A column the file does not have says nothing: ``Roster.columns`` tells the import which
values it may change. An empty cell in a column the file has is a value (no SEN stage,
English, e-mail), except where it says "not known" (UPN, surname, date of birth, picture).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from email_validator import EmailNotValidError, validate_email

from .people import (
    AVATARS,
    CONTACT_METHODS,
    FAMILY_LANGUAGES,
    MAX_CLASS_NAME,
    MAX_EMAIL,
    MAX_FIRST_NAME,
    MAX_PERSON_NAME,
    RELATIONSHIPS,
    SEN_STAGES,
    parse_year_group,
)
from .roster_cells import (
    CONTACT_WORDS,
    LANGUAGE_WORDS,
    RELATIONSHIP_WORDS,
    STAGE_WORDS,
    Cells,
    Problem,
    birth_date,
    initial,
    needs,
    reference,
)
from .roster_headers import (
    BOM,
    COLUMNS,
    MAX_BYTES,
    MAX_ROWS,
    Header,
    RosterFileError,
    decode,
    read_header,
    records,
)
from .roster_write import EXAMPLE, safe_cell, to_csv

__all__ = [
    "BOM",
    "COLUMNS",
    "EXAMPLE",
    "MAX_BYTES",
    "Problem",
    "RosterFileError",
    "decode",
    "parse",
    "safe_cell",
    "to_csv",
]

PUPIL_COLUMNS = ("first_name", "surname_initial", "surname", "upn", "date_of_birth")
PARENT_COLUMNS = ("parent_name", "parent_email", "relationship", "language", "contact")


@dataclass(frozen=True)
class ParentEntry:
    name: str
    email: str  # "" for a family that gets letters only (or a file without addresses)
    relationship: str
    language: str
    contact: str  # "email", "letter", or "" for "e-mail if they have an address"


@dataclass(frozen=True)
class RosterRow:
    number: int
    class_name: str
    year_group: int
    first_name: str = ""
    surname_initial: str = ""
    sen_stage: str = "none"
    primary_need: str = ""  # a census code (domain/sen_register.py), "" for none
    secondary_need: str = ""
    avatar: str = ""
    parent: ParentEntry | None = None
    upn: str = ""  # the school's pupil reference; "" when not known
    surname: str = ""  # "" when not known
    born_on: date | None = None

    @property
    def class_key(self) -> str:
        return self.class_name.casefold()

    @property
    def name_key(self) -> tuple[str, str, str]:
        """Class, first name and initial: all a record without a reference can be found by."""
        return (self.class_key, self.first_name.casefold(), self.surname_initial.casefold())

    @property
    def pupil_key(self) -> tuple | None:
        """Which rows are about one pupil; None for a class row."""
        if not self.first_name:
            return None
        if self.upn:
            return ("upn", self.upn)
        return ("name", *self.name_key, self.surname.casefold(), self.born_on)

    @property
    def parent_key(self) -> tuple | None:
        """Which rows are about one parent: by address, or by name within one pupil."""
        if self.parent is None:
            return None
        if self.parent.email:
            return ("email", self.parent.email)
        return ("name", self.parent.name.casefold(), self.pupil_key)

    @property
    def pupil_facts(self) -> tuple:
        return (
            self.class_key,
            self.first_name.casefold(),
            self.surname_initial.casefold(),
            self.surname.casefold(),
            self.born_on,
            self.year_group,
            self.sen_stage,
            self.primary_need,
            self.secondary_need,
            self.avatar,
        )


@dataclass
class Roster:
    rows: list[RosterRow]
    problems: list[Problem]
    # class key -> (name as first written, year group for the class if it is new)
    classes: dict[str, tuple[str, int]] = field(default_factory=dict)
    columns: frozenset[str] = frozenset(COLUMNS)  # the columns the file has
    ignored: list[str] = field(default_factory=list)  # its headings we leave out

    @property
    def ok(self) -> bool:
        return not self.problems


# --- reading ------------------------------------------------------------------------------


def parse(text: str) -> Roster:
    """Check every row; RosterFileError when the text is not a CSV file at all."""
    lines = records(text)
    if not lines or not any(cell.strip() for cell in lines[0]):
        raise RosterFileError("empty")
    if len(lines) - 1 > MAX_ROWS:
        raise RosterFileError("too_many_rows", max=MAX_ROWS)
    header = read_header(lines[0])
    problems = [Problem(1, code, params=params) for code, params in header.problems]
    if problems:
        return Roster([], problems, columns=header.columns, ignored=header.ignored)
    rows: list[RosterRow] = []
    for number, cells in enumerate(lines[1:], start=2):
        if any(cell.strip() for cell in cells):
            row = _read_row(number, header, cells, problems)
            rows += [row] if row else []
    if not rows and not problems:
        problems.append(Problem(1, "no_rows"))
    problems += _check_together(rows)
    problems.sort(key=lambda problem: problem.row)
    return Roster(rows, problems, _classes(rows), header.columns, header.ignored)


def _read_row(number: int, header: Header, raw: list[str], problems: list) -> RosterRow | None:
    width = len(header.names)
    if any(cell.strip() for cell in raw[width:]):
        problems.append(Problem(number, "too_many_cells", params={"expected": width}))
        return None
    cells = Cells(number, header, raw, problems)
    has_pupil = any(cells[column] for column in PUPIL_COLUMNS)
    has_parent = any(cells[column] for column in ("parent_name", "parent_email"))
    class_name = cells.text("class", MAX_CLASS_NAME, required=not has_pupil and not has_parent)
    year_group = parse_year_group(cells["year_group"])
    if year_group is None:
        cells.problem("year_group", "year_group")
    if has_parent and not has_pupil:
        cells.problem("parent_without_pupil")
    pupil = _read_pupil(cells) if has_pupil else {}
    parent = _read_parent(cells) if has_parent else None
    if not cells.ok:
        return None
    return RosterRow(number, class_name, year_group or 0, parent=parent, **pupil)


def _read_pupil(cells: Cells) -> dict:
    first_name = cells.text("first_name", MAX_FIRST_NAME)
    surname = cells.text("surname", MAX_FIRST_NAME, required=False)
    avatar = cells["avatar"].casefold()
    if avatar and avatar not in AVATARS:
        cells.problem("choice", "avatar", allowed=", ".join(AVATARS))
    stage = cells.choice("sen_stage", SEN_STAGES, STAGE_WORDS)
    primary, secondary = needs(cells, stage)
    return {
        "first_name": first_name,
        "surname": surname,
        "surname_initial": initial(cells, surname),
        "upn": reference(cells),
        "born_on": birth_date(cells),
        "sen_stage": stage,
        "primary_need": primary,
        "secondary_need": secondary,
        "avatar": avatar,
    }


def _read_parent(cells: Cells) -> ParentEntry:
    name = cells.text("parent_name", MAX_PERSON_NAME)
    email = cells.text("parent_email", MAX_EMAIL, required=False)
    if email and len(email) <= MAX_EMAIL:
        try:
            validate_email(email, check_deliverability=False)
        except EmailNotValidError:
            cells.problem("email", "parent_email")
    relationship = cells.choice("relationship", RELATIONSHIPS, RELATIONSHIP_WORDS)
    language = cells.choice("language", FAMILY_LANGUAGES, LANGUAGE_WORDS)
    # An empty contact is "" here: e-mail when the parent has an address (in the file or
    # already here), else letters; the import decides once it knows the parent.
    contact = cells.choice("contact", ("", *CONTACT_METHODS), {**CONTACT_WORDS, "": ""})
    if contact == "email" and not email and "parent_email" in cells.values:
        cells.problem("email_needed", "contact")
    return ParentEntry(
        name=name,
        email=email.lower(),
        relationship=relationship,
        language=language,
        contact=contact,
    )


def _check_together(rows: list[RosterRow]) -> list[Problem]:
    """Rows about the same class, pupil, parent or link must say the same thing."""
    problems: list[Problem] = []
    seen: dict[tuple, RosterRow] = {}

    def same(kind: str, key: object, row: RosterRow, facts) -> None:
        first = seen.setdefault((kind, key), row)
        if facts(first) != facts(row):
            problems.append(Problem(row.number, f"{kind}_differs", params={"other": first.number}))

    for row in rows:
        if row.pupil_key is None:
            same("class", row.class_key, row, lambda r: r.year_group)
            continue
        same("pupil", row.pupil_key, row, lambda r: r.pupil_facts)
        if row.parent:
            same("parent", row.parent_key, row, lambda r: r.parent.name)
            same("link", (row.pupil_key, row.parent_key), row, _link_facts)
    return problems


def _link_facts(row: RosterRow) -> tuple[str, str, str]:
    return (row.parent.relationship, row.parent.language, row.parent.contact)


def _classes(rows: list[RosterRow]) -> dict[str, tuple[str, int]]:
    """Each class named in the file, with the year group of its class row (or first row)."""
    classes: dict[str, tuple[str, int]] = {}
    for row in rows:
        if row.class_key and (row.class_key not in classes or row.pupil_key is None):
            name = classes.get(row.class_key, (row.class_name, 0))[0]
            classes[row.class_key] = (name, row.year_group)
    return classes
