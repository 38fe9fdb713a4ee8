"""The letter code and the invitation states (SEC-09), without an app."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pupilvoice.domain import invitations as rules

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def facts(**kw):
    return rules.InvitationFacts(
        created_at=NOW - timedelta(days=1), expires_at=NOW + timedelta(days=13), **kw
    )


def test_codes_use_only_unambiguous_characters():
    for _ in range(200):
        code = rules.new_code()
        assert len(code) == rules.CODE_LENGTH
        assert not set(code) & set("01OIL")
    assert len(rules.CODE_ALPHABET) == 31  # 31**8 is about 8.5e11 codes


def test_typed_codes_are_forgiven_spaces_dashes_and_small_letters():
    assert rules.normalise_code(" k7qm-4xpd ") == "K7QM4XPD"
    assert rules.normalise_code("K7QM 4XPD") == "K7QM4XPD"
    assert rules.format_code("K7QM4XPD") == "K7QM-4XPD"
    assert rules.lookup_part("K7QM4XPD") == "K7QM"


def test_things_that_cannot_be_codes():
    for typed in ["", "K7QM4XP", "K7QM4XPDD", "K7QM-4XP0", "K7QM-4XPO", "K7QM-4XPI", "ŻÓŁW-4XPD"]:
        assert rules.normalise_code(typed) is None, typed


def test_states():
    state = rules.invitation_state
    assert state(True, False, None, NOW) == rules.HAS_ACCOUNT
    assert state(True, True, None, NOW) == rules.ARCHIVED
    assert state(False, False, None, NOW) == rules.NOT_INVITED
    assert state(False, False, facts(), NOW) == rules.WAITING
    assert state(False, False, facts(revoked_at=NOW), NOW) == rules.REVOKED
    assert state(False, False, facts(failed_tries=rules.MAX_CODE_TRIES), NOW) == rules.LOCKED
    assert state(False, False, facts(failed_tries=rules.MAX_CODE_TRIES - 1), NOW) == rules.WAITING
    late = NOW + timedelta(days=14)
    assert state(False, False, facts(), late) == rules.EXPIRED
