"""The permission rules on plain objects (SEC-01, SEC-02)."""

from __future__ import annotations

from types import SimpleNamespace as NS

from pupilvoice.domain.permissions import can


class Pupil(NS):
    pass


class ClassGroup(NS):
    pass


class School(NS):
    pass


class User(NS):
    pass


def actor(role, school_id=1, class_ids=(), pupil_ids=(), id=1):
    return NS(
        role=role,
        school_id=school_id,
        class_ids=frozenset(class_ids),
        pupil_ids=frozenset(pupil_ids),
        id=id,
    )


SAM = Pupil(id=7, school_id=1, class_id=10)


def test_teacher_sees_pupils_of_their_class_only():
    assert can(actor("teacher", class_ids={10}), "view", SAM)
    assert not can(actor("teacher", class_ids={11}), "view", SAM)


def test_senco_sees_whole_school_but_not_another_school():
    assert can(actor("senco"), "view", SAM)
    assert not can(actor("senco", school_id=2), "view", SAM)


def test_parent_sees_only_linked_children():
    assert can(actor("parent", pupil_ids={7}), "view", SAM)
    assert not can(actor("parent", pupil_ids={8}), "view", SAM)
    assert not can(actor("parent", school_id=2, pupil_ids={7}), "view", SAM)


def test_pupil_sees_only_themselves():
    assert can(actor("pupil", id=7), "view", SAM)
    assert not can(actor("pupil", id=8), "view", SAM)


def test_only_senco_manages():
    group = ClassGroup(id=10, school_id=1)
    assert can(actor("senco"), "manage", group)
    for role in ("teacher", "ta", "parent", "pupil"):
        assert not can(actor(role, class_ids={10}), "manage", group)


def test_teaching_assistant_cannot_enrol_a_tablet_but_teacher_can():
    group = ClassGroup(id=10, school_id=1)
    assert can(actor("teacher", class_ids={10}), "enrol_tablet", group)
    assert not can(actor("ta", class_ids={10}), "enrol_tablet", group)


def test_senco_manages_staff_and_parents_of_their_school_only():
    teacher = User(id=5, school_id=1, role="teacher")
    parent = User(id=6, school_id=1, role="parent")
    assert can(actor("senco"), "manage_staff", teacher)
    assert not can(actor("senco"), "manage_parent", teacher)
    assert can(actor("senco"), "manage_parent", parent)
    assert not can(actor("senco"), "manage_staff", parent)
    assert not can(actor("senco", school_id=2), "manage_staff", teacher)
    assert not can(actor("teacher", id=9), "manage_staff", teacher)


def test_senco_cannot_archive_or_demote_themselves():
    senco = actor("senco", id=3)
    themselves = User(id=3, school_id=1, role="senco")
    colleague = User(id=4, school_id=1, role="senco")
    assert can(senco, "manage_staff", themselves)
    assert not can(senco, "change_role", themselves)
    assert not can(senco, "deactivate", themselves)
    assert can(senco, "change_role", colleague) and can(senco, "deactivate", colleague)


def test_deny_by_default():
    assert not can(actor("senco"), "delete_everything", SAM)
    assert not can(None, "view", SAM)
    assert not can(actor("senco"), "view", object())
    assert not can(actor("senco"), "view_audit", School(id=2))
    assert can(actor("senco"), "view_audit", School(id=1))


def test_senco_and_the_class_teacher_invite_a_parent_but_not_a_teaching_assistant():
    parent = User(role="parent", school_id=1, id=30, children_class_ids=frozenset({10}))
    assert can(actor("senco"), "invite", parent)
    assert can(actor("teacher", class_ids={10}), "invite", parent)
    assert not can(actor("teacher", class_ids={11}), "invite", parent)
    assert not can(actor("ta", class_ids={10}), "invite", parent)
    assert not can(actor("senco", school_id=2), "invite", parent)
    assert not can(actor("parent", pupil_ids={7}), "invite", parent)
    teacher = User(role="teacher", school_id=1, id=31, children_class_ids=frozenset({10}))
    assert not can(actor("senco"), "invite", teacher)  # staff are invited on the staff pages


# --- plans (issue 5) ------------------------------------------------------------------------


class Plan(NS):
    pass


class TargetBankEntry(NS):
    pass


def plan(status="draft", school_id=1):
    return Plan(id=3, school_id=school_id, pupil=SAM, status=status)


def test_plan_is_seen_by_the_pupils_staff_only():
    assert can(actor("ta", class_ids={10}), "view", plan())
    assert can(actor("senco"), "view", plan())
    assert not can(actor("teacher", class_ids={11}), "view", plan())
    assert not can(actor("senco", school_id=2), "view", plan())
    assert not can(actor("parent", pupil_ids={7}), "view", plan())  # the parents' side decides


