"""A plan and its parents, for class teachers and the SENCO: send the plan (or its
changes) by e-mail, print letters for families who prefer paper, and write down an answer
a parent gave on paper, by phone or at a meeting (issue 6, items 2 and 5)."""

from __future__ import annotations

from babel import Locale
from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from .. import reply_slip
from ..access import audience, load_or_404
from ..domain.parent_answers import HOME_HELP
from ..domain.plans import MAX_TEXT
from ..extensions import db
from ..i18n import gettext as _
from ..i18n import ngettext
from ..links import public_url
from ..models import ParentResponse, Plan, School, User
from ..services import invitations, plan_notices, plan_translations, plans, signoff
from . import letters, plan_display
from .family_blueprint import INVITERS, bp, translation_languages
from .family_forms import paper_answer_form, translation_form


def tell_parents(plan: Plan) -> None:
    """E-mail the plan (or its changes) to the parents who hear by e-mail and have not had
    this version (through the outbox); say so, and how many letters are left to print."""
    notices = plan_notices.prepare_emails(current_user, plan)
    mailed = plan_notices.queue_mails(current_user, plan, notices)
    db.session.commit()  # the invitations, the record of sending and the e-mails, together
    if mailed:
        names = ", ".join(parent.name for parent in mailed)
        flash(_("The plan is on its way to %(names)s by e-mail.", names=names), "success")
    letters_left = len(plan_notices.panel(plan).letters_to_print)
    if letters_left:
        flash(
            ngettext(
                "%(num)d family gets the plan by letter: print it from the Parents part below.",
                "%(num)d families get the plan by letter: print them from the Parents part below.",
                letters_left,
            ),
            "info",
        )


def _back(plan: Plan):
    return redirect(url_for("staff.plan", plan_id=plan.id, _anchor="family-title"))


@bp.post("/plans/<int:plan_id>/send")
@audience(INVITERS)
def plan_send(plan_id: int):
    plan = load_or_404(Plan, plan_id, "notify_family")
    tell_parents(plan)
    return _back(plan)


@bp.post("/plans/<int:plan_id>/letters")
@audience(INVITERS)
def plan_letters(plan_id: int):
    """Letters to print, shown once: a code for a parent without an account is stored
    hashed, so this page is the POST's answer rather than a redirect."""
    plan = load_or_404(Plan, plan_id, "notify_family")
    made = plan_notices.prepare_letters(current_user, plan)
    db.session.commit()
    if not made:
        flash(_("Every family who gets letters has this version of the plan."), "info")
        return _back(plan)
    return _letters_page(plan, made)


@bp.post("/plans/<int:plan_id>/parents/<int:parent_id>/letter")
@audience(INVITERS)
def plan_letter_again(plan_id: int, parent_id: int):
    """One parent's letter and reply slip, printed again whenever it is needed (issue 13,
    item 9); a POST for the same reason as ``plan_letters``."""
    plan = load_or_404(Plan, plan_id, "print_letter")
    row = plan_notices.parent_row(plan, parent_id)
    if row is None:
        abort(404)  # not a current parent of this pupil (SEC-02)
    made = plan_notices.print_letter(current_user, plan, row)
    db.session.commit()
    return _letters_page(plan, [made])


def _letters_page(plan: Plan, made: list[plan_notices.PlanLetter]):
    return render_template(
        "staff/plan_letters.html",
        plan=plan,
        letters=[_letter(plan, m) for m in made],
        school=db.session.get(School, plan.school_id),
        join_url=letters.join_address(),
    )


def _letter(plan: Plan, made: plan_notices.PlanLetter) -> dict:
    parent = made.parent
    family = invitations.language_of(parent)
    if made.letter is not None:
        link = invitations.link_for(made.letter.token, family)
    else:
        link = public_url("parent.plan", plan_id=plan.id, lang=family)
    common = {
        "parent": parent,
        "plan": plan,
        "pupil": plan.pupil,
        "code": made.letter.code if made.letter else None,
        "expires": made.letter.record.expires_at if made.letter else None,
        "join_url": letters.join_address(),
        "sender": current_user,
    }
    return {
        "parent": parent,
        "qr": letters.qr_code(link),
        "code": common["code"],
        "texts": letters.in_languages("staff/_plan_letter_text.html", family, **common),
        "slip": letters.LetterText(
            family,
            Locale.parse(family).text_direction,
            reply_slip.fragment(plan, family, parent.name),
        ),
    }


