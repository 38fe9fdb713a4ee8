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


class Worry(NS):
    pass


class Recording(NS):
    pass


class TopicCard(NS):
    pass


class Proposal(NS):
    pass


def test_worries_go_to_class_teachers_and_senco_only():
    worry = Worry(id=1, school_id=1, pupil=SAM)
    for action in ("view", "close"):
        assert can(actor("teacher", class_ids={10}), action, worry)
        assert can(actor("senco"), action, worry)
        assert not can(actor("ta", class_ids={10}), action, worry)
        assert not can(actor("teacher", class_ids={11}), action, worry)
        assert not can(actor("parent"), action, worry)
        assert not can(actor("pupil", id=7), action, worry)
        assert not can(actor("senco", school_id=2), action, worry)


def test_recordings_are_for_staff_and_a_worrys_for_teachers_and_senco():
    voice = Recording(id=1, school_id=1, pupil=SAM, purpose="voice")
    worry = Recording(id=2, school_id=1, pupil=SAM, purpose="worry")
    assert can(actor("ta", class_ids={10}), "listen", voice)
    assert not can(actor("ta", class_ids={10}), "listen", worry)
    assert can(actor("teacher", class_ids={10}), "listen", worry)
    for who in (actor("pupil", id=7), actor("parent"), actor("teacher", class_ids={11})):
        assert not can(who, "listen", voice)


def test_pupils_sort_their_schools_cards_in_use_and_only_the_senco_manages_them():
    card = TopicCard(id=1, school_id=1, retired_at=None)
    retired = TopicCard(id=2, school_id=1, retired_at="yesterday")
    assert can(actor("pupil", id=7), "sort", card)
    assert not can(actor("pupil", id=7), "sort", retired)
    assert not can(actor("pupil", id=7, school_id=2), "sort", card)
    assert not can(actor("teacher", class_ids={10}), "sort", card)
    assert can(actor("senco"), "manage", card)
    assert not can(actor("teacher"), "manage", card)
    assert not can(actor("senco", school_id=2), "manage", card)


def test_only_the_pupil_rates_their_own_proposal():
    idea = Proposal(id=1, school_id=1, pupil_id=7, pupil=SAM)
    assert can(actor("pupil", id=7), "rate", idea)
    assert not can(actor("pupil", id=8), "rate", idea)
    assert not can(actor("teacher", class_ids={10}), "rate", idea)


def test_staff_of_the_class_see_the_voice_and_teachers_the_worries():
    assert can(actor("ta", class_ids={10}), "view_voice", SAM)
    assert not can(actor("ta", class_ids={10}), "see_worries", SAM)
    assert can(actor("teacher", class_ids={10}), "see_worries", SAM)
    assert not can(actor("parent"), "view_voice", SAM)
