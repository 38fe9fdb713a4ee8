"""The school roster CSV: classes, pupils and their parents, one pupil-parent pair a row.

Pure (no Flask, no database): it decodes the file, checks every row on its own and the rows
against each other, and writes the export. Matching rows to a school's records is
services/roster.py's job. Problems are codes with values; the web layer words them.

Rows are numbered as a spreadsheet shows them: the heading row is row 1.
A row with a class and a year group only is a class. A pupil is the same pupil on every
row with the same class, first name and surname initial (a pupil with two parents has two
rows); a parent is the same parent on every row with the same e-mail address.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from email_validator import EmailNotValidError, validate_email

from .people import (
    AVATARS,
    CONTACT_METHODS,
    DEFAULT_RELATIONSHIP,
    FAMILY_LANGUAGES,
    MAX_CLASS_NAME,
    MAX_EMAIL,
    MAX_FIRST_NAME,
    MAX_PERSON_NAME,
    RELATIONSHIPS,
    SEN_STAGES,
    clean_initial,
    parse_year_group,
)

COLUMNS = (
    "class",
    "year_group",
    "first_name",
    "surname_initial",
    "sen_stage",
    "avatar",
    "parent_name",
    "parent_email",
    "relationship",
    "language",
    "contact",
)
REQUIRED_COLUMNS = ("class", "year_group", "first_name", "surname_initial")
PUPIL_COLUMNS = ("first_name", "surname_initial", "sen_stage", "avatar")
PARENT_COLUMNS = ("parent_name", "parent_email", "relationship", "language", "contact")
MAX_BYTES = 512 * 1024
MAX_ROWS = 5000
BOM = "\ufeff"  # written first so spreadsheet programs read the export as UTF-8
# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Words schools use for the same thing, folded to our codes.
_STAGE_WORDS = {
    "": "none",
    "n": "none",
    "no": "none",
    "k": "sen_support",  # the DfE census codes N, K and E
    "e": "ehcp",
    "ehc_plan": "ehcp",
    "sen": "sen_support",
}
_RELATIONSHIP_WORDS = {"": DEFAULT_RELATIONSHIP, "mum": "mother", "dad": "father"}
_LANGUAGE_WORDS = {
    "": "en",
    "english": "en",
    "welsh": "cy",
    "cymraeg": "cy",
    "polish": "pl",
    "polski": "pl",
    "urdu": "ur",
}
_CONTACT_WORDS = {"": "email", "e_mail": "email", "mail": "email", "post": "letter"}


class RosterFileError(ValueError):
    """The file as a whole cannot be read; ``code`` says why."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass
class Problem:
    """What is wrong with one row (row 1 is the heading row)."""

    row: int
    code: str
    column: str = ""
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ParentEntry:
    name: str
    email: str
    relationship: str
    language: str
    contact: str


@dataclass(frozen=True)
class RosterRow:
    number: int
    class_name: str
    year_group: int
    first_name: str = ""
    surname_initial: str = ""
    sen_stage: str = "none"
    avatar: str = ""
    parent: ParentEntry | None = None

    @property
    def class_key(self) -> str:
        return self.class_name.casefold()

    @property
    def pupil_key(self) -> tuple[str, str, str] | None:
        """How rows (and records) are matched to one pupil; None for a class row."""
        if not self.first_name:
            return None
        return (self.class_key, self.first_name.casefold(), self.surname_initial.casefold())

    @property
    def pupil_facts(self) -> tuple[int, str, str]:
        return (self.year_group, self.sen_stage, self.avatar)


