"""A school's glossary as the SENCO edits it: one "school word = plain words" a line."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

MAX_TERM = 60
MAX_PLAIN = 200
MAX_TERMS = 500


@dataclass(frozen=True)
class LineProblem:
    """``code``: "no-equals", "empty", "too-long", "repeated" or "too-many"."""

    line: int
    code: str


def as_text(glossary: Mapping[str, str]) -> str:
    return "\n".join(f"{term} = {plain}" for term, plain in glossary.items())


def parse(text: str) -> tuple[dict[str, str], list[LineProblem]]:
    """The terms in ``text`` and the problems with its lines (blank lines are skipped)."""
    terms: dict[str, str] = {}
    seen: set[str] = set()
    problems: list[LineProblem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        term, equals, plain = (" ".join(part.split()) for part in line.partition("="))
        code = _line_problem(term, equals, plain, seen)
        if code:
            problems.append(LineProblem(number, code))
            continue
        seen.add(term.casefold())
        terms[term] = plain
    if len(terms) > MAX_TERMS:
        problems.append(LineProblem(0, "too-many"))
    return terms, problems


def _line_problem(term: str, equals: str, plain: str, seen: set[str]) -> str | None:
    if not equals:
        return "no-equals"
    if not term or not plain:
        return "empty"
    if len(term) > MAX_TERM or len(plain) > MAX_PLAIN:
        return "too-long"
    if term.casefold() in seen:
        return "repeated"
    return None
