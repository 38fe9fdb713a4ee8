"""A realistic demo primary school, for `make run`, screenshots and benchmarks."""

from __future__ import annotations

from ..extensions import db
from ..models import ClassGroup, ParentLink, Pupil, School, User
from . import accounts, demo_plans

PASSWORD = "demo-password-2026"  # noqa: S105 - demo accounts only
SCHOOL = "Riverside Primary School"

STAFF = [
    ("senco", "Mrs Khan", "senco@riverside.example"),
    ("teacher", "Mr Jones", "jones@riverside.example"),
    ("teacher", "Ms Patel", "patel@riverside.example"),
    ("ta", "Mrs Evans", "evans@riverside.example"),
]
# name, year group, staff e-mails
CLASSES = [
    ("Oak", 1, ["jones@riverside.example", "evans@riverside.example"]),
    ("Willow", 3, ["patel@riverside.example", "evans@riverside.example"]),
    ("Rowan", 5, ["senco@riverside.example"]),
]
# first name, initial, class, SEN stage, avatar
PUPILS = [
    ("Sam", "T", "Oak", "sen_support", "fox"),
    ("Amelia", "R", "Oak", "none", "cat"),
    ("Noah", "B", "Oak", "none", "dog"),
    ("Zofia", "K", "Oak", "sen_support", "owl"),
    ("Leo", "M", "Oak", "none", "lion"),
    ("Ivy", "W", "Oak", "none", "butterfly"),
    ("Harry", "P", "Oak", "none", "tiger"),
    ("Grace", "H", "Oak", "none", "rabbit"),
    ("Ayaan", "S", "Willow", "ehcp", "panda"),
    ("Ella", "D", "Willow", "none", "penguin"),
    ("Oscar", "F", "Willow", "sen_support", "turtle"),
    ("Mia", "C", "Willow", "none", "koala"),
    ("Jacob", "L", "Willow", "none", "frog"),
    ("Lily", "G", "Willow", "none", "unicorn"),
    ("Freddie", "N", "Willow", "none", "bear"),
    ("Isla", "J", "Willow", "none", "dolphin"),
    ("Ruby", "A", "Rowan", "sen_support", "hedgehog"),
    ("Alfie", "E", "Rowan", "none", "monkey"),
    ("Maja", "W", "Rowan", "none", "giraffe"),
    ("George", "T", "Rowan", "ehcp", "elephant"),
    ("Poppy", "V", "Rowan", "none", "hamster"),
    ("Arthur", "Y", "Rowan", "none", "whale"),
    ("Evie", "O", "Rowan", "none", "chick"),
    ("Theo", "Q", "Rowan", "none", "octopus"),
    ("Hana", "I", "Rowan", "sen_support", "koala"),
]
# parent name, e-mail, language, contact method, children (first names), relationship
PARENTS = [
    ("Tom Taylor", "tom.taylor@family.example", "en", "email", ["Sam"], "father"),
    ("Agnieszka Kowalska", "agnieszka@family.example", "pl", "email", ["Zofia"], "mother"),
    ("Imran Shah", "imran.shah@family.example", "ur", "letter", ["Ayaan"], "father"),
    ("Rhian Davies", "rhian@family.example", "cy", "email", ["Oscar", "Ruby"], "mother"),
    ("Claire Thomas", "claire.thomas@family.example", "en", "email", ["George"], "carer"),
]


def load() -> School:
    """Create the demo school with its staff, classes, pupils and parents (flushes only)."""
    school = School(name=SCHOOL)
    db.session.add(school)
    db.session.flush()
    users = {}
    for role, name, email in STAFF:
        users[email] = _user(school, role, name, email, "en")
    classes = {}
    for name, year, staff in CLASSES:
        group = ClassGroup(school_id=school.id, name=name, year_group=year)
        group.staff = [users[e] for e in staff]
        db.session.add(group)
        classes[name] = group
    db.session.flush()
    pupils = {}
    for first, initial, class_name, stage, avatar in PUPILS:
        group = classes[class_name]
        pupil = Pupil(
            school_id=school.id,
            class_id=group.id,
            first_name=first,
            surname_initial=initial,
            year_group=group.year_group,
            sen_stage=stage,
            avatar=avatar,
        )
        db.session.add(pupil)
        pupils[first] = pupil
    db.session.flush()
    for name, email, lang, method, children, relationship in PARENTS:
        parent = _user(school, "parent", name, email, lang)
        for child in children:
            db.session.add(
                ParentLink(
                    school_id=school.id,
                    parent_id=parent.id,
                    pupil_id=pupils[child].id,
                    relationship_label=relationship,
                    preferred_language=lang,
                    contact_method=method,
                )
            )
    db.session.flush()
    demo_plans.load(school, users, pupils)
    return school


def _user(school: School, role: str, name: str, email: str, locale: str) -> User:
    user = User(school_id=school.id, role=role, name=name, email=email, locale=locale)
    accounts.set_password(user, PASSWORD)
    db.session.add(user)
    db.session.flush()
    return user


def sign_ins() -> list[tuple[str, str, str]]:
    labels = {"senco": "SENCO", "teacher": "Teacher", "ta": "Teaching assistant"}
    rows = [(labels[role], email, PASSWORD) for role, _, email in STAFF]
    rows += [(f"Parent ({lang})", email, PASSWORD) for _, email, lang, *_ in PARENTS]
    return rows
