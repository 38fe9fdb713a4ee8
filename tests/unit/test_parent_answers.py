"""Parent answers as plain data: which targets need confirming again (REL-03), repeats
(REL-04) and when every parent has confirmed."""

from __future__ import annotations

from datetime import date

from pupilvoice.domain import parent_answers as rules
from pupilvoice.domain.parent_answers import AGREE, AGREE_ADD, TALK, Answer

TARGET = {
    "area": "reading",
    "smart_text": "Sam will read 30 of the 45 phase 3 words by 14 March.",
    "pupil_words": "I want to read my dinosaur book",
    "provider": "Mrs Khan",
    "sessions_per_week": 3,
    "minutes_per_session": 15,
    "target_on": date(2027, 3, 14),
    "home_text": "Read together for 10 minutes at bedtime.",
    "outcome": None,
}


def test_the_hash_follows_the_words_a_parent_reads():
    first = rules.target_hash(TARGET)
    assert rules.target_hash(dict(TARGET)) == first
    assert rules.target_hash({**TARGET, "minutes_per_session": 20}) != first
    assert rules.target_hash({**TARGET, "home_text": "Read at bedtime."}) != first
    assert rules.target_hash({**TARGET, "target_on": date(2027, 3, 21)}) != first
    # what parents do not read does not ask them again
    assert rules.target_hash({**TARGET, "outcome": "achieved"}) == first
    assert rules.target_hash({**TARGET, "evidence": "read 12 words"}) == first


def test_rel03_the_pupils_own_friendly_words_are_not_what_parents_confirm():
    """Issue 13, item 10: no family page or copy shows ``child_text``, so changing it must
    not ask parents again."""
    first = rules.target_hash({**TARGET, "child_text": "I can read 30 words."})
    assert rules.target_hash({**TARGET, "child_text": "I can read 35 words!"}) == first
    assert not rules.parents_read(["child_text"])
    assert not rules.parents_read(["cost_per_session_pence", "child_text"])
    assert rules.parents_read(["child_text", "home_text"])
    assert rules.parents_read(["smart_text"])


def test_a_changed_target_needs_confirming_again():
    now = rules.target_hash(TARGET)
    before = rules.target_hash({**TARGET, "minutes_per_session": 10})
    assert rules.target_state(None, now) == rules.UNANSWERED
    assert rules.target_state(Answer(AGREE, target_hash=now), now) == rules.ANSWERED
    assert rules.target_state(Answer(AGREE, target_hash=before), now) == rules.CHANGED
    assert rules.confirms(Answer(AGREE_ADD, "we read at home", now), now)
    assert not rules.confirms(Answer(TALK, "can we meet?", now), now)
    assert not rules.confirms(Answer(AGREE, target_hash=before), now)


def test_every_parent_must_confirm_every_target():
    targets = {1: "h1", 2: "h2"}
    mum = {1: Answer(AGREE, target_hash="h1"), 2: Answer(AGREE_ADD, "x", "h2")}
    dad = {1: Answer(AGREE, target_hash="h1"), 2: Answer(TALK, "", "h2")}
    assert rules.confirmed_all(targets, mum)
    assert not rules.confirmed_all(targets, dad)
    assert not rules.confirmed_all(targets, {1: mum[1]})
    assert rules.everyone_confirmed(targets, [mum])
    assert not rules.everyone_confirmed(targets, [mum, dad])
    assert not rules.everyone_confirmed(targets, [])
    assert not rules.confirmed_all({}, mum)  # a plan without targets is never "agreed"


def test_a_repeat_is_not_a_new_answer():
    latest = Answer(AGREE_ADD, "We read at bedtime.", "h1")
    assert rules.is_repeat(latest, Answer(AGREE_ADD, " We read at bedtime. ", "h1"))
    assert not rules.is_repeat(latest, Answer(AGREE_ADD, "We read at breakfast.", "h1"))
    assert not rules.is_repeat(latest, Answer(AGREE_ADD, "We read at bedtime.", "h2"))
    assert not rules.is_repeat(latest, Answer(TALK, "We read at bedtime.", "h1"))
    assert not rules.is_repeat(None, latest)


def test_rel03_versions_read_the_same_when_only_words_parents_never_see_changed():
    """Issue 13, item 10: a parent's page from before a change to the pupil's own words
    may still send its answers; any change they read makes it stale."""
    old = {"plan": {"term_label": "Spring", "pupil_views": "I like maths"},
           "targets": {"1": {**TARGET, "child_text": "I can read!"}}}  # fmt: skip
    assert rules.reads_the_same(old, old)
    pupil_only = {**old, "targets": {"1": {**TARGET, "child_text": "I can read 30!"}}}
    assert rules.reads_the_same(old, pupil_only)
    costs = {**old, "targets": {"1": {**TARGET, "cost_per_session_pence": 900}}}
    assert rules.reads_the_same(old, costs)
    assert not rules.reads_the_same(old, {**old, "targets": {"1": {**TARGET, "weeks": 9}}})
    assert not rules.reads_the_same(old, {**old, "plan": {"term_label": "Summer"}})
    added = {**old, "targets": {**old["targets"], "2": TARGET}}
    assert not rules.reads_the_same(old, added)
    archived = {**added, "targets": {**added["targets"], "2": {**TARGET, "archived": True}}}
    assert rules.reads_the_same(old, archived)
