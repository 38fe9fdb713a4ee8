"""Who may do what: the one place that answers "may actor A do action X to object O?".

Pure rules over plain attributes, so they are unit-tested without a database:
an actor has ``role``, ``id``, ``school_id`` and, by role, ``class_ids`` (staff)
or ``pupil_ids`` (parents); a parent as an object also has ``children_class_ids``.
Objects are named by their type's name. Deny by default.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .lifecycle import (
    CLOSED,
    DRAFT,
    IN_REVIEW,
    SHARE,
    START_REVIEW,
    allowed_transitions,
    can_record_outcomes,
    is_editable,
    needs_signoff,
)
from .roles import PARENT, PUPIL, SENCO, STAFF_ROLES, TEACHER

Rule = Callable[[Any, Any], bool]


def _same_school(actor: Any, obj: Any) -> bool:
    return actor is not None and getattr(obj, "school_id", None) == actor.school_id


def _is_senco(actor: Any, obj: Any) -> bool:
    return actor.role == SENCO and _same_school(actor, obj)


def _staff_of_pupil(actor: Any, pupil: Any) -> bool:
    if not _same_school(actor, pupil) or actor.role not in STAFF_ROLES:
        return False
    return actor.role == SENCO or pupil.class_id in actor.class_ids


def _staff_of_class(actor: Any, group: Any) -> bool:
    if not _same_school(actor, group) or actor.role not in STAFF_ROLES:
        return False
    return actor.role == SENCO or group.id in actor.class_ids


def _teacher_of_class(actor: Any, group: Any) -> bool:
    return _staff_of_class(actor, group) and actor.role in {SENCO, TEACHER}


def _view_pupil(actor: Any, pupil: Any) -> bool:
    if actor.role == PARENT:
        return _same_school(actor, pupil) and pupil.id in actor.pupil_ids
    if actor.role == PUPIL:
        return actor.id == pupil.id
    return _staff_of_pupil(actor, pupil)


def _manage_staff(actor: Any, user: Any) -> bool:
    return _is_senco(actor, user) and user.role in STAFF_ROLES


def _manage_parent(actor: Any, user: Any) -> bool:
    return _is_senco(actor, user) and user.role == PARENT


def _invite_parent(actor: Any, user: Any) -> bool:
    """The SENCO invites any parent of the school; a teacher the parents of their classes."""
    if user.role != PARENT or not _same_school(actor, user):
        return False
    if actor.role == SENCO:
        return True
    return actor.role == TEACHER and bool(actor.class_ids & user.children_class_ids)


def _not_themselves(rule: Rule) -> Rule:
    """A SENCO cannot archive or demote themselves, so a school always keeps a SENCO."""
    return lambda actor, user: rule(actor, user) and user.id != actor.id


def _teacher_of_pupil(actor: Any, pupil: Any) -> bool:
    """Class teachers and the SENCO, not every adult: worries go to them, and they write
    plans."""
    return _staff_of_pupil(actor, pupil) and actor.role in {SENCO, TEACHER}


def _on_plan(rule: Rule) -> Rule:
    """A plan rule: the plan is of this school and ``rule`` holds for its pupil."""
    return lambda actor, plan: _same_school(actor, plan) and rule(actor, plan.pupil)


def _edit_plan(actor: Any, plan: Any) -> bool:
    return _on_plan(_teacher_of_pupil)(actor, plan) and is_editable(plan.status)


def _share_plan(actor: Any, plan: Any) -> bool:
    return _edit_plan(actor, plan) and SHARE in allowed_transitions(plan.status)


def _add_evidence(actor: Any, plan: Any) -> bool:
    """Everyone who works with the pupil, teaching assistants too, until the plan closes."""
    return _on_plan(_staff_of_pupil)(actor, plan) and plan.status != CLOSED


def _family_reads_plan(actor: Any, plan: Any) -> bool:
    """A parent reads their own child's plan once the school has shared it."""
    return (
        actor.role == PARENT
        and _same_school(actor, plan)
        and plan.pupil_id in actor.pupil_ids
        and plan.status != DRAFT
    )


def _family_answers_plan(actor: Any, plan: Any) -> bool:
    """... and answers it while the school is asking them to confirm it."""
    return _family_reads_plan(actor, plan) and needs_signoff(plan.status)


