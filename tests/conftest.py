"""Fixtures: the app on SQLite (default) or a real PostgreSQL server (--db=postgres),
test clients per role, and a factory for realistic school data."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

import jinja2
import pytest
from flask import has_app_context
from flask.testing import FlaskClient
from sqlalchemy import event

from pupilvoice import create_app
from pupilvoice.extensions import db as _db
from pupilvoice.extensions import limiter
from pupilvoice.models import ClassGroup, ParentLink, Pupil, School, User
from pupilvoice.models.base import utcnow
from pupilvoice.services import accounts, demo, devices, picture_keys
from pupilvoice.services import outbox as mail_outbox
from tests import servers
from tests.servers import free_port  # noqa: F401 - tests import it from here
from tests.speed import copy_sqlite_schema, share_url_builders

share_url_builders()  # every app this process builds shares its routes' URL builders

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
PASSWORD = "correct horse battery"
PICTURES = ["star", "fish", "boat"]  # every test pupil's picture password


def pytest_addoption(parser):
    parser.addoption("--db", default="sqlite", choices=["sqlite", "postgres"])


def skip_or_fail(reason: str):
    """Under CI a missing browser or database fails the run instead of skipping."""
    if IN_CI:
        pytest.fail(f"CI needs this leg: {reason}")
    pytest.skip(reason)


# --- PostgreSQL, started and stopped by the tests --------------------------------------


@pytest.fixture(scope="session")
def postgres_url(request):
    if servers.postgres_bin() is None:
        skip_or_fail("PostgreSQL server binaries not found (apt-get install postgresql)")
    with servers.postgres() as url:
        yield url


@pytest.fixture(scope="session")
def database_url(request):
    if request.config.getoption("--db") == "postgres":
        return request.getfixturevalue("postgres_url")
    return "sqlite://"


@pytest.fixture
def shared_database_url(database_url):
    """A database several server processes can share, with the schema and the demo school:
    a temporary SQLite file, or the test PostgreSQL database (emptied afterwards)."""
    folder = tempfile.mkdtemp(prefix="pupilvoice-shared-")
    url = database_url if database_url.startswith("postgresql") else f"sqlite:///{folder}/db"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        _db.create_all()
        demo.load()
        _db.session.commit()
        _db.engine.dispose()
    yield url
    with app.app_context():
        _db.drop_all()
        _db.engine.dispose()
    shutil.rmtree(folder, ignore_errors=True)


# --- the app and its clients -------------------------------------------------------------


class SharedTemplateCache(jinja2.BytecodeCache):
    """Compiled templates kept for the whole run and shared by every app the tests build.

    Each test builds its own app, whose Jinja environment would otherwise compile again every
    template it renders (an eighth of the web tests' CPU time). Every app comes from the same
    create_app, so their environments compile alike; Jinja compares each template's source
    with the kept bytecode's, so an edited template is compiled afresh."""

    def __init__(self):
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.kept.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = SharedTemplateCache()


class Client(FlaskClient):
    """A test client that can post forms with a real CSRF token, as a browser would."""

    def open(self, *args, **kwargs):
        """Each request gets its own app context (fresh g, own database session), as in
        production; otherwise the test's context would be shared and hide missing commits."""
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        _db.session.expire_all()  # the test sees what the request committed
        return response

    def csrf_token(self, page: str = "/auth/login") -> str:
        html = self.get(page).get_data(as_text=True)
        match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
        assert match, f"no CSRF token on {page}"
        return match.group(1)

    def form(self, url: str, data: dict | None = None, page: str | None = None, **kwargs):
        data = dict(data or {})
        data["csrf_token"] = self.csrf_token(page or url)
        return self.post(url, data=data, **kwargs)


@pytest.fixture
def app(database_url):
    # The limiter is one object for every app in this process, and an app made with limits
    # off (the browser tests' live server, which xdist may run in this worker first) would
    # leave them off for every later app: each test's app asks for them on.
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "RATELIMIT_ENABLED": True})
    app.test_client_class = Client
    app.jinja_env.bytecode_cache = TEMPLATES
    postgres = database_url.startswith("postgresql")
    with app.app_context():
        limiter.reset()  # the limiter's memory storage outlives one app
        if postgres:
            _db.create_all()
        else:
            copy_sqlite_schema(_db)  # a new in-memory database: the tables, made once
        yield app
        _db.session.remove()
        if postgres:
            _empty_postgres()
        else:
            _db.engine.dispose()  # the in-memory database goes with its one connection


