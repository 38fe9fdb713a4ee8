"""What a provision gives and costs in a term, and whether it works: pure arithmetic in
whole minutes and whole pence (``Decimal`` inside, never floats).

The rules, stated once:

- A provision runs its number of weeks from the start of the term, in teaching weeks (the
  half-term break is not one). A full week has its sessions a week; a part week (the
  term starts or ends mid-week) has them in proportion to its school days, to the
  nearest whole session (half up). Each pupil on it receives every session.
- A session costs its cost a session, or the hourly staff rate for its minutes.
- One-to-one (group size 1): every pupil has their own sessions and pays for them all.
- A group: the pupils on it in the term fill groups of at most its size; the cost of the
  groups that run is shared by the pupils actually on it, in whole pence that add up to
  it exactly (``share``: the pennies left over go one each to the first pupils). A
  group plan's cost can be shared between its members the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .terms import Week

PER_SESSION = "session"
PER_HOUR = "hour"
COST_KINDS = (PER_SESSION, PER_HOUR)
ENOUGH_REVIEWS = 5
ONE = Decimal(1)


def pence(amount: Decimal) -> int:
    """An amount of pence to the nearest penny, half up."""
    return int(amount.quantize(ONE, rounding=ROUND_HALF_UP))


def sessions_in(weeks: list[Week], sessions_per_week: int, how_many_weeks: int) -> int:
    """The sessions a provision runs in its first ``how_many_weeks`` teaching weeks."""
    total = 0
    for week in weeks[: max(0, how_many_weeks)]:
        if week.days >= 5:
            total += sessions_per_week
        else:
            total += pence(Decimal(sessions_per_week * week.days) / 5)
    return total


def session_cost(kind: str, amount_pence: int, minutes: int) -> Decimal:
    """One session's cost in pence, unrounded: the hourly rate gives fractions of a penny."""
    if kind == PER_HOUR:
        return Decimal(amount_pence) * minutes / 60
    return Decimal(amount_pence)


def groups_needed(pupils: int, group_size: int) -> int:
    """How many groups of at most ``group_size`` the pupils fill."""
    size = max(1, group_size)
    return -(-pupils // size)


def share(total: int, how_many: int) -> list[int]:
    """``total`` pence shared by ``how_many`` as equally as whole pence allow (largest
    remainder: the pennies left over go one each to the first). Sums to ``total``."""
    if how_many <= 0:
        return []
    base, left = divmod(total, how_many)
    return [base + (1 if i < left else 0) for i in range(how_many)]


@dataclass(frozen=True)
class TermCost:
    """A provision over a term: sessions, minutes each pupil receives, and the cost of each
    pupil on it (in the order given), which add up to ``total_pence``."""

    sessions: int
    minutes_each: int
    shares: list[int]

    @property
    def total_pence(self) -> int:
        return sum(self.shares)


def term_cost(
    weeks: list[Week],
    *,
    pupils: int,
    group_size: int,
    sessions_per_week: int,
    minutes_per_session: int,
    how_many_weeks: int,
    cost_kind: str,
    cost_pence: int,
) -> TermCost:
    sessions = sessions_in(weeks, sessions_per_week, how_many_weeks)
    each = session_cost(cost_kind, cost_pence, minutes_per_session) * sessions
    if group_size <= 1:
        shares = [pence(each)] * pupils
    else:
        shares = share(pence(each * groups_needed(pupils, group_size)), pupils)
    return TermCost(sessions, sessions * minutes_per_session, shares)


@dataclass(frozen=True)
class Outcomes:
    """How a provision's targets ended at their last reviews."""

    achieved: int
    partly: int
    not_yet: int
    cost_pence: int

    @property
    def reviewed(self) -> int:
        return self.achieved + self.partly + self.not_yet

    @property
    def enough(self) -> bool:
        return self.reviewed >= ENOUGH_REVIEWS

    @property
    def cost_per_achieved_pence(self) -> int | None:
        """The cost over the targets achieved; None with too few reviews or none achieved."""
        if not self.enough or not self.achieved:
            return None
        return pence(Decimal(self.cost_pence) / self.achieved)


def outcomes(found: list[str | None], cost_pence: int) -> Outcomes:
    """Count the outcomes (None: not reviewed yet, not counted)."""
    return Outcomes(
        found.count("achieved"), found.count("partly"), found.count("not_yet"), cost_pence
    )


def hours_and_minutes(minutes: int) -> tuple[int, int]:
    return divmod(minutes, 60)


def money(pence_: int) -> str:
    """Pence as pounds for a page or a CSV: 123456 -> "1234.56" (exact)."""
    sign = "-" if pence_ < 0 else ""
    pounds, left = divmod(abs(pence_), 100)
    return f"{sign}{pounds}.{left:02d}"
