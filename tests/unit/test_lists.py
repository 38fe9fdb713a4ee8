"""Issue 13, item 12: Welsh lists read "a" or "ac", never the pattern's literal "a(c)"."""

from __future__ import annotations

import pytest

from pupilvoice.domain.lists import join_list, welsh_and


@pytest.mark.parametrize(
    "word,expected",
    [("Oscar", "ac"), ("Ruby", "a"), ("Elin", "ac"), ("Wyn", "ac"), ("ŵyr", "ac"), ("Sam", "a")],
)
def test_welsh_and_follows_the_next_word(word, expected):
    assert welsh_and(word) == expected


def test_welsh_lists_choose_a_or_ac():
    assert join_list(["Ruby", "Oscar"], "cy") == "Ruby ac Oscar"
    assert join_list(["Oscar", "Ruby"], "cy") == "Oscar a Ruby"
    assert join_list(["Sam", "Oscar", "Ruby"], "cy") == "Sam, Oscar, a Ruby"
    assert "a(c)" not in join_list(["Ann", "Ifan", "Elin"], "cy")


def test_other_languages_keep_their_own_list():
    assert join_list(["Oscar", "Ruby"], "en_GB") == "Oscar and Ruby"
    assert join_list(["Oscar", "Ruby"], "pl") == "Oscar i Ruby"
    assert join_list(["Oscar"], "cy") == "Oscar"
    assert join_list([], "cy") == ""
