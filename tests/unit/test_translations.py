"""Every language ships complete: no untranslated or fuzzy entry, the catalogues match
the template, and placeholders survive translation (issue 3, item 7)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
LANGUAGES = ["cy", "pl", "ur"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def _catalog(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def _ids(catalog) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_is_complete_and_not_fuzzy(lang):
    catalog = _catalog(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po")
    template = _catalog(TRANSLATIONS / "messages.pot")
    missing = _ids(template) - _ids(catalog)
    assert not missing, f"{lang}: run `make extract`; missing {sorted(missing)[:5]}"
    problems = []
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(s.strip() for s in strings):
            problems.append(f"untranslated: {message.id!r}")
        elif message.pluralizable and any(len(s.strip()) < 2 for s in strings):
            # a plural form of one letter: a word split into letters by a bad merge
            problems.append(f"suspiciously short: {message.id!r} -> {message.string!r}")
    assert not problems, f"{lang}: {len(problems)} problems, e.g. {problems[:5]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_survive_translation(lang):
    catalog = _catalog(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po")
    problems = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        source = message.id if isinstance(message.id, str) else message.id[0]
        wanted = set(PLACEHOLDER.findall(source))
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            if not set(PLACEHOLDER.findall(text)) <= wanted | {"num"}:
                problems.append(f"{source!r} -> {text!r}")
            if wanted - {"num"} - set(PLACEHOLDER.findall(text)):
                problems.append(f"placeholder lost: {source!r} -> {text!r}")
    assert not problems, f"{lang}: {problems[:5]}"
