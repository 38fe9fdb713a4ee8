"""Staff home: the classes and pupils a member of staff works with."""

from __future__ import annotations


def test_staff_home_does_not_load_the_staff_of_each_class(login, world, queries):
    client = login(world.senco)
    with queries() as ran:
        page = client.get("/staff/").get_data(as_text=True)
    assert "Oak" in page and "Willow" in page
    assert not [statement for statement in ran if "class_staff" in statement]


def test_staff_home_queries_do_not_grow_with_the_school(login, world, factory, db, queries):
    client = login(world.senco)
    with queries() as before:
        client.get("/staff/")
    group = factory.class_group(world.school, "Rowan", 5, [world.teacher])
    for name in ("Ruby", "Alfie", "George"):
        factory.pupil(group, name)
    db.session.commit()
    with queries() as after:
        page = client.get("/staff/").get_data(as_text=True)
    assert "Rowan" in page and "Ruby" in page
    assert len(after) == len(before)
