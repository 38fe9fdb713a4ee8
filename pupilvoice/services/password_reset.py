"""A forgotten password (SEC-09): the page queues a request whatever address was typed,
with the same one insert, so it answers as quickly for an address that has no account as
for one that has; the outbox's sender then makes the link and the mail, or drops it."""

from __future__ import annotations

from flask import render_template
from flask_babel import force_locale

from ..i18n import gettext as _
from ..links import public_url
from ..models.outbox import OutboxMessage
from . import accounts, outbox

KIND = "password_reset"


def request_link(typed_address: str) -> None:
    """Queue a reset for the address typed (the caller commits); no account is looked up."""
    outbox.queue(typed_address.strip().lower()[:254], "", "", kind=KIND)


def prepare(message: OutboxMessage) -> bool:
    """Make the reset mail, with a fresh link (older ones stop); False when the address has
    no account that may set a password, and nothing is sent."""
    user = accounts.find_by_email(message.to_address)
    if user is None or not user.is_active or not user.password_hash:
        return False
    raw = accounts.issue_token(user, "reset")
    language = user.locale or "en"
    with force_locale(language):
        link = public_url("auth.reset", token=raw)
        message.body = render_template("auth/mail_reset.txt", user=user, link=link)
        message.subject = _("Reset your PupilVoice password")
    message.user_id, message.school_id, message.language = user.id, user.school_id, language
    return True