def _record_family_answer(actor: Any, plan: Any) -> bool:
    """Class teachers and the SENCO write down an answer given on paper, by phone or at a
    meeting, while parents are being asked."""
    return _on_plan(_teacher_of_pupil)(actor, plan) and needs_signoff(plan.status)


def _print_letter(actor: Any, plan: Any) -> bool:
    """Class teachers and the SENCO print a family's letter again whenever it is needed,
    once the plan has gone to the family and until it closes (issue 13, item 9)."""
    return _on_plan(_teacher_of_pupil)(actor, plan) and plan.status not in (DRAFT, CLOSED)


def _translate_plan(actor: Any, plan: Any) -> bool:
    """Class teachers and the SENCO add translations for families until the plan closes."""
    return _on_plan(_teacher_of_pupil)(actor, plan) and plan.status != CLOSED


def _start_review(actor: Any, plan: Any) -> bool:
    """Class teachers and the SENCO start the review of a plan parents have had."""
    return _on_plan(_teacher_of_pupil)(actor, plan) and START_REVIEW in allowed_transitions(
        plan.status
    )


def _invite_to_review(actor: Any, plan: Any) -> bool:
    """... and invite the parents to the meeting, before it or once it has started."""
    return _start_review(actor, plan) or (
        _on_plan(_teacher_of_pupil)(actor, plan) and plan.status == IN_REVIEW
    )


def _record_review(actor: Any, plan: Any) -> bool:
    """... and record outcomes, and close it, while the review is open."""
    return _on_plan(_teacher_of_pupil)(actor, plan) and can_record_outcomes(plan.status)


def _see_review(actor: Any, plan: Any) -> bool:
    """Everyone who works with the pupil sees the review screen, open or closed."""
    return _on_plan(_staff_of_pupil)(actor, plan) and plan.status in (IN_REVIEW, CLOSED)


def _family_views_before_review(actor: Any, plan: Any) -> bool:
    """A parent says how it has gone at home until the review is closed."""
    return _family_reads_plan(actor, plan) and plan.status != CLOSED


def _pupil_sees_outcome(actor: Any, plan: Any) -> bool:
    return actor.role == PUPIL and _same_school(actor, plan) and plan.pupil_id == actor.id


def _use_bank(actor: Any, entry: Any) -> bool:
    return _same_school(actor, entry) and actor.role in {SENCO, TEACHER}


def _see_worry(actor: Any, worry: Any) -> bool:
    return _same_school(actor, worry) and _teacher_of_pupil(actor, worry.pupil)


def _sort_card(actor: Any, card: Any) -> bool:
    """A pupil sorts their own school's cards that are still in use."""
    return actor.role == PUPIL and _same_school(actor, card) and card.retired_at is None


def _own_or_staff(actor: Any, obj: Any) -> bool:
    """A pupil's own proposal, or one of a pupil the member of staff works with."""
    if not _same_school(actor, obj):
        return False
    if actor.role == PUPIL:
        return obj.pupil_id == actor.id
    return _staff_of_pupil(actor, obj.pupil)


def _own(actor: Any, obj: Any) -> bool:
    return actor.role == PUPIL and _same_school(actor, obj) and obj.pupil_id == actor.id


def _listen(actor: Any, recording: Any) -> bool:
    """Recordings are played back only to staff; a worry's only to whom the worry goes."""
    if not _same_school(actor, recording):
        return False
    if recording.purpose == "worry":
        return _teacher_of_pupil(actor, recording.pupil)
    return _staff_of_pupil(actor, recording.pupil)


def _manage_device(actor: Any, device: Any) -> bool:
    """A class tablet: the class's teachers and the SENCO may stop it."""
    if not _same_school(actor, device):
        return False
    return actor.role == SENCO or (actor.role == TEACHER and device.class_id in actor.class_ids)


def _view_group(actor: Any, group: Any) -> bool:
    """A small group (Group Education Plan): the SENCO sees every one; other staff only a
    group whose pupils are all in their classes (an empty group: the one who set it up)."""
    if not _same_school(actor, group) or actor.role not in STAFF_ROLES:
        return False
    if actor.role == SENCO:
        return True
    classes = group.member_class_ids
    if not classes:
        return group.created_by_id == actor.id
    return classes <= actor.class_ids


