"""Password policy (SEC-03): long enough, not common, no composition rules."""

from __future__ import annotations

from functools import cache
from pathlib import Path

MIN_LENGTH = 12
MAX_LENGTH = 256
_LIST = Path(__file__).parent / "data" / "common_passwords.txt"


@cache
def _common() -> frozenset[str]:
    lines = _LIST.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line and not line.startswith("#"))


def password_problem(password: str, *, email: str = "", name: str = "") -> str | None:
    """Return a code for what is wrong with a new password, or None when it is fine.

    Codes: "too-short", "too-long", "common", "personal".
    """
    if len(password) < MIN_LENGTH:
        return "too-short"
    if len(password) > MAX_LENGTH:
        return "too-long"
    folded = password.lower()
    if folded in _common() or len(set(folded)) <= 2:
        return "common"
    personal = {email.lower(), email.split("@")[0].lower(), name.lower().replace(" ", "")}
    if folded in personal - {""}:
        return "personal"
    return None
