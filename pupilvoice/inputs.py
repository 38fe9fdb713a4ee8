"""Input checked at the edge, once: ids in URLs and query strings within the database's
integer range, and no control characters in query strings (REL-05)."""

from __future__ import annotations

from flask import abort, request
from werkzeug.routing import IntegerConverter

from .domain.text import has_control_characters

# The largest id every database we run on can hold (PostgreSQL's integer).
MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """``<int:...>`` in every route: ASCII digits from 1 to MAX_ID, else the route does not
    match (404), so no view ever asks the database for an id it cannot hold."""

    regex = r"[0-9]{1,10}"

    def __init__(self, map, fixed_digits=0, min=1, max=MAX_ID, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def int_arg(name: str, low: int = 1, high: int = MAX_ID) -> int | None:
    """A whole number from the query string, or None when it is absent, not plain ASCII
    digits (``²`` passes str.isdigit but not int), or outside ``low``..``high``."""
    value = request.args.get(name, "")
    if not (value.isascii() and value.isdigit()) or len(value) > len(str(high)):
        return None
    number = int(value)
    return number if low <= number <= high else None


def refuse_control_characters() -> None:
    """Before every request: a query string holding NUL or another control character is
    a bad request (400), not something to search the database with."""
    for values in request.args.listvalues():
        if any(has_control_characters(value) for value in values):
            abort(400)
