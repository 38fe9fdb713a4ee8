"""Where the marks of a target's time line go: evidence and the pupil's faces on one line
from the plan's start (the baseline) to its review (the success criterion). Pure: the
template draws an inline SVG from these numbers, so no chart library or script is needed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

# The picture's own units (its viewBox); the page scales it to fit.
WIDTH, HEIGHT = 320, 112
LEFT, RIGHT = 14, WIDTH - 14
GOAL_Y, BASE_Y = 10, 62  # the whole total at the top, none of it on the base line
NOTE_Y = 78  # evidence without a number
FACE_Y = 98  # the pupil's faces

MEASURE, NOTE, FACE = "measure", "note", "face"


@dataclass(frozen=True)
class Mark:
    kind: str  # measure / note / face
    on: date
    x: float
    y: float
    measured: int | None = None
    out_of: int | None = None
    level: int | None = None  # a face: 1 not yet, 2 getting there, 3 I can do it


@dataclass(frozen=True)
class Timeline:
    starts_on: date
    ends_on: date
    marks: tuple[Mark, ...]

    @property
    def empty(self) -> bool:
        return not self.marks

    @property
    def measures(self) -> tuple[Mark, ...]:
        return tuple(m for m in self.marks if m.kind == MEASURE)

    @property
    def line(self) -> str:
        """The measured marks joined in date order, as SVG polyline points."""
        return " ".join(f"{m.x:g},{m.y:g}" for m in self.measures)


def _share(measured: int, out_of: int) -> float:
    return min(max(measured / out_of, 0.0), 1.0) if out_of > 0 else 0.0


def _span(starts_on: date | None, ends_on: date | None, days: list[date]) -> tuple[date, date]:
    """The plan's dates, widened to take in anything recorded outside them."""
    first = min([starts_on, *days] if starts_on else days)
    last = max([ends_on, *days] if ends_on else days)
    return first, max(first, last)


def build(
    starts_on: date | None,
    ends_on: date | None,
    evidence: Iterable[tuple[date, int | None, int | None]],
    faces: Iterable[tuple[date, int]],
    rtl: bool = False,
) -> Timeline | None:
    """The time line of (day, measured, out_of) evidence and (day, level) faces, oldest
    first; right to left (the start on the right) when ``rtl``. None with no dates at all."""
    evidence, faces = list(evidence), list(faces)
    days = [e[0] for e in evidence] + [f[0] for f in faces]
    if not days and not (starts_on and ends_on):
        return None
    first, last = _span(starts_on, ends_on, days)
    length = (last - first).days

    def x(day: date) -> float:
        share = (day - first).days / length if length else 0.5
        place = LEFT + share * (RIGHT - LEFT)
        return round(WIDTH - place if rtl else place, 1)

    marks = [_evidence_mark(day, measured, out_of, x(day)) for day, measured, out_of in evidence]
    marks += [Mark(FACE, day, x(day), FACE_Y, level=level) for day, level in faces]
    marks.sort(key=lambda m: (m.on, m.kind != MEASURE))
    return Timeline(first, last, tuple(marks))


def _evidence_mark(day: date, measured: int | None, out_of: int | None, x: float) -> Mark:
    if measured is None or not out_of:
        return Mark(NOTE, day, x, NOTE_Y)
    y = round(BASE_Y - _share(measured, out_of) * (BASE_Y - GOAL_Y), 1)
    return Mark(MEASURE, day, x, y, measured=measured, out_of=out_of)
