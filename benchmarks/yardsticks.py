"""The app as the benchmarks serve it: PupilVoice plus its yardstick pages.

A yardstick page does nothing but one piece of work that the requirements make every page
of its kind do, so the table shows how close such a page can come at best. They exist only
in benchmark runs; the app itself has no such routes.

- BARE: a bare Flask app (no extensions, no hooks, no database) answering a page of the
  same size as the visitor floor (/about). It is served by the same gunicorn workers, so
  it is the floor of Flask + gunicorn on this machine, measured side by side.
- AUDITED_READ: /about for a signed-in member of staff, plus the audited read of a plan
  that every plan page makes (REL-06), with the plan pages' own helper.
"""

from __future__ import annotations

from flask import Flask, render_template

from pupilvoice import create_app as create_pupilvoice
from pupilvoice.access import STAFF, audience
from pupilvoice.extensions import db
from pupilvoice.models import Plan
from pupilvoice.staff.plan_display import audited_read as read_plan

AUDITED_READ = "/bench/audited-read"
BARE = "/bench/bare"


def create_app(config: dict | None = None):
    app = create_pupilvoice(config)

    @app.get(AUDITED_READ)
    @audience(STAFF)
    def audited_read():
        """The /about page for a signed-in member of staff, plus what every plan page must
        also do: record the read of a plan in the audit log (REL-06) and commit it, with
        the same helper the plan pages use. Nothing of the plan is shown."""
        return read_plan(render_template("about.html"), db.session.get(Plan, 1))

    return app


def create_bare(size: int) -> Flask:
    """A Flask app with one view and nothing else, answering ``size`` bytes of HTML."""
    bare = Flask("bare")
    body = ("<!doctype html>\n<title>bare</title>\n" + "<p>" + "x" * size)[:size]

    @bare.get(BARE)
    def page():
        return body

    return bare


def serve(config: dict | None = None):
    """What gunicorn serves: BARE goes to the bare Flask app, everything else to PupilVoice.
    The bare page is the size of the visitor's /about, as the app itself renders it."""
    app = create_app(config)
    size = len(app.test_client().get("/about").get_data())
    bare = create_bare(size)

    def dispatch(environ, start_response):
        target = bare if environ.get("PATH_INFO") == BARE else app
        return target(environ, start_response)

    return dispatch
