"""/join: a family types the short code from their invitation letter, then sets up their
account. The code is guessable in principle, so each invitation locks after a few wrong
codes, and wrong codes are rate-limited per code and address, with ceilings per address
and overall; a right code is never counted, so others' mistakes do not stop a family
(SEC-05, SEC-09)."""

from __future__ import annotations

import time

from flask import Blueprint, redirect, render_template, session, url_for
from flask_login import current_user

from ..access import PUBLIC, audience, home_for
from ..extensions import db
from ..i18n import lazy_gettext as _l
from ..services import invitations
from .forms import JoinCodeForm
from .limits import join_limits, pending_invitation_and_address, sign_in_limits
from .routes import set_up_account

bp = Blueprint("join", __name__, url_prefix="/join", template_folder="templates")

JOIN_SECONDS = 15 * 60  # time to choose a password after typing the code
CODE_PROBLEMS = {
    "format": _l("A code has 8 letters and numbers, like K7QM-4XPD. Check the letter."),
    "wrong": _l(
        "That code does not work. Check it against the letter. A code works once, for 14 days."
    ),
    "locked": _l(
        "That code was typed wrong too many times, so it is blocked. "
        "Please ask the school for a new letter."
    ),
}


@bp.route("", methods=["GET", "POST"])
@audience(PUBLIC)
@join_limits
def enter_code():
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    form = JoinCodeForm()
    if form.validate_on_submit():
        record, outcome = invitations.check_code(form.code.data)
        db.session.commit()  # a wrong try counts even though nothing else changes
        if record is not None:
            session["join"] = {"id": record.id, "until": time.time() + JOIN_SECONDS}
            return redirect(url_for("join.set_up"))
        form.code.errors.append(CODE_PROBLEMS[outcome])
    return render_template("auth/join.html", form=form)


@bp.route("/account", methods=["GET", "POST"])
@audience(PUBLIC)
@sign_in_limits(pending_invitation_and_address)
def set_up():
    pending = session.get("join") or {}
    record = None
    if pending.get("until", 0) > time.time():
        record = invitations.open_invitation(pending.get("id"))
    if record is None:
        session.pop("join", None)
        return render_template("auth/token_invalid.html", purpose="code"), 404
    return set_up_account(record, how="code")
