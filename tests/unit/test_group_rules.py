"""Group Education Plans' pure rules: who may see a group (SEC-02), who can be in one, which
common targets a member's plan still needs, and a group's provision cost shared by its
members in the provision map (issue 15, items 3 and 4)."""

from __future__ import annotations

from types import SimpleNamespace as NS

from pupilvoice.domain import groups
from pupilvoice.domain.permissions import can
from pupilvoice.domain.provision_costs import PER_SESSION, sessions_in
from pupilvoice.domain.provision_map import Offer, Place, build, cohorts
from pupilvoice.domain.terms import school_year, teaching_weeks

AUTUMN = school_year(2026)[0]


def staff(role, class_ids=(), id=1, school_id=1):
    return NS(role=role, id=id, school_id=school_id, class_ids=frozenset(class_ids))


class TeachingGroup(NS):
    """Named as the model is: permissions look rules up by the object's type name."""


def group(classes, created_by_id=9, school_id=1):
    return TeachingGroup(
        school_id=school_id, member_class_ids=frozenset(classes), created_by_id=created_by_id
    )


def test_sec02_a_teacher_sees_a_group_only_when_every_pupil_is_in_their_classes():
    teacher = staff("teacher", {1, 2})
    assert can(teacher, "view", group({1})) and can(teacher, "manage", group({1, 2}))
    assert not can(teacher, "view", group({1, 3}))
    assert not can(teacher, "view", group({1}, school_id=2))
    # an empty group: only the one who set it up (and the SENCO)
    assert not can(teacher, "view", group(set()))
    assert can(teacher, "view", group(set(), created_by_id=1))


def test_the_senco_sees_every_group_of_the_school_and_a_ta_only_looks():
    senco = staff("senco")
    assert can(senco, "manage", group({5, 6})) and not can(senco, "view", group({5}, school_id=2))
    ta = staff("ta", {1})
    assert can(ta, "view", group({1})) and not can(ta, "manage", group({1}))
    parent = NS(role="parent", id=1, school_id=1, pupil_ids=frozenset({1}))
    assert not can(parent, "view", group({1}))


def test_a_group_is_two_to_twelve_pupils():
    assert groups.members_problem([1]) == "too_few"
    assert groups.members_problem([1, 1]) == "too_few"
    assert groups.members_problem([1, 2]) is None
    assert groups.members_problem(range(13)) == "too_many"
    assert groups.may_join([1, 2], 2) == "already"
    assert groups.may_join([1, 2], 3) is None
    assert groups.may_join(range(12), 99) == "too_many"


def test_a_plan_gets_each_common_target_once():
    assert groups.copies_missing([4, 5, 6], [None, 5]) == [4, 6]
    assert groups.copies_missing([4], [4, None]) == []


def place(pupil, group_id=None, provision=1):
    return Place(provision, pupil, f"P{pupil}", 1, "Oak", None, group_id)


def test_a_group_plan_is_costed_as_its_own_group_shared_by_its_members():
    """Three members of a group plan on a provision for groups of four share one group's
    cost; two pupils on it on their own are another group; a member who is also on it
    on their own counts once, in the group."""
    phonics = Offer(1, "Phonics", 4, 1, 30, 2, PER_SESSION, 1000)
    places = [place(1, 7), place(2, 7), place(3, 7), place(3), place(4), place(5)]
    assert [[p.pupil_id for p in c] for c in cohorts(places)] == [[1, 2, 3], [4, 5]]
    found = build(AUTUMN, [phonics], places)
    sessions = sessions_in(teaching_weeks(AUTUMN), 1, 2)
    shares = {row.pupil_id: row.pence for row in found.rows}
    group_cost = sessions * 1000
    assert shares[1] + shares[2] + shares[3] == group_cost
    assert max(shares[p] for p in (1, 2, 3)) - min(shares[p] for p in (1, 2, 3)) <= 1
    assert shares[4] + shares[5] == group_cost
    assert found.pence == 2 * group_cost == sum(t.pence for t in found.by_pupil)
    assert len(found.rows) == 5
