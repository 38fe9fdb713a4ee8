"""The provision of a target in parents' words: who, how long, how often, until when, in
short sentences a 9-year-old could read (A11Y-08), the names and numbers isolated
(A11Y-10)."""

from __future__ import annotations

from datetime import date
from itertools import product
from types import SimpleNamespace as Target

from flask_babel import force_locale

from pupilvoice.bidi import plain
from pupilvoice.copies import direction_of
from pupilvoice.domain.plain_language import grade, sentences
from pupilvoice.parent.words import AREA_ACTIONS, provision_sentence

READING = Target(
    area="reading",
    provider="Mrs Khan",
    group_size=1,
    minutes_per_session=15,
    sessions_per_week=3,
    weeks=None,
    target_on=date(2027, 3, 14),
)


def say(target, lang="en_GB"):
    with force_locale(lang):
        return plain(provision_sentence(target, "Sam"))


def test_the_example_from_the_design(app):
    with app.test_request_context():
        assert say(READING) == (
            "Mrs Khan will read with Sam. This is 3 times a week, for 15 minutes, "
            "until 14 March 2027."
        )


def test_missing_numbers_are_left_out_and_singulars_read_well(app):
    with app.test_request_context():
        once = Target(**{**vars(READING), "sessions_per_week": 1, "minutes_per_session": None})
        assert say(once) == (
            "Mrs Khan will read with Sam. This is once a week, until 14 March 2027."
        )
        group = Target(area="maths", provider="", group_size=4, weeks=6, target_on=None)
        assert say(group) == (
            "Someone at school will help Sam with maths, in a group of 4. This is for 6 weeks."
        )
        assert say(Target(area="friends", provider="Mr Jones")) == (
            "Mr Jones will help Sam with making and keeping friends."
        )
        assert say(Target(area="reading", provider="  ")) == ""


def test_a11y10_names_numbers_and_dates_are_isolated_school_text_marked(app):
    with app.test_request_context(), force_locale("ur"):
        made = provision_sentence(Target(**{**vars(READING), "provider": "<b>Mrs Khan</b>"}), "Sam")
    assert '<bdi lang="en">&lt;b&gt;Mrs Khan&lt;/b&gt;</bdi>' in made
    assert "<bdi>Sam</bdi>" in made and "<bdi>15</bdi>" in made and "<bdi>3</bdi>" in made
    assert "<bdi>14 " in made
    assert direction_of(made) == "rtl", "the printed copy lays the Urdu sentence out RTL"


# Every shape the generated sentences take: each area, a long staff name and none, all the
# numbers there or missing, one or many, a date or a number of weeks.
SHAPES = [
    Target(
        area=area,
        provider=provider,
        group_size=group,
        sessions_per_week=times,
        minutes_per_session=minutes,
        weeks=weeks,
        target_on=until,
    )
    for area, provider, group, times, minutes, (weeks, until) in product(
        [*AREA_ACTIONS, "other"],
        ["Mrs Evans (teaching assistant)", ""],
        [None, 1, 6],
        [None, 1, 5],
        [None, 1, 20],
        [(None, None), (1, None), (12, None), (None, date(2027, 3, 14))],
    )
]


def test_a11y08_generated_sentences_read_at_about_age_nine(app):
    """The reading-level test reads generated text too, not only the templates' words."""
    with app.test_request_context():
        made = [text for text in (say(t) for t in SHAPES) if text]
    long = {s for text in made for s in sentences(text) if len(s.split()) >= 20}
    assert not long, f"generated sentences of 20 words or more: {sorted(long)[:3]}"
    assert grade(" ".join(made)) <= 4.0, grade(" ".join(made))


def test_welsh_reads_no_a_c(app):
    with app.test_request_context():
        for target in SHAPES[::7]:
            assert "a(c)" not in say(target, "cy")


def test_dates_follow_the_readers_language(app):
    with app.test_request_context():
        assert "14 marca 2027" in say(READING, "pl")


def test_every_language_can_say_it(app):
    with app.test_request_context():
        for lang in ("en_GB", "cy", "pl", "ur"):
            sentence = say(READING, lang)
            assert "Mrs Khan" in sentence and "Sam" in sentence and "15" in sentence, lang