def test_teaching_assistant_adds_evidence_but_does_not_edit_or_share():
    ta = actor("ta", class_ids={10})
    assert can(ta, "add_evidence", plan())
    assert not can(ta, "edit", plan())
    assert not can(ta, "share", plan())
    assert not can(ta, "create_plan", SAM)


def test_teacher_edits_and_shares_while_the_life_cycle_allows():
    teacher = actor("teacher", class_ids={10})
    assert can(teacher, "create_plan", SAM)
    assert can(teacher, "edit", plan()) and can(teacher, "share", plan())
    assert can(teacher, "edit", plan("agreed")) and not can(teacher, "share", plan("agreed"))
    assert not can(teacher, "edit", plan("in_review"))
    assert not can(teacher, "edit", plan("closed"))
    assert not can(teacher, "add_evidence", plan("closed"))


def test_plan_of_another_school_is_refused_even_with_a_matching_pupil():
    assert not can(actor("senco"), "view", plan(school_id=2))


def test_target_bank_is_the_schools_and_only_the_senco_manages_it():
    entry = TargetBankEntry(id=1, school_id=1)
    assert can(actor("teacher"), "use", entry)
    assert not can(actor("ta"), "use", entry)
    assert not can(actor("teacher", school_id=2), "use", entry)
    assert can(actor("senco"), "manage", entry) and not can(actor("teacher"), "manage", entry)
    school = School(id=1)
    assert can(actor("senco"), "manage_bank", school)
    assert can(actor("senco"), "edit_glossary", school)
    assert not can(actor("teacher"), "edit_glossary", school)
    assert not can(actor("senco", school_id=2), "manage_bank", school)


def test_a_parent_reads_and_answers_their_childs_shared_plan_only():
    mum = actor("parent", pupil_ids={7})
    for status, reads, answers in [
        ("draft", False, False),
        ("shared", True, True),
        ("needs_confirming", True, True),
        ("agreed", True, False),
        ("in_review", True, False),
        ("closed", True, False),
    ]:
        shared = Plan(school_id=1, pupil_id=7, pupil=SAM, status=status)
        assert can(mum, "read_as_family", shared) is reads, status
        assert can(mum, "answer", shared) is answers, status
    other_child = Plan(school_id=1, pupil_id=8, pupil=SAM, status="shared")
    assert not can(mum, "read_as_family", other_child)
    elsewhere = Plan(school_id=2, pupil_id=7, pupil=SAM, status="shared")
    assert not can(actor("parent", school_id=1, pupil_ids={7}), "read_as_family", elsewhere)
    # staff never read "as family", and parents never use the staff rules
    assert not can(
        actor("senco"), "read_as_family", Plan(school_id=1, pupil_id=7, pupil=SAM, status="shared")
    )
    assert not can(mum, "view", Plan(school_id=1, pupil_id=7, pupil=SAM, status="shared"))


def test_class_teachers_record_an_answer_given_on_paper():
    shared = Plan(school_id=1, pupil_id=7, pupil=SAM, status="shared")
    assert can(actor("teacher", class_ids={10}), "record_answer", shared)
    assert can(actor("senco"), "record_answer", shared)
    assert not can(actor("ta", class_ids={10}), "record_answer", shared)
    assert not can(actor("teacher", class_ids={11}), "record_answer", shared)
    agreed = Plan(school_id=1, pupil_id=7, pupil=SAM, status="agreed")
    assert not can(actor("senco"), "record_answer", agreed)


def test_reviews_are_started_and_recorded_by_the_pupils_teachers():
    """Issue 12: class teachers and the SENCO start a review of a plan parents have had,
    record it while it is open; every adult of the class sees the review screen."""
    teacher, ta = actor("teacher", class_ids={10}), actor("ta", class_ids={10})
    other = actor("teacher", class_ids={11})
    assert can(teacher, "start_review", plan("agreed"))
    assert not can(teacher, "start_review", plan("draft"))  # parents have not seen it
    assert not can(ta, "start_review", plan("agreed")) and not can(
        other, "start_review", plan("agreed")
    )
    assert can(teacher, "invite_to_review", plan("in_review"))
    assert can(teacher, "record_review", plan("in_review"))
    assert not can(teacher, "record_review", plan("closed"))
    assert can(ta, "see_review", plan("closed")) and not can(ta, "see_review", plan("shared"))
    assert not can(actor("senco", school_id=2), "see_review", plan("in_review"))


def test_families_send_views_until_the_review_closes_and_pupils_see_their_own():
    parent = actor("parent", pupil_ids={7})
    own = Plan(id=3, school_id=1, pupil=SAM, pupil_id=7, status="in_review")
    assert can(parent, "send_home_view", own)
    assert not can(parent, "send_home_view", Plan(**{**vars(own), "status": "closed"}))
    assert not can(actor("parent", pupil_ids={8}), "send_home_view", own)
    assert can(actor("pupil", id=7), "see_outcome", own)
    assert not can(actor("pupil", id=8), "see_outcome", own)
