"""A term's provision map from plain rows: who receives which provision, the minutes and
pence of each, and the totals per pupil, per provision, per class and for the school.

Every total is a sum of the rows it heads (whole minutes, whole pence), so the page and
the CSV agree to the penny. Pure: the service hands in what it read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .provision_costs import Outcomes, outcomes, term_cost
from .terms import Term, teaching_weeks


@dataclass(frozen=True)
class Offer:
    """A catalogue provision's numbers."""

    id: int
    name: str
    group_size: int
    sessions_per_week: int
    minutes_per_session: int
    weeks: int
    cost_kind: str
    cost_pence: int


@dataclass(frozen=True)
class Place:
    """A pupil's target on a provision in the term (one per target); ``group_id``: the
    group plan whose common target it is, if any."""

    provision_id: int
    pupil_id: int
    pupil_name: str
    class_id: int | None
    class_name: str
    outcome: str | None
    group_id: int | None = None


@dataclass(frozen=True)
class Row:
    pupil_id: int
    pupil_name: str
    class_id: int | None
    class_name: str
    provision_id: int
    provision_name: str
    minutes: int
    pence: int


@dataclass(frozen=True)
class Total:
    label: str
    pupils: int
    minutes: int
    pence: int


@dataclass
class ProvisionMap:
    rows: list[Row]
    by_pupil: list[Total] = field(default_factory=list)
    by_provision: list[Total] = field(default_factory=list)
    by_class: list[Total] = field(default_factory=list)
    outcomes: list[tuple[str, Outcomes]] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        return sum(row.minutes for row in self.rows)

    @property
    def pence(self) -> int:
        return sum(row.pence for row in self.rows)


def cohorts(places: Iterable[Place]) -> list[list[Place]]:
    """The pupils on one provision by who is taught together, each pupil once: a group
    plan's members are a cohort of their own (the groups they fill cost what they cost,
    shared by them); everyone else on it is one pool. A pupil on it both through a group
    and on their own counts in the group."""
    ordered = sorted(places, key=lambda p: (p.group_id is None, p.group_id or 0, p.pupil_id))
    first: dict[int, Place] = {}
    for place in ordered:
        first.setdefault(place.pupil_id, place)
    found: dict[int | None, list[Place]] = defaultdict(list)
    for place in first.values():
        found[place.group_id].append(place)
    return list(found.values())


def _rows(term: Term, offers: list[Offer], places: list[Place]) -> list[Row]:
    weeks = teaching_weeks(term)
    on: dict[int, list[Place]] = defaultdict(list)
    for place in places:
        on[place.provision_id].append(place)
    rows = []
    for offer in offers:
        for pupils in cohorts(on.get(offer.id, [])):
            rows += _cohort_rows(weeks, offer, pupils)
    return rows


def _cohort_rows(weeks, offer: Offer, pupils: list[Place]) -> list[Row]:
    cost = term_cost(
        weeks,
        pupils=len(pupils),
        group_size=offer.group_size,
        sessions_per_week=offer.sessions_per_week,
        minutes_per_session=offer.minutes_per_session,
        how_many_weeks=offer.weeks,
        cost_kind=offer.cost_kind,
        cost_pence=offer.cost_pence,
    )
    return [
        Row(
            p.pupil_id,
            p.pupil_name,
            p.class_id,
            p.class_name,
            offer.id,
            offer.name,
            cost.minutes_each,
            share,
        )
        for p, share in zip(pupils, cost.shares, strict=True)
    ]


def _totals(rows: Iterable[Row], key, label) -> list[Total]:
    groups: dict = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    return [
        Total(
            label(found[0]),
            len({r.pupil_id for r in found}),
            sum(r.minutes for r in found),
            sum(r.pence for r in found),
        )
        for found in groups.values()
    ]


def build(
    term: Term, offers: list[Offer], places: list[Place], class_id: int | None = None
) -> ProvisionMap:
    """The map for the whole school, or for one class (its pupils' rows; a group's cost
    is still shared by every pupil on it, in any class)."""
    rows = _rows(term, offers, places)
    if class_id is not None:
        rows = [row for row in rows if row.class_id == class_id]
    rows.sort(
        key=lambda r: (
            r.class_name.casefold(),
            r.pupil_name.casefold(),
            r.pupil_id,
            r.provision_name.casefold(),
        )
    )
    found = ProvisionMap(rows)
    found.by_pupil = _totals(rows, lambda r: r.pupil_id, lambda r: r.pupil_name)
    by_provision = sorted(rows, key=lambda r: (r.provision_name.casefold(), r.provision_id))
    found.by_provision = _totals(by_provision, lambda r: r.provision_id, lambda r: r.provision_name)
    found.by_class = _totals(rows, lambda r: r.class_id, lambda r: r.class_name)
    if class_id is None:
        found.outcomes = _outcomes(offers, places, found.by_provision, by_provision)
    return found


def _outcomes(offers, places, totals, rows) -> list[tuple[str, Outcomes]]:
    cost = defaultdict(int)
    for row in rows:
        cost[row.provision_id] += row.pence
    results = defaultdict(list)
    for place in places:
        results[place.provision_id].append(place.outcome)
    return [(offer.name, outcomes(results[offer.id], cost[offer.id])) for offer in offers]
