"""Versions of a plan as plain data: what changed between two, which fields of a stale
save clash with someone else's (REL-02), and a hash of the text parents confirm (REL-03).

A snapshot is ``{"plan": {field: value}, "targets": {"<id>": {field: value}}}`` with
JSON values only (dates as ISO strings); a target's ``archived`` says it left the plan.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

Snapshot = Mapping[str, Any]


def plain(value: Any) -> Any:
    """A value as it is kept in a snapshot: dates as "2027-03-14", the rest as they are."""
    return value.isoformat() if isinstance(value, date) else value


def text_hash(snapshot: Snapshot) -> str:
    """SHA-256 of the plan's text and its active targets: what a sign-off is tied to.
    The plan's status is not in a snapshot: it is where the plan is, not what it says."""
    targets = {k: t for k, t in snapshot["targets"].items() if not t.get("archived")}
    content = {"plan": snapshot["plan"], "targets": targets}
    text = json.dumps(content, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Change:
    """One field that differs between two versions; ``target`` is None for the plan."""

    target: str | None
    field: str
    before: Any
    after: Any


def _field_changes(target: str | None, old: Mapping, new: Mapping) -> list[Change]:
    names = list(new) + [name for name in old if name not in new]
    return [
        Change(target, name, old.get(name), new.get(name))
        for name in names
        if old.get(name) != new.get(name) and (old.get(name) or new.get(name))
    ]


def changes(old: Snapshot, new: Snapshot) -> list[Change]:
    """What changed from ``old`` to ``new``: the plan's fields first, then each target."""
    found = _field_changes(None, old.get("plan", {}), new.get("plan", {}))
    old_targets, new_targets = old.get("targets", {}), new.get("targets", {})
    for key in list(new_targets) + [k for k in old_targets if k not in new_targets]:
        found += _field_changes(key, old_targets.get(key, {}), new_targets.get(key, {}))
    return found


@dataclass(frozen=True)
class Clash:
    """A field where this save and the current version differ. ``keep`` is the choice
    offered first: theirs when this person did not change the field, else mine."""

    field: str
    mine: Any
    theirs: Any
    keep: str  # "mine" or "theirs"


def clashes(base: Mapping, theirs: Mapping, mine: Mapping) -> list[Clash]:
    """The fields to settle before a save made from ``base`` can land on ``theirs``.

    Empty when nobody else changed any of these fields since ``base`` (the save can go
    ahead as it is). Otherwise every field where ``mine`` and ``theirs`` differ: fields
    only they changed are offered as theirs, anything this person changed as mine.
    """
    if all(theirs.get(name) == base.get(name) for name in mine):
        return []
    return [
        Clash(name, value, theirs.get(name), "theirs" if value == base.get(name) else "mine")
        for name, value in mine.items()
        if value != theirs.get(name)
    ]


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """The words of ``before`` and ``after`` as ("same" | "del" | "ins", words) runs."""
    old, new = str(before or "").split(), str(after or "").split()
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("same", " ".join(old[a1:a2])))
            continue
        if a2 > a1:
            runs.append(("del", " ".join(old[a1:a2])))
        if b2 > b1:
            runs.append(("ins", " ".join(new[b1:b2])))
    return runs
