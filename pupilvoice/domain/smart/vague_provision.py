"""The ``vague-provision`` rule: support that cannot be costed or checked.

- ``vague-provision``: "regular", "access to", "opportunities for", "as appropriate",
  "as needed", "support with", "supported to", "where possible", "some", "ongoing",
  "a range of", ...
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

_VAGUE_PROVISION = re.compile(
    r"\b(?:regular(?:ly)?|access\s+to|opportunit(?:y|ies)\s+(?:for|to)|"
    r"as\s+and\s+when(?:\s+(?:needed|required|necessary|appropriate))?|"
    r"(?:as|where|when|if)\s+(?:appropriate|required|needed|necessary|possible)|"
    r"support(?:ed)?\s+(?:with|to)|some|ongoing|a\s+range\s+of|various|frequent(?:ly)?)\b",
    _I,
)


def vague_provisions(text: str) -> list[str]:
    """The vague words about support in ``text``, in order."""
    return [m.group(0) for m in _VAGUE_PROVISION.finditer(text)]
