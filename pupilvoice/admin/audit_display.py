"""The audit log in words (REL-06): who (a name), what happened (plain words) and which
record (a pupil's, a person's or a class's name), for one page of events at a time.

Names are looked up with one query per kind of record on the page, never per row, and only
within the SENCO's school; a record erased since shows as its kind alone."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select

from ..audit_labels import PROXY, action_label, detail_label, kind_label
from ..extensions import db
from ..i18n import gettext as _
from ..models import (
    AuditEvent,
    ClassGroup,
    Device,
    ParentLink,
    Plan,
    Proposal,
    Pupil,
    Recording,
    School,
    SelfRating,
    Sort,
    SortChoice,
    TopicCard,
    User,
    Worry,
)
from ..voice_labels import card_word

# Detail keys that hold a person's id: shown as their name.
PUPIL_KEYS = ("pupil", "pupil_id")
PARENT_KEYS = ("parent", "parent_id")


@dataclass(frozen=True)
class EventLine:
    event: AuditEvent
    who: str
    who_role: str
    what: str
    record: str  # the kind of record
    record_name: str | None  # whose, or its name
    details: list[tuple[str, str]]


def _pupil_names(ids: Iterable[int], school_id: int) -> dict[int, str]:
    query = select(Pupil).where(Pupil.id.in_(set(ids)), Pupil.school_id == school_id)
    return {p.id: p.display_name for p in db.session.execute(query).scalars()}


def _user_names(ids: Iterable[int], school_id: int) -> dict[int, str]:
    query = select(User.id, User.name).where(User.id.in_(set(ids)), User.school_id == school_id)
    return dict(db.session.execute(query).all())


def _by_pupil(model) -> Callable[[set[int], int], dict[int, str]]:
    """Records of a pupil's voice: named by the pupil."""

    def names(ids: set[int], school_id: int) -> dict[int, str]:
        rows = db.session.execute(select(model.id, model.pupil_id).where(model.id.in_(ids)))
        pupils = dict(rows.all())
        found = _pupil_names(pupils.values(), school_id)
        return {i: found[p] for i, p in pupils.items() if p in found}

    return names


def _sort_choices(ids: set[int], school_id: int) -> dict[int, str]:
    query = select(SortChoice.id, Sort.pupil_id).join(Sort).where(SortChoice.id.in_(ids))
    pupils = dict(db.session.execute(query).all())
    found = _pupil_names(pupils.values(), school_id)
    return {i: found[p] for i, p in pupils.items() if p in found}


def _plans(ids: set[int], school_id: int) -> dict[int, str]:
    query = select(Plan).where(Plan.id.in_(ids), Plan.school_id == school_id)
    plans = list(db.session.execute(query).scalars())
    pupils = _pupil_names((p.pupil_id for p in plans), school_id)
    return {
        p.id: _("%(name)s, %(term)s", name=pupils.get(p.pupil_id, "—"), term=p.term_label)
        for p in plans
    }


def _links(ids: set[int], school_id: int) -> dict[int, str]:
    query = select(ParentLink).where(ParentLink.id.in_(ids), ParentLink.school_id == school_id)
    links = list(db.session.execute(query).scalars())
    parents = _user_names((link.parent_id for link in links), school_id)
    pupils = _pupil_names((link.pupil_id for link in links), school_id)
    return {
        link.id: f"{parents.get(link.parent_id, '—')} – {pupils.get(link.pupil_id, '—')}"
        for link in links
    }


def _named(model, name: Callable) -> Callable[[set[int], int], dict[int, str]]:
    def names(ids: set[int], school_id: int) -> dict[int, str]:
        query = select(model).where(model.id.in_(ids))
        if hasattr(model, "school_id"):
            query = query.where(model.school_id == school_id)
        elif model is School:
            query = query.where(School.id == school_id)
        return {row.id: name(row) for row in db.session.execute(query).scalars()}

    return names


NAMERS: dict[str, Callable[[set[int], int], dict[int, str]]] = {
    "Pupil": _pupil_names,
    "User": _user_names,
    "Plan": _plans,
    "ParentLink": _links,
    "ClassGroup": _named(ClassGroup, lambda c: c.name),
    "School": _named(School, lambda s: s.name),
    "Device": _named(Device, lambda d: d.name),
    "TopicCard": _named(TopicCard, card_word),
    "Sort": _by_pupil(Sort),
    "SortChoice": _sort_choices,
    "Proposal": _by_pupil(Proposal),
    "SelfRating": _by_pupil(SelfRating),
    "Worry": _by_pupil(Worry),
    "Recording": _by_pupil(Recording),
}


def _kind(event: AuditEvent) -> str:
    """An event written before the proxy fix is about the person who did it."""
    if event.object_type != PROXY:
        return event.object_type
    return "Pupil" if event.actor_pupil_id else "User"


def _names(events: list[AuditEvent], school_id: int) -> dict[tuple[str, int], str]:
    wanted: dict[str, set[int]] = defaultdict(set)
    for event in events:
        if event.object_id:
            wanted[_kind(event)].add(event.object_id)
        for key, value in (event.detail or {}).items():
            if isinstance(value, int) and key in PUPIL_KEYS:
                wanted["Pupil"].add(value)
            elif isinstance(value, int) and key in PARENT_KEYS:
                wanted["User"].add(value)
    names = {}
    for kind, ids in wanted.items():
        if kind in NAMERS:
            names |= {(kind, i): n for i, n in NAMERS[kind](ids, school_id).items()}
    return names


def _record(event: AuditEvent, names: dict) -> tuple[str, str | None]:
    kind = _kind(event)
    return kind_label(kind), names.get((kind, event.object_id))


def _details(event: AuditEvent, names: dict) -> list[tuple[str, str]]:
    """Details as "Pupil: Sam T."; other keys as the log keeps them."""
    shown = []
    for key, value in (event.detail or {}).items():
        if key in PUPIL_KEYS and ("Pupil", value) in names:
            shown.append((_("Pupil"), names[("Pupil", value)]))
        elif key in PARENT_KEYS and ("User", value) in names:
            shown.append((_("Parent"), names[("User", value)]))
        else:
            words = ", ".join(map(str, value)) if isinstance(value, list) else value
            shown.append((detail_label(key), words))
    return shown


def lines(rows: list[tuple], school_id: int) -> list[EventLine]:
    """(event, actor user, actor pupil) rows as the page shows them."""
    names = _names([row[0] for row in rows], school_id)
    found = []
    for event, actor, pupil in rows:
        who = actor.name if actor else pupil.display_name if pupil else "—"
        role = actor.role if actor else "pupil" if pupil else ""
        what = action_label(event.action)
        found.append(
            EventLine(event, who, role, what, *_record(event, names), _details(event, names))
        )
    return found
