"""Which of the school's records each pupil and parent in a roster file is (it only reads).

A family must never be attached to the wrong child, so a pupil is matched only on what
tells children apart: the school's pupil reference (UPN), or a surname or date of birth
that both the file and the record have and that agree. A pupil found only by class, first
name and initial (all a record may hold, PRI-01), or by more than one record, becomes a
``Question`` for the SENCO: "the same pupil as ... or a new pupil?" — unless the file
would change nothing about them (re-importing an export must not ask about every child).
Nothing is imported until every question has an answer.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..domain.roles import PARENT
from ..domain.roster_csv import Problem, Roster, RosterRow
from ..extensions import db
from ..models import ClassGroup, ParentLink, Pupil, School, User

NEW = "new"  # the answer "a new pupil"


@dataclass
class Question:
    """A pupil in the file who may be one of ``candidates``, or nobody here yet."""

    row: int  # the pupil's first row in the file
    label: str  # the pupil as the file has them
    candidates: list[Pupil]
    why: str  # "initials_only", "differs" or "several"
    answer: str = ""  # NEW, a candidate's id, or "" while unanswered

    @property
    def field_name(self) -> str:
        return f"pupil-{self.row}"


@dataclass
class Matching:
    pupils: dict[tuple, Pupil | None] = field(default_factory=dict)  # file key -> record
    questions: list[Question] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # found by class, first name and initial alone: a question if the file changes them
    tentative: dict[tuple, RosterRow] = field(default_factory=dict)

    @property
    def unanswered(self) -> list[Question]:
        return [question for question in self.questions if not question.answer]


class Records:
    """The school's records the file talks about, loaded once."""

    def __init__(self, school: School, roster: Roster) -> None:
        self.school = school
        self.classes = {
            group.name.casefold(): group
            for group in db.session.scalars(select(ClassGroup).filter_by(school_id=school.id))
        }
        self.by_name: dict[tuple, list[Pupil]] = defaultdict(list)
        self.by_upn: dict[str, Pupil] = {}
        for pupil in _pupils(school.id):
            if pupil.upn:
                self.by_upn[pupil.upn] = pupil  # archived ones too: the reference is taken
            if pupil.archived_at is None:
                self.by_name[name_key(pupil)].append(pupil)
        emails = {row.parent.email for row in roster.rows if row.parent and row.parent.email}
        query = select(User).where(User.email.in_(emails))  # both in lower case
        self.users = {user.email: user for user in db.session.scalars(query)}
        self.links = {(link.parent_id, link.pupil_id): link for link in current_links(school.id)}

    def problems(self, roster: Roster) -> list[Problem]:
        """Rows the school's records refuse: an archived class, an address of staff."""
        found = []
        for row in roster.rows:
            group = self.classes.get(row.class_key)
            if group is not None and group.archived_at is not None:
                found.append(Problem(row.number, "class_archived", params={"name": group.name}))
            user = self.users.get(row.parent.email) if row.parent and row.parent.email else None
            if user is not None and (user.role != PARENT or user.school_id != self.school.id):
                found.append(Problem(row.number, "email_taken", "parent_email"))
            elif user is not None and user.archived_at is not None:
                found.append(Problem(row.number, "parent_archived", "parent_email"))
        return found

    def parent_by_name(self, pupil: Pupil | None, name: str) -> User | None:
        """A current parent of this pupil with this name: how a row without an address
        (a letters-only family, or a file with no e-mail column) finds its parent."""
        for link in getattr(pupil, "parent_links", None) or ():
            parent = link.parent
            if parent.archived_at is None and parent.name.casefold() == name.casefold():
                return parent
        return None


def match(records: Records, roster: Roster, answers: dict[str, str]) -> Matching:
    """Each pupil in the file: its record, None when it is new, or a question."""
    result = Matching()
    for row in _first_rows(roster):
        if row.upn and row.upn in records.by_upn:
            _by_reference(result, row, records.by_upn[row.upn])
            continue
        candidates = [
            pupil
            for pupil in records.by_name.get(row.name_key, [])
            if not (row.upn and pupil.upn)  # two references that differ: two children
        ]
        sure = [pupil for pupil in candidates if _agrees(pupil, row) == "same"]
        if len(sure) == 1:
            result.pupils[row.pupil_key] = sure[0]
        elif len(candidates) == 1 and _agrees(candidates[0], row) == "unknown":
            result.pupils[row.pupil_key] = candidates[0]
            result.tentative[row.pupil_key] = row
        elif candidates:
            _ask(result, row, sure or candidates, answers)
        else:
            result.pupils[row.pupil_key] = None
    return result


