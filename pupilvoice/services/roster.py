"""Importing a school's roster CSV: classes, pupils, parents and their links.

``plan`` only reads: it matches the checked rows to the school's records (roster_match.py)
and lists every change, old value -> new value. ``apply`` makes exactly those changes (it
flushes, never commits: the view commits once, so a file is imported whole or not at all),
and only once every question about a doubtful pupil has an answer. Both walk the rows the
same way, so the preview shows what the import will do.

A column the file does not have changes nothing. The import adds and updates; it never
moves, archives or removes anyone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from ..domain.people import AVATARS
from ..domain.roles import PARENT
from ..domain.roster_csv import Problem, Roster, RosterRow
from ..extensions import db
from ..models import ClassGroup, ParentLink, Pupil, School, User
from . import audit, new_parents, sen_register
from .roster_match import (
    Matching,
    Question,
    Records,
    label,
    match,
    parent_label,
    pupil_label,
    settle,
)


@dataclass(frozen=True)
class Change:
    row: int
    kind: str  # "class", "pupil", "parent" or "link"
    action: str  # "create" or "update"
    label: str  # names the record in the preview
    values: tuple[tuple[str, Any, Any], ...] = ()  # (field, old, new) of an update

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(name for name, _old, _new in self.values)


@dataclass
class Plan:
    roster: Roster
    problems: list[Problem]
    changes: list[Change] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    waiting: set[int] = field(default_factory=set)  # rows whose pupil is a question

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def ready(self) -> bool:
        """Nothing stops the import and every question has its answer."""
        return self.ok and all(question.answer for question in self.questions)

    def count(self, kind: str, action: str) -> int:
        return sum(1 for c in self.changes if (c.kind, c.action) == (kind, action))

    @property
    def new_rows(self) -> int:
        return len({c.row for c in self.changes if c.action == "create"})

    @property
    def changed_rows(self) -> int:
        created = {c.row for c in self.changes if c.action == "create"}
        return len({c.row for c in self.changes} - created)

    @property
    def unchanged_rows(self) -> int:
        busy = {change.row for change in self.changes} | self.waiting
        return len(self.roster.rows) - len(busy)


def plan(school: School, roster: Roster, answers: dict[str, str] | None = None) -> Plan:
    """What importing ``roster`` would change, or the rows that stop it; writes nothing."""
    return _run(school, roster, answers or {}, write=False)[0]


def apply(actor: User, school: School, roster: Roster, answers: dict[str, str]) -> Plan:
    """Import every row, or nothing at all while a row has a problem or a question waits."""
    result, walk = _run(school, roster, answers, write=True, actor=actor)
    if result.ready:
        db.session.flush()
        audit.record(actor, "imported", school, rows=len(roster.rows), **walk.ids())
        for link in walk.touched["link_created"]:  # a family new to a shared plan is asked too
            new_parents.parent_linked(actor, link.parent, link.pupil)
    return result


def _run(
    school: School, roster: Roster, answers: dict, write: bool, actor: User | None = None
) -> tuple[Plan, _Walk]:
    records = Records(school, roster)
    matching = Matching()
    if roster.ok:
        matching = match(records, roster, answers)
        trial = _Walk(records, matching, roster, write=False)  # what would change whom
        trial.run()
        settle(matching, roster, trial.changed_pupils, answers)
    found = roster.problems + records.problems(roster) + matching.problems
    result = Plan(roster, sorted(found, key=lambda p: p.row), questions=matching.questions)
    walk = _Walk(records, matching, roster, write=write and result.ready, actor=actor)
    if result.ok:
        result.changes, result.waiting = walk.run(), walk.waiting
    return result, walk


# The SEN register's columns: written through services/sen_register.py, with history.
REGISTER_COLUMNS = ("sen_stage", "primary_need", "secondary_need")


class _Walk:
    """Goes through the rows once, creating or updating records (or, for a preview,
    only noting what it would do, with stand-ins for the records it would create)."""

    def __init__(
        self, records: Records, matching: Matching, roster: Roster, write: bool, actor=None
    ):
        self.records, self.matching, self.roster, self.write = records, matching, roster, write
        self.actor = actor  # who imports: the SEN register's history names them
        self.school, self.columns = records.school, roster.columns
        self.done: dict[tuple, Any] = {}
        self.changes: list[Change] = []
        self.waiting: set[int] = set()
        self.changed_pupils: set[tuple] = set()  # the file's pupils whose rows change a thing
        self.touched: dict[str, list[Any]] = defaultdict(list)
        self.avatars: dict[str, Counter] = defaultdict(Counter)
        for key, pupils in records.by_name.items():
            self.avatars[key[0]].update(pupil.avatar for pupil in pupils)
        unanswered = {q.row for q in matching.unanswered}
        self.doubtful = {r.pupil_key for r in roster.rows if r.number in unanswered}

    def run(self) -> list[Change]:
        for row in self.roster.rows:
            before = len(self.changes)
            self._row(row)
            if len(self.changes) > before and row.pupil_key is not None:
                self.changed_pupils.add(row.pupil_key)
        return self.changes

    def _row(self, row: RosterRow) -> None:
        if row.pupil_key in self.doubtful:
            self.waiting.add(row.number)  # nothing about this pupil until answered
            return
        group = self._class(row)
        pupil = self._pupil(row, group) if row.pupil_key else None
        if row.parent and pupil is not None:
            self._link(row, self._parent(row, pupil), pupil)

    def ids(self) -> dict[str, list[int]]:
        return {name: [obj.id for obj in objs] for name, objs in self.touched.items()}

    # -- each kind of record ---------------------------------------------------------------

    def _class(self, row: RosterRow):
        if not row.class_key:
            return None
        key = ("class", row.class_key)
        if key not in self.done:
            self.done[key] = self.records.classes.get(row.class_key) or self._new_class(row)
        if row.pupil_key is None and ("class row", row.class_key) not in self.done:
            self.done[("class row", row.class_key)] = True  # it may change the year group
            self._update(row, "class", self.done[key], {"year_group": row.year_group})
        return self.done[key]

    def _new_class(self, row: RosterRow):
        name, year = self.roster.classes[row.class_key]
        values = {"school_id": self.school.id, "name": name, "year_group": year}
        return self._create(row, "class", ClassGroup, values, name)

    def _pupil(self, row: RosterRow, group):
        key = ("pupil", row.pupil_key)
        if key in self.done:
            return self.done[key]
        existing = self.matching.pupils.get(row.pupil_key)
        if existing is not None:
            self._update(row, "pupil", existing, self._pupil_values(row, existing))
            self.done[key] = existing
            return existing
        values = {
            "school_id": self.school.id,
            "class_group": group,
            "first_name": row.first_name,
            "surname_initial": row.surname_initial,
            "year_group": row.year_group,
            "sen_stage": row.sen_stage,
            "primary_need": row.primary_need or None,
            "secondary_need": row.secondary_need or None,
            "avatar": row.avatar or self._pick_avatar(row.class_key),
            "upn": row.upn or None,
            "surname": row.surname or None,
            "born_on": row.born_on,
        }
        self.done[key] = self._create(row, "pupil", Pupil, values, pupil_label(row))
        return self.done[key]

    def _pupil_values(self, row: RosterRow, pupil: Pupil) -> dict[str, Any]:
        """Only what the file says: an absent column, or an unknown identifier, keeps the
        value; a name differing in more than its capitals is a rename (found by UPN)."""
        values: dict[str, Any] = {"year_group": row.year_group}
        for name in REGISTER_COLUMNS:
            if name in self.columns:
                values[name] = getattr(row, name) or None
        for name in ("first_name", "surname_initial"):
            if getattr(row, name).casefold() != getattr(pupil, name).casefold():
                values[name] = getattr(row, name)
        known = {"avatar": row.avatar, "upn": row.upn, "surname": row.surname}
        values |= {name: value for name, value in known.items() if value}
        if row.born_on:
            values["born_on"] = row.born_on
        return values

    def _parent(self, row: RosterRow, pupil):
        entry = row.parent
        key = ("parent", row.parent_key)
        if key in self.done:
            return self.done[key]
        existing = self.records.users.get(entry.email) if entry.email else None
        existing = existing or self.records.parent_by_name(pupil, entry.name)
        if existing is not None:
            values = {"name": entry.name}
            if entry.email and existing.email is None:
                values["email"] = entry.email  # a letters-only family now has an address
            self._update(row, "parent", existing, values)
            self.done[key] = existing
        else:
            values = {
                "school_id": self.school.id,
                "role": PARENT,
                "name": entry.name,
                "email": entry.email or None,
                "locale": entry.language,
            }
            label = parent_label(SimpleNamespace(**values))
            self.done[key] = self._create(row, "parent", User, values, label)
        return self.done[key]

    def _link(self, row: RosterRow, parent, pupil) -> None:
        key = ("link", row.parent_key, row.pupil_key)
        if key in self.done:
            return
        entry = row.parent
        values = {
            "relationship_label": entry.relationship,
            "preferred_language": entry.language,
            "contact_method": entry.contact or ("email" if parent.email else "letter"),
        }
        pair = (getattr(parent, "id", None), getattr(pupil, "id", None))
        existing = self.records.links.get(pair) if None not in pair else None
        if existing is not None:
            present = {"relationship", "language", "contact"} & self.columns
            columns = {"relationship_label": "relationship", "preferred_language": "language"}
            kept = {n: v for n, v in values.items() if columns.get(n, "contact") in present}
            self._update(row, "link", existing, kept)
            self.done[key] = existing
        else:
            values |= {"school_id": self.school.id, "parent": parent, "pupil": pupil}
            label = f"{entry.name} – {pupil_label(row)}"
            self.done[key] = self._create(row, "link", ParentLink, values, label)

    # -- writing, or noting what would be written ------------------------------------------

    def _create(self, row: RosterRow, kind: str, model: type, values: dict, label: str):
        self.changes.append(Change(row.number, kind, "create", label))
        if not self.write:
            return SimpleNamespace(**values)
        register = {n: values.pop(n) for n in REGISTER_COLUMNS if n in values}
        obj = model(**values)
        db.session.add(obj)
        if register:
            self._register(obj, register)
        self.touched[f"{kind}_created"].append(obj)
        return obj

    def _update(self, row: RosterRow, kind: str, obj: Any, values: dict) -> None:
        changed = tuple(
            (name, getattr(obj, name), value)
            for name, value in values.items()
            if getattr(obj, name) != value
        )
        if not changed:
            return
        self.changes.append(Change(row.number, kind, "update", label(kind, obj), changed))
        if self.write:
            register = {n: v for n, _old, v in changed if n in REGISTER_COLUMNS}
            for name, _old, value in changed:
                if name not in register:
                    setattr(obj, name, value)
            if register:
                self._register(obj, register)
            self.touched[f"{kind}_updated"].append(obj)

    def _register(self, pupil: Pupil, values: dict) -> None:
        """Stage and needs go through the SEN register, which keeps their history."""
        sen_register.change(
            self.actor,
            pupil,
            values.get("sen_stage", pupil.sen_stage or "none"),
            values.get("primary_need", pupil.primary_need),
            values.get("secondary_need", pupil.secondary_need),
            source="import",
        )

    def _pick_avatar(self, class_key: str) -> str:
        """The picture least used in the class, so pupils can tell theirs apart."""
        used = self.avatars[class_key]
        choice = min(AVATARS, key=lambda name: (used[name], AVATARS.index(name)))
        used[choice] += 1
        return choice
