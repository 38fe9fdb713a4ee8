"""Issue 14, item 4 (PRI-04): `flask retention --dry-run` lists exactly what `flask
retention` then removes, by each school's rules; a second run removes nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from pupilvoice.extensions import db
from pupilvoice.models import AuditEvent, LoginSession, Pupil, Recording, Sort, SortChoice, Worry
from tests.web.privacy_helpers import pupil_with_everything

LONG_AGO = datetime(2019, 7, 19, tzinfo=UTC)


def _ago(**delta) -> datetime:
    return datetime.now(UTC) - timedelta(**delta)


@pytest.fixture
def school(world, factory):
    """Sam, still here, with a worry closed three years ago, a recording from last year and
    a recent worry; Olly, who left in 2019 aged 25; Ayaan, who left last year."""
    pupil_with_everything(world)
    db.session.execute(Worry.__table__.update().values(closed_at=_ago(days=3 * 366)))
    db.session.execute(Recording.__table__.update().values(created_at=_ago(days=400)))
    db.session.add(
        Worry(
            school_id=world.school.id,
            pupil_id=world.pupil.id,
            source="pupil",
            kind="home",
            closed_at=_ago(days=30),
        )
    )
    olly = factory.pupil(world.own_class, "Olly")
    olly.born_on, olly.archived_at = date(1994, 5, 1), LONG_AGO
    world.other_pupil.archived_at = _ago(days=300)
    db.session.add(LoginSession(token_hash="o" * 64, pupil_id=olly.id, last_seen_at=LONG_AGO))
    db.session.commit()
    return world


def _run(app, *args) -> list[str]:
    result = app.test_cli_runner().invoke(args=["retention", *args])
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def _listed(lines) -> dict[str, set[int]]:
    found = {}
    for line in lines[:-1]:
        _, kind, rest = line.split(": ")
        found[kind] = {int(n) for n in rest.split("(")[1].rstrip(")").split(", ")}
    return found


def _exists(model, ids) -> set[int]:
    return set(db.session.scalars(select(model.id).where(model.id.in_(ids))))


def test_pri04_the_dry_run_lists_what_the_real_run_removes(app, school):
    olly = db.session.scalar(select(Pupil.id).where(Pupil.first_name == "Olly"))
    dry = _run(app, "--dry-run")
    listed = _listed(dry)
    assert listed["pupil"] == {olly}, "Ayaan left last year: kept; Sam is still here"
    assert len(listed["worry"]) == 1 and len(listed["recording"]) == 1
    assert db.session.get(Pupil, olly) is not None, "a dry run removes nothing"
    real = _run(app)
    assert real[:-1] == dry[:-1]
    assert real[-1] == dry[-1].replace("Would remove", "Removed")
    db.session.expire_all()
    assert not _exists(Worry, listed["worry"]) and not _exists(Recording, listed["recording"])
    assert not _exists(Pupil, listed["pupil"]) and not _exists(LoginSession, listed["session"])
    assert db.session.scalar(select(func.count(Worry.id))) == 1, "the recent worry stays"
    assert db.session.get(Pupil, school.other_pupil.id) is not None
    words = db.session.scalar(select(SortChoice.words))
    assert words == "Sums are hard", "what the pupil typed stays when the recording goes"
    assert db.session.scalar(select(func.count(Sort.id))) == 1


def test_pri04_a_second_run_finds_nothing(app, school):
    _run(app)
    assert _run(app, "--dry-run") == ["Would remove: 0."]
    assert _run(app) == ["Removed: 0."]


def test_pri04_the_run_is_audited_without_names(app, school):
    _run(app)
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.actor_user_id.is_(None))).all()
    actions = {e.action for e in events}
    assert {"retention_applied", "erased"} <= actions
    assert "Olly" not in " ".join(str(e.detail) for e in events)


# --- the SENCO's page -----------------------------------------------------------------------


def test_pri04_the_senco_sets_how_long_records_are_kept(login, school):
    senco = login(school.senco)
    page = senco.get("/school/records").get_data(as_text=True)
    assert "until they are 25" in page and "Files of pupils who left" in page
    data = {
        "keep_sen_until_age": "31",
        "keep_ehc_until_age": "31",
        "keep_worries_years": "5",
        "keep_recordings_months": "24",
    }
    assert senco.form("/school/records", data).status_code == 302
    db.session.expire_all()
    assert school.school.keep_sen_until_age == 31 and school.school.keep_recordings_months == 24
    changed = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "retention_changed"))
    assert changed.detail["keep_worries_years"] == 5
    page = senco.get("/school/records").get_data(as_text=True)
    assert "Closed worries" not in page, "kept five years now, the old worry is not due"
    refused = senco.form("/school/records", data | {"keep_sen_until_age": "2"})
    assert refused.status_code == 422
    db.session.expire_all()
    assert school.school.keep_sen_until_age == 31
