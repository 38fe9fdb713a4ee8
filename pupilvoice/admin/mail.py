"""E-mails that have not gone (issue 16, item 6): pages put mail in the outbox and
``flask outbox send`` sends it, so a page cannot say whether a mail arrived. Here the
SENCO sees the school's mails still waiting and those the mail server would not take, to
send again from the person's page or print a letter instead. Bodies are never shown:
they may hold a one-time link."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user

from ..access import audience
from ..domain import outbox as rules
from ..domain.roles import SENCO
from ..services import outbox
from .blueprint import bp


@bp.get("/mail")
@audience(SENCO)
def mail():
    messages = outbox.not_sent(current_user.school_id)
    return render_template(
        "admin/mail.html",
        failed=[m for m in messages if m.state == rules.FAILED],
        waiting=[m for m in messages if m.state != rules.FAILED],
    )
