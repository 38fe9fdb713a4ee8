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

      agreed ── parent_linked ──► shared   (shared and needs_confirming stay as they are)

Events:

- ``share``: staff send a draft to the pupil's parents.
- ``targets_changed``: staff change the targets. Once parents have the plan, any change
  parents read means they must confirm the new version ("needs confirming again"); the
  service that saves the change tells them what changed. In a draft it changes nothing. A
  change parents never read (the pupil's child-friendly words, a cost) is a new version
  but not this event: the plan stays where it is (``after_change``).
- ``parent_linked``: a parent or carer is linked to the pupil after the plan went to the
  family. They are asked too, so an agreed plan waits for them again ("shared"); the
  answers the others gave stand. A draft has gone to nobody yet, and a plan in review is
  past asking: linking a parent changes nothing there (``after_parent_linked``).
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
PARENT_LINKED = "parent_linked"
EVENTS = (SHARE, TARGETS_CHANGED, PARENT_CONFIRMED_ALL, START_REVIEW, CLOSE, PARENT_LINKED)

_NEXT: dict[str, dict[str, str]] = {
    DRAFT: {SHARE: SHARED, TARGETS_CHANGED: DRAFT},
    SHARED: {
        TARGETS_CHANGED: NEEDS_CONFIRMING,
        PARENT_CONFIRMED_ALL: AGREED,
        START_REVIEW: IN_REVIEW,
        PARENT_LINKED: SHARED,
    },
    NEEDS_CONFIRMING: {
        TARGETS_CHANGED: NEEDS_CONFIRMING,
        PARENT_CONFIRMED_ALL: AGREED,
        START_REVIEW: IN_REVIEW,
        PARENT_LINKED: NEEDS_CONFIRMING,
    },
    AGREED: {TARGETS_CHANGED: NEEDS_CONFIRMING, START_REVIEW: IN_REVIEW, PARENT_LINKED: SHARED},
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


def after_change(status: str, parents_read_it: bool) -> str:
    """The status after staff change a target: ``targets_changed`` when the change is in
    words parents read, else the status it had (a new version nobody is asked about)."""
    if parents_read_it:
        return next_status(status, TARGETS_CHANGED)
    _known(status)
    return status


def asks_new_parent(status: str) -> bool:
    """True when a parent linked now must be sent the plan and asked to confirm it."""
    return PARENT_LINKED in _known(status)


def after_parent_linked(status: str) -> str:
    """The status once a new parent is linked to the pupil (unchanged where they are not
    asked: a draft, a plan in review, a closed one)."""
    return next_status(status, PARENT_LINKED) if asks_new_parent(status) else status
