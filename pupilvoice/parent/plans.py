"""A child's plan for their parent: every target in plain words with the child's own words,
what school will do and what helps at home; an answer for each target and two notes on
the whole plan. Opening it is "received"; every view and answer is audited (item 7)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import current_app, flash, redirect, render_template, session, url_for
from flask_babel import format_date
from flask_login import current_user
from sqlalchemy import bindparam, select
from sqlalchemy.orm import joinedload

from .. import copies
from ..access import allowed_or_404, audience
from ..domain import parent_answers as rules
from ..domain.permissions import can
from ..domain.roles import PARENT
from ..domain.translations import Wording
from ..domain.versions import word_diff
from ..extensions import db
from ..i18n import gettext as _
from ..i18n import page_language
from ..models import Evidence, ParentResponse, Plan, PlanDelivery, Target
from ..services import plan_translations, plans, reviews, signoff
from . import review
from .blueprint import bp
from .forms import AnswerForm, answer_form
from .words import FIELD_NAMES, provision_sentence

ANSWERS_SENT = "answers_sent"  # the plan whose answers were just sent


@dataclass(frozen=True)
class TargetView:
    """One target as the parent's page shows it."""

    target: Target
    provision: str
    state: str  # rules.UNANSWERED / ANSWERED / CHANGED
    latest: ParentResponse | None
    changes: list[dict]
    progress: Evidence | None = None  # the last measured check of this pupil's own progress


def _last_measure(target: Target) -> Evidence | None:
    measured = [e for e in target.evidence if e.measured is not None and e.out_of]
    return max(measured, key=lambda e: (e.observed_on, e.id)) if measured else None


def _changes(plan: Plan, target: Target, latest: ParentResponse | None, state: str):
    """What changed since the parent answered: in their language where the translation
    changed with the school's words, else in the school's words (marked with its lang)."""
    if state != rules.CHANGED or latest is None:
        return []
    school, language = current_app.config["SCHOOL_TEXT_LANGUAGE"], page_language()
    translated = {}
    if language != school:
        translated = plan_translations.changes_in(plan, target, latest.plan_version, language)
    rows = []
    for change in signoff.changes_since(plan, target, latest.plan_version):
        before, after = _shown(change.field, change.before), _shown(change.field, change.after)
        before, after = translated.get(change.field, (before, after))
        lang = language if change.field in translated else school
        rows.append(
            {
                "label": FIELD_NAMES.get(change.field, ""),
                "runs": word_diff(before, after),
                "lang": lang,
            }
        )
    return rows


def _shown(field: str, value) -> str:
    if value in (None, ""):
        return ""
    if field == "target_on":
        return format_date(date.fromisoformat(value), "long")
    return str(value)


def _target_views(plan: Plan, answers: signoff.Answers, states: dict[int, str]) -> list[TargetView]:
    views = []
    for target in plan.active_targets:
        latest = answers.targets.get(target.id)
        state = states[target.id]
        views.append(
            TargetView(
                target=target,
                provision=provision_sentence(target, plan.pupil.first_name),
                state=state,
                latest=latest,
                changes=_changes(plan, target, latest, state),
                progress=_last_measure(target),
            )
        )
    return views


def _prefilled(
    plan: Plan, answers: signoff.Answers, views: list[TargetView], answer_round: int
) -> dict:
    """The form starts from the parent's answers that still stand."""
    data = {"version": plan.version, "round": answer_round}
    for view in views:
        if view.latest is not None and view.state == rules.ANSWERED:
            data[f"answer_{view.target.id}"] = view.latest.kind
            data[f"comment_{view.target.id}"] = view.latest.comment
    for kind, row in answers.notes.items():
        data[kind] = row.comment
    return data


def _page(
    plan: Plan,
    form: AnswerForm | None = None,
    status: int = 200,
    delivery: PlanDelivery | None = None,
    home_form=None,
):
    """The page; ``delivery`` is the parent's delivery row when the caller has it already;
    ``home_form``: a refused "how has it gone at home?" form to show again."""
    answers = signoff.latest_answers(plan, current_user)
    states = signoff.target_states(plan, answers)
    views = _target_views(plan, answers, states)
    may_answer = can(current_user, "answer", plan)
    if form is None and may_answer:
        answer_round = signoff.answer_round(delivery or signoff.delivery(plan, current_user))
        data = _prefilled(plan, answers, views, answer_round)
        form = answer_form([v.target.id for v in views], formdata=None, data=data)
    page = render_template(
        "parent/plan.html",
        plan=plan,
        pupil=plan.pupil,
        views=views,
        form=form if may_answer else None,
        answers=answers,
        answered_all=signoff.all_answered(states),
        changed=any(v.state == rules.CHANGED for v in views),
        translated=_translations(plan),
        # the browser's copy of the answers just sent can go (static/js/family-answers.js)
        answers_sent=session.pop(ANSWERS_SENT, None) == plan.id,
        **(review.context(plan) | ({"home_form": home_form} if home_form else {})),
    )
    return page, status


