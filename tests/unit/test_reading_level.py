"""A11Y-08: the English text on pupil and parent pages reads at about a 9-year-old's level
(Flesch-Kincaid grade 4 or below on average), one idea a sentence. The sentences made from
a plan (what school will do) are read in tests/web/test_parent_words.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pupilvoice.domain.plain_language import grade, sentences

ROOT = Path(__file__).resolve().parents[2] / "pupilvoice"
STRING = re.compile(r'_\(\s*"((?:[^"\\]|\\.)+)"')
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
# Lines addressed to the adult beside the child, or to staff, are not for the pupil.
FOR_ADULTS = ("For staff", "For adults")

PAGES = {
    "pupil": ["pupil/templates/pupil/*.html", "pupil/templates/tablet/*.html"],
    "parent": ["parent/templates/parent/*.html", "parent/words.py"],
}


def texts(audience: str) -> list[str]:
    found = []
    for pattern in PAGES[audience]:
        for path in sorted(ROOT.glob(pattern)):
            if path.name == "assist.html":  # the adult's own sign-in page on the tablet
                continue
            found += STRING.findall(path.read_text(encoding="utf-8"))
    found = [PLACEHOLDER.sub("Sam", text) for text in found if not text.startswith(FOR_ADULTS)]
    assert found, f"no {audience} text found: have the templates moved?"
    return found


@pytest.mark.parametrize("audience", ["pupil", "parent"])
def test_a11y08_text_reads_at_about_age_nine(audience):
    strings = texts(audience)
    corpus = " ".join(s if s.rstrip().endswith((".", "?", "!")) else s + "." for s in strings)
    assert grade(corpus) <= 4.0, f"{audience} text grade {grade(corpus):.1f}"


@pytest.mark.parametrize("audience", ["pupil", "parent"])
def test_a11y08_one_idea_a_sentence(audience):
    limit = 12 if audience == "pupil" else 20
    long = [s for text in texts(audience) for s in sentences(text) if len(s.split()) > limit]
    assert not long, f"{audience} sentences over {limit} words: {long}"
