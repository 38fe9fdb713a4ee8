"""Importing and exporting a school's roster CSV: classes, pupils, parents and their links.

``plan`` only reads: it matches the checked rows to the school's records and lists every
change. ``apply`` makes exactly those changes (it flushes, never commits: the view commits
once, so a file is imported whole or not at all). Both walk the rows the same way, so the
preview shows what the import will do.

Matching ignores upper and lower case: a class by its name, a pupil by class + first name +
surname initial (current pupils only), a parent by e-mail address. The import adds and
updates; it never moves, archives or removes anyone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..domain.people import AVATARS
from ..domain.roles import PARENT
from ..domain.roster_csv import Problem, Roster, RosterRow, to_csv
from ..extensions import db
from ..models import ClassGroup, ParentLink, Pupil, School, User
from . import audit


@dataclass(frozen=True)
class Change:
    row: int
    kind: str  # "class", "pupil", "parent" or "link"
    action: str  # "create" or "update"
    label: str  # names the record in the preview
    fields: tuple[str, ...] = ()


@dataclass
class Plan:
    roster: Roster
    problems: list[Problem]
    changes: list[Change] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def count(self, kind: str, action: str) -> int:
        return sum(1 for c in self.changes if (c.kind, c.action) == (kind, action))

    @property
    def unchanged_rows(self) -> int:
        return len(self.roster.rows) - len({change.row for change in self.changes})


def plan(school: School, roster: Roster) -> Plan:
    """What importing ``roster`` would change, or the rows that stop it; writes nothing."""
    return _run(school, roster, write=False)[0]


def apply(actor: User, school: School, roster: Roster) -> Plan:
    """Import every row, or nothing at all when any row has a problem."""
    result, walk = _run(school, roster, write=True)
    if result.ok:
        db.session.flush()
        audit.record(actor, "imported", school, rows=len(roster.rows), **walk.ids())
    return result


def _run(school: School, roster: Roster, write: bool) -> tuple[Plan, _Walk]:
    records = _Records(school, roster)
    problems = sorted(roster.problems + records.problems(), key=lambda p: p.row)
    walk = _Walk(school, records, write)
    result = Plan(roster, problems)
    if result.ok:
        result.changes = walk.run(roster)
    return result, walk


class _Records:
    """The school's records the file talks about, loaded once."""

    def __init__(self, school: School, roster: Roster) -> None:
        self.school = school
        self.rows = roster.rows
        self.classes = {
            group.name.casefold(): group
            for group in db.session.scalars(select(ClassGroup).filter_by(school_id=school.id))
        }
        self.pupils: dict[tuple, list[Pupil]] = defaultdict(list)
        for pupil in _current_pupils(school.id):
            self.pupils[pupil_key(pupil)].append(pupil)
        emails = {row.parent.email for row in self.rows if row.parent}
        query = select(User).where(User.email.in_(emails))  # both in lower case
        self.users = {user.email: user for user in db.session.scalars(query)}
        self.links = {
            (link.parent.email, pupil_key(link.pupil)): link for link in _links(school.id)
        }

    def problems(self) -> list[Problem]:
        found = []
        for row in self.rows:
            group = self.classes.get(row.class_key)
            if group is not None and group.archived_at is not None:
                found.append(Problem(row.number, "class_archived", params={"name": group.name}))
            same = self.pupils.get(row.pupil_key, []) if row.pupil_key else []
            if len(same) > 1:
                found.append(Problem(row.number, "pupil_ambiguous", params={"count": len(same)}))
            found += self._parent_problems(row)
        return found

    def _parent_problems(self, row: RosterRow) -> list[Problem]:
        user = self.users.get(row.parent.email) if row.parent else None
        if user is None:
            return []
        if user.role != PARENT or user.school_id != self.school.id:
            return [Problem(row.number, "email_taken", "parent_email")]
        if user.archived_at is not None:
            return [Problem(row.number, "parent_archived", "parent_email")]
        return []