def settle(result: Matching, roster: Roster, changed: set, answers: dict[str, str]) -> bool:
    """Ask about each tentative pupil the file would change, or whose record another pupil
    of the file surely is; then check no child here is chosen for two pupils of the file.
    True when a question was added."""
    asked = False
    sure = Counter(
        pupil.id
        for key, pupil in result.pupils.items()
        if pupil is not None and key not in result.tentative
    )
    for key, row in result.tentative.items():
        if key in changed or sure[result.pupils[key].id]:  # or another row is surely them
            _ask(result, row, [result.pupils[key]], answers)
            asked = True
    result.tentative = {}
    result.questions.sort(key=lambda question: question.row)
    result.problems += _chosen_twice(result, roster)
    return asked


def _by_reference(result: Matching, row: RosterRow, pupil: Pupil) -> None:
    if pupil.archived_at is not None:
        result.problems.append(Problem(row.number, "pupil_archived", "upn"))
    elif pupil_class_key(pupil) != row.class_key:
        group = pupil.class_group.name if pupil.class_group else ""
        result.problems.append(Problem(row.number, "pupil_in_other_class", params={"name": group}))
    else:
        result.pupils[row.pupil_key] = pupil


def _agrees(pupil: Pupil, row: RosterRow) -> str:
    """ "same" when a surname or birth date on both sides agrees and nothing differs,
    "differs" when one differs, "unknown" when only the initials can be compared."""
    pairs = [
        ((pupil.surname or "").casefold(), row.surname.casefold()),
        (pupil.born_on, row.born_on),
    ]
    known = [(ours, theirs) for ours, theirs in pairs if ours and theirs]
    if any(ours != theirs for ours, theirs in known):
        return "differs"
    return "same" if known else "unknown"


def _ask(result: Matching, row: RosterRow, candidates: list[Pupil], answers: dict) -> None:
    if len(candidates) > 1:
        why = "several"
    else:
        why = "differs" if _agrees(candidates[0], row) == "differs" else "initials_only"
    question = Question(row.number, pupil_label(row), candidates, why)
    said = answers.get(question.field_name, "")
    if said == NEW or said in {str(pupil.id) for pupil in candidates}:
        question.answer = said
    result.questions.append(question)
    chosen = next((p for p in candidates if str(p.id) == question.answer), None)
    result.pupils[row.pupil_key] = chosen


def _chosen_twice(result: Matching, roster: Roster) -> list[Problem]:
    """Two pupils of the file cannot both be one child here."""
    first_rows = {row.pupil_key: row.number for row in _first_rows(roster)}
    seen: dict[int, int] = {}
    problems = []
    for key, pupil in result.pupils.items():
        if pupil is None:
            continue
        other = seen.setdefault(pupil.id, first_rows[key])
        if other != first_rows[key]:
            problems.append(Problem(first_rows[key], "same_pupil_twice", params={"other": other}))
    return problems


def _first_rows(roster: Roster) -> list[RosterRow]:
    first: dict[tuple, RosterRow] = {}
    for row in roster.rows:
        if row.pupil_key is not None:
            first.setdefault(row.pupil_key, row)
    return list(first.values())


# --- keys, labels and queries ------------------------------------------------------------


def pupil_class_key(pupil: Pupil) -> str:
    return pupil.class_group.name.casefold() if pupil.class_group else ""


def name_key(pupil: Pupil) -> tuple[str, str, str]:
    first, initial = pupil.first_name.casefold(), pupil.surname_initial.casefold()
    return (pupil_class_key(pupil), first, initial)


def pupil_label(row: RosterRow) -> str:
    """The pupil as the SENCO knows them: full surname when the file gives it."""
    name = f"{row.first_name} {row.surname or row.surname_initial + '.'}"
    return f"{name} ({row.class_name})" if row.class_name else name


def record_label(pupil: Pupil) -> str:
    name = f"{pupil.first_name} {pupil.surname or pupil.surname_initial + '.'}"
    return f"{name} ({pupil.class_group.name})" if pupil.class_group else name


def parent_label(parent: Any) -> str:
    return f"{parent.name} <{parent.email}>" if parent.email else parent.name


def label(kind: str, obj: Any) -> str:
    if kind == "class":
        return obj.name
    if kind == "pupil":
        return record_label(obj)
    if kind == "parent":
        return parent_label(obj)
    return f"{obj.parent.name} – {record_label(obj.pupil)}"


def _pupils(school_id: int) -> list[Pupil]:
    query = (
        select(Pupil)
        .where(Pupil.school_id == school_id)
        .options(
            selectinload(Pupil.class_group),
            selectinload(Pupil.parent_links).selectinload(ParentLink.parent),
        )
        .order_by(Pupil.first_name, Pupil.surname_initial, Pupil.id)
    )
    return list(db.session.scalars(query))


def current_links(school_id: int) -> list[ParentLink]:
    query = (
        select(ParentLink)
        .join(ParentLink.parent)
        .join(ParentLink.pupil)
        .where(ParentLink.school_id == school_id, User.archived_at.is_(None))
        .where(Pupil.archived_at.is_(None), User.role == PARENT)
        .options(selectinload(ParentLink.parent), selectinload(ParentLink.pupil))
    )
    return list(db.session.scalars(query))
