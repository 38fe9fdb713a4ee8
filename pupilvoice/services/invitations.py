"""Inviting staff and parents: the one invitation mechanism (SEC-09).

An invitation is a single-use, 14-day ``AccountToken`` ("invite") that sets up the account
with a password. It goes out by e-mail (a link, in the person's language) or, for parents,
on a printed letter: the same kind of link as a QR code, and a short code to type at
/join. A new invitation stops the older one; staff can revoke it. Only hashes are stored.
These functions flush, never commit; ``queue_mail`` puts the e-mail in the outbox in the
same transaction, so it goes only when the invitation is committed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from flask import current_app, render_template
from flask_babel import force_locale, format_date, get_locale
from sqlalchemy import select, update

from ..domain import invitations as rules
from ..domain.lists import join_list
from ..extensions import db
from ..i18n import format_locale
from ..i18n import gettext as _
from ..links import public_url
from ..models import AccountToken, Pupil, User
from ..models.base import utcnow
from . import accounts, audit, outbox, tokens

INVITE = "invite"


@dataclass(frozen=True)
class Letter:
    """What a printed invitation carries. Shown once: only hashes are stored."""

    token: str
    code: str  # formatted, "K7QM-4XPD"
    record: AccountToken


@dataclass(frozen=True)
class Status:
    """Where a person is with their account, for staff lists."""

    state: str  # one of domain.invitations' states
    latest: AccountToken | None

    @property
    def can_invite(self) -> bool:
        return self.state not in (rules.HAS_ACCOUNT, rules.ARCHIVED)

    @property
    def can_revoke(self) -> bool:
        return self.state == rules.WAITING


def issue(actor: User | None, user: User, method: str = "email") -> str:
    """A fresh e-mail invitation for ``user`` (older ones stop working); mail it with
    ``queue_mail`` before the commit."""
    raw, record = _new(actor, user, method)
    return raw


def issue_letter(actor: User, parent: User) -> Letter:
    """A fresh printed invitation: a link for the QR code and a short code to type."""
    raw, record = _new(actor, parent, "letter")
    code = _unused_code()
    record.code_lookup = rules.lookup_part(code)
    record.code_hash = _code_hash(code)
    db.session.flush()
    return Letter(token=raw, code=rules.format_code(code), record=record)


def _new(actor: User | None, user: User, method: str) -> tuple[str, AccountToken]:
    """``actor`` is None for the daily reminder, which renews a family's invitation."""
    if method not in rules.METHODS:
        raise ValueError(f"unknown invitation method {method!r}")
    raw, record = accounts.new_token(user, INVITE)
    record.method = method
    record.created_by_id = actor.id if actor else None
    audit.record(actor, "invited", user, method=method)
    return raw, record


def just_sent(user: User, method: str, seconds: int = 60) -> bool:
    """True when an invitation went out this way a moment ago: a double tap, or two staff
    clicking at once, should not send a second mail that stops the first link (REL-04)."""
    latest = latest_for([user]).get(user.id)
    if latest is None or latest.method != method or not accounts.token_is_open(latest):
        return False
    return (utcnow() - latest.created_at).total_seconds() < seconds


def revoke(actor: User, user: User) -> bool:
    """Stop the open invitation, if there is one (a repeated click changes nothing), and
    its e-mail if it has not gone yet."""
    if accounts.revoke_tokens(user, INVITE) == 0:
        return False
    outbox.cancel(user.id, "invitation")
    audit.record(actor, "invitation_revoked", user)
    return True


# --- the code on a letter ------------------------------------------------------------------


def _code_hash(code: str) -> str:
    return tokens.keyed_digest(code, current_app.config["SECRET_KEY"])


def _open_with_lookup(lookup: str) -> list[AccountToken]:
    query = select(AccountToken).where(
        AccountToken.purpose == INVITE,
        AccountToken.code_lookup == lookup,
        AccountToken.used_at.is_(None),
        AccountToken.revoked_at.is_(None),
        AccountToken.expires_at > utcnow(),
    )
    return list(db.session.scalars(query))


def _unused_code() -> str:
    """A new code whose first half no open invitation uses, so a code finds one invitation."""
    for _attempt in range(50):
        code = rules.new_code()
        if not _open_with_lookup(rules.lookup_part(code)):
            return code
    raise RuntimeError("could not find a free invitation code")  # 50 clashes: never in practice


