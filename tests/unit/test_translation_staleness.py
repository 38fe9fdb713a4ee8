"""When a translation of school text is out of date (issue 13, item 8): it keeps what it
was made from, and compares that with the school's words as they read now."""

from __future__ import annotations

from pupilvoice.domain import translations as rules

ENGLISH = "By the review, Sam will count on to 20."
URDU = "جائزے تک سام کا ہدف: 20 تک گنتی آگے گننا۔"


def test_a_translation_of_the_words_as_they_read_now_is_fresh():
    made_from = rules.source_hash(ENGLISH)
    assert rules.state(made_from, ENGLISH) == rules.FRESH
    # spaces around the words are not a change
    assert rules.state(made_from, f"  {ENGLISH}\n") == rules.FRESH
    assert rules.wording(URDU, made_from, ENGLISH) == rules.Wording(URDU, True)


def test_a_changed_original_makes_it_out_of_date_and_it_is_still_shown():
    made_from = rules.source_hash(ENGLISH)
    changed = "By the review, Sam will count on to 30."
    assert rules.state(made_from, changed) == rules.OUT_OF_DATE
    shown = rules.wording(URDU, made_from, changed)
    assert shown.text == URDU and not shown.fresh and str(shown) == URDU
    assert rules.state(made_from, "") == rules.OUT_OF_DATE


def test_a_bank_translation_compares_the_english_template_it_was_made_from():
    template = "By the review, {name} will count on to 20."
    assert rules.bank_state(template, template + " ") == rules.FRESH
    assert rules.bank_state(template, "By the review, {name} will count to 30.") == (
        rules.OUT_OF_DATE
    )


def test_every_bank_field_starts_a_plan_field_a_family_can_read_translated():
    assert set(rules.BANK_FIELDS.values()) <= set(rules.TRANSLATABLE_TARGET_FIELDS)
    assert "pupil_words" not in rules.TRANSLATABLE_TARGET_FIELDS  # the child's own words
    assert rules.key_of(12, "home_text") == "t12_home_text"
    assert rules.key_of(None, "pupil_views") == "plan_pupil_views"


def kept(text: str, english: str) -> dict:
    return {"text": text, "source": rules.source_hash(english)}


def test_what_changed_is_in_the_readers_language_when_the_translation_changed_too():
    new_english, new_urdu = "Sam will count on to 30.", "سام کا ہدف: 30 تک گننا۔"
    words = rules.changed_words(
        (ENGLISH, new_english), kept(URDU, ENGLISH), kept(new_urdu, new_english)
    )
    assert words == (URDU, new_urdu)


def test_what_changed_falls_back_to_the_school_words_otherwise():
    new_english = "Sam will count on to 30."
    # not updated yet: the old translation was kept, out of date now
    same = kept(URDU, ENGLISH)
    assert rules.changed_words((ENGLISH, new_english), same, same) is None
    assert (
        rules.changed_words((ENGLISH, new_english), kept(URDU, ENGLISH), kept("x", ENGLISH)) is None
    )
    # no translation in the version the parent answered, or none now
    assert rules.changed_words((ENGLISH, new_english), None, kept(URDU, new_english)) is None
    assert rules.changed_words((ENGLISH, new_english), kept(URDU, ENGLISH), None) is None
    # the answered version's translation was already out of date then
    stale_then = kept(URDU, "older English")
    assert rules.changed_words((ENGLISH, new_english), stale_then, kept("y", new_english)) is None