def _empty_postgres() -> None:
    """Empty every table and restart the ids, in one round trip to the server. DELETE is
    much faster than TRUNCATE on tables this small (TRUNCATE replaces each table's files)."""
    _db.session.connection().exec_driver_sql(_emptying_sql())
    _db.session.commit()


@cache
def _emptying_sql() -> str:
    tables = list(reversed(_db.metadata.sorted_tables))
    with_ids = [t.name for t in tables if "id" in t.c and t.c.id.autoincrement is not False]
    restart = ", ".join(
        f"setval(pg_get_serial_sequence('\"{name}\"', 'id'), 1, false)" for name in with_ids
    )
    return "; ".join([*(f'DELETE FROM "{t.name}"' for t in tables), f"SELECT {restart}"])


@pytest.fixture
def db(app):
    return _db


@pytest.fixture
def client(app) -> Client:
    return app.test_client()


@pytest.fixture
def queries(app):
    """``with queries() as ran:`` collects the SQL statements run inside the block."""

    @contextmanager
    def _collect():
        ran: list[str] = []

        def record(_conn, _cursor, statement, *_args):
            ran.append(statement)

        engine = _db.engine
        event.listen(engine, "before_cursor_execute", record)
        try:
            yield ran
        finally:
            event.remove(engine, "before_cursor_execute", record)

    return _collect


@pytest.fixture
def outbox(app):
    """Mails the app sent (printed mail is also kept here when MAIL_SERVER is unset); call
    ``deliver()`` first: a page only puts its mail in the outbox."""
    return app.extensions.setdefault("pupilvoice_outbox", [])


def deliver_mail(app, now: datetime | None = None) -> Counter:
    """Send what is due in the outbox, as ``flask outbox send`` does from cron, in its own
    app context (its own database session, as a separate process would have)."""
    with app.app_context():
        done = mail_outbox.send_due(now=now)
    if has_app_context():  # a web test's own session sees what the sender recorded
        _db.session.expire_all()
    return done


@pytest.fixture
def deliver(app):
    """``deliver()`` sends the mail the pages have queued (see ``deliver_mail``)."""
    return lambda now=None: deliver_mail(app, now)


# --- realistic data ----------------------------------------------------------------------


@dataclass
class SchoolWorld:
    school: School
    senco: User
    teacher: User
    ta: User
    parent: User
    other_teacher: User
    own_class: ClassGroup
    other_class: ClassGroup
    pupil: Pupil
    other_pupil: Pupil


class Factory:
    def __init__(self, db):
        self.db = db
        self.count = 0

    def _n(self) -> int:
        self.count += 1
        return self.count

    def school(self, name: str = "Riverside Primary") -> School:
        school = School(name=name)
        self.db.session.add(school)
        self.db.session.flush()
        return school

    def user(self, school: School, role: str, name: str | None = None, **kw) -> User:
        n = self._n()
        user = User(
            school_id=school.id,
            role=role,
            name=name or f"{role.title()} {n}",
            email=kw.pop("email", f"{role}{n}@school{school.id}.example"),
            **kw,
        )
        accounts.set_password(user, PASSWORD)
        self.db.session.add(user)
        self.db.session.flush()
        return user

    def class_group(self, school: School, name: str, year: int = 2, staff=()) -> ClassGroup:
        group = ClassGroup(school_id=school.id, name=name, year_group=year)
        group.staff = list(staff)
        self.db.session.add(group)
        self.db.session.flush()
        return group

    def pupil(self, group: ClassGroup, first_name: str = "Sam", stage: str = "sen_support"):
        pupil = Pupil(
            school_id=group.school_id,
            class_id=group.id,
            first_name=first_name,
            surname_initial="T",
            year_group=group.year_group,
            sen_stage=stage,
        )
        self.db.session.add(pupil)
        self.db.session.flush()
        return pupil

    def link(self, parent: User, pupil: Pupil, language: str = "en") -> ParentLink:
        link = ParentLink(
            school_id=pupil.school_id,
            parent_id=parent.id,
            pupil_id=pupil.id,
            preferred_language=language,
        )
        self.db.session.add(link)
        self.db.session.flush()
        return link

    def world(self) -> SchoolWorld:
        """A school with a SENCO, a teacher and TA of one class, another class's teacher,
        a pupil in each class and a parent linked to the first pupil."""
        school = self.school()
        senco = self.user(school, "senco", "Mrs Khan")
        teacher = self.user(school, "teacher", "Mr Jones")
        ta = self.user(school, "ta", "Mrs Evans")
        other_teacher = self.user(school, "teacher", "Ms Patel")
        own = self.class_group(school, "Oak", 1, [teacher, ta])
        other = self.class_group(school, "Willow", 3, [other_teacher])
        pupil = self.pupil(own, "Sam")
        other_pupil = self.pupil(other, "Ayaan")
        parent = self.user(school, "parent", "Tom Taylor")
        self.link(parent, pupil)
        self.db.session.commit()
        return SchoolWorld(
            school, senco, teacher, ta, parent, other_teacher, own, other, pupil, other_pupil
        )


