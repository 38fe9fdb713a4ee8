"""`flask demo --size large`: the demo school grown, more schools like it and a year of
logs, written in bulk (issue 16, target 3). Built here at a small size: the real one is
measured by benchmarks/scale.py."""

from sqlalchemy import func, select

from pupilvoice.domain.versions import text_hash
from pupilvoice.models import (
    AuditEvent,
    ClassGroup,
    LoginSession,
    ParentLink,
    Plan,
    PlanVersion,
    Pupil,
    School,
    Sort,
    User,
)
from pupilvoice.services import demo, demo_large
from pupilvoice.services.plans import snapshot
from tests.conftest import sign_in


def _count(db, model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_the_large_demo_grows_the_demo_school_and_adds_schools_like_it(app, db):
    demo_large.load(schools=3, pupils=60, audit_rows=3000, sessions=600)
    riverside = db.session.scalar(select(School).filter_by(name=demo.SCHOOL))
    assert _count(db, School) == 3
    for school_id in (1, 2, 3):
        assert _count(db, Pupil, Pupil.school_id == school_id) == 60
        assert _count(db, ClassGroup, ClassGroup.school_id == school_id) == 14
        assert _count(db, Plan, Plan.school_id == school_id) >= 5
        assert _count(db, Sort, Sort.school_id == school_id) >= 5
        assert _count(db, User, User.school_id == school_id, User.role == "parent") >= 5
    assert _count(db, ParentLink) >= 15
    assert 2900 <= _count(db, AuditEvent) <= 3300  # and the demo's own
    assert 550 <= _count(db, LoginSession) <= 600
    # the demo's own sign-ins still work, and a bulk plan's version hash is the service's
    client = app.test_client()
    senco = db.session.scalar(select(User).filter_by(email="senco@riverside.example"))
    assert senco.school_id == riverside.id
    assert sign_in(client, senco, demo.PASSWORD).status_code == 302
    assert client.get("/staff/").status_code == 200
    plan = db.session.scalars(select(Plan).where(Plan.school_id == 2)).first()
    kept = db.session.scalar(select(PlanVersion).filter_by(plan_id=plan.id))
    assert kept.text_hash == text_hash(snapshot(plan))


def test_flask_demo_without_a_size_is_the_demo_as_before(app, db):
    result = app.test_cli_runner().invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    assert _count(db, School) == 1 and _count(db, Pupil) == 25