def _manage_group(actor: Any, group: Any) -> bool:
    return _view_group(actor, group) and actor.role in {SENCO, TEACHER}


def _start_group(actor: Any, school: Any) -> bool:
    return actor.role in {SENCO, TEACHER} and getattr(school, "id", None) == actor.school_id


def _view_audit(actor: Any, school: Any) -> bool:
    return actor.role == SENCO and getattr(school, "id", None) == actor.school_id


_RULES: dict[tuple[str, str], Rule] = {
    ("view", "Pupil"): _view_pupil,
    ("work_with", "Pupil"): _staff_of_pupil,
    ("manage", "Pupil"): _is_senco,
    ("erase", "Pupil"): _is_senco,
    ("export", "Pupil"): _is_senco,
    ("view", "ClassGroup"): _staff_of_class,
    ("enrol_tablet", "ClassGroup"): _teacher_of_class,
    ("revoke", "Device"): _manage_device,
    ("set_pictures", "Pupil"): _staff_of_pupil,
    ("help_sign_in", "Pupil"): _staff_of_pupil,
    ("clear_pictures", "Pupil"): _staff_of_pupil,
    ("view_voice", "Pupil"): _staff_of_pupil,
    ("see_worries", "Pupil"): _teacher_of_pupil,
    ("view", "Worry"): _see_worry,
    ("close", "Worry"): _see_worry,
    ("sort", "TopicCard"): _sort_card,
    ("view", "Proposal"): _own_or_staff,
    ("rate", "Proposal"): _own,
    ("listen", "Recording"): _listen,
    ("manage", "TopicCard"): _is_senco,
    ("manage", "ClassGroup"): _is_senco,
    ("manage", "User"): _is_senco,
    ("manage_staff", "User"): _manage_staff,
    ("manage_parent", "User"): _manage_parent,
    ("erase", "User"): _manage_parent,
    ("invite", "User"): _invite_parent,
    ("change_role", "User"): _not_themselves(_manage_staff),
    ("deactivate", "User"): _not_themselves(_is_senco),
    ("manage", "ParentLink"): _is_senco,
    ("create_plan", "Pupil"): _teacher_of_pupil,
    ("view", "Plan"): _on_plan(_staff_of_pupil),
    ("edit", "Plan"): _edit_plan,
    ("share", "Plan"): _share_plan,
    ("add_evidence", "Plan"): _add_evidence,
    ("read_as_family", "Plan"): _family_reads_plan,
    ("answer", "Plan"): _family_answers_plan,
    ("record_answer", "Plan"): _record_family_answer,
    ("notify_family", "Plan"): _record_family_answer,
    ("print_letter", "Plan"): _print_letter,
    ("translate", "Plan"): _translate_plan,
    ("start_review", "Plan"): _start_review,
    ("invite_to_review", "Plan"): _invite_to_review,
    ("record_review", "Plan"): _record_review,
    ("see_review", "Plan"): _see_review,
    ("send_home_view", "Plan"): _family_views_before_review,
    ("see_outcome", "Plan"): _pupil_sees_outcome,
    ("view", "TeachingGroup"): _view_group,
    ("manage", "TeachingGroup"): _manage_group,
    ("start_group", "School"): _start_group,
    ("use", "TargetBankEntry"): _use_bank,
    ("manage", "TargetBankEntry"): _is_senco,
    # the SENCO enters a bank target's words in each school language, once, with someone
    # who speaks it; teachers use them (issue 13, item 8)
    ("translate", "TargetBankEntry"): _is_senco,
    ("manage_bank", "School"): _view_audit,
    ("edit_glossary", "School"): _view_audit,
    ("administer", "School"): _view_audit,
    ("view_audit", "School"): _view_audit,
}

KNOWN_ACTIONS = frozenset(action for action, _ in _RULES)


def can(actor: Any, action: str, obj: Any) -> bool:
    """True when ``actor`` may do ``action`` to ``obj``; False for anything not allowed."""
    if actor is None or obj is None or not getattr(actor, "role", None):
        return False
    rule = _RULES.get((action, type(obj).__name__))
    return bool(rule and rule(actor, obj))
