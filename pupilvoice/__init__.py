"""PupilVoice: the pupil's own voice in their special-educational-needs plan."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine

from . import (
    access,
    assets,
    compression,
    errors,
    form_errors,
    i18n,
    inputs,
    labels,
    proxy,
    security,
)
from .config import CONFIGS, check_production_safety, trusted_hosts
from .extensions import babel, csrf, db, limiter, login_manager, migrate

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: str | dict | None = None) -> Flask:
    """Build the app. ``config`` is a name ("development", "testing", "production")
    or a dict of overrides on top of the testing config."""
    app = Flask(__name__, instance_relative_config=True)
    name = config if isinstance(config, str) else os.environ.get("PUPILVOICE_ENV", "development")
    if isinstance(config, dict):
        name = "testing"
    app.config.from_object(CONFIGS[name])
    if isinstance(config, dict):
        app.config.update(config)
    if name == "production":
        check_production_safety(app.config)
        app.config["TRUSTED_HOSTS"] = trusted_hosts(app.config)
    proxy.install(app)
    compression.install(app)  # first after_request added, so it runs last (on the final body)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = (
            f"sqlite:///{Path(app.instance_path) / 'pupilvoice.sqlite'}"
        )
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(ROOT / "translations")

    _init_extensions(app)
    app.url_map.converters["int"] = inputs.IdConverter  # before any route is added
    _register_blueprints(app)
    _register_hooks(app)
    errors.register(app)
    assets.install(app)
    from . import cli

    cli.register(app)
    return app


def _init_extensions(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    login_manager.init_app(app)
    login_manager.session_protection = None  # the server-side session does this job
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    i18n.install_template_gettext(app)
    limiter.init_app(app)


def _register_blueprints(app: Flask) -> None:
    from .admin.audit import bp as audit_bp
    from .admin.routes import bp as admin_bp
    from .auth import timeout  # noqa: F401 - adds the idle sign-out to auth's blueprint
    from .auth.join import bp as join_bp
    from .auth.routes import bp as auth_bp
    from .parent.routes import bp as parent_bp
    from .pupil.routes import bp as pupil_bp
    from .pupil.speech import bp as speech_bp
    from .pupil.tablet import bp as tablet_bp
    from .staff.families import bp as families_bp
    from .staff.routes import bp as staff_bp
    from .web import bp as web_bp

    blueprints = (
        web_bp,
        auth_bp,
        join_bp,
        staff_bp,
        families_bp,
        admin_bp,
        audit_bp,
        parent_bp,
        tablet_bp,
        pupil_bp,
        speech_bp,
    )
    for blueprint in blueprints:
        app.register_blueprint(blueprint)


def _register_hooks(app: Flask) -> None:
    app.before_request(security.make_nonce)
    app.before_request(inputs.refuse_control_characters)
    app.before_request(i18n.remember_asked_language)
    app.before_request(access.enforce_audience)
    app.after_request(security.set_headers)
    form_errors.register(app)

    @app.context_processor
    def template_globals():
        from flask import current_app
        from flask_login import current_user

        from .domain.permissions import can

        return {
            "can": can,
            "current_locale": i18n.page_language,
            "idle_seconds": lambda: access.limits_for(current_user).idle,
            "csp_nonce": security.csp_nonce,
            "text_direction": i18n.text_direction,
            "language_names": i18n.LANGUAGE_NAMES,
            # what staff write in: marks their text on pages in another language (A11Y-10)
            "school_language": current_app.config["SCHOOL_TEXT_LANGUAGE"],
            "page_in": i18n.page_in,
            "role_labels": labels.ROLE_LABELS,
            "stage_labels": labels.STAGE_LABELS,
        }


# SQLite's durability in WAL mode: NORMAL (the default here) or FULL (SQLITE_SYNCHRONOUS).
# NORMAL writes each commit to the WAL file before the commit returns, so a crash of the app
# (a worker killed, an exception, a restart) loses nothing committed: every page's audit row
# (REL-06) and every change (REL-01) survive it. What it gives up is the fsync a commit:
# after a power cut or an operating-system crash the last commits since the WAL was last
# synced may be missing; the database stays consistent (REL-01: a change and its audit row
# are one transaction, so they go or stay together; a read shown just before the power cut
# may be missing from the log). FULL syncs every commit (about 1.2 ms of waiting a commit
# on this machine, most of what the audited-read yardstick costs beyond being signed in;
# benchmarks/README.md). Production for a whole trust runs PostgreSQL, which syncs every commit.
SQLITE_SYNCHRONOUS = ("NORMAL", "FULL")


def sqlite_synchronous() -> str:
    wanted = os.environ.get("SQLITE_SYNCHRONOUS", "NORMAL").upper()
    return wanted if wanted in SQLITE_SYNCHRONOUS else "NORMAL"


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    """SQLite: enforce foreign keys, use WAL so readers do not block the writer, and sync
    as sqlite_synchronous() says (see above)."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={sqlite_synchronous()}")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()


def ping_database() -> None:
    """One small query on a connection of its own: no ORM session to begin and close,
    which cost the floor page (/about for a visitor) twice the query itself."""
    with db.engine.connect() as connection:
        connection.exec_driver_sql("SELECT 1")
