"""A large demo, for scale checks and load tests: the demo school grown to 400 pupils, and
19 more schools like it (20 x 400 pupils), with staff, parents, pupils' voices and plans in
the demo's proportions, and a year of audit rows and sign-in sessions.

Everything after the demo school itself is written with bulk inserts (one statement for
many rows), so it builds in well under a few minutes on SQLite and PostgreSQL. Every
account has the demo password and every pupil the demo's picture password.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from flask import current_app
from sqlalchemy import insert, select

from ..domain import pictures
from ..extensions import db
from ..models import ClassGroup, ClassStaff, ParentLink, PictureKey, Pupil, School, User
from . import accounts, demo, demo_large_log, demo_large_records, voice

SCHOOLS = 20
PUPILS_PER_SCHOOL = 400
CLASS_NAMES = ["Ash", "Beech", "Birch", "Cedar", "Elm", "Hazel", "Holly", "Larch", "Lime"]
CLASS_NAMES += ["Maple", "Oak", "Pine", "Rowan", "Willow"]  # 14 classes: Reception to Y6 x2
# the demo's own first names and avatars, and a few more
FIRST_NAMES = [first for first, *_ in demo.PUPILS] + ["Olivia", "Jack", "Sophie", "Oliver"]
FIRST_NAMES += ["Emily", "Charlie", "Ava", "Thomas", "Muhammad", "Freya", "Jakub", "Seren"]
AVATARS = sorted({avatar for *_, avatar in demo.PUPILS})
NEEDS = ["SPLD", "SLCN", "ASD", "SEMH", "MLD", "PD", "HI", "VI"]
LANGUAGES = ["en", "en", "en", "en", "pl", "ur", "cy"]
PARENT_SHARE = 6 / 7  # of pupils on the register (the demo: 6 of 7 have a parent account)


@dataclass
class Grown:
    """One school's new rows the later steps need."""

    school_id: int
    senco_id: int
    staff_ids: list[int] = field(default_factory=list)
    parent_ids: list[int] = field(default_factory=list)
    # (pupil id, class id, SEN stage)
    pupils: list[tuple[int, int, str]] = field(default_factory=list)
    parents_of: dict[int, list[int]] = field(default_factory=dict)  # pupil id -> parents


def load(
    schools: int = SCHOOLS,
    pupils: int = PUPILS_PER_SCHOOL,
    audit_rows: int = 500_000,
    sessions: int = 100_000,
    seed: int = 2026,
) -> School:
    """The demo school (as `flask demo` makes it) grown to ``pupils`` pupils, ``schools``
    - 1 more schools of the same size, and the log; commits as it goes."""
    rng = random.Random(seed)
    riverside = demo.load()
    db.session.commit()
    secrets = _Secrets.make()
    grown = [_grow(riverside, pupils, rng, secrets, tag="1")]
    for number in range(2, schools + 1):
        school = School(name=f"School {number} Primary")
        db.session.add(school)
        db.session.flush()
        voice.ensure_defaults(school.id)
        grown.append(_grow(school, pupils, rng, secrets, tag=str(number)))
        db.session.commit()
    for school in grown:
        demo_large_records.load(school, rng)
    db.session.commit()
    demo_large_log.load(grown, rng, audit_rows, sessions)
    db.session.commit()
    return riverside


def grow(school: School, pupils: int, audit_rows: int, sessions: int, seed: int = 7) -> None:
    """Grow one school to ``pupils`` pupils, with their voices, plans and more log (the
    tests' larger size of the same school)."""
    rng = random.Random(seed)
    grown = _grow(school, pupils, rng, _Secrets.make(), tag=f"{school.id}-{seed}")
    demo_large_records.load(grown, rng)
    demo_large_log.load([grown], rng, audit_rows, sessions)
    db.session.commit()


@dataclass(frozen=True)
class _Secrets:
    """Hashed once and shared by every account and pupil: hashing 40,000 passwords would
    take most of the build."""

    password_hash: str
    salt: str
    digest: str

    @classmethod
    def make(cls) -> _Secrets:
        probe = User(name="x", role="parent")
        accounts.set_password(probe, demo.PASSWORD)
        salt = pictures.new_salt()
        digest = pictures.digest(current_app.config["SECRET_KEY"], salt, demo.PUPIL_PICTURES)
        return cls(probe.password_hash, salt, digest)


def _ids(model, rows: list[dict]) -> list[int]:
    """Insert many rows in one statement (batched by the driver); their ids in order."""
    if not rows:
        return []
    statement = insert(model).returning(model.id, sort_by_parameter_order=True)
    return list(db.session.scalars(statement, rows))


