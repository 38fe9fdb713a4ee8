"""The plan editor: start a plan from a pupil, edit it and its targets with the checkers
beside each field, see its versions, share it. Two people saving the same fields never
overwrite each other: the second sees both versions and chooses (REL-02)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from .. import copies
from ..access import STAFF, allowed_or_404, audience, load_or_404
from ..domain import drafts
from ..domain.permissions import can
from ..domain.plans import Provision, needs_extra_reason
from ..domain.roles import SENCO, TEACHER
from ..extensions import db
from ..i18n import gettext as _
from ..i18n import today
from ..inputs import int_arg
from ..models import Plan, Proposal, Pupil, Target, TargetBankEntry
from ..services import (
    glossary,
    groups,
    plan_notices,
    plan_translations,
    plans,
    provisions,
    target_bank,
    voice,
)
from ..voice_labels import proposal_sentence
from . import checks, family_plans, plan_display, review_screen, timelines
from .plan_forms import EvidenceForm, PlanForm, TargetForm, VersionedForm
from .routes import bp

WRITERS = (TEACHER, SENCO)
TERM = timedelta(weeks=12)


def target_of(plan: Plan, target_id: int, archived_too: bool = False) -> Target:
    """A target of this plan; one taken off the plan only when ``archived_too``."""
    target = db.session.get(Target, target_id)
    if target is None or target.plan_id != plan.id:
        abort(404)
    if target.archived_at is not None and not archived_too:
        abort(404)
    return target


def _saved_draft(key: str) -> None:
    """Tell the next page that the browser's unsaved copy of this form can go."""
    session["saved_draft"] = key


def _commit(save: Callable[[], None]) -> plans.StaleSave | None:
    """Run a save and commit it, or return the clash to show. A save that raced another
    (the row's version moved on during this request) is tried again once, against the
    new version, so it either lands cleanly or shows the clash."""
    for _attempt in range(2):
        try:
            save()
            db.session.commit()
            return None
        except plans.StaleSave as stale:
            db.session.rollback()
            return stale
        except StaleDataError:
            db.session.rollback()
    abort(409)


def _merge_page(form: VersionedForm, theirs: VersionedForm, stale, plan: Plan, back: str):
    """Both versions side by side; choosing per field and saving again merges them."""
    rows = plan_display.merge_rows(form, theirs, {c.field: c for c in stale.clashes})
    page = render_template(
        "staff/plan_merge.html", rows=rows, latest=stale.latest, plan=plan, back=back
    )
    return page, 409


def _after_save(plan: Plan, form: VersionedForm, edit_url: str, draft_key: str, merged: bool):
    """Back to the form when the checkers have notes on what was saved, else to the plan."""
    _saved_draft(draft_key)
    if merged:
        flash(_("Someone else also saved this plan meanwhile; both sets of changes are kept."))
    notes = checks.field_problems(form.values(), plan.school_id)
    if any(notes.values()):
        flash(_("Saved. The checker has suggestions next to the fields below."), "success")
        return redirect(edit_url)
    flash(_("Saved."), "success")
    return redirect(url_for("staff.plan", plan_id=plan.id))


# --- starting a plan -------------------------------------------------------------------------


@bp.route("/pupils/<int:pupil_id>/plans/new", methods=["GET", "POST"])
@audience(WRITERS)
def plan_new(pupil_id: int):
    pupil = load_or_404(Pupil, pupil_id, "create_plan")
    form = PlanForm(data=_new_plan_values(pupil))
    key = f"pupil-{pupil.id}-new-plan"
    existing = _existing_draft(pupil)
    status = 200
    if form.validate_on_submit():
        if drafts.may_start_another(existing and existing.id, _seen_draft()):
            plan = plans.create(current_user, pupil, form.values())
            groups.bring_into(current_user, plan)  # the common targets of their groups
            db.session.commit()
            _saved_draft(key)
            flash(_("The plan is started. Now add up to four targets."), "success")
            return redirect(url_for("staff.plan", plan_id=plan.id))
        status = 409  # a draft the page did not name: show it first, keep what was typed
    notes = checks.field_problems(form.values(), pupil.school_id)
    page = render_template(
        "staff/plan_form.html",
        form=form,
        pupil=pupil,
        plan=None,
        notes=notes,
        draft_key=key,
        existing_draft=existing,
    )
    return page, status


def _existing_draft(pupil: Pupil) -> Plan | None:
    """The pupil's draft to offer instead of starting another (domain/drafts.py)."""
    found = plans.plans_of(pupil)
    draft_id = drafts.draft_to_open_instead((plan.id, plan.status) for plan in found)
    return next((plan for plan in found if plan.id == draft_id), None)


