"""Parents and carers: list, add with their first child, edit, link to more children,
unlink, archive and restore. Invitations (e-mail or printed letter) are the Families
pages' (staff/families.py), shown here too."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from ..access import audience, load_or_404
from ..domain import lifecycle
from ..domain.permissions import can
from ..domain.roles import PARENT, SENCO
from ..extensions import db
from ..i18n import gettext as _
from ..inputs import int_arg
from ..models import ParentLink, Pupil, User
from ..paging import asked_page, asked_search
from ..services import invitations, people, plan_notices, plans
from ..services import sign_in_throttle as throttle
from . import lookups
from .blueprint import bp
from .forms import LinkForm, NewParentForm, ParentAccountForm
from .staff import let_sign_in_again

PER_PAGE = 25


@bp.get("/parents")
@audience(SENCO)
def parents():
    """The school's parents and carers, a page at a time, found by name."""
    current, page = lookups.parents_page(asked_search(), asked_page(), PER_PAGE)
    latest = invitations.latest_for(current)
    return render_template(
        "admin/parents.html",
        current=current,
        page=page,
        search=asked_search(),
        archived=lookups.parents(archived=True),
        invitation={p.id: invitations.status(p, latest.get(p.id)) for p in current},
    )


@bp.route("/parents/new", methods=["GET", "POST"])
@audience(SENCO)
def parent_new():
    form = NewParentForm(pupils=lookups.pupils(), pupil_id=int_arg("pupil_id") or 0)
    if form.validate_on_submit():
        pupil = load_or_404(Pupil, form.pupil_id.data, "manage")
        parent = people.create(
            current_user,
            name=form.name.data,
            email=form.email.data or None,
            role=PARENT,
            locale=form.preferred_language.data,
        )
        people.link(current_user, parent, pupil, form.link_values())
        db.session.commit()
        flash(_("%(name)s is added.", name=parent.name), "success")
        send_current_plan(parent, pupil)
        return redirect(url_for("admin.parent_edit", user_id=parent.id))
    return render_template("admin/parent_new.html", form=form)


@bp.route("/parents/<int:user_id>", methods=["GET", "POST"])
@audience(SENCO)
def parent_edit(user_id: int):
    parent = load_or_404(User, user_id, "manage_parent")
    form = ParentAccountForm(obj=parent, account_id=parent.id)
    form.signs_in = parent.password_hash is not None
    if form.validate_on_submit():
        people.edit(current_user, parent, form.values())
        db.session.commit()
        flash(_("The changes to %(name)s are saved.", name=parent.name), "success")
        return redirect(url_for("admin.parent_edit", user_id=parent.id))
    return _parent_page(parent, form=form)


@bp.post("/parents/<int:user_id>/links")
@audience(SENCO)
def link_add(user_id: int):
    parent = load_or_404(User, user_id, "manage_parent")
    form = LinkForm(pupils=lookups.pupils(), has_email=parent.email is not None)
    if not form.validate_on_submit():
        return _parent_page(parent, link_form=form)
    pupil = load_or_404(Pupil, form.pupil_id.data, "manage")
    people.link(current_user, parent, pupil, form.link_values())
    db.session.commit()
    flash(
        _("%(parent)s is linked to %(pupil)s.", parent=parent.name, pupil=pupil.display_name),
        "success",
    )
    send_current_plan(parent, pupil)
    return redirect(url_for("admin.parent_edit", user_id=parent.id))


def send_current_plan(parent: User, pupil: Pupil) -> None:
    """A parent linked after the pupil's plan went to the family is asked too (issue 13,
    item 10): e-mail it to them now, or say that a letter waits to be printed."""
    plan = plans.current_plan(pupil)
    if plan is None or not lifecycle.needs_signoff(plan.status):
        return
    notices = plan_notices.prepare_emails(current_user, plan, only=parent)
    mailed = plan_notices.queue_mails(current_user, plan, notices)
    db.session.commit()  # the invitation and its e-mail, together
    if mailed:
        flash(_("The plan is on its way to %(names)s by e-mail.", names=parent.name), "success")
        return
    flash(
        _(
            "%(parent)s does not have %(pupil)s's plan yet: send it or print the letter from "
            "the plan's page.",
            parent=parent.name,
            pupil=pupil.first_name,
        ),
        "info",
    )


@bp.post("/links/<int:link_id>/remove")
@audience(SENCO)
def link_remove(link_id: int):
    link = load_or_404(ParentLink, link_id, "manage")
    parent, pupil = link.parent, link.pupil
    people.unlink(current_user, link)
    db.session.commit()
    flash(
        _(
            "%(parent)s is no longer linked to %(pupil)s.",
            parent=parent.name,
            pupil=pupil.display_name,
        ),
        "success",
    )
    return redirect(url_for("admin.parent_edit", user_id=parent.id))


@bp.post("/parents/<int:user_id>/archive")
@audience(SENCO)
def parent_archive(user_id: int):
    parent = load_or_404(User, user_id, "manage_parent")
    people.deactivate(current_user, parent)
    db.session.commit()
    flash(_("%(name)s is archived and can no longer sign in.", name=parent.name), "success")
    return redirect(url_for("admin.parents"))


@bp.post("/parents/<int:user_id>/restore")
@audience(SENCO)
def parent_restore(user_id: int):
    parent = load_or_404(User, user_id, "manage_parent")
    people.reactivate(current_user, parent)
    db.session.commit()
    flash(_("%(name)s can sign in again.", name=parent.name), "success")
    return redirect(url_for("admin.parent_edit", user_id=parent.id))


@bp.post("/parents/<int:user_id>/unlock")
@audience(SENCO)
def parent_unlock(user_id: int):
    parent = load_or_404(User, user_id, "manage_parent")
    let_sign_in_again(parent)
    return redirect(url_for("admin.parent_edit", user_id=parent.id))


def _parent_page(parent: User, form=None, link_form=None):
    links = sorted(parent.children_links, key=lambda link: link.pupil.first_name.casefold())
    return render_template(
        "admin/parent_edit.html",
        parent=parent,
        links=[link for link in links if can(current_user, "manage", link)],
        form=form or ParentAccountForm(formdata=None, obj=parent, account_id=parent.id),
        link_form=link_form or LinkForm(formdata=None, pupils=lookups.pupils()),
        invitation=invitations.status(parent, invitations.latest_for([parent]).get(parent.id)),
        paused_until=throttle.paused_until(parent),
    )
