"""Group Education Plans (issue 15, item 3): the list of small groups, a new group with its
members, a group's page (members now and before, common targets, each member's progress),
and its common targets, written once with the same checkers as any target."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user

from ..access import STAFF, allowed_or_404, audience
from ..domain.permissions import can
from ..extensions import db
from ..i18n import gettext as _
from ..models import GroupTarget, Pupil, TeachingGroup
from ..services import groups, provisions
from . import checks, group_display
from .group_forms import CommonTargetForm, GroupForm, MemberForm
from .plans import WRITERS
from .routes import bp


def _group_or_404(group_id: int, action: str = "view") -> TeachingGroup:
    return allowed_or_404(groups.load(group_id), action)


def _common_of(group: TeachingGroup, target_id: int) -> GroupTarget:
    found = next((t for t in group.active_targets if t.id == target_id), None)
    return found or abort(404)


@bp.get("/groups")
@audience(STAFF)
def group_list():
    return render_template("staff/groups.html", items=groups.visible(current_user))


@bp.route("/groups/new", methods=["GET", "POST"])
@audience(WRITERS)
def group_new():
    allowed_or_404(current_user.school, "start_group")
    offered = groups.pupils_for(current_user)
    form = GroupForm(pupils=offered)
    if form.validate_on_submit():
        chosen = [p for p in offered if p.id in set(form.members.data)]
        group = groups.create(current_user, form.name.data, chosen)
        db.session.commit()
        flash(_("The group is saved. Now write its common targets."), "success")
        return redirect(url_for("staff.group", group_id=group.id))
    page = render_template("staff/group_new.html", form=form, pupils=offered)
    return (page, 422) if form.errors else page


@bp.get("/groups/<int:group_id>")
@audience(STAFF)
def group(group_id: int):
    found = _group_or_404(group_id)
    return render_template(
        "staff/group.html",
        group=found,
        member_form=_member_form(found),
        clear_draft=session.pop("saved_draft", None),  # the editor's copy can go
        **group_display.context(current_user, found),
    )


def _member_form(group: TeachingGroup, formdata=None) -> MemberForm | None:
    if not can(current_user, "manage", group):
        return None
    inside = {m.pupil_id for m in group.current_members}
    offered = [p for p in groups.pupils_for(current_user) if p.id not in inside]
    return MemberForm(pupils=offered, formdata=formdata) if offered else None


@bp.post("/groups/<int:group_id>/members")
@audience(WRITERS)
def group_member_add(group_id: int):
    found = _group_or_404(group_id, "manage")
    form = _member_form(found, request.form)
    if form is None or not form.validate_on_submit():
        flash(_("Choose a pupil to add from the list."), "error")
        return redirect(url_for("staff.group", group_id=found.id))
    pupil = db.session.get(Pupil, form.pupil_id.data)
    if groups.join(current_user, found, pupil):
        db.session.commit()
        flash(_("%(name)s is in the group now.", name=pupil.display_name), "success")
    return redirect(url_for("staff.group", group_id=found.id))


@bp.post("/groups/<int:group_id>/members/<int:pupil_id>/leave")
@audience(WRITERS)
def group_member_leave(group_id: int, pupil_id: int):
    found = _group_or_404(group_id, "manage")
    member = next((m for m in found.current_members if m.pupil_id == pupil_id), None)
    if member is not None:  # a second click finds them gone already (REL-04)
        groups.leave(current_user, found, member.pupil)
        db.session.commit()
        flash(_("%(name)s has left the group.", name=member.pupil.display_name), "success")
    return redirect(url_for("staff.group", group_id=found.id))


# --- common targets --------------------------------------------------------------------------


def _target_page(form: CommonTargetForm, group: TeachingGroup, common: GroupTarget | None):
    page = render_template(
        "staff/group_target_form.html",
        form=form,
        group=group,
        common=common,
        notes=checks.field_problems(form.values(), group.school_id),
        clear_draft=session.pop("saved_draft", None),
    )
    return (page, 422) if form.errors else page


def _saved(group: TeachingGroup, how_many: int):
    flash(
        _("The common target is saved.") + " " + _("Plans updated: %(num)d.", num=how_many),
        "success",
    )
    return redirect(url_for("staff.group", group_id=group.id, _anchor="common-title"))


@bp.route("/groups/<int:group_id>/targets/new", methods=["GET", "POST"])
@audience(WRITERS)
def group_target_new(group_id: int):
    found = _group_or_404(group_id, "manage")
    form = CommonTargetForm(provisions=provisions.catalogue(found.school_id))
    if form.validate_on_submit():
        values = provisions.filled(found.school_id, form.with_provision())
        common = groups.add_target(current_user, found, values)
        db.session.commit()
        session["saved_draft"] = f"group-{found.id}-new-target"
        return _saved(found, groups.copies_count(common))
    return _target_page(form, found, None)


@bp.route("/groups/<int:group_id>/targets/<int:target_id>", methods=["GET", "POST"])
@audience(WRITERS)
def group_target_edit(group_id: int, target_id: int):
    found = _group_or_404(group_id, "manage")
    common = _common_of(found, target_id)
    form = CommonTargetForm(obj=common, provisions=provisions.catalogue(found.school_id))
    if form.validate_on_submit():
        values = provisions.filled(found.school_id, form.with_provision())
        changed = groups.edit_target(current_user, common, values)
        db.session.commit()
        session["saved_draft"] = f"group-{found.id}-target-{common.id}"
        return _saved(found, len(changed))
    return _target_page(form, found, common)


@bp.post("/groups/<int:group_id>/targets/<int:target_id>/archive")
@audience(WRITERS)
def group_target_archive(group_id: int, target_id: int):
    found = _group_or_404(group_id, "manage")
    common = next((t for t in found.targets if t.id == target_id), None) or abort(404)
    groups.archive_target(current_user, common)
    db.session.commit()
    flash(_("The common target is stopped. Plans keep it in their history."), "success")
    return redirect(url_for("staff.group", group_id=found.id))