@dataclass
class Roster:
    rows: list[RosterRow]
    problems: list[Problem]
    # class key -> (name as first written, year group for the class if it is new)
    classes: dict[str, tuple[str, int]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


# --- reading ------------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """The file's text, or RosterFileError: too_big, empty, not_text or not_utf8."""
    if len(data) > MAX_BYTES:
        raise RosterFileError("too_big", max_kb=MAX_BYTES // 1024)
    if b"\x00" in data:
        raise RosterFileError("not_text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RosterFileError("not_utf8") from None
    if not text.strip():
        raise RosterFileError("empty")
    return text


def parse(text: str) -> Roster:
    """Check every row; RosterFileError when the text is not a CSV file at all."""
    records = _records(text)
    if not records or not any(cell.strip() for cell in records[0]):
        raise RosterFileError("empty")
    if len(records) - 1 > MAX_ROWS:
        raise RosterFileError("too_many_rows", max=MAX_ROWS)
    names, problems = _read_header(records[0])
    if problems:
        return Roster([], problems)
    rows: list[RosterRow] = []
    for number, cells in enumerate(records[1:], start=2):
        if any(cell.strip() for cell in cells):
            row = _read_row(number, names, cells, problems)
            rows += [row] if row else []
    if not rows and not problems:
        problems.append(Problem(1, "no_rows"))
    problems += _check_together(rows)
    problems.sort(key=lambda problem: problem.row)
    return Roster(rows, problems, _classes(rows))


def _records(text: str) -> list[list[str]]:
    text = text.removeprefix(BOM)
    heading = text.split("\n", 1)[0]
    delimiter = ";" if ";" in heading and "," not in heading else ","  # European spreadsheets
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error:
        raise RosterFileError("not_csv") from None


def _column_name(heading: str) -> str:
    return heading.strip().removeprefix(BOM).casefold().replace(" ", "_").replace("-", "_")


def _read_header(cells: list[str]) -> tuple[list[str], list[Problem]]:
    names = [_column_name(cell) for cell in cells]
    problems = []
    unknown = [name for name in names if name and name not in COLUMNS]
    twice = sorted({name for name in names if name and names.count(name) > 1})
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    for code, columns in (("unknown_columns", unknown), ("repeated_columns", twice)):
        if columns:
            problems.append(Problem(1, code, params={"columns": ", ".join(columns)}))
    if missing:
        problems.append(Problem(1, "missing_columns", params={"columns": ", ".join(missing)}))
    return names, problems


def unguard(value: str) -> str:
    """Undo the export's formula guard: "'=x" -> "=x"."""
    if value.startswith("'") and value[1:2] and value[1:2] in FORMULA_STARTS:
        return value[1:]
    return value


class _Cells:
    """One row's cells by column name, collecting what is wrong with them."""

    def __init__(self, number: int, names: list[str], cells: list[str], problems: list):
        self.number = number
        pairs = zip(names, cells, strict=False)  # short rows: the missing cells are empty
        self.values = {name: unguard(cell.strip()) for name, cell in pairs if name}
        self.problems = problems
        self.count = len(problems)

    def __getitem__(self, column: str) -> str:
        return self.values.get(column, "")

    @property
    def ok(self) -> bool:
        return len(self.problems) == self.count

    def problem(self, code: str, column: str = "", **params: object) -> None:
        self.problems.append(Problem(self.number, code, column, params))

    def text(self, column: str, longest: int, required: bool = True) -> str:
        value = " ".join(self[column].split())
        if required and not value:
            self.problem("required", column)
        elif len(value) > longest:
            self.problem("too_long", column, max=longest)
        return value

    def choice(self, column: str, allowed: Iterable[str], words: Mapping[str, str]) -> str:
        said = self[column].casefold().replace(" ", "_").replace("-", "_")
        value = words.get(said, said)
        if value not in allowed:
            self.problem("choice", column, allowed=", ".join(allowed))
        return value


def _read_row(number: int, names: list[str], raw: list[str], problems: list) -> RosterRow | None:
    if any(cell.strip() for cell in raw[len(names) :]):
        problems.append(Problem(number, "too_many_cells", params={"expected": len(names)}))
        return None
    cells = _Cells(number, names, raw, problems)
    has_pupil = any(cells[column] for column in PUPIL_COLUMNS)
    has_parent = any(cells[column] for column in PARENT_COLUMNS)
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


def _read_pupil(cells: _Cells) -> dict:
    first_name = cells.text("first_name", MAX_FIRST_NAME)
    initial = clean_initial(cells["surname_initial"])
    if initial is None:
        cells.problem("initial", "surname_initial")
    avatar = cells["avatar"].casefold()
    if avatar and avatar not in AVATARS:
        cells.problem("choice", "avatar", allowed=", ".join(AVATARS))
    return {
        "first_name": first_name,
        "surname_initial": initial or "",
        "sen_stage": cells.choice("sen_stage", SEN_STAGES, _STAGE_WORDS),
        "avatar": avatar,
    }


def _read_parent(cells: _Cells) -> ParentEntry:
    name = cells.text("parent_name", MAX_PERSON_NAME)
    email = cells.text("parent_email", MAX_EMAIL)
    if email and len(email) <= MAX_EMAIL:
        try:
            validate_email(email, check_deliverability=False)
        except EmailNotValidError:
            cells.problem("email", "parent_email")
    return ParentEntry(
        name=name,
        email=email.lower(),
        relationship=cells.choice("relationship", RELATIONSHIPS, _RELATIONSHIP_WORDS),
        language=cells.choice("language", FAMILY_LANGUAGES, _LANGUAGE_WORDS),
        contact=cells.choice("contact", CONTACT_METHODS, _CONTACT_WORDS),
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
            same("parent", row.parent.email, row, lambda r: r.parent.name)
            link = (row.pupil_key, row.parent.email)
            same(
                "link",
                link,
                row,
                lambda r: (r.parent.relationship, r.parent.language, r.parent.contact),
            )
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


# --- writing ------------------------------------------------------------------------------


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
