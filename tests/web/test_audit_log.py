"""REL-06: the audit log is append-only and only the school's SENCO browses it."""

from __future__ import annotations

import html
import re

import pytest

from pupilvoice.audit_labels import ACTION_LABELS, KIND_LABELS
from pupilvoice.models import AuditEvent
from pupilvoice.services import audit, plans
from tests.web.plan_helpers import make_plan


def test_rel06_senco_sees_own_school_events_only(login, world, factory, db):
    other = factory.school("Hilltop")
    other_senco = factory.user(other, "senco", "Mr Hill")
    audit.record(other_senco, "glossary_changed", other)
    db.session.commit()
    login(world.teacher)  # a sign-in event in this school
    page = login(world.senco).get("/school/audit/").get_data(as_text=True)
    assert "<td>Signed in</td>" in page and "Mr Jones" in page
    assert "<td>Plain-words glossary changed</td>" not in page and "Mr Hill" not in page


def test_rel06_filters_narrow_the_list(login, world, db):
    audit.record(world.teacher, "view_voice", world.pupil)
    audit.record(world.ta, "set_pictures", world.pupil)
    db.session.commit()
    client = login(world.senco)
    page = client.get(f"/school/audit/?who={world.ta.id}").get_data(as_text=True)
    assert "<td>Picture password set</td>" in page and "<td>Read the pupil" not in page
    page = client.get("/school/audit/?action=view_voice&since=2000-01-01").get_data(as_text=True)
    assert "<td>Read the pupil&#39;s views</td>" in page
    assert "<td>Picture password set</td>" not in page
    page = client.get("/school/audit/?since=2999-01-01").get_data(as_text=True)
    assert "No events match." in page


def test_rel06_bad_filters_do_not_break_the_page(login, world):
    client = login(world.senco)
    for query in [
        "since=notadate",
        "page=-3",
        "page=99999999999",
        "who=abc",
        "action=" + "x" * 500,
    ]:
        assert client.get(f"/school/audit/?{query}").status_code == 200


def test_rel06_audit_rows_cannot_be_changed_or_deleted(world, db):
    event = audit.record(world.senco, "something", world.pupil)
    db.session.commit()
    event.action = "tampered"
    with pytest.raises(RuntimeError, match="append-only"):
        db.session.commit()
    db.session.rollback()
    db.session.delete(db.session.get(AuditEvent, event.id))
    with pytest.raises(RuntimeError, match="append-only"):
        db.session.commit()
    db.session.rollback()


def test_rel06_no_route_edits_or_deletes_audit_rows(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("audit."):
            assert rule.methods <= {"GET", "HEAD", "OPTIONS"}, rule


def _plan_reads(db, plan) -> list[tuple[str, int, int]]:
    rows = db.session.query(AuditEvent).filter_by(object_type="Plan", object_id=plan.id)
    return [(e.action, e.actor_user_id, e.detail.get("version")) for e in rows]


def test_rel06_the_translate_page_audits_its_read_of_the_plan(login, world, db):
    plan = make_plan(world, targets=1)
    plans.share(world.teacher, plan)
    db.session.commit()
    login(world.teacher).get(f"/staff/families/plans/{plan.id}/translate/pl")
    assert ("opened_for_translating", world.teacher.id, plan.version) in _plan_reads(db, plan)


def test_rel06_the_paper_answer_page_audits_its_read_of_the_plan(login, world, db):
    plan = make_plan(world, targets=1)
    plans.share(world.teacher, plan)
    db.session.commit()
    url = f"/staff/families/plans/{plan.id}/parents/{world.parent.id}/answer"
    assert login(world.teacher).get(url).status_code == 200
    assert ("opened_for_paper_answer", world.teacher.id, plan.version) in _plan_reads(db, plan)


# --- readable (issue 13, item 16) ---------------------------------------------------------------


def test_rel06_the_log_names_people_pupils_and_plans_in_plain_words(login, world, db):
    plan = make_plan(world, targets=1)
    login(world.teacher).get(f"/staff/plans/{plan.id}")
    page = html.unescape(login(world.senco).get("/school/audit/").get_data(as_text=True))
    assert "<td>Read the plan</td>" in page
    assert "Plan: <bdi>Sam T., Spring 2027</bdi>" in page
    assert "<bdi>Mr Jones</bdi>" in page
    assert not re.search(r"(Plan|Pupil|User) #\d", page) and "<code>" not in page


def test_rel06_a_pupil_signing_out_is_recorded_against_the_pupil(pupil_login, login, world, db):
    """The "I've finished" event recorded ``current_user``'s proxy ("LocalProxy #6")."""
    tablet = pupil_login(world.pupil)
    tablet.form("/pupil/finish", page="/pupil/")
    event = db.session.query(AuditEvent).filter_by(action="sign_out").one()
    assert (event.object_type, event.object_id) == ("Pupil", world.pupil.id)
    page = html.unescape(login(world.senco).get("/school/audit/").get_data(as_text=True))
    assert "<td>Signed out</td>" in page and "Pupil: <bdi>Sam T.</bdi>" in page


def test_rel06_events_written_with_the_proxy_read_as_the_person(login, world, db):
    """Rows written before the fix (append-only, so they stay) show whose they were."""
    db.session.add(
        AuditEvent(
            school_id=world.school.id,
            actor_pupil_id=world.pupil.id,
            action="sign_out",
            object_type="LocalProxy",
            object_id=world.pupil.id,
            detail={},
        )
    )
    db.session.commit()
    page = html.unescape(login(world.senco).get("/school/audit/").get_data(as_text=True))
    assert "LocalProxy" not in page and "Pupil: <bdi>Sam T.</bdi>" in page


def test_rel06_details_name_the_pupil_and_the_parent(login, world, db):
    audit.record(world.teacher, "linked", world.school, parent_id=world.parent.id,
                 pupil_id=world.pupil.id)  # fmt: skip
    db.session.commit()
    page = html.unescape(login(world.senco).get("/school/audit/").get_data(as_text=True))
    assert "Pupil: <bdi>Sam T.</bdi>" in page and "Parent: <bdi>Tom Taylor</bdi>" in page


def test_rel06_the_filters_offer_the_labelled_kinds_without_reading_the_log(login, world, queries):
    senco = login(world.senco)
    with queries() as ran:
        page = html.unescape(senco.get("/school/audit/").get_data(as_text=True))
    assert not any("DISTINCT" in statement.upper() for statement in ran)
    offered = re.findall(r'<option value="([A-Za-z_]+)"', page)  # not staff ids, not ""
    assert set(offered) == set(ACTION_LABELS) | set(KIND_LABELS)
    assert '<option value="Plan">Plan</option>' in page


def test_rel06_the_log_is_in_the_readers_language(login, world, db):
    world.senco.locale = "pl"
    db.session.commit()
    login(world.teacher)
    page = html.unescape(login(world.senco).get("/school/audit/").get_data(as_text=True))
    assert "<td>Signed in</td>" not in page and "<td>Zalogowano się</td>" in page