def _seen_draft() -> int | None:
    """The draft the page warned about (a hidden field the form does not bind)."""
    value = request.form.get("seen_draft", "")
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None


def _new_plan_values(pupil: Pupil) -> dict:
    """A new plan starts today and is reviewed about a term later."""
    start = today()
    return {
        "term_label": term_label(start),
        "starts_on": start,
        "review_on": start + TERM,
        "pupil_views": plan_display.views_summary(pupil),
    }


def term_label(day) -> str:
    if day.month >= 9:
        return _("Autumn %(year)s", year=day.year)
    if day.month <= 3:
        return _("Spring %(year)s", year=day.year)
    return _("Summer %(year)s", year=day.year)


# --- the plan --------------------------------------------------------------------------------


@bp.get("/plans/<int:plan_id>")
@audience(STAFF)
def plan(plan_id: int):
    found = allowed_or_404(plans.load_page(plan_id))
    return plan_display.audited_read(_plan_page(found), found)


def _plan_page(found: Plan, evidence_for: int | None = None, evidence: EvidenceForm | None = None):
    """The plan; ``evidence`` is a refused evidence form to show again under its target."""
    targets = found.active_targets
    terms = glossary.for_school(found.school_id)
    return render_template(
        "staff/plan.html",
        plan=found,
        targets=targets,
        plan_notes=checks.plan_problems(found),
        target_notes={
            t.id: checks.field_problems(checks.target_values(t), found.school_id, terms)
            for t in targets
        },
        provision={t.id: _provision(t) for t in targets},
        evidence_forms={evidence_for: evidence} if evidence else {},
        timelines=timelines.for_targets(found, targets),
        family=plan_notices.panel(found),
        out_of_date_languages=plan_translations.out_of_date_languages(found),
        copy_languages=copies.family_languages(found),
        review=review_screen.panel(found),
        today=today(),
        clear_draft=session.pop("saved_draft", None),
    )


def _provision(target: Target) -> Provision:
    return Provision(
        target.group_size,
        target.sessions_per_week,
        target.minutes_per_session,
        target.weeks,
        target.cost_per_session_pence,
    )


@bp.route("/plans/<int:plan_id>/edit", methods=["GET", "POST"])
@audience(WRITERS)
def plan_edit(plan_id: int):
    found = allowed_or_404(plans.load_with_pupil(plan_id), "edit")
    form = PlanForm(obj=found)
    key = f"plan-{found.id}"
    was, merged = form.version.data, form.version.data != found.version
    if form.validate_on_submit():
        stale = _commit(lambda: plans.edit(current_user, found, form.values(), was))
        if stale:
            return _merge_page(form, PlanForm(formdata=None, obj=found), stale, found, request.path)
        return _after_save(found, form, request.path, key, merged)
    notes = checks.field_problems(form.values(), found.school_id)
    page = render_template(
        "staff/plan_form.html",
        form=form,
        pupil=found.pupil,
        plan=found,
        notes=notes,
        draft_key=key,
        clear_draft=session.pop("saved_draft", None),
    )
    return (
        page
        if form.is_submitted()
        else plan_display.audited_read(page, found, "opened_for_editing")
    )


@bp.post("/plans/<int:plan_id>/share")
@audience(WRITERS)
def plan_share(plan_id: int):
    found = load_or_404(Plan, plan_id, "edit")
    if can(current_user, "share", found):  # a second click finds it shared already (REL-04)
        plans.share(current_user, found)
        db.session.commit()
        flash(_("The plan is shared with %(name)s's parents.", name=found.pupil.first_name))
        family_plans.tell_parents(found)
    return redirect(url_for("staff.plan", plan_id=found.id))


@bp.get("/plans/<int:plan_id>/versions")
@audience(STAFF)
def plan_versions(plan_id: int):
    found = allowed_or_404(plans.load_with_pupil(plan_id))
    kept = plans.versions(found)
    newest = kept[0].number if kept else 1
    after = int_arg("b") or newest
    before = int_arg("a") or max(1, after - 1)
    by_number = {kept_version.number: kept_version for kept_version in kept}
    pair = (by_number.get(before), by_number.get(after))
    page = render_template(
        "staff/plan_versions.html",
        plan=found,
        versions=kept,
        rows=plan_display.change_rows(*pair),
        a=before,
        b=after,
    )
    return plan_display.audited_read(page, found, "viewed_versions")


# --- targets ---------------------------------------------------------------------------------


def _target_page(form: TargetForm, found: Plan, target: Target | None, key: str, **extra):
    notes = checks.field_problems(form.values(), found.school_id)
    return render_template(
        "staff/target_form.html",
        form=form,
        plan=found,
        target=target,
        notes=notes,
        draft_key=key,
        clear_draft=session.pop("saved_draft", None),
        **extra,
    )


