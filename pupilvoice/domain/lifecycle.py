"""Plan life-cycle: the status a plan moves to on each event, and what each status allows.

::

                share                  parent_confirmed_all
      draft ───────────► shared ──────────────────────────────► agreed
      │  ▲                 │                                     │
      └──┘                 │ targets_changed     targets_changed │
  targets_changed          ▼                                     │
    (still a draft)   needs_confirming ◄─────────────────────────┘
                           │  ▲   │
                           │  └───┘ targets_changed (still needs confirming)
                           └──── parent_confirmed_all ───► agreed

      shared, agreed or needs_confirming ── start_review ──► in_review ── close ──► closed

Events:

- ``share``: staff send a draft to the pupil's parents.
- ``targets_changed``: staff change the targets. Once parents have the plan, any change
  means they must confirm the new version ("needs confirming again"); the service that
  saves the change tells them what changed. In a draft it changes nothing.
- ``parent_confirmed_all``: every linked parent has confirmed every target of the current
  version (on line, or recorded by staff from paper, phone or a meeting).
- ``start_review``: the review begins, when staff start it or, through the daily
  ``flask reviews-due``, when the review date comes. It may start before parents have
  answered: the review happens on time whether or not the plan came back.
- ``close``: the review is recorded. A closed plan is final; the next plan is a new plan
  that carries forward what continues, so there is no "reopen".

Statuses are plain strings so they can be stored and translated as they are.
"""

from __future__ import annotations

DRAFT = "draft"
SHARED = "shared"
AGREED = "agreed"
NEEDS_CONFIRMING = "needs_confirming"
IN_REVIEW = "in_review"
CLOSED = "closed"
STATUSES = (DRAFT, SHARED, AGREED, NEEDS_CONFIRMING, IN_REVIEW, CLOSED)

SHARE = "share"
TARGETS_CHANGED = "targets_changed"
PARENT_CONFIRMED_ALL = "parent_confirmed_all"
START_REVIEW = "start_review"
CLOSE = "close"
EVENTS = (SHARE, TARGETS_CHANGED, PARENT_CONFIRMED_ALL, START_REVIEW, CLOSE)

_NEXT: dict[str, dict[str, str]] = {
    DRAFT: {SHARE: SHARED, TARGETS_CHANGED: DRAFT},
    SHARED: {
        TARGETS_CHANGED: NEEDS_CONFIRMING,
        PARENT_CONFIRMED_ALL: AGREED,
        START_REVIEW: IN_REVIEW,
    },
    NEEDS_CONFIRMING: {
        TARGETS_CHANGED: NEEDS_CONFIRMING,
        PARENT_CONFIRMED_ALL: AGREED,
        START_REVIEW: IN_REVIEW,
    },
    AGREED: {TARGETS_CHANGED: NEEDS_CONFIRMING, START_REVIEW: IN_REVIEW},
    IN_REVIEW: {CLOSE: CLOSED},
    CLOSED: {},
}

_EDITABLE = frozenset({DRAFT, SHARED, NEEDS_CONFIRMING, AGREED})
_AWAITING_PARENTS = frozenset({SHARED, NEEDS_CONFIRMING})


class LifecycleError(ValueError):
    """A move the life-cycle does not allow, or a status or event it does not know."""


def _known(status: str) -> dict[str, str]:
    if status not in _NEXT:
        raise LifecycleError(f"Unknown plan status {status!r}.")
    return _NEXT[status]


def allowed_transitions(status: str) -> set[str]:
    """The events that may happen to a plan in ``status`` (e.g. which buttons to show)."""
    return set(_known(status))


def next_status(status: str, event: str) -> str:
    """The status after ``event``; raises LifecycleError for a move that is not allowed."""
    moves = _known(status)
    if event not in EVENTS:
        raise LifecycleError(f"Unknown plan event {event!r}.")
    if event not in moves:
        allowed = ", ".join(sorted(moves)) or "nothing: it is final"
        raise LifecycleError(
            f"A plan that is {status.replace('_', ' ')} cannot take {event!r}; "
            f"it can take {allowed}."
        )
    return moves[event]


def is_editable(status: str) -> bool:
    """True while staff may change the plan's targets and wording.

    After sharing, a change is allowed but sends the plan to needs_confirming (see
    ``next_status(status, "targets_changed")``). In review only outcomes are recorded.
    """
    _known(status)
    return status in _EDITABLE


def can_record_outcomes(status: str) -> bool:
    """True while the review is open: staff record achieved / partly / not yet."""
    _known(status)
    return status == IN_REVIEW


def needs_signoff(status: str) -> bool:
    """True while parents are being asked to confirm the current version."""
    _known(status)
    return status in _AWAITING_PARENTS
