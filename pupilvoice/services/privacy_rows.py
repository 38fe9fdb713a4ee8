"""Every row of one person, found through the privacy registry's reach paths (PRI-02).
Erasure, the subject-access export and retention all start from here, so a model added to
the registry is covered by each of them without more code."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Column, ColumnElement, Table, func, or_, select

from ..extensions import db
from ..models.privacy import REGISTRY, Entry

PUPIL_TABLE, USER_TABLE = "pupil", "user"


def person_of(column: Column) -> str | None:
    """Which people table ``column`` names: one it points at, or the table's own id."""
    if column.primary_key and column.table.name in (PUPIL_TABLE, USER_TABLE):
        return column.table.name
    for key in column.foreign_keys:
        if key.column.table.name in (PUPIL_TABLE, USER_TABLE):
            return key.column.table.name
    return None


def single_key(table: Table) -> Column | None:
    """The table's primary key column, or None when it has several."""
    columns = list(table.primary_key.columns)
    return columns[0] if len(columns) == 1 else None


def _walk(entry: Entry, path: str, person_id: int) -> tuple[ColumnElement, Column] | None:
    """A condition choosing the entry's rows that ``path`` leads to the person from, and
    the column the path ends on; None for a reach that is not a column (a keyed hash)."""
    table = entry.model.__table__
    *steps, last = path.split(".")
    if not steps:
        return (table.c[last] == person_id, table.c[last]) if last in table.c else None
    statement, current = select(single_key(table)).select_from(table), table
    for step in steps:
        link = current.c[f"{step}_id"]
        (key,) = link.foreign_keys
        statement = statement.join(key.column.table, link == key.column)
        current = key.column.table
    end = current.c[last]
    return single_key(table).in_(statement.where(end == person_id).scalar_subquery()), end


def conditions(person: str, person_id: int) -> dict[Entry, ColumnElement]:
    """For each registered kind, the condition that chooses this person's rows."""
    found: dict[Entry, list[ColumnElement]] = {}
    for entry in REGISTRY:
        for path in entry.reach:
            walked = _walk(entry, path, person_id)
            if walked and person_of(walked[1]) == person:
                found.setdefault(entry, []).append(walked[0])
    return {entry: or_(*chosen) for entry, chosen in found.items()}


def reached_kinds(person: str) -> Iterator[Entry]:
    """The registered kinds that can lead to a ``person`` ("pupil" or "user")."""
    return iter(conditions(person, 0))


def counts(person: str, person_id: int) -> dict[str, int]:
    """How many rows of each kind belong to this person (kinds with none are left out)."""
    found = {}
    for entry, chosen in conditions(person, person_id).items():
        table = entry.model.__table__
        number = db.session.scalar(select(func.count()).select_from(table).where(chosen))
        if number:
            found[entry.model.__name__] = number
    return found
