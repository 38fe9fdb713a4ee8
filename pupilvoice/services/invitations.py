"""Inviting staff and parents: a single-use, 14-day link to set their own password (SEC-09)."""

from __future__ import annotations

from flask import render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from ..models import User
from . import accounts, audit, mail


def issue(actor: User, user: User) -> str:
    """A fresh invitation for ``user`` (older ones stop working). Send it after the commit."""
    raw = accounts.issue_token(user, "invite")
    audit.record(actor, "invited", user)
    return raw


def send(user: User, raw: str, invited_by: User) -> None:
    """E-mail the invitation, in the person's language (English until they choose one)."""
    with force_locale(user.locale or "en"):
        link = url_for("auth.accept_invite", token=raw, _external=True)
        body = render_template(
            "mail/invite.txt",
            user=user,
            link=link,
            invited_by=invited_by,
            school=user.school,
            days=accounts.INVITE_DAYS,
        )
        mail.send(user.email, _("You are invited to PupilVoice"), body)