def check_code(typed: str) -> tuple[AccountToken | None, str]:
    """The open invitation a typed code belongs to, and "ok"; or None and why not:
    "format" (not a code), "wrong" or "locked" (too many wrong tries on that invitation).

    A wrong code whose first half matches an invitation counts against that invitation;
    the caller commits, so the count is kept even though the answer is "no".
    """
    code = rules.normalise_code(typed or "")
    if code is None:
        return None, "format"
    candidates = _open_with_lookup(rules.lookup_part(code))
    wanted = _code_hash(code)
    for token in candidates:
        if token.code_hash and tokens.same(token.code_hash, wanted):
            if rules.is_locked(token.failed_tries):
                return None, "locked"
            return (token, "ok") if accounts.token_is_open(token) else (None, "wrong")
    open_ones = [t for t in candidates if not rules.is_locked(t.failed_tries)]
    if open_ones:
        db.session.execute(
            update(AccountToken)
            .where(AccountToken.id.in_([t.id for t in open_ones]))
            .values(failed_tries=AccountToken.failed_tries + 1)
            .execution_options(synchronize_session="fetch")
        )
        for token in open_ones:
            if rules.is_locked(token.failed_tries):
                audit.record(None, "invitation_locked", token.user, token_id=token.id)
    return None, "locked" if candidates and not open_ones else "wrong"


def open_invitation(token_id: object) -> AccountToken | None:
    """The invitation with this id while it can still be used (for the /join steps)."""
    token = db.session.get(AccountToken, token_id) if isinstance(token_id, int) else None
    if token is None or token.purpose != INVITE or not accounts.token_is_open(token):
        return None
    return token


# --- what staff see ------------------------------------------------------------------------


def latest_for(users: Iterable[User]) -> dict[int, AccountToken]:
    """Each person's most recent invitation (one query for a whole list)."""
    ids = [user.id for user in users]
    if not ids:
        return {}
    query = (
        select(AccountToken)
        .where(AccountToken.user_id.in_(ids), AccountToken.purpose == INVITE)
        .order_by(AccountToken.created_at, AccountToken.id)
    )
    return {token.user_id: token for token in db.session.scalars(query)}


def status(user: User, latest: AccountToken | None, now: datetime | None = None) -> Status:
    facts = None
    if latest is not None:
        facts = rules.InvitationFacts(
            created_at=latest.created_at,
            expires_at=latest.expires_at,
            used_at=latest.used_at,
            revoked_at=latest.revoked_at,
            failed_tries=latest.failed_tries,
        )
    state = rules.invitation_state(
        user.password_hash is not None, not user.is_active, facts, now or utcnow()
    )
    return Status(state=state, latest=latest)


# --- language and sending -----------------------------------------------------------------


def language_of(user: User) -> str:
    """The language to write to someone in: their own choice, else the family's language
    the school recorded, else English."""
    languages = current_app.config["LANGUAGES"]
    if user.locale in languages:
        return user.locale
    for link in user.children_links:
        if link.preferred_language in languages:
            return link.preferred_language
    return "en"


def children_of(parent: User, visible: Iterable[Pupil] | None = None) -> list[Pupil]:
    """The parent's current children (only those in ``visible`` when it is given)."""
    allowed = None if visible is None else {pupil.id for pupil in visible}
    children = [
        link.pupil
        for link in parent.children_links
        if link.pupil.archived_at is None and (allowed is None or link.pupil.id in allowed)
    ]
    return sorted(children, key=lambda pupil: pupil.first_name.casefold())


def names_together(children: Iterable[Pupil]) -> str:
    """ "Oscar and Ruby" in the current language ("Oscar i Ruby" in Polish, "Oscar a Ruby"
    in Welsh)."""
    return join_list([child.first_name for child in children], str(get_locale()))


def link_for(raw: str, language: str) -> str:
    """The invitation link; it opens in the person's language."""
    return public_url("auth.accept_invite", token=raw, lang=language)


def queue_mail(user: User, raw: str, invited_by: User) -> bool:
    """Put the invitation e-mail, in the person's language, in the outbox (it goes when the
    caller commits); False when they have no address (a letters-only family)."""
    if not user.email:
        return False
    language = language_of(user)
    with force_locale(format_locale(language)):
        token = accounts.find_token(raw, INVITE)
        context = {
            "user": user,
            "link": link_for(raw, language),
            "invited_by": invited_by,
            "school": user.school,
            "days": accounts.INVITE_DAYS,
            "until": format_date(token.expires_at, "long") if token else "",
            "children": names_together(children_of(user)),
        }
        if user.is_parent:
            body = render_template("mail/invite_parent.txt", **context)
            subject = _("%(school)s: read your child's plan on PupilVoice", school=user.school.name)
        else:
            body = render_template("mail/invite.txt", **context)
            subject = _("You are invited to PupilVoice")
    outbox.queue(user.email, subject, body, kind="invitation", language=language, user=user)
    return True
