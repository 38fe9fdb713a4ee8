"""The four broad areas of need of the SEND Code of Practice, which a provision serves.

A stand-in until the SEN register's own need codes exist: the codes here are the broad
areas only (the register adds the finer types, such as SpLD or SLCN, under them).
"""

from __future__ import annotations

COMMUNICATION = "communication"  # communication and interaction
COGNITION = "cognition"  # cognition and learning
SEMH = "semh"  # social, emotional and mental health
SENSORY = "sensory"  # sensory and/or physical
NEED_AREAS = (COMMUNICATION, COGNITION, SEMH, SENSORY)


def known(codes: list[str]) -> list[str]:
    """The codes that are areas, in the areas' order, each once."""
    return [code for code in NEED_AREAS if code in codes]
