"""REL-06: every action code the app writes to the audit log has plain words (issue 13,
item 16). The codes are read from the source: each call of the functions that write an
event (``audit.record`` and the plan helpers that pass a code on), with their defaults."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pupilvoice
from pupilvoice.audit_labels import ACTION_LABELS, KIND_LABELS
from pupilvoice.services import plans
from pupilvoice.staff import plan_display

SOURCE = Path(pupilvoice.__file__).parent
# function name -> which positional argument is the action code
WRITERS = {"record": 1, "record_row": 1, "saved": 2, "record_read": 2, "audited_read": 2}
# plan_notices writes f"plan_{kind}_mailed" for each kind of notice it sends
NOTICE_KINDS = ("shared", "changed", "reminder")


def _codes(node: ast.expr, where: str) -> set[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _codes(node.body, where) | _codes(node.orelse, where)
    if isinstance(node, ast.JoinedStr) and ast.unparse(node) == "f'plan_{notice.kind}_mailed'":
        return {f"plan_{kind}_mailed" for kind in NOTICE_KINDS}
    if isinstance(node, ast.Name) and node.id in {"change", "what"}:
        return set()  # a parameter passed on: its callers are read instead
    raise AssertionError(f"{where}: an action code the test cannot read: {ast.unparse(node)}")


def written_codes() -> set[str]:
    found = set()
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            at = WRITERS.get(name)
            if at is not None and len(node.args) > at:
                found |= _codes(node.args[at], f"{path.name}:{node.lineno}")
    for function in (plans.record_read, plan_display.audited_read):
        found.add(inspect.signature(function).parameters["what"].default)
    return found


def test_rel06_every_action_code_the_app_writes_has_plain_words():
    codes = written_codes()
    assert len(codes) > 60  # the scan finds the calls
    assert codes - set(ACTION_LABELS) == set()


def test_rel06_every_label_is_a_code_the_app_writes():
    """No filter choice that can never match an event."""
    assert set(ACTION_LABELS) - written_codes() == set()


def test_rel06_the_kinds_are_the_models_the_log_is_about():
    from pupilvoice.extensions import db

    models = {mapper.class_.__name__ for mapper in db.Model.registry.mappers}
    assert set(KIND_LABELS) <= models
