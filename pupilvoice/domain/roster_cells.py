"""Reading one cell of a roster row: the words schools use folded to our codes, dates of
birth written day first, pupil references and initials. Pure: no Flask, no database."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from .people import DEFAULT_RELATIONSHIP, MAX_REFERENCE, clean_initial
from .roster_headers import Header
from .roster_write import unguard
from .sen_register import need_code, needs_problem

EARLIEST_BIRTH = date(1990, 1, 1)

# Words schools use for the same thing, folded to our codes.
STAGE_WORDS = {
    "": "none",
    "n": "none",
    "no": "none",
    "k": "sen_support",  # the DfE census codes N, K and E
    "e": "ehcp",
    "ehc_plan": "ehcp",
    "education_health_and_care_plan": "ehcp",
    "s": "ehcp",  # a statement, which EHC plans replaced
    "sen": "sen_support",
}
RELATIONSHIP_WORDS = {"": DEFAULT_RELATIONSHIP, "mum": "mother", "dad": "father"}
LANGUAGE_WORDS = {
    "": "en",
    "english": "en",
    "welsh": "cy",
    "cymraeg": "cy",
    "polish": "pl",
    "polski": "pl",
    "urdu": "ur",
}
CONTACT_WORDS = {"e_mail": "email", "mail": "email", "post": "letter"}
_DATE_FORMATS = (r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", r"(\d{4})-(\d{1,2})-(\d{1,2})")
_REFERENCE = re.compile(r"[A-Z0-9][A-Z0-9/-]*")


@dataclass
class Problem:
    """What is wrong with one row (row 1 is the heading row)."""

    row: int
    code: str
    column: str = ""
    params: dict = field(default_factory=dict)


class Cells:
    """One row's cells by column name, collecting what is wrong with them."""

    def __init__(self, number: int, header: Header, cells: list[str], problems: list):
        self.number = number
        pairs = zip(header.names, cells, strict=False)  # short rows: missing cells are empty
        self.values = {name: unguard(cell.strip()) for name, cell in pairs if name}
        for column, places in header.fallbacks.items():
            others = (unguard(cells[i].strip()) for i in places if i < len(cells))
            self.values[column] = self.values[column] or next((v for v in others if v), "")
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
            self.problem("choice", column, allowed=", ".join(code for code in allowed if code))
        return value


def initial(cells: Cells, surname: str) -> str:
    """The initial as written, else the surname's first letter; the two must agree."""
    written = cells["surname_initial"]
    initial = clean_initial(written) if written else clean_initial(surname[:1])
    if initial is None:
        cells.problem("initial", "surname_initial")
    elif written and surname and not surname.upper().startswith(initial):
        cells.problem("initial_differs", "surname_initial")
    return initial or ""


def reference(cells: Cells) -> str:
    """A UPN or the school's own pupil reference, in capitals without spaces."""
    value = "".join(cells["upn"].split()).upper()
    if value and (len(value) > MAX_REFERENCE or not _REFERENCE.fullmatch(value)):
        cells.problem("reference", "upn", max=MAX_REFERENCE)
    return value


def needs(cells: Cells, stage: str) -> tuple[str, str]:
    """The primary and secondary needs: census codes or their names ("" for none)."""
    found = []
    for column in ("primary_need", "secondary_need"):
        code = need_code(cells[column])
        if code is None:
            cells.problem("need", column)
        found.append(code or "")
    primary, secondary = found
    if cells.ok:
        staged = stage if "sen_stage" in cells.values else "sen_support"
        problem = needs_problem(staged, primary, secondary)
        if problem:
            cells.problem(problem, "secondary_need" if "secondary" in problem else "primary_need")
    return primary, secondary


def birth_date(cells: Cells) -> date | None:
    """Day first, as British exports write it (03/05/2017 is 3 May), or ISO 2017-05-03."""
    value = cells["date_of_birth"].split(" ")[0]  # "03/05/2017 00:00" from some exports
    if not value:
        return None
    for number, pattern in enumerate(_DATE_FORMATS):
        found = re.fullmatch(pattern, value)
        if found:
            parts = [int(part) for part in found.groups()]
            day, month, year = parts if number == 0 else reversed(parts)
            try:
                born = date(year, month, day)
            except ValueError:
                break
            if EARLIEST_BIRTH <= born <= date.today():
                return born
            break
    cells.problem("date", "date_of_birth")
    return None
