"""The staff dashboard: the register with what needs attention first, the SENCO's filters,
and a number of queries that does not grow with the school."""

from __future__ import annotations

from datetime import date, timedelta

from pupilvoice.models.base import utcnow
from tests.web.plan_helpers import make_plan


def chips(page: str) -> list[str]:
    """The attention labels in the order the page shows them."""
    start = page.index("Needs your attention")
    part = page[start : page.index("Pupils on the SEN register", start)]
    labels = (
        "open worr",
        "New voice",
        "Review overdue",
        "Review due soon",
        "Waiting for parents",
        "Plan in draft",
        "No plan yet",
    )
    found = sorted((part.find(label), label) for label in labels if label in part)
    return [label for _, label in found]


def test_teacher_sees_their_register_pupils_most_urgent_first(login, world, factory, db):
    overdue = factory.pupil(world.own_class, "Zofia")
    waiting = factory.pupil(world.own_class, "Noah")
    factory.pupil(world.own_class, "Leo", stage="none")  # not on the register
    factory.pupil(world.own_class, "Ivy")  # no plan yet
    db.session.commit()
    make_plan(world)  # Sam: a draft, review in 70 days
    world.pupil = overdue
    make_plan(world, status="agreed", review_on=date.today() - timedelta(days=3))
    world.pupil = waiting
    make_plan(world, status="shared", review_on=date.today() + timedelta(days=10))
    page = login(world.teacher).get("/staff/").get_data(as_text=True)
    assert chips(page) == [
        "Review overdue",
        "Review due soon",
        "Waiting for parents",
        "Plan in draft",
        "No plan yet",
    ]
    attention = page[page.index("Needs your attention") : page.index("Pupils on the SEN reg")]
    assert attention.index("Zofia T.") < attention.index("Noah T.") < attention.index("Sam T.")
    assert "Leo T." not in attention and "Ayaan" not in page  # another class
    assert "Filter the register" not in page  # filters are the SENCO's


def test_no_plan_chip_starts_a_plan_for_teachers_only(login, world):
    new_plan = f"/staff/pupils/{world.pupil.id}/plans/new"
    assert new_plan in login(world.teacher).get("/staff/").get_data(as_text=True)
    ta_page = login(world.ta).get("/staff/").get_data(as_text=True)
    assert "No plan yet" in ta_page and new_plan not in ta_page


def test_senco_filters_by_class_stage_and_status(login, world, factory, db):
    factory.pupil(world.other_class, "George", stage="ehcp")
    db.session.commit()
    make_plan(world, status="shared")
    senco = login(world.senco)
    everyone = senco.get("/staff/").get_data(as_text=True)
    assert all(name in everyone for name in ("Sam T.", "Ayaan T.", "George T."))

    def register(query: str) -> str:
        page = senco.get(f"/staff/?{query}").get_data(as_text=True)
        return page[page.index("Pupils on the SEN register") : page.index("Your classes")]

    oak = register(f"class_id={world.own_class.id}")
    assert "Sam T." in oak and "Ayaan T." not in oak
    ehcp = register("stage=ehcp")
    assert "George T." in ehcp and "Sam T." not in ehcp
    waiting = register("status=shared")
    assert "Sam T." in waiting and "Ayaan T." not in waiting
    no_plan = register("status=none")
    assert "Ayaan T." in no_plan and "Sam T." not in no_plan
    assert "Sam T." in register("class_id=abc&stage=x&status=nonsense")


def test_senco_cannot_filter_to_another_schools_class(login, world, factory, db):
    other = factory.school("Hilltop")
    elm = factory.class_group(other, "Elm")
    factory.pupil(elm, "Hidden")
    db.session.commit()
    page = login(world.senco).get(f"/staff/?class_id={elm.id}").get_data(as_text=True)
    assert "Hidden" not in page and "Sam T." in page


def _school_of(factory, db, pupils: int):
    school = factory.school(f"School of {pupils}")
    senco = factory.user(school, "senco", "Mrs Khan")
    teacher = factory.user(school, "teacher", "Mr Jones")
    groups = [factory.class_group(school, f"Class {n}", 3, [teacher]) for n in range(4)]
    for n in range(pupils):
        pupil = factory.pupil(groups[n % 4], f"Pupil{n}")
        world = type("World", (), {"teacher": teacher, "pupil": pupil})
        if n % 3:
            make_plan(world, status=("draft", "shared", "agreed")[n % 3])
    db.session.commit()
    return senco, teacher


