"""A realistic demo primary school, for `make run`, screenshots and benchmarks."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import delete

from ..extensions import db
from ..models import (
    ClassGroup,
    OutboxMessage,
    ParentLink,
    Pupil,
    School,
    Sort,
    TopicCard,
    User,
    Worry,
)
from ..models.base import utcnow
from . import accounts, demo_plans, picture_keys, voice

PASSWORD = "demo-password-2026"  # noqa: S105 - demo accounts only
SCHOOL = "Riverside Primary School"
PUPIL_PICTURES = ["apple", "star", "boat"]  # every demo pupil's picture password
TABLET_TEACHER = "jones@riverside.example"  # enrols the Oak class tablet

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
# the SEN register: first name -> primary and secondary need (census codes), weeks on it
REGISTER = {
    "Sam": ("SPLD", None, 60),
    "Zofia": ("SLCN", None, 20),
    "Ayaan": ("ASD", "SLCN", 110),
    "Oscar": ("SEMH", None, 35),
    "Ruby": ("MLD", None, 80),
    "George": ("PD", "HI", 150),
    "Hana": ("VI", None, 8),
}
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
        if first in REGISTER:
            primary, secondary, weeks = REGISTER[first]
            pupil.primary_need, pupil.secondary_need = primary, secondary
            pupil.sen_added_on = date.today() - timedelta(weeks=weeks)
        db.session.add(pupil)
        pupils[first] = pupil
    db.session.flush()
    for pupil in pupils.values():
        teacher = users[group_teacher(classes, pupil, users)]
        picture_keys.set_pictures(pupil, PUPIL_PICTURES, teacher)
    voice.ensure_defaults(school.id)
    _voices(pupils, users)
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
    _no_demo_mail(school)
    return school


def _no_demo_mail(school: School) -> None:
    """The demo's worries queue e-mails to its staff as real ones would: none is sent."""
    db.session.execute(delete(OutboxMessage).where(OutboxMessage.school_id == school.id))


# (pupil, days ago, helper e-mail or None, {card key: (place, words)})
SORTS = [
    (
        "Sam",
        95,
        None,
        {
            "reading": ("dislike", "The words move about"),
            "maths": ("like", None),
            "playtime": ("like", "I play tag with Leo"),
            "noise": ("unsure", None),
            "friends": ("like", None),
            "pe": ("like", None),
        },
    ),
    (
        "Sam",
        3,
        "evans@riverside.example",
        {
            "reading": ("unsure", "Better with the coloured sheet"),
            "maths": ("like", None),
            "playtime": ("dislike", "Nobody plays with me now"),
            "noise": ("dislike", "Lunch is too loud"),
            "friends": ("unsure", None),
            "pe": ("like", "Football!"),
            "art": ("like", None),
        },
    ),
    (
        "Zofia",
        6,
        None,
        {
            "reading": ("like", "Polish books too"),
            "writing": ("unsure", None),
            "my_teacher": ("like", None),
            "homework": ("dislike", "I do not understand it"),
        },
    ),
    (
        "Ayaan",
        10,
        "evans@riverside.example",
        {
            "maths": ("like", None),
            "noise": ("dislike", "It hurts my ears"),
            "getting_help": ("like", "When Mrs Evans sits with me"),
        },
    ),
]
# (pupil, area, starter, words, helper e-mail or None, [(days ago, level), ...])
PROPOSALS = [
    ("Sam", "reading", "better", "reading words with two sounds", None, [(40, 1), (20, 2), (2, 2)]),
    (
        "Sam",
        "friends",
        "helps",
        "a grown-up helps me join a game",
        "evans@riverside.example",
        [(3, 1)],
    ),
    ("Zofia", "writing", "i_can", "write my name and my sister's name", None, [(15, 2), (1, 3)]),
    ("Ayaan", "feelings", "helps", "I have my ear defenders", "evans@riverside.example", [(9, 3)]),
]
# (pupil, kind, words, days ago)
WORRIES = [("Sam", "unkind", "Some boys say I can't play", 1)]


def _voices(pupils: dict[str, Pupil], users: dict[str, User]) -> None:
    """Pupil voices for the demo: sorts a term apart, words, a worry, ideas and ratings."""
    cards = {
        c.key: c
        for c in db.session.query(TopicCard).filter_by(
            school_id=next(iter(pupils.values())).school_id
        )
    }
    now = utcnow()
    for first, days, helper, choices in SORTS:
        pupil = pupils[first]
        sort = Sort(
            school_id=pupil.school_id, pupil_id=pupil.id, started_at=now - timedelta(days=days)
        )
        db.session.add(sort)
        db.session.flush()
        for key, (place, words) in choices.items():
            choice = voice.choose(sort, cards[key], place, pupil, users.get(helper or ""))
            choice.chosen_at = now - timedelta(days=days)
            if words:
                voice.tell_more(choice, words, pupil, users.get(helper or ""))
        for flag in db.session.query(Worry).filter(Worry.sort_choice_id.isnot(None)):
            if flag.sort_choice.sort_id == sort.id:
                flag.raised_at = sort.started_at
    for first, area, starter, words, helper, ratings in PROPOSALS:
        pupil = pupils[first]
        proposal = voice.propose(pupil, area, starter, words, users.get(helper or ""))
        proposal.created_at = now - timedelta(days=ratings[0][0] + 1)
        for days, level in ratings:
            rating = voice.rate(proposal, level, pupil, users.get(helper or ""))
            rating.created_at = now - timedelta(days=days)
            db.session.flush()
    for first, kind, words, days in WORRIES:
        worry = voice.raise_worry(pupils[first], kind, words, None)
        worry.raised_at = now - timedelta(days=days)
    db.session.flush()


def group_teacher(classes: dict, pupil: Pupil, users: dict) -> str:
    """The e-mail of the first member of staff of the pupil's class."""
    group = next(g for g in classes.values() if g.id == pupil.class_id)
    return group.staff[0].email


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


def tablet_sign_ins() -> list[tuple[str, str, str]]:
    """The class tablet, in the same columns: who enrols it, and how pupils sign in."""
    return [
        ("Enrol Oak tablet", TABLET_TEACHER, "then Class tablets: Oak"),
        ("Pupil on the tablet", "taps their name, then", ", ".join(PUPIL_PICTURES)),
    ]
