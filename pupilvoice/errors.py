"""Friendly, translated error pages that never show a trace."""

from __future__ import annotations

from flask import Flask, g, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, SecurityError

from .extensions import db
from .i18n import lazy_gettext as _l

MESSAGES = {
    400: (_l("Something was wrong with that request"), _l("Please go back and try again.")),
    401: (_l("Please sign in"), _l("You need to sign in to see this page.")),
    403: (_l("This page is not for you"), _l("Your account cannot open this page.")),
    404: (_l("We cannot find that page"), _l("It may have moved, or you may not have access.")),
    405: (_l("That did not work"), _l("Please go back and use the buttons on the page.")),
    413: (_l("That file is too big"), _l("Please choose a smaller file and try again.")),
    429: (_l("Please wait a moment"), _l("There were too many tries. Wait a few minutes.")),
    500: (_l("Sorry, something went wrong"), _l("Nothing was saved. Please try again soon.")),
}


def _page(code: int):
    title, hint = MESSAGES.get(code, MESSAGES[500])
    g.pop("pupilvoice_forms", None)  # an error page has no form to summarise
    if request.accept_mimetypes.best == "application/json":
        return {"error": str(title)}, code
    return render_template("errors/error.html", code=code, title=title, hint=hint), code


def register(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        db.session.rollback()
        return _page(400)

    @app.errorhandler(SecurityError)
    def foreign_host(error):
        """A Host outside TRUSTED_HOSTS: 400, on a page that needs no links to this site."""
        title, hint = MESSAGES[400]
        return render_template("errors/bad_host.html", title=title, hint=hint), 400

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        db.session.rollback()
        return _page(error.code or 500)

    @app.errorhandler(UnicodeDecodeError)
    def bad_encoding(error):
        db.session.rollback()
        return _page(400)

    @app.errorhandler(Exception)
    def server_error(error):
        db.session.rollback()
        app.logger.exception("Unhandled error")
        return _page(500)
