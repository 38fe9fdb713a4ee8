"""Copy translations from a translator's .po file into ours, for entries still untranslated.

    python scripts/merge_translations.py theirs.po translations/cy/LC_MESSAGES/messages.po

Only messages whose id is in our catalogue are taken (so stale ones are dropped), and
fuzzy entries are never copied.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po


def merge(source: Path, target: Path) -> int:
    with source.open("rb") as handle:
        theirs = read_po(handle)
    with target.open("rb") as handle:
        ours = read_po(handle)
    copied = 0
    for message in ours:
        if not message.id:
            continue
        found = theirs.get(message.id, message.context)
        if found is None or found.fuzzy or not found.string:
            continue
        if found.pluralizable != message.pluralizable or found.id != message.id:
            continue  # babel looks plurals up by their singular: never mix the two
        strings = found.string if isinstance(found.string, tuple) else (found.string,)
        if all(s.strip() for s in strings) and message.string != found.string:
            message.string = found.string
            message.flags.discard("fuzzy")
            copied += 1
    with target.open("wb") as handle:
        write_po(handle, ours)
    return copied


if __name__ == "__main__":
    count = merge(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"copied {count} translations into {sys.argv[2]}")
