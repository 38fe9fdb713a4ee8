"""Issue 14, item 3: a family loses access at once when their child leaves (is archived)
or their link to the child is removed; the plan's address then gives 404 (SEC-02, PRI-03)."""

from __future__ import annotations

from pupilvoice.services import people, plans, pupils
from tests.web.plan_helpers import make_plan


def _shared_plan(world, db):
    plan = make_plan(world, targets=1)
    plans.share(world.teacher, plan)
    db.session.commit()
    return plan


def _family_addresses(plan) -> list[str]:
    return [f"/family/plans/{plan.id}", f"/family/plans/{plan.id}/copy.pdf"]


def test_sec02_an_archived_pupils_plan_gives_404_to_their_parent(login, world, db):
    plan = _shared_plan(world, db)
    family = login(world.parent)
    assert family.get(f"/family/plans/{plan.id}").status_code == 200
    pupils.archive(world.senco, world.pupil)
    db.session.commit()
    for address in _family_addresses(plan):
        assert family.get(address).status_code == 404, address
    assert "Sam" not in family.get("/family/").get_data(as_text=True)
    pupils.restore(world.senco, world.pupil)
    db.session.commit()
    assert family.get(f"/family/plans/{plan.id}").status_code == 200


def test_sec02_an_unlinked_parent_loses_the_plan_at_once(login, world, db):
    plan = _shared_plan(world, db)
    family = login(world.parent)
    assert family.get(f"/family/plans/{plan.id}").status_code == 200
    people.unlink(world.senco, world.parent.children_links[0])
    db.session.commit()
    for address in _family_addresses(plan):
        assert family.get(address).status_code == 404, address