class _Walk:
    """Goes through the rows once, creating or updating records (or, for a preview,
    only noting what it would do, with stand-ins for the records it would create)."""

    def __init__(self, school: School, records: _Records, write: bool) -> None:
        self.school, self.records, self.write = school, records, write
        self.done: dict[tuple, Any] = {}
        self.changes: list[Change] = []
        self.touched: dict[str, list[Any]] = defaultdict(list)
        self.avatars: dict[str, Counter] = defaultdict(Counter)
        for key, pupils in records.pupils.items():
            self.avatars[key[0]].update(pupil.avatar for pupil in pupils)

    def run(self, roster: Roster) -> list[Change]:
        self.roster = roster
        for row in roster.rows:
            group = self._class(row)
            pupil = self._pupil(row, group) if row.pupil_key else None
            if row.parent and pupil is not None:
                self._link(row, self._parent(row), pupil)
        return self.changes

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
        existing = self.records.pupils.get(row.pupil_key)
        values = {"year_group": row.year_group, "sen_stage": row.sen_stage}
        if row.avatar:
            values["avatar"] = row.avatar
        if existing:
            self._update(row, "pupil", existing[0], values)
            self.done[key] = existing[0]
        else:
            values |= {
                "school_id": self.school.id,
                "class_group": group,
                "first_name": row.first_name,
                "surname_initial": row.surname_initial,
                "avatar": row.avatar or self._pick_avatar(row.class_key),
            }
            self.done[key] = self._create(row, "pupil", Pupil, values, _pupil_label(row))
        return self.done[key]

    def _parent(self, row: RosterRow):
        entry = row.parent
        key = ("parent", entry.email)
        if key in self.done:
            return self.done[key]
        existing = self.records.users.get(entry.email)
        if existing is not None:
            self._update(row, "parent", existing, {"name": entry.name})
            self.done[key] = existing
        else:
            values = {
                "school_id": self.school.id,
                "role": PARENT,
                "name": entry.name,
                "email": entry.email,
                "locale": entry.language,
            }
            label = f"{entry.name} <{entry.email}>"
            self.done[key] = self._create(row, "parent", User, values, label)
        return self.done[key]

    def _link(self, row: RosterRow, parent, pupil) -> None:
        key = ("link", row.parent.email, row.pupil_key)
        if key in self.done:
            return
        values = {
            "relationship_label": row.parent.relationship,
            "preferred_language": row.parent.language,
            "contact_method": row.parent.contact,
        }
        existing = self.records.links.get((row.parent.email, row.pupil_key))
        if existing is not None:
            self._update(row, "link", existing, values)
            self.done[key] = existing
        else:
            values |= {"school_id": self.school.id, "parent": parent, "pupil": pupil}
            label = f"{row.parent.name} – {_pupil_label(row)}"
            self.done[key] = self._create(row, "link", ParentLink, values, label)

    # -- writing, or noting what would be written ------------------------------------------

    def _create(self, row: RosterRow, kind: str, model: type, values: dict, label: str):
        self.changes.append(Change(row.number, kind, "create", label))
        if not self.write:
            return SimpleNamespace(**values)
        obj = model(**values)
        db.session.add(obj)
        self.touched[f"{kind}_created"].append(obj)
        return obj

    def _update(self, row: RosterRow, kind: str, obj: Any, values: dict) -> None:
        changed = tuple(name for name, value in values.items() if getattr(obj, name) != value)
        if not changed:
            return
        self.changes.append(Change(row.number, kind, "update", _label(kind, obj), changed))
        if self.write:
            for name in changed:
                setattr(obj, name, values[name])
            self.touched[f"{kind}_updated"].append(obj)

    def _pick_avatar(self, class_key: str) -> str:
        """The picture least used in the class, so pupils can tell theirs apart."""
        used = self.avatars[class_key]
        choice = min(AVATARS, key=lambda name: (used[name], AVATARS.index(name)))
        used[choice] += 1
        return choice


# --- matching keys and labels -------------------------------------------------------------


def pupil_key(pupil: Pupil) -> tuple[str, str, str]:
    class_name = pupil.class_group.name if pupil.class_group else ""
    return (class_name.casefold(), pupil.first_name.casefold(), pupil.surname_initial.casefold())


def _pupil_label(row: RosterRow) -> str:
    name = f"{row.first_name} {row.surname_initial}."
    return f"{name} ({row.class_name})" if row.class_name else name


def _label(kind: str, obj: Any) -> str:
    if kind == "class":
        return obj.name
    if kind == "pupil":
        return obj.display_name
    if kind == "parent":
        return f"{obj.name} <{obj.email}>"
    return f"{obj.parent.name} – {obj.pupil.display_name}"


def _current_pupils(school_id: int) -> list[Pupil]:
    query = (
        select(Pupil)
        .where(Pupil.school_id == school_id, Pupil.archived_at.is_(None))
        .options(selectinload(Pupil.class_group))
        .order_by(Pupil.first_name, Pupil.surname_initial, Pupil.id)
    )
    return list(db.session.scalars(query))


def _links(school_id: int) -> list[ParentLink]:
    query = (
        select(ParentLink)
        .join(ParentLink.parent)
        .join(ParentLink.pupil)
        .where(ParentLink.school_id == school_id, User.archived_at.is_(None))
        .where(Pupil.archived_at.is_(None))
        .options(selectinload(ParentLink.parent), selectinload(ParentLink.pupil))
    )
    return list(db.session.scalars(query))


# --- export -------------------------------------------------------------------------------


def export_rows(school_id: int) -> list[dict[str, Any]]:
    """Every current class, pupil and parent link, in the import's columns."""
    classes = db.session.scalars(
        select(ClassGroup)
        .where(ClassGroup.school_id == school_id, ClassGroup.archived_at.is_(None))
        .order_by(ClassGroup.year_group, ClassGroup.name)
    )
    rows: list[dict[str, Any]] = [{"class": g.name, "year_group": g.year_group} for g in classes]
    links = defaultdict(list)
    for link in sorted(_links(school_id), key=lambda link: link.parent.name.casefold()):
        links[link.pupil_id].append(link)
    pupils = sorted(_current_pupils(school_id), key=_export_order)
    for pupil in pupils:
        rows += [_pupil_row(pupil, link) for link in links[pupil.id]] or [_pupil_row(pupil)]
    return rows


def export_csv(actor: User, school: School) -> str:
    rows = export_rows(school.id)
    audit.record(actor, "exported", school, rows=len(rows))
    return to_csv(rows)


def _export_order(pupil: Pupil) -> tuple:
    group = pupil.class_group
    place = (0, group.year_group, group.name.casefold()) if group else (1, 0, "")
    return (*place, pupil.first_name.casefold(), pupil.surname_initial)


def _pupil_row(pupil: Pupil, link: ParentLink | None = None) -> dict[str, Any]:
    row = {
        "class": pupil.class_group.name if pupil.class_group else "",
        "year_group": pupil.year_group,
        "first_name": pupil.first_name,
        "surname_initial": pupil.surname_initial,
        "sen_stage": pupil.sen_stage,
        "avatar": pupil.avatar,
    }
    if link is not None:
        row |= {
            "parent_name": link.parent.name,
            "parent_email": link.parent.email,
            "relationship": link.relationship_label,
            "language": link.preferred_language,
            "contact": link.contact_method,
        }
    return row