def _grow(school: School, size: int, rng: random.Random, secrets: _Secrets, tag: str) -> Grown:
    """Classes, staff, pupils and parents until ``school`` has ``size`` pupils."""
    existing = {
        g.name: g for g in db.session.scalars(select(ClassGroup).filter_by(school_id=school.id))
    }
    senco_id = db.session.scalar(select(User.id).filter_by(school_id=school.id, role="senco"))
    grown = Grown(school.id, senco_id or 0)
    if not senco_id:
        grown.senco_id = _users(school.id, [("senco", "SENCO")], tag, secrets)[0]
    classes = _classes(school.id, existing, tag, secrets, grown)
    have = db.session.scalar(select(db.func.count(Pupil.id)).filter_by(school_id=school.id))
    _pupils(school.id, classes, size - have, rng, secrets, grown)
    _parents(school.id, tag, rng, secrets, grown)
    return grown


def _users(school_id: int, people: list[tuple[str, str]], tag: str, secrets: _Secrets) -> list[int]:
    rows = [
        {
            "school_id": school_id,
            "role": role,
            "name": name,
            "email": f"{role}{i}@school{tag}.example",
            "locale": "en",
            "password_hash": secrets.password_hash,
        }
        for i, (role, name) in enumerate(people, start=1)
    ]
    return _ids(User, rows)


def _classes(school_id, existing, tag, secrets, grown) -> list[int]:
    """14 classes (two a year, Reception to Year 6), each with a teacher; a TA in two."""
    new = [n for n in CLASS_NAMES if n not in existing]
    years = {name: i // 2 for i, name in enumerate(CLASS_NAMES)}
    class_ids = _ids(
        ClassGroup,
        [{"school_id": school_id, "name": n, "year_group": years[n]} for n in new],
    )
    people = [("teacher", f"Teacher {n}") for n in new]
    people += [("ta", f"Assistant {i + 1}") for i in range(0, len(new), 2)]
    staff = _users(school_id, people, tag, secrets)
    teachers, tas = staff[: len(new)], staff[len(new) :]
    links = [{"class_id": c, "user_id": t} for c, t in zip(class_ids, teachers, strict=True)]
    links += [{"class_id": c, "user_id": tas[i // 2]} for i, c in enumerate(class_ids)]
    if links:
        db.session.execute(insert(ClassStaff), links)
    grown.staff_ids = list(
        db.session.scalars(
            select(User.id).where(User.school_id == school_id, User.role != "parent")
        )
    )
    return [g.id for g in existing.values()] + class_ids


def _pupils(school_id, class_ids, count, rng, secrets, grown) -> None:
    """``count`` pupils spread over the classes; 28 % on the SEN register, as in the demo."""
    years = dict(
        db.session.execute(
            select(ClassGroup.id, ClassGroup.year_group).filter_by(school_id=school_id)
        ).all()
    )
    rows, today = [], date.today()
    for i in range(count):
        class_id = class_ids[i % len(class_ids)]
        stage = rng.choices(["none", "sen_support", "ehcp"], weights=[72, 20, 8])[0]
        row = {
            "school_id": school_id,
            "class_id": class_id,
            "first_name": rng.choice(FIRST_NAMES),
            "surname_initial": chr(65 + rng.randrange(26)),
            "year_group": years[class_id],
            "sen_stage": stage,
            "avatar": rng.choice(AVATARS),
            "primary_need": None,
            "sen_added_on": None,
        }
        if stage != "none":
            row["primary_need"] = rng.choice(NEEDS)
            row["sen_added_on"] = today - timedelta(weeks=rng.randrange(4, 160))
        rows.append(row)
    ids = _ids(Pupil, rows)
    grown.pupils = [(p, r["class_id"], r["sen_stage"]) for p, r in zip(ids, rows, strict=True)]
    keys = [
        {"pupil_id": p, "school_id": school_id, "salt": secrets.salt, "digest": secrets.digest}
        for p in ids
    ]
    if keys:
        db.session.execute(insert(PictureKey), keys)


def _parents(school_id, tag, rng, secrets, grown) -> None:
    """A parent account for most pupils on the register; a few parents have two children."""
    on_register = [p for p, _, stage in grown.pupils if stage != "none"]
    children = [p for p in on_register if rng.random() < PARENT_SHARE]
    families: list[list[int]] = []
    for child in children:
        if families and len(families[-1]) == 1 and rng.random() < 0.2:
            families[-1].append(child)  # a brother or sister
        else:
            families.append([child])
    people = [("parent", f"Parent {i + 1}") for i in range(len(families))]
    parent_ids = _users(school_id, people, tag, secrets)
    links = []
    for parent_id, family in zip(parent_ids, families, strict=True):
        language = rng.choice(LANGUAGES)
        for child in family:
            grown.parents_of.setdefault(child, []).append(parent_id)
            links.append(
                {
                    "school_id": school_id,
                    "parent_id": parent_id,
                    "pupil_id": child,
                    "relationship_label": rng.choice(["mother", "father", "carer"]),
                    "preferred_language": language,
                    "contact_method": "email" if rng.random() < 0.85 else "letter",
                }
            )
    if links:
        db.session.execute(insert(ParentLink), links)
    grown.parent_ids = parent_ids
