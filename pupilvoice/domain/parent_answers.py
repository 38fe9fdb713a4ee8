"""What parents say about a plan, as plain data: the answers they can give, which targets
still need an answer from them, and when every parent has confirmed (REL-03, REL-04).

Each answer to a target is tied to a hash of the words the parent read for that target
(``target_hash``). When staff change those words, the hash changes, so that target needs
confirming again; targets nobody changed keep their answer. "Confirm" is the word parents
see ("I agree", "I agree, and I'd like to add…"); "I'd like to talk about this" is an
answer too, but it does not confirm the target.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# What staff translate, and the hash a translation keeps (they live in .translations).
from .translations import (  # noqa: F401
    TRANSLATABLE_PLAN_FIELDS,
    TRANSLATABLE_TARGET_FIELDS,
    source_hash,
)

AGREE = "agree"
AGREE_ADD = "agree_add"
TALK = "talk"
TARGET_ANSWERS = (AGREE, AGREE_ADD, TALK)
CONFIRMING = frozenset({AGREE, AGREE_ADD})

HOME_HELP = "home_help"  # "What helps at home"
CHILD_SAID = "child_said"  # "What my child has told me"
PLAN_NOTES = (HOME_HELP, CHILD_SAID)

ONLINE = "online"
OFFLINE_METHODS = ("paper", "phone", "meeting")  # staff record these for the family
METHODS = (ONLINE, *OFFLINE_METHODS)

MAX_COMMENT = 1000

# The words of a target a parent reads, in the order they read them. A change to any of
# these asks the parent to confirm the target again; costs, outcomes and evidence do not,
# nor the pupil's child-friendly words (``child_text``), which no family page or copy shows.
PARENT_FIELDS = (
    "area",
    "smart_text",
    "pupil_words",
    "baseline",
    "success_criteria",
    "strategies",
    "provider",
    "group_size",
    "sessions_per_week",
    "minutes_per_session",
    "weeks",
    "location",
    "target_on",
    "home_text",
)

# Where a target stands for one parent.
UNANSWERED = "unanswered"
ANSWERED = "answered"
CHANGED = "changed"  # answered, but the words changed since: please confirm again


def parents_read(changed: Iterable[str]) -> bool:
    """True when a change to these target fields touches words parents read."""
    return any(name in PARENT_FIELDS for name in changed)


# What parents read of the plan itself (the family page and copy show these).
PARENT_PLAN_FIELDS = ("term_label", "review_on", "pupil_views", "home_help")


def reads_the_same(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """True when two kept versions of a plan (snapshots) read the same to parents: the
    same active targets with the same words, and the same plan words. An answer sent from
    the older page may then be saved against the newer version."""

    def shown(snapshot: Mapping[str, Any]) -> tuple:
        plan = snapshot.get("plan", {})
        targets = {
            key: target_hash(fields)
            for key, fields in snapshot.get("targets", {}).items()
            if not fields.get("archived")
        }
        return tuple(_plain(plan.get(name)) for name in PARENT_PLAN_FIELDS), targets

    return shown(old) == shown(new)


def target_hash(fields: Mapping[str, Any]) -> str:
    """SHA-256 of what a parent reads for one target (dates as ISO strings)."""
    shown = {name: _plain(fields.get(name)) for name in PARENT_FIELDS}
    text = json.dumps(shown, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return "" if value is None else value


@dataclass(frozen=True)
class Answer:
    """One parent's answer to one target (or note on the plan), as stored."""

    kind: str
    comment: str = ""
    target_hash: str | None = None


def target_state(latest: Answer | None, current_hash: str) -> str:
    """Has this parent answered the target as it reads now?"""
    if latest is None:
        return UNANSWERED
    return ANSWERED if latest.target_hash == current_hash else CHANGED


def confirms(latest: Answer | None, current_hash: str) -> bool:
    """True when the parent's latest answer agrees to the target as it reads now."""
    return target_state(latest, current_hash) == ANSWERED and latest.kind in CONFIRMING


def confirmed_all(targets: Mapping[Any, str], latest: Mapping[Any, Answer]) -> bool:
    """True when one parent's latest answers confirm every target (``targets``: key → hash)."""
    return bool(targets) and all(confirms(latest.get(key), h) for key, h in targets.items())


def everyone_confirmed(
    targets: Mapping[Any, str], answers_by_parent: Iterable[Mapping[Any, Answer]]
) -> bool:
    """True when there is at least one parent and every parent has confirmed every target."""
    parents = list(answers_by_parent)
    return bool(parents) and all(confirmed_all(targets, latest) for latest in parents)


def is_repeat(latest: Answer | None, new: Answer) -> bool:
    """True when ``new`` says exactly what the latest answer already says: a double tap or a
    resubmitted page, which must not add a row to the history (REL-04)."""
    return latest is not None and (latest.kind, latest.comment.strip(), latest.target_hash) == (
        new.kind,
        new.comment.strip(),
        new.target_hash,
    )
