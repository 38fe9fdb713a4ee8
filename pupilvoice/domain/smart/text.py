"""What the SMART rules share: number words, words in quotation marks, blanking spans."""

from __future__ import annotations

import re
from collections.abc import Iterator

NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    "thirty|forty|fifty|hundred"
)

_QUOTED = re.compile(
    r"(?<!\w)['‘\"“](?:[^'‘’\"“”]|(?<=\w)['’](?=\w)){1,80}?['’\"”](?!\w)",
)


def unquoted(text: str) -> str:
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def blank(text: str, spans: Iterator[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
