"""What typed text may hold: no control characters (NUL, escape, ...), and no line breaks in
one-line text such as names, which end up in e-mail subjects and bodies."""

from __future__ import annotations

import unicodedata

LINE_BREAKS = frozenset("\n\r\t")  # allowed where text has several lines (and tabs)
# Unicode's own line and paragraph separators: str.splitlines() breaks at them too
SEPARATORS = frozenset("\u2028\u2029")


def has_control_characters(text: str, multiline: bool = False) -> bool:
    """True when ``text`` holds a control character (Unicode category Cc, e.g. NUL), or a
    line break or tab where ``multiline`` is false."""
    allowed = LINE_BREAKS if multiline else frozenset()
    refused = frozenset() if multiline else SEPARATORS
    return any(c in refused or (unicodedata.category(c) == "Cc" and c not in allowed) for c in text)


def one_line(text: str) -> str:
    """``text`` on one line: control characters and line breaks become single spaces.
    For names and other one-line text that arrive other than through a form (an import,
    a command), so a line break can never reach a mail header or body."""
    cleaned = "".join(
        " " if unicodedata.category(c) == "Cc" or c in SEPARATORS else c for c in text
    )
    return " ".join(cleaned.split())