def _translations(plan: Plan) -> dict[str, Wording]:
    """The translations into the language this page is in, if any, each saying whether
    it may be out of date (the school's words changed since)."""
    language = page_language()
    if language == current_app.config["SCHOOL_TEXT_LANGUAGE"]:
        return {}
    return plan_translations.wordings(plan, language)


# The plan with its pupil and targets, all the page shows of it, in one statement. Built
# once: building a select with loader options costs about as much as running it.
_FAMILY_PLAN = (
    select(Plan)
    .where(Plan.id == bindparam("plan_id"))
    .options(
        joinedload(Plan.pupil),
        joinedload(Plan.targets).selectinload(Target.evidence),
        joinedload(Plan.review_meeting),
    )
)


def _load_or_404(plan_id: int) -> Plan:
    """The plan, if this parent may read it; anyone else's is a 404 (SEC-02)."""
    found = db.session.scalars(_FAMILY_PLAN, {"plan_id": plan_id}).unique().one_or_none()
    return allowed_or_404(found, "read_as_family")


@bp.get("/plans/<int:plan_id>")
@audience(PARENT)
def plan(plan_id: int):
    found = _load_or_404(plan_id)
    # Every view is audited (REL-06). The audit row is written by the commit after the page
    # is built: the page's reads do not depend on it, and committing before rendering would
    # expire the plan and the signed-in parent and load them all again.
    with db.session.no_autoflush:
        delivery = signoff.record_opened(current_user, found)
        page = _page(found, delivery=delivery)
    db.session.commit()
    return page


@bp.post("/plans/<int:plan_id>")
@audience(PARENT)
def answer(plan_id: int):
    found = _load_or_404(plan_id)
    if not can(current_user, "answer", found):
        flash(_("The school is not asking for answers on this plan now."), "info")
        return redirect(url_for("parent.plan", plan_id=found.id))
    form = answer_form(t.id for t in found.active_targets)
    if not form.validate_on_submit():
        return _page(found, form, 400)
    sent = signoff.Submission(form.target_answers(), form.notes())
    outcome = signoff.save_answers(
        current_user,
        found,
        sent,
        seen_version=form.version.data,
        seen_round=form.round.data,
    )
    if outcome == signoff.STALE:
        db.session.rollback()
        form.carry(found.version, signoff.answer_round(signoff.delivery(found, current_user)))
        flash(
            _(
                "The plan or your answers changed while this page was open, so nothing was "
                "sent. Please check the page and send your answers again."
            ),
            "warning",
        )
        return _page(found, form, 409)
    db.session.commit()
    session[ANSWERS_SENT] = found.id
    if outcome == signoff.SAVED:
        flash(_("Thank you. The school can see your answers now."), "success")
    else:
        flash(_("Your answers are saved."), "success")
    return redirect(url_for("parent.plan", plan_id=found.id))


@bp.get("/plans/<int:plan_id>/copy.pdf")
@audience(PARENT)
def plan_copy(plan_id: int):
    """The plan to print or keep, in the language this parent reads with the school's words
    beside it; audited like every read (REL-06)."""
    found = _load_or_404(plan_id)
    language = page_language()
    response = copies.download(copies.render(found, "parent", language), found, "parent", language)
    if response.status_code == 200:
        plans.record_read(current_user, found, "copy_downloaded", copy="parent", language=language)
        db.session.commit()
    return response


@bp.post("/plans/<int:plan_id>/before-review")
@audience(PARENT)
def home_view(plan_id: int):
    """The parent's "How has it gone at home?" for each target, before the review."""
    found = _load_or_404(plan_id)
    if not can(current_user, "send_home_view", found):
        flash(_("The review of this plan is over. Thank you."), "info")
        return redirect(url_for("parent.plan", plan_id=found.id))
    targets = found.active_targets
    form = review.home_view_form([t.id for t in targets])
    if not form.validate_on_submit():
        return _page(found, status=400, home_form=form)
    for target in targets:
        words = (form[f"home_{target.id}"].data or "").strip()
        if words:
            reviews.save_home_view(current_user, found, target, words)
    db.session.commit()
    flash(_("Thank you. The school will read this before the meeting."), "success")
    return redirect(url_for("parent.plan", plan_id=found.id, _anchor="before-review-title"))
