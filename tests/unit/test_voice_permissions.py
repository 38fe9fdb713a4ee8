"""Permission rules for the pupil's side: tablets, pictures, voice, worries (SEC-01, SEC-02)."""

from __future__ import annotations

from types import SimpleNamespace as NS

from pupilvoice.domain.permissions import can


class Pupil(NS):
    pass


class Device(NS):
    pass


def actor(role, school_id=1, class_ids=(), id=1):
    return NS(role=role, school_id=school_id, class_ids=frozenset(class_ids), pupil_ids=(), id=id)


SAM = Pupil(id=7, school_id=1, class_id=10)
OAK_TABLET = Device(id=3, school_id=1, class_id=10)


def test_class_teacher_and_senco_stop_a_tablet_but_not_a_ta_or_other_class():
    assert can(actor("teacher", class_ids={10}), "revoke", OAK_TABLET)
    assert can(actor("senco"), "revoke", OAK_TABLET)
    assert not can(actor("ta", class_ids={10}), "revoke", OAK_TABLET)
    assert not can(actor("teacher", class_ids={11}), "revoke", OAK_TABLET)
    assert not can(actor("senco", school_id=2), "revoke", OAK_TABLET)
    assert not can(actor("pupil", id=7), "revoke", OAK_TABLET)


def test_staff_of_the_class_set_pictures_and_help_sign_in():
    for action in ("set_pictures", "help_sign_in"):
        assert can(actor("teacher", class_ids={10}), action, SAM)
        assert can(actor("ta", class_ids={10}), action, SAM)
        assert can(actor("senco"), action, SAM)
        assert not can(actor("teacher", class_ids={11}), action, SAM)
        assert not can(actor("parent"), action, SAM)
        assert not can(actor("pupil", id=7), action, SAM)
