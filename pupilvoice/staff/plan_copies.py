"""A plan's printed copies as PDF downloads for staff: the staff copy, a family copy in
each language the pupil's parents read, the pupil's "My plan" and the one-page profile.
Anyone who works with the pupil may download them (as they may read the plan); each
download is audited (REL-06)."""

from __future__ import annotations

from flask import abort, current_app, request
from flask_login import current_user

from .. import copies, reply_slip
from ..access import STAFF, allowed_or_404, audience
from ..extensions import db
from ..services import plans
from .routes import bp


def _language(kind: str) -> str:
    """The family language asked for (?language=ur); only the parent copy and the reply
    slip have one."""
    if kind not in ("parent", "slip"):
        return ""
    asked = request.args.get("language", "")
    if asked in current_app.config["LANGUAGES"]:
        return asked
    return current_app.config["SCHOOL_TEXT_LANGUAGE"]


@bp.get("/plans/<int:plan_id>/<any(staff, parent, pupil, profile, slip):copy>.pdf")
@audience(STAFF)
def plan_copy(plan_id: int, copy: str):
    found = allowed_or_404(plans.load_page(plan_id))
    if copy not in (*copies.KINDS, "slip"):
        abort(404)
    language = _language(copy)
    if copy == "slip":  # the reply slip of a plan letter, to print again on its own
        html = reply_slip.document(found, language)
    else:
        html = copies.render(found, copy, language)
    response = copies.download(html, found, copy, language)
    if response.status_code == 200:
        plans.record_read(current_user, found, "copy_downloaded", copy=copy, language=language)
        db.session.commit()
    return response
