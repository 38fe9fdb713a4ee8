"""The provision catalogue, targets that point at a provision, and a term's provision
map with its CSV (issue 15 items 2, 4, 5; SEC-01, SEC-02, REL-05)."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

from pupilvoice.domain import lifecycle
from pupilvoice.models import Plan, PlanVersion, Provision, Pupil, Target
from pupilvoice.services import plans, provisions
from tests.web.plan_helpers import make_plan, target_data

TERM = "2026-autumn"  # 3 September to 18 December 2026, half term from 26 October
PROVISION = {
    "name": "Phonics catch-up group",
    "provider": "Mrs Evans (TA)",
    "group_size": "4",
    "sessions_per_week": "3",
    "minutes_per_session": "20",
    "weeks": "10",
    "location": "The library",
    "need_areas": ["cognition", "communication"],
    "cost_kind": "session",
    "cost_pence": "12.50",
}


def add_provision(world, db, **changes) -> Provision:
    values = {
        "name": "Phonics catch-up group",
        "provider": "Mrs Evans (TA)",
        "group_size": 4,
        "sessions_per_week": 3,
        "minutes_per_session": 20,
        "weeks": 10,
        "location": "The library",
        "need_areas": ["cognition"],
        "cost_kind": "session",
        "cost_pence": 1250,
    }
    found = provisions.create(world.senco, values | changes)
    db.session.commit()
    return found


def autumn_plan(world, pupil, provision, status="draft"):
    plan = plans.create(
        world.teacher,
        pupil,
        {
            "term_label": "Autumn 2026",
            "starts_on": date(2026, 9, 3),
            "review_on": date(2026, 12, 10),
        },
    )
    values = provisions.filled(
        world.school.id,
        {
            "area": "reading",
            "smart_text": "By December, read 40 of 45 words.",
            "provision_id": provision.id,
        },
    )
    plans.add_target(world.teacher, plan, values)
    plan.status = status
    return plan


def test_senco_adds_a_provision_and_it_is_listed(login, world, db):
    senco = login(world.senco)
    assert senco.form("/staff/provisions/new", PROVISION).status_code == 302
    found = db.session.query(Provision).one()
    assert (found.school_id, found.cost_pence, found.group_size) == (world.school.id, 1250, 4)
    assert found.need_areas == ["communication", "cognition"]
    page = senco.get("/staff/provisions").get_data(as_text=True)
    assert "Phonics catch-up group" in page and "£12.50" in page
    assert "Cognition and learning" in page


def test_a_provision_form_with_mistakes_is_refused_beside_its_fields(login, world, db):
    data = PROVISION | {"name": "", "group_size": "0", "cost_pence": "lots"}
    response = login(world.senco).form("/staff/provisions/new", data)
    assert response.status_code == 422  # REL-05
    page = response.get_data(as_text=True)
    assert "Write the provision's name." in page and "Write a number from 1 to 40." in page
    assert db.session.query(Provision).count() == 0


def test_only_the_senco_sees_the_catalogue_and_the_map(login, world, db, factory):
    found = add_provision(world, db)
    teacher = login(world.teacher)
    for url in (
        "/staff/provisions",
        "/staff/provisions/new",
        f"/staff/provisions/{found.id}",
        "/staff/provision-map",
        "/staff/provision-map.csv",
    ):
        assert teacher.get(url).status_code == 403  # SEC-01
    other_school = factory.school("Hillside")
    other_senco = factory.user(other_school, "senco")
    db.session.commit()
    assert login(other_senco).get(f"/staff/provisions/{found.id}").status_code == 404  # SEC-02


def test_a_target_points_at_a_provision_and_takes_its_numbers(login, world, db):
    found = add_provision(world, db, cost_kind="hour", cost_pence=1800)
    plan = make_plan(world)
    target = plan.targets[0]
    teacher = login(world.teacher)
    url = f"/staff/plans/{plan.id}/targets/{target.id}"
    assert "Phonics catch-up group" in teacher.get(url).get_data(as_text=True)
    data = target_data(target, provision_id=str(found.id), provider="Someone else", weeks="3")
    assert teacher.form(url, data).status_code == 302
    db.session.refresh(target)
    assert (target.provision_id, target.provider, target.weeks) == (found.id, "Mrs Evans (TA)", 10)
    assert target.cost_per_session_pence == 600  # £18 an hour for 20 minutes
    latest = db.session.query(PlanVersion).order_by(PlanVersion.id.desc()).first()
    assert latest.snapshot["targets"][str(target.id)]["provision_id"] == found.id


def test_another_schools_provision_cannot_be_chosen(login, world, db, factory):
    other_school = factory.school("Hillside")
    other = provisions.create(factory.user(other_school, "senco"), {"name": "Theirs"})
    db.session.commit()
    plan = make_plan(world)
    target = plan.targets[0]
    url = f"/staff/plans/{plan.id}/targets/{target.id}"
    response = login(world.teacher).form(url, target_data(target, provision_id=str(other.id)))
    assert response.status_code != 302  # refused: not one of this school's choices
    db.session.refresh(target)
    assert target.provision_id is None


def test_editing_a_provision_updates_open_plans_and_keeps_a_version(login, world, db):
    found = add_provision(world, db)
    open_plan = autumn_plan(world, world.pupil, found, status=lifecycle.AGREED)
    closed = autumn_plan(world, world.other_pupil, found, status=lifecycle.CLOSED)
    db.session.commit()
    before = open_plan.version
    data = PROVISION | {"sessions_per_week": "4", "location": "The quiet room"}
    response = login(world.senco).form(f"/staff/provisions/{found.id}", data)
    assert response.status_code == 302
    db.session.expire_all()
    target = db.session.get(Plan, open_plan.id).targets[0]
    assert (target.sessions_per_week, target.location) == (4, "The quiet room")
    assert db.session.get(Plan, open_plan.id).version == before + 1
    version = (
        db.session.query(PlanVersion)
        .filter_by(plan_id=open_plan.id)
        .order_by(PlanVersion.number.desc())
        .first()
    )
    assert version.change == "provision_edited"
    assert version.snapshot["targets"][str(target.id)]["sessions_per_week"] == 4
    assert db.session.get(Plan, open_plan.id).status == lifecycle.NEEDS_CONFIRMING
    assert db.session.get(Plan, closed.id).targets[0].sessions_per_week == 3  # history kept


def _csv_rows(response) -> list[dict]:
    text = response.get_data(as_text=True).lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_map_totals_equal_its_csv_rows_to_the_penny(login, world, db, factory):
    group = add_provision(world, db)
    one_to_one = add_provision(
        world,
        db,
        name="1:1 reading",
        group_size=1,
        cost_kind="hour",
        cost_pence=1850,
        minutes_per_session=15,
    )
    pupils = [world.pupil, world.other_pupil] + [
        factory.pupil(world.own_class, f"Pupil{n}") for n in range(3)
    ]
    for pupil in pupils:
        autumn_plan(world, pupil, group)
    autumn_plan(world, world.pupil, one_to_one)
    db.session.commit()
    senco = login(world.senco)
    page = senco.get(f"/staff/provision-map?term={TERM}").get_data(as_text=True)
    rows = _csv_rows(senco.get(f"/staff/provision-map.csv?term={TERM}"))
    assert len(rows) == 6
    total = sum(Decimal(row["Cost (£)"]) for row in rows)
    assert f'data-total-pence="{int(total * 100)}"' in page
    # 3 a week for 10 teaching weeks from Thursday 3 September: 1 + 9 * 3 = 28 sessions;
    # five pupils fill two groups of four: 2 * 28 * £12.50 = £700, £140 each
    phonics = [row for row in rows if row["Provision"] == "Phonics catch-up group"]
    assert [row["Cost (£)"] for row in phonics] == ["140.00"] * 5
    assert {row["Minutes"] for row in phonics} == {"560"}
    reading = [row for row in rows if row["Provision"] == "1:1 reading"]
    # 3 a week for 10 weeks is 28 sessions of 15 minutes at £18.50 an hour: £129.50
    assert reading[0]["Cost (£)"] == "129.50" and reading[0]["Hours"] == "7:00"
    assert "Not enough reviews yet (0 of 5)" in page
    oak = _csv_rows(
        senco.get(f"/staff/provision-map.csv?term={TERM}&class_id={world.own_class.id}")
    )
    assert len(oak) == 5 and all(row["Class"] == "Oak" for row in oak)


def test_a_map_for_a_term_or_class_that_does_not_exist_is_a_404(login, world, db, factory):
    senco = login(world.senco)
    assert senco.get("/staff/provision-map?term=2026-winter").status_code == 404
    assert senco.get("/staff/provision-map?class_id=999999").status_code == 404
    other = factory.class_group(factory.school("Hillside"), "Elm")
    db.session.commit()
    assert senco.get(f"/staff/provision-map.csv?class_id={other.id}").status_code == 404
    assert senco.get("/staff/provision-map").status_code == 200


def _school(db, world, pupils: int, offers: int) -> None:
    """``pupils`` pupils with a plan each and one target on each of ``offers`` provisions
    in turn (some pupils on two), added in bulk."""
    found = [
        add_provision(world, db, name=f"Provision {n}", group_size=1 + n % 5) for n in range(offers)
    ]
    for n in range(pupils):
        pupil = Pupil(
            school_id=world.school.id,
            class_id=world.own_class.id,
            first_name=f"P{n}",
            surname_initial="Q",
            year_group=1,
        )
        plan = Plan(
            school_id=world.school.id,
            pupil=pupil,
            term_label="Autumn 2026",
            starts_on=date(2026, 9, 3),
            review_on=date(2026, 12, 10),
        )
        db.session.add_all([pupil, plan])
        for k in range(1 + n % 2):
            db.session.add(
                Target(
                    school_id=world.school.id,
                    plan=plan,
                    area="reading",
                    smart_text="Read.",
                    provision_id=found[(n + k) % offers].id,
                    outcome="achieved" if n % 3 else None,
                )
            )
    db.session.commit()


def _count(client, queries, url) -> int:
    with queries() as ran:
        assert client.get(url).status_code == 200
    return len(ran)


def test_the_map_and_csv_cost_the_same_queries_for_40_or_400_pupils(login, world, db, queries):
    # 40 pupils and 4 provisions, then 400 pupils and 40 provisions
    _school(db, world, 40, 4)
    senco = login(world.senco)
    small = [
        _count(senco, queries, f"/staff/provision-map{kind}?term={TERM}") for kind in ("", ".csv")
    ]
    _school(db, world, 360, 36)
    large = [
        _count(senco, queries, f"/staff/provision-map{kind}?term={TERM}") for kind in ("", ".csv")
    ]
    assert small == large
    page = senco.get(f"/staff/provision-map?term={TERM}").get_data(as_text=True)
    rows = _csv_rows(senco.get(f"/staff/provision-map.csv?term={TERM}"))
    assert len(rows) == 600
    total = sum(int(Decimal(row["Cost (£)"]) * 100) for row in rows)
    assert f'data-total-pence="{total}"' in page


def test_the_csv_export_is_in_the_audit_log(login, world, db):
    from pupilvoice.models import AuditEvent

    response = login(world.senco).get(f"/staff/provision-map.csv?term={TERM}")
    assert response.headers["Content-Disposition"].startswith("attachment;")
    event = db.session.query(AuditEvent).filter_by(action="provision_map_exported").one()
    assert (event.actor_user_id, event.detail["term"]) == (world.senco.id, TERM)  # REL-06
