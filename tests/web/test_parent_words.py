"""The provision of a target in parents' words: who, how long, how often, until when."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace as Target

from flask_babel import force_locale

from pupilvoice.parent.words import provision_sentence

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
        return provision_sentence(target, "Sam")


def test_the_example_from_the_design(app):
    with app.test_request_context():
        assert say(READING) == (
            "Mrs Khan will read with Sam for 15 minutes, 3 times a week, until 14 March 2027."
        )


def test_missing_numbers_are_left_out_and_singulars_read_well(app):
    with app.test_request_context():
        once = Target(**{**vars(READING), "sessions_per_week": 1, "minutes_per_session": None})
        assert say(once) == "Mrs Khan will read with Sam once a week, until 14 March 2027."
        group = Target(area="maths", provider="", group_size=4, weeks=6, target_on=None)
        assert say(group) == (
            "Someone at school will help Sam with maths in a group of 4, for 6 weeks."
        )
        assert say(Target(area="friends", provider="Mr Jones")) == (
            "Mr Jones will help Sam with making and keeping friends."
        )
        assert say(Target(area="reading", provider="  ")) == ""


def test_dates_follow_the_readers_language(app):
    with app.test_request_context():
        assert "14 marca 2027" in say(READING, "pl")


def test_every_language_can_say_it(app):
    with app.test_request_context():
        for lang in ("en_GB", "cy", "pl", "ur"):
            sentence = say(READING, lang)
            assert "Mrs Khan" in sentence and "Sam" in sentence and "15" in sentence, lang
