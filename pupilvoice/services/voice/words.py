"""How much a pupil may write in one box (About me, "I can...", a worry)."""

MAX_WORDS = 1000  # characters a pupil may write in one box
