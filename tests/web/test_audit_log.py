"""REL-06: the audit log is append-only and only the school's SENCO browses it."""

from __future__ import annotations

import pytest

from pupilvoice.models import AuditEvent
from pupilvoice.services import audit, plans
from tests.web.plan_helpers import make_plan


def test_rel06_senco_sees_own_school_events_only(login, world, factory, db):
    other = factory.school("Hilltop")
    other_senco = factory.user(other, "senco", "Mr Hill")
    audit.record(other_senco, "secret_thing", other_senco)
    db.session.commit()
    login(world.teacher)  # a sign-in event in this school
    page = login(world.senco).get("/school/audit/").get_data(as_text=True)
    assert "<code>sign_in</code>" in page and "Mr Jones" in page
    assert "secret_thing" not in page and "Mr Hill" not in page


def test_rel06_filters_narrow_the_list(login, world, db):
    audit.record(world.teacher, "viewed_pupil", world.pupil)
    audit.record(world.ta, "changed_pupil", world.pupil)
    db.session.commit()
    client = login(world.senco)
    page = client.get(f"/school/audit/?who={world.ta.id}").get_data(as_text=True)
    assert "<code>changed_pupil</code>" in page and "<code>viewed_pupil</code>" not in page
    page = client.get("/school/audit/?action=viewed_pupil&since=2000-01-01").get_data(as_text=True)
    assert "<code>viewed_pupil</code>" in page and "<code>changed_pupil</code>" not in page
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
