"""Plan rules without a database: the four-target rule, provision in numbers, the bank's
name placeholder, versions (REL-02, REL-03) and the glossary's lines."""

from __future__ import annotations

from datetime import date

from pupilvoice.domain import glossary
from pupilvoice.domain.plans import Provision, from_template, needs_extra_reason, to_template
from pupilvoice.domain.versions import Clash, changes, clashes, plain, text_hash, word_diff


def test_a_fifth_active_target_needs_a_reason():
    assert not needs_extra_reason(3)
    assert needs_extra_reason(4)


def test_provision_cost_for_each_pupil_shares_the_session_cost():
    group = Provision(
        group_size=4,
        sessions_per_week=3,
        minutes_per_session=20,
        weeks=10,
        cost_per_session_pence=1000,
    )
    assert group.sessions == 30
    assert group.total_minutes == 600
    assert group.cost_per_pupil_pence == 7500  # 30 sessions of £10, shared by 4


def test_provision_one_to_one_and_missing_numbers():
    assert Provision(None, 2, 15, 6, 650).cost_per_pupil_pence == 7800
    assert Provision(1, 2, None, 6, 650).total_minutes is None
    assert Provision(1, None, 15, 6, 650).cost_per_pupil_pence is None
    assert Provision(1, 2, 15, 6, None).cost_per_pupil_pence is None


def test_bank_template_takes_the_name_out_and_puts_another_in():
    text = "By Easter, Sam will read 40 of 45 words to Sam's TA (not Samira)."
    template = to_template(text, "Sam")
    assert template == "By Easter, {name} will read 40 of 45 words to {name}'s TA (not Samira)."
    assert from_template(template, "Zofia").startswith("By Easter, Zofia will read")


# --- versions -------------------------------------------------------------------------------


def snap(plan=None, **targets):
    return {"plan": plan or {}, "targets": targets}


def test_rel03_text_hash_ignores_archived_targets_and_follows_the_text():
    one = snap({"term_label": "Spring"}, **{"1": {"smart_text": "Read 40"}})
    archived = snap(
        {"term_label": "Spring"},
        **{"1": {"smart_text": "Read 40"}, "2": {"smart_text": "Old", "archived": True}},
    )
    changed = snap({"term_label": "Spring"}, **{"1": {"smart_text": "Read 45"}})
    assert text_hash(one) == text_hash(archived)
    assert text_hash(one) != text_hash(changed)
    assert len(text_hash(one)) == 64


def test_changes_name_each_field_of_the_plan_and_targets():
    old = snap({"review_on": "2027-03-26", "involved": ""}, **{"1": {"smart_text": "Read 30"}})
    new = snap(
        {"review_on": "2027-03-19", "involved": ""},
        **{"1": {"smart_text": "Read 40"}, "2": {"smart_text": "Count to 20", "baseline": ""}},
    )
    found = changes(old, new)
    assert [(c.target, c.field, c.before, c.after) for c in found] == [
        (None, "review_on", "2027-03-26", "2027-03-19"),
        ("1", "smart_text", "Read 30", "Read 40"),
        ("2", "smart_text", None, "Count to 20"),
    ]


def test_rel02_no_clash_when_others_changed_other_fields():
    base = {"smart_text": "Read 30", "baseline": "12 words"}
    theirs = dict(base)
    mine = {"smart_text": "Read 40 words", "baseline": "12 words"}
    assert clashes(base, theirs, mine) == []


def test_rel02_clash_offers_theirs_where_only_they_changed_and_mine_where_i_did():
    base = {"smart_text": "Read 30", "baseline": "12 words", "strategies": "Cards"}
    theirs = {"smart_text": "Read 35", "baseline": "14 words", "strategies": "Cards"}
    mine = {"smart_text": "Read 40", "baseline": "12 words", "strategies": "Cards"}
    assert clashes(base, theirs, mine) == [
        Clash("smart_text", "Read 40", "Read 35", "mine"),
        Clash("baseline", "12 words", "14 words", "theirs"),
    ]


def test_rel02_same_change_on_both_sides_is_no_clash():
    assert clashes({"a": "x"}, {"a": "y"}, {"a": "y"}) == []


def test_plain_keeps_dates_as_iso_text():
    assert plain(date(2027, 3, 14)) == "2027-03-14"
    assert plain(5) == 5 and plain("x") == "x" and plain(None) is None


def test_word_diff_marks_removed_and_added_words():
    runs = word_diff("Sam will improve reading", "Sam will read 40 words")
    assert runs == [("same", "Sam will"), ("del", "improve reading"), ("ins", "read 40 words")]
    assert word_diff("", "new") == [("ins", "new")]
    assert word_diff(None, None) == []


# --- glossary -------------------------------------------------------------------------------


def test_glossary_lines_round_trip():
    terms = {"SALT": "speech and language therapist", "phonics": "reading by sounds"}
    assert glossary.parse(glossary.as_text(terms)) == (terms, [])


def test_glossary_lines_say_which_line_is_wrong():
    text = "SEMH = feelings\n\nno equals here\n = nothing before\nsemh = again\n" + (
        "x" * 61 + " = too long"
    )
    terms, problems = glossary.parse(text)
    assert terms == {"SEMH": "feelings"}
    assert [(p.line, p.code) for p in problems] == [
        (3, "no-equals"),
        (4, "empty"),
        (5, "repeated"),
        (6, "too-long"),
    ]


def test_glossary_too_many_terms():
    text = "\n".join(f"word{n} = plain {n}" for n in range(glossary.MAX_TERMS + 1))
    assert glossary.parse(text)[1][-1].code == "too-many"
