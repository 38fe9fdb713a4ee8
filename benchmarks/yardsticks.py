"""The app as the benchmarks serve it: PupilVoice plus one yardstick page.

A yardstick page does nothing but one piece of work that the requirements make every page
of its kind do, so the table shows how close such a page can come to the floor at best.
It exists only in benchmark runs; the app itself has no such route.
"""

from __future__ import annotations

from flask import render_template

from pupilvoice import create_app as create_pupilvoice
from pupilvoice.access import STAFF, audience
from pupilvoice.extensions import db
from pupilvoice.models import Plan
from pupilvoice.staff.plan_display import audited_read as read_plan

AUDITED_READ = "/bench/audited-read"


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
