"""The idle timer's sign-out (SEC-07, A11Y-09): it ends the session on the server like
"Sign out", but keeps what this browser holds for the person — a parent's unsent answers,
a teacher's unsaved draft (issue 13, items 7 and 14) — and signing in again comes back to
the page they were on, in their language."""

from __future__ import annotations

from flask import flash, redirect, request, session, url_for
from flask_login import current_user, logout_user

from ..access import SIGNED_IN, audience, is_safe_next
from ..extensions import db
from ..i18n import gettext as _
from ..i18n import remember_signed_out_language
from ..services import accounts
from .routes import bp


@bp.post("/timed-out")
@audience(SIGNED_IN)
def timed_out():
    """No Clear-Site-Data here (Sign out sends it): the drafts stay in this browser, kept
    under the person's own account number, so nobody else on the device is shown them."""
    back = request.form.get("next", "")
    language = getattr(current_user, "locale", None)
    accounts.end_session(current_user.get_id())
    db.session.commit()
    logout_user()
    kept = session.get("lang")
    session.clear()
    if kept:
        session["lang"] = kept
    remember_signed_out_language(language)
    flash(_("You were signed out because nothing happened for a while."), "info")
    return redirect(url_for("auth.login", next=back if is_safe_next(back) else None), 303)
