"""Staff accounts: invite, resend an invitation, edit, change role, archive, restore, and
let them sign in again after many wrong tries."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from ..access import audience, load_or_404
from ..domain.permissions import can
from ..domain.roles import SENCO
from ..extensions import db
from ..i18n import gettext as _
from ..models import User
from ..services import accounts, audit, invitations, people
from ..services import sign_in_throttle as throttle
from . import lookups
from .blueprint import bp
from .forms import StaffEditForm, StaffInviteForm


@bp.get("/staff")
@audience(SENCO)
def staff():
    return render_template(
        "admin/staff.html",
        current=lookups.staff(),
        archived=lookups.staff(archived=True),
    )


@bp.route("/staff/invite", methods=["GET", "POST"])
@audience(SENCO)
def staff_invite():
    form = StaffInviteForm()
    if form.validate_on_submit():
        user = people.create(
            current_user, name=form.name.data, email=form.email.data, role=form.role.data
        )
        raw = invitations.issue(current_user, user)
        invitations.queue_mail(user, raw, invited_by=current_user)
        db.session.commit()
        flash(
            _("%(name)s is invited. An e-mail with a link is on its way to them.", name=user.name),
            "success",
        )
        return redirect(url_for("admin.staff"))
    return render_template("admin/staff_invite.html", form=form)


@bp.route("/staff/<int:user_id>", methods=["GET", "POST"])
@audience(SENCO)
def staff_edit(user_id: int):
    user = load_or_404(User, user_id, "manage_staff")
    form = StaffEditForm(
        obj=user, account_id=user.id, can_change_role=can(current_user, "change_role", user)
    )
    if form.validate_on_submit():
        people.edit(current_user, user, form.values())
        db.session.commit()
        flash(_("The changes to %(name)s are saved.", name=user.name), "success")
        return redirect(url_for("admin.staff"))
    return render_template(
        "admin/staff_edit.html", form=form, user=user, paused_until=throttle.paused_until(user)
    )


@bp.post("/staff/<int:user_id>/resend")
@audience(SENCO)
def staff_resend(user_id: int):
    user = load_or_404(User, user_id, "manage_staff")
    invite_again(user)
    return redirect(url_for("admin.staff_edit", user_id=user.id))


@bp.post("/staff/<int:user_id>/archive")
@audience(SENCO)
def staff_archive(user_id: int):
    user = load_or_404(User, user_id, "manage_staff")
    if not can(current_user, "deactivate", user):
        flash(_("You cannot archive yourself. Another SENCO can do it."), "error")
        return redirect(url_for("admin.staff_edit", user_id=user.id))
    people.deactivate(current_user, user)
    db.session.commit()
    flash(_("%(name)s is archived and can no longer sign in.", name=user.name), "success")
    return redirect(url_for("admin.staff"))


@bp.post("/staff/<int:user_id>/restore")
@audience(SENCO)
def staff_restore(user_id: int):
    user = load_or_404(User, user_id, "manage_staff")
    people.reactivate(current_user, user)
    db.session.commit()
    flash(_("%(name)s can sign in again.", name=user.name), "success")
    return redirect(url_for("admin.staff_edit", user_id=user.id))


@bp.post("/staff/<int:user_id>/unlock")
@audience(SENCO)
def staff_unlock(user_id: int):
    user = load_or_404(User, user_id, "manage_staff")
    let_sign_in_again(user)
    return redirect(url_for("admin.staff_edit", user_id=user.id))


def let_sign_in_again(user: User) -> None:
    """End every sign-in wait of this account, e.g. when a stranger's tries from many
    addresses reached the per-account backstop, or the owner mistyped codes (SEC-05)."""
    accounts.unlock(user)
    audit.record(current_user, "sign_in_unlocked", user)
    db.session.commit()
    flash(_("%(name)s can sign in again now.", name=user.name), "success")


def invite_again(user: User) -> None:
    """Send a fresh invitation (the old link stops working) to someone without a password."""
    if not user.is_active:
        flash(_("%(name)s is archived. Restore them first.", name=user.name), "error")
        return
    if not people.is_invited(user):
        flash(_("%(name)s has already set a password.", name=user.name), "info")
        return
    raw = invitations.issue(current_user, user)
    invitations.queue_mail(user, raw, invited_by=current_user)
    db.session.commit()
    flash(
        _("A new invitation link is on its way to %(name)s by e-mail.", name=user.name), "success"
    )