@pytest.fixture
def factory(db) -> Factory:
    return Factory(db)


@pytest.fixture
def world(factory) -> SchoolWorld:
    return factory.world()


def html_lang(response) -> str:
    """The lang attribute of the page's <html> element."""
    return re.search(r'<html lang="([^"]+)"', response.get_data(as_text=True)).group(1)


def sign_in(client: Client, user: User, password: str = PASSWORD):
    return client.form("/auth/login", {"email": user.email, "password": password})


@pytest.fixture
def login(app):
    """login(user) -> a new client signed in as that user."""

    def _login(user: User) -> Client:
        client = app.test_client()
        response = sign_in(client, user)
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return client

    return _login


# --- the class tablet ----------------------------------------------------------------------


def enrol_tablet(group: ClassGroup, by: User) -> str:
    """Enrol a tablet for ``group`` (as a teacher does) and return its cookie token."""
    raw = devices.enrol(group, by, f"{group.name} tablet")
    _db.session.commit()
    return raw


def on_tablet(client: Client, token: str) -> Client:
    client.set_cookie(devices.COOKIE, token)
    return client


def tap_pictures(client: Client, pupil: Pupil, picks=PICTURES):
    """Tap three pictures on the pupil's sign-in page, as a pupil does; the last response."""
    url = f"/tablet/pupils/{pupil.id}"
    so_far: list[str] = []
    response = None
    for pick in picks:
        # the token comes from a page that always has a form, even when pictures are locked
        data = {"picks": ",".join(so_far), "pick": pick}
        response = client.form(url, data, page="/tablet/help")
        so_far.append(pick)
    if response.status_code == 303 and response.location.startswith(url):
        return client.get(response.location)  # the page again, after the post (REL-04)
    return response


@pytest.fixture
def pupil_login(app):
    """pupil_login(pupil) -> a client on an enrolled tablet of the pupil's class, signed in
    as that pupil by picture password, the way class mode does it."""

    def _login(pupil: Pupil, token: str | None = None) -> Client:
        group = _db.session.get(ClassGroup, pupil.class_id)
        by = group.staff[0]
        if picture_keys.picture_key(pupil) is None:
            picture_keys.set_pictures(pupil, PICTURES, by)
            _db.session.commit()
        client = on_tablet(app.test_client(), token or enrol_tablet(group, by))
        response = tap_pictures(client, pupil)
        assert response.status_code == 303 and response.location == "/pupil/", response.status
        return client

    return _login


class Clock:
    """A clock that moves only when the test says: ``clock.advance(seconds=61)``."""

    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def picture_clock(monkeypatch) -> Clock:
    """The clock the picture cool-down reads (SEC-05), set by the test: nothing sleeps,
    and a slow machine cannot make a cool-down end early or late."""
    clock = Clock(utcnow().replace(microsecond=0))
    monkeypatch.setattr(picture_keys, "now", clock)
    return clock