def _proposal(found: Plan) -> Proposal | None:
    """The pupil's "I can…" this target starts from (?proposal=), if any: theirs only."""
    proposal_id = int_arg("proposal")
    if not proposal_id:
        return None
    proposal = load_or_404(Proposal, proposal_id)
    if proposal.pupil_id != found.pupil_id:
        abort(404)
    return proposal


def _bank_entry() -> TargetBankEntry | None:
    """The bank target this target starts from (?bank=), if any: this school's only."""
    entry_id = int_arg("bank")
    return load_or_404(TargetBankEntry, entry_id, "use") if entry_id else None


@bp.route("/plans/<int:plan_id>/targets/new", methods=["GET", "POST"])
@audience(WRITERS)
def target_new(plan_id: int):
    found = allowed_or_404(plans.load_with_pupil(plan_id), "edit")
    proposal = _proposal(found)
    entry = _bank_entry()
    start = {"target_on": found.review_on}
    if entry is not None:
        start |= target_bank.start_values(entry, found.pupil)
    if proposal is not None:
        start["area"] = proposal.area
    extra = needs_extra_reason(len(found.active_targets)) and not found.extra_target_reason
    form = TargetForm(
        data=start | {"version": found.version},
        needs_reason=extra,
        words_locked=bool(proposal),
        provisions=provisions.catalogue(found.school_id),
    )
    words = proposal_sentence(proposal) if proposal else ""
    key = f"plan-{found.id}-new-target" + (f"-p{proposal.id}" if proposal else "")
    if form.validate_on_submit():
        values = provisions.filled(found.school_id, form.with_provision())
        target = plans.add_target(
            current_user,
            found,
            values,
            form.reason(),
            proposal=proposal,
            words=words,
            bank_entry=entry,
        )
        db.session.commit()
        edit_url = url_for("staff.target_edit", plan_id=found.id, target_id=target.id)
        return _after_save(found, form, edit_url, key, False)
    return _target_page(
        form,
        found,
        None,
        key,
        proposal_words=words,
        bank_entry=entry,
        bank_entries=target_bank.entries(found.school_id),
        proposals=voice.proposals_of(found.pupil),
    )


@bp.route("/plans/<int:plan_id>/targets/<int:target_id>", methods=["GET", "POST"])
@audience(WRITERS)
def target_edit(plan_id: int, target_id: int):
    found = allowed_or_404(plans.load_with_pupil(plan_id), "edit")
    target = target_of(found, target_id)
    if target.group_target_id:  # written once for the group, on the group's page
        common = target.group_target
        return redirect(
            url_for("staff.group_target_edit", group_id=common.group_id, target_id=common.id)
        )
    locked = target.source_proposal_id is not None
    offered = provisions.catalogue(found.school_id)
    form = TargetForm(
        obj=target, data={"version": found.version}, words_locked=locked, provisions=offered
    )
    was, merged = form.version.data, form.version.data != found.version
    key = f"plan-{found.id}-target-{target.id}"
    if form.validate_on_submit():
        values = provisions.filled(found.school_id, form.with_provision())
        stale = _commit(lambda: plans.edit_target(current_user, target, values, was))
        if stale:
            theirs = TargetForm(formdata=None, obj=target, words_locked=locked, provisions=offered)
            return _merge_page(form, theirs, stale, found, request.path)
        return _after_save(found, form, request.path, key, merged)
    page = _target_page(form, found, target, key)
    return (
        page
        if form.is_submitted()
        else plan_display.audited_read(page, found, "opened_for_editing")
    )


@bp.post("/plans/<int:plan_id>/targets/<int:target_id>/archive")
@audience(WRITERS)
def target_archive(plan_id: int, target_id: int):
    found = load_or_404(Plan, plan_id, "edit")
    target = target_of(found, target_id, archived_too=True)  # a second click is harmless
    _commit(lambda: plans.archive_target(current_user, target))
    flash(_("The target is taken off the plan. It is kept in the plan's history."), "success")
    return redirect(url_for("staff.plan", plan_id=found.id))


@bp.post("/plans/<int:plan_id>/targets/<int:target_id>/evidence")
@audience(STAFF)
def evidence_add(plan_id: int, target_id: int):
    found = load_or_404(Plan, plan_id, "add_evidence")
    target = target_of(found, target_id)
    form = EvidenceForm(last_out_of=target.last_out_of)
    if not form.validate_on_submit():
        return _plan_page(plans.load_page(found.id), target.id, form)
    plans.add_evidence(current_user, target, form.values())
    db.session.commit()
    flash(_("The evidence is saved."), "success")
    return redirect(url_for("staff.plan", plan_id=found.id, _anchor=f"target-{target.id}"))
