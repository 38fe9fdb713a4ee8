"""REL-05: the one rule for what typed text may hold (domain/text.py)."""

from __future__ import annotations

import pytest

from pupilvoice.domain.text import has_control_characters, one_line


@pytest.mark.parametrize("text", ["\x00", "a\x01b", "\x1b[2J", "\x7f", "\u0085", "x\x9f"])
def test_rel05_control_characters_are_refused_everywhere(text):
    assert has_control_characters(text)
    assert has_control_characters(text, multiline=True)


@pytest.mark.parametrize("text", ["Sam\nTaylor", "Sam\r\nTaylor", "tab\there", "a\u2028b"])
def test_rel05_line_breaks_only_where_text_has_lines(text):
    assert has_control_characters(text)
    assert not has_control_characters(text, multiline=True)


@pytest.mark.parametrize("text", ["", "Zofia Kowalska", "Ayaan S.", "اردو", "Siân O'Neill", "😀"])
def test_rel05_ordinary_text_passes(text):
    assert not has_control_characters(text)


def test_rel05_names_from_elsewhere_are_put_on_one_line():
    assert one_line("Tom\r\nBcc: someone@evil.example") == "Tom Bcc: someone@evil.example"
    assert one_line("  Sam\x00 \tTaylor\u2028") == "Sam Taylor"
    assert one_line("Zofia") == "Zofia"
