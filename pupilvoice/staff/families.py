"""Families, for the SENCO and teachers: the parents of the pupils they teach, who has an
account, and inviting them by e-mail or by a printed letter (one invitation mechanism,
services/invitations.py). Revoking and resending are here too."""

from __future__ import annotations

from dataclasses import dataclass

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..access import audience, is_safe_next, load_or_404
from ..domain.permissions import can
from ..domain.roles import PARENT, SENCO
from ..extensions import db
from ..i18n import gettext as _
from ..labels import CONTACT_LABELS
from ..models import ParentLink, Pupil, User
from ..paging import Page, asked_page, asked_search, counted, like_text
from ..services import invitations
from . import (
    family_plans,  # noqa: F401 - adds the plan pages (sending, paper answers)
    letters,
)
from .family_blueprint import INVITERS, bp

__all__ = ["bp"]


@dataclass(frozen=True)
class FamilyRow:
    parent: User
    links: list[ParentLink]
    status: invitations.Status


PER_PAGE = 25


def _my_parent_ids(name: str):
    """Ids of current parents of current pupils this person teaches (the whole school for a
    SENCO), whose name holds ``name``."""
    query = (
        select(User.id)
        .join(ParentLink, ParentLink.parent_id == User.id)
        .join(Pupil, Pupil.id == ParentLink.pupil_id)
        .where(
            User.school_id == current_user.school_id,
            User.role == PARENT,
            User.archived_at.is_(None),
            Pupil.archived_at.is_(None),
        )
    )
    if current_user.role != SENCO:
        query = query.where(Pupil.class_id.in_(current_user.class_ids))
    if name:
        query = query.where(func.lower(User.name).like(f"%{like_text(name)}%", escape="\\"))
    return query.distinct()


def _parents_page(name: str) -> tuple[list[User], Page, int]:
    """One page of those parents, each with all their children (_visible_links keeps those
    this person may see); how many there are, and how many have no account yet. Three
    queries, however many families."""
    ids = _my_parent_ids(name).scalar_subquery()
    total, waiting = db.session.execute(
        select(func.count(), func.count() - func.count(User.password_hash)).where(User.id.in_(ids))
    ).one()
    page = counted(asked_page(), PER_PAGE, total)
    parents = db.session.scalars(
        select(User)
        .where(User.id.in_(ids))
        .options(selectinload(User.children_links).joinedload(ParentLink.pupil))
        .order_by(User.name, User.id)
        .limit(PER_PAGE)
        .offset(page.offset)
    )
    return list(parents), page, waiting


def _visible_links(parent: User) -> list[ParentLink]:
    """Only the children this person may see (a sibling in another class stays hidden)."""
    links = [
        link
        for link in parent.children_links
        if link.pupil.archived_at is None and can(current_user, "view", link.pupil)
    ]
    return sorted(links, key=lambda link: link.pupil.first_name.casefold())


@bp.get("/")
@audience(INVITERS)
def index():
    search = asked_search()
    parents, page, waiting = _parents_page(search)
    latest = invitations.latest_for(parents)
    rows = [
        FamilyRow(p, _visible_links(p), invitations.status(p, latest.get(p.id))) for p in parents
    ]
    return render_template(
        "staff/families.html",
        rows=rows,
        page=page,
        search=search,
        waiting=waiting,
        contact_labels=CONTACT_LABELS,
    )


def _back(parent: User) -> str:
    target = request.form.get("next")
    return target if is_safe_next(target) else url_for("families.index", _anchor=f"p{parent.id}")


def _refuse_if_set_up(parent: User) -> bool:
    """Flash why nobody can be invited, and say so; False when they can be."""
    status = invitations.status(parent, None)
    if status.can_invite:
        return False
    flash(_("%(name)s already has an account.", name=parent.name), "info")
    return True


@bp.post("/<int:user_id>/email")
@audience(INVITERS)
def invite_email(user_id: int):
    parent = load_or_404(User, user_id, "invite")
    if _refuse_if_set_up(parent):
        return redirect(_back(parent))
    if parent.email is None:
        flash(
            _("%(name)s has no e-mail address. Print a letter instead.", name=parent.name), "info"
        )
        return redirect(_back(parent))
    if invitations.just_sent(parent, "email"):
        flash(_("An invitation went to %(name)s a moment ago.", name=parent.name), "info")
        return redirect(_back(parent))
    raw = invitations.issue(current_user, parent, "email")
    invitations.queue_mail(parent, raw, invited_by=current_user)
    db.session.commit()
    flash(_("An invitation link is on its way to %(name)s by e-mail.", name=parent.name), "success")
    return redirect(_back(parent))


@bp.post("/<int:user_id>/letter")
@audience(INVITERS)
def invite_letter(user_id: int):
    """Make a letter and show it to print. The code is shown only now (it is stored
    hashed), so this page is the POST's answer rather than a redirect."""
    parent = load_or_404(User, user_id, "invite")
    if _refuse_if_set_up(parent):
        return redirect(_back(parent))
    letter = invitations.issue_letter(current_user, parent)
    db.session.commit()
    return render_template("staff/invite_letter.html", **_letter_context(parent, letter))


@bp.post("/<int:user_id>/revoke")
@audience(INVITERS)
def revoke(user_id: int):
    parent = load_or_404(User, user_id, "invite")
    if invitations.revoke(current_user, parent):
        db.session.commit()
        flash(_("The invitation for %(name)s no longer works.", name=parent.name), "success")
    return redirect(_back(parent))


# --- the printed letter --------------------------------------------------------------------


def _letter_context(parent: User, letter: invitations.Letter) -> dict:
    family = invitations.language_of(parent)
    visible = [link.pupil for link in _visible_links(parent)]
    children = invitations.names_together(invitations.children_of(parent, visible))
    join_url = letters.join_address()
    texts = letters.in_languages(
        "staff/_letter_text.html",
        family,
        parent=parent,
        children_of=lambda: invitations.names_together(invitations.children_of(parent, visible)),
        code=letter.code,
        join_url=join_url,
        record=letter.record,
        school=parent.school,
        invited_by=current_user,
    )
    return {
        "parent": parent,
        "letter": letter,
        "texts": texts,
        "qr": letters.qr_code(invitations.link_for(letter.token, family)),
        "join_url": join_url,
        "school": parent.school,
        "back": url_for("families.index"),
        "children": children,
    }
