"""The flask commands a school and a developer use: create-school and demo."""

from __future__ import annotations

from pupilvoice.models import ClassGroup, ParentLink, Pupil, School, User
from pupilvoice.services import demo
from tests.conftest import sign_in


def test_create_school_makes_a_school_and_its_senco(app, db, monkeypatch):
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "a long school password")
    result = app.test_cli_runner().invoke(
        args=[
            "create-school",
            "--name",
            "Hilltop Primary",
            "--senco-name",
            "Mrs Hill",
            "--senco-email",
            "Hill@Hilltop.example",
        ],
    )
    assert result.exit_code == 0, result.output
    school = db.session.query(School).one()
    senco = db.session.query(User).one()
    assert school.name == "Hilltop Primary"
    assert senco.role == "senco" and senco.email == "hill@hilltop.example"
    assert sign_in(app.test_client(), senco, "a long school password").status_code == 302


def test_create_school_refuses_a_weak_password(app, db, monkeypatch):
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "password1234")
    result = app.test_cli_runner().invoke(
        args=["create-school", "--name", "X", "--senco-name", "Y", "--senco-email", "y@x.example"],
    )
    assert result.exit_code != 0 and "common" in result.output
    assert db.session.query(School).count() == 0


def test_demo_loads_once_and_prints_every_sign_in(app, db):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["demo", "--if-empty"])
    assert first.exit_code == 0, first.output
    for role, email, password in demo.sign_ins():
        assert role in first.output and email in first.output and password in first.output
    second = runner.invoke(args=["demo", "--if-empty"])
    assert "already has a school" in second.output
    assert db.session.query(School).count() == 1
    assert db.session.query(ClassGroup).count() == 3
    assert db.session.query(Pupil).count() >= 25
    assert db.session.query(Pupil).filter(Pupil.sen_stage != "none").count() >= 5
    languages = {link.preferred_language for link in db.session.query(ParentLink)}
    assert {"pl", "ur"} <= languages
    senco = db.session.query(User).filter_by(role="senco").one()
    assert sign_in(app.test_client(), senco, demo.PASSWORD).status_code == 302