@bp.route("/plans/<int:plan_id>/parents/<int:parent_id>/answer", methods=["GET", "POST"])
@audience(INVITERS)
def paper_answer(plan_id: int, parent_id: int):
    """Write down a parent's answer given on paper, by phone or at a meeting, so that every
    family is counted. It is stored as theirs, with the method and who wrote it down."""
    plan = load_or_404(Plan, plan_id, "record_answer")
    parent = _parent_of(plan, parent_id)
    targets = plan.active_targets
    form = paper_answer_form([t.id for t in targets], data={"version": plan.version})
    if form.validate_on_submit():
        outcome = signoff.save_answers(
            parent,
            plan,
            # on paper, a note left empty says nothing: it does not clear one sent on line
            signoff.Submission(
                form.target_answers(), {k: v for k, v in form.notes().items() if v.strip()}
            ),
            seen_version=form.version.data,
            method=form.method.data,
            recorded_by=current_user,
        )
        if outcome == signoff.STALE:
            db.session.rollback()
            form.carry(plan.version, 0)  # a paper answer is not tied to an answer round
            flash(_("The plan changed while this page was open. Check and save again."), "error")
            return _paper_page(plan, parent, form), 409
        db.session.commit()
        flash(_("%(name)s's answer is saved.", name=parent.name), "success")
        return _back(plan)
    page = _paper_page(plan, parent, form)
    if form.is_submitted():
        return page
    return plan_display.audited_read(page, plan, "opened_for_paper_answer")


def _parent_of(plan: Plan, parent_id: int) -> User:
    """A current parent of the plan's pupil; anyone else is a 404 (SEC-02)."""
    for parent in signoff.parents_of(plan):
        if parent.id == parent_id:
            return parent
    abort(404)


def _paper_page(plan: Plan, parent: User, form):
    return render_template(
        "staff/paper_answer.html",
        plan=plan,
        parent=parent,
        form=form,
        targets=plan.active_targets,
        answers=signoff.latest_answers(plan, parent),
    )


@bp.post("/plans/<int:plan_id>/notes/<int:response_id>/to-plan")
@audience(INVITERS)
def home_help_to_plan(plan_id: int, response_id: int):
    """What a parent says helps at home goes into the plan, in their words (a new version
    of the plan; parents do not confirm their own words again)."""
    plan = load_or_404(Plan, plan_id, "edit")
    note = db.session.get(ParentResponse, response_id)
    if note is None or note.plan_id != plan.id or note.kind != HOME_HELP:
        abort(404)
    words = note.comment.strip()
    if words and words not in plan.home_help:
        joined = f"{plan.home_help.rstrip()}\n{words}".strip()
        if len(joined) > MAX_TEXT:
            flash(_("The plan's home part would be too long. Shorten it first."), "error")
            return _back(plan)
        plans.edit(current_user, plan, {"home_help": joined}, plan.version)
        db.session.commit()
        flash(_("It is in the plan now, under what helps at home."), "success")
    return _back(plan)


@bp.route("/plans/<int:plan_id>/translate/<language>", methods=["GET", "POST"])
@audience(INVITERS)
def translate(plan_id: int, language: str):
    """Staff translate the plan's plain-language fields for a family language; parents
    reading in it see the translation with the school's original beside it."""
    plan = load_or_404(Plan, plan_id, "translate")
    if language not in translation_languages():
        abort(404)
    parts = plan_translations.parts(plan, language)
    start = {part.key: part.translation.text for part in parts if part.translation}
    form = translation_form(parts, data=start)
    if form.validate_on_submit():
        plan_translations.save(current_user, plan, language, form.translations())
        db.session.commit()
        flash(_("The translation is saved."), "success")
        return _back(plan)
    page = render_template(
        "staff/plan_translate.html", plan=plan, language=language, parts=parts, form=form
    )
    if form.is_submitted():
        return page
    return plan_display.audited_read(page, plan, "opened_for_translating")