def test_dashboard_queries_do_not_grow_with_the_number_of_pupils(login, factory, db, queries):
    counts = []
    for pupils in (5, 40):
        senco, teacher = _school_of(factory, db, pupils)
        for user in (senco, teacher):
            client = login(user)
            with queries() as ran:
                page = client.get("/staff/").get_data(as_text=True)
            assert page.count("Pupil0 T.") >= 1
            counts.append((user.role, len(ran)))
    assert counts[0] == counts[2] and counts[1] == counts[3], counts


def test_senco_filters_keep_what_was_chosen(login, world):
    senco = login(world.senco)
    page = senco.get(f"/staff/?class_id={world.own_class.id}&stage=ehcp&status=shared")
    html = page.get_data(as_text=True)
    assert f'<option selected value="{world.own_class.id}">Oak</option>' in html
    assert '<option selected value="ehcp">EHC plan</option>' in html
    assert '<option selected value="shared">Waiting for parents</option>' in html
    assert html.count("<option selected") == 3
    nonsense = senco.get("/staff/?class_id=abc&status=closed").get_data(as_text=True)
    assert "<option selected" not in nonsense
    assert '<option value="">All classes</option>' in nonsense


def test_class_lists_and_register_leave_out_archived_pupils(login, world, factory, db):
    gone = factory.pupil(world.own_class, "Gone")
    gone.archived_at = utcnow()
    unplaced = factory.pupil(world.own_class, "Nomad")
    unplaced.class_id = None
    old_class = factory.class_group(world.school, "Ash", 4)
    old_class.archived_at = utcnow()
    factory.pupil(old_class, "Leftover")
    db.session.commit()
    page = login(world.senco).get("/staff/").get_data(as_text=True)
    assert "Gone T." not in page
    register = page[page.index("Pupils on the SEN register") : page.index("Your classes")]
    assert "Nomad T." in register and "No class yet" in register
    assert "Leftover T." in register and ">Ash<" in register
    classes = page[page.index("Your classes") :]
    assert "Nomad T." not in classes and "Leftover T." not in classes and "Ash" not in classes
    assert "1 pupil ·" in classes  # Oak: Sam only


def test_teacher_without_a_class_sees_an_empty_dashboard(login, world, factory, db):
    newcomer = factory.user(world.school, "teacher", "Ms New")
    db.session.commit()
    page = login(newcomer).get("/staff/").get_data(as_text=True)
    assert "You are not linked to a class yet" in page
    assert "Nothing needs your attention just now." in page and "Sam T." not in page


def test_dashboard_statements_stay_few(login, world, queries):
    """The signed-in session, the classes, the pupils with their current plans (one query
    for the class lists and the register), new voice, open worries, parents who would like
    to talk, pupils whose picture sign-in paused (SEC-05). A teacher's and TA's classes come
    with them, and a TA sees no worries. The SENCO's register is read on its own, and the
    classes only counted (issue 16: the same however large the school)."""
    make_plan(world, status="shared")
    for user, expected in ((world.senco, 8), (world.teacher, 7), (world.ta, 6)):
        client = login(user)
        with queries() as ran:
            assert client.get("/staff/").status_code == 200
        assert len(ran) == expected, (user.role, ran)


def test_register_shows_each_pupils_latest_plan_that_is_not_closed(login, world):
    make_plan(world, status="agreed", term_label="Autumn 2026")
    make_plan(world, status="draft", term_label="Spring 2027")
    make_plan(world, status="closed", term_label="Summer 2027")
    page = login(world.senco).get("/staff/").get_data(as_text=True)
    register = page[page.index("Pupils on the SEN register") : page.index("Your classes")]
    assert "Spring 2027" in register
    assert "Autumn 2026" not in register and "Summer 2027" not in register
    assert register.count("No plan yet</td>") == 1  # Ayaan


def test_teacher_sees_their_open_classes_by_year_then_name(login, world, factory, db):
    for name, year in (("Pine", 2), ("Elm", 2), ("Ash", 1)):
        factory.class_group(world.school, name, year, [world.teacher])
    archived = factory.class_group(world.school, "Yew", 1, [world.teacher])
    archived.archived_at = utcnow()
    db.session.commit()
    page = login(world.teacher).get("/staff/").get_data(as_text=True)
    classes = page[page.index("Your classes") :]
    headings = [classes.index(f">{name} <span") for name in ("Ash", "Oak", "Elm", "Pine")]
    assert headings == sorted(headings)  # Ash and Oak in year 1, Elm and Pine in year 2
    assert "Yew" not in classes and "Willow" not in classes
