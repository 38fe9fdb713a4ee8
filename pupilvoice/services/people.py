"""Staff and parent accounts of a school, and the links between parents and pupils.

Accounts start without a password: the person sets one through an invitation
(services/invitations.py). These functions flush, never commit (REL-01).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select, update

from ..extensions import db
from ..models import AccountToken, ParentLink, Pupil, User
from ..models.base import utcnow
from . import accounts, audit, new_parents
from .records import assign, set_archived


def create(
    actor: User, *, name: str, email: str | None, role: str, locale: str | None = None
) -> User:
    """A staff or parent account of the actor's school, without a password yet (a parent
    without an e-mail address gets letters, and adds one when setting up the account)."""
    user = User(
        school_id=actor.school_id,
        name=name.strip(),
        email=email,  # the model keeps it trimmed and in lower case
        role=role,
        locale=locale,
    )
    db.session.add(user)
    db.session.flush()
    audit.record(actor, "created", user, role=role)
    return user


def edit(actor: User, user: User, values: Mapping[str, Any]) -> None:
    values = dict(values)
    if "email" in values:
        values["email"] = (values["email"] or "").strip().lower() or None
    old_role = user.role
    changed = assign(user, values)
    if "role" in changed:
        audit.record(actor, "role_changed", user, old=old_role, new=user.role)
        changed.remove("role")
    if changed:
        audit.record(actor, "updated", user, fields=changed)


def deactivate(actor: User, user: User) -> None:
    """Archive the account: it cannot sign in, its sessions end, its open links stop working."""
    set_archived(actor, user, True)
    accounts.end_all_sessions(user)
    db.session.execute(
        update(AccountToken)
        .where(AccountToken.user_id == user.id, AccountToken.used_at.is_(None))
        .values(used_at=utcnow())
    )


def reactivate(actor: User, user: User) -> None:
    set_archived(actor, user, False)


def is_invited(user: User) -> bool:
    """Invited but no password yet."""
    return user.password_hash is None


# --- parents and pupils -------------------------------------------------------------------


def link(actor: User, parent: User, pupil: Pupil, values: Mapping[str, Any]) -> ParentLink:
    """Link a parent to a pupil, or update the link they already have."""
    existing = db.session.execute(
        select(ParentLink).where(ParentLink.parent_id == parent.id, ParentLink.pupil_id == pupil.id)
    ).scalar()
    if existing is not None:
        changed = assign(existing, values)
        if changed:
            audit.record(actor, "updated", existing, fields=changed)
        return existing
    new = ParentLink(school_id=pupil.school_id, parent=parent, pupil=pupil, **values)
    db.session.add(new)
    db.session.flush()
    audit.record(actor, "linked", new, parent_id=parent.id, pupil_id=pupil.id)
    new_parents.parent_linked(actor, parent, pupil)
    return new


def unlink(actor: User, link_: ParentLink) -> None:
    audit.record(actor, "unlinked", link_, parent_id=link_.parent_id, pupil_id=link_.pupil_id)
    db.session.delete(link_)
    db.session.flush()
