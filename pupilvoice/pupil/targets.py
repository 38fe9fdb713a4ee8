"""The "I can..." targets: the pupil picks an area, a sentence starter, finishes the sentence,
and rates it on three equal faces whenever they like; the ratings make a simple picture."""

from __future__ import annotations

from flask import abort, render_template, request, url_for
from sqlalchemy import bindparam, select

from ..access import audience, load_or_404
from ..domain.lifecycle import AGREED, CLOSED, IN_REVIEW, NEEDS_CONFIRMING, SHARED
from ..domain.roles import PUPIL
from ..extensions import db
from ..i18n import lazy_gettext as _l
from ..models import Plan, Proposal, ReviewMeeting, Target
from ..services import voice
from ..voice_labels import AREAS, FACES, STARTERS, proposal_sentence
from .again import restore, see_other, show_again
from .forms import NOTHING_SAID, ProposalForm, RateForm
from .routes import bp, current_helper, me, recording_from, who_sees

JOURNEY_LENGTH = 8  # the last few faces make the picture
AGREED_WITH_SCHOOL = (SHARED, AGREED, NEEDS_CONFIRMING, IN_REVIEW)


# The targets page asks on every visit, so the statement is built once: the active
# targets (in the plan's order) of the pupil's latest plan that school has agreed.
_LATEST_AGREED_PLAN = (
    select(Plan.id)
    .where(Plan.pupil_id == bindparam("pupil_id"), Plan.status.in_(AGREED_WITH_SCHOOL))
    .order_by(Plan.starts_on.desc(), Plan.id.desc())
    .limit(1)
    .scalar_subquery()
)
_PLAN_TARGETS = (
    select(Target)
    .where(Target.plan_id == _LATEST_AGREED_PLAN, Target.archived_at.is_(None))
    .order_by(Target.position, Target.id)
)


def plan_targets(pupil) -> list[Target]:
    """The targets of the pupil's plan once school has agreed it (shared with home or
    later), in child-friendly words: a draft is still being written, so it stays hidden."""
    targets = db.session.scalars(_PLAN_TARGETS, {"pupil_id": pupil.id})
    return [t for t in targets if t.child_text.strip() or t.pupil_words.strip()]


# What the pupil hears about each target at its review: praise for the work, kind words
# for not yet; no scores and no comparison with anyone.
OUTCOME_WORDS = {
    "achieved": _l("You did it!"),
    "partly": _l("You are getting there. Keep going!"),
    "not_yet": _l("Not yet, and that is OK. We will keep helping you."),
}


# The targets of the pupil's last reviewed plan that have an outcome, in one statement
# built once (the page is asked for on every visit).
_LAST_REVIEWED_PLAN = (
    select(Plan.id)
    .join(ReviewMeeting, ReviewMeeting.plan_id == Plan.id)
    .where(Plan.pupil_id == bindparam("pupil_id"), Plan.status == CLOSED)
    .order_by(ReviewMeeting.closed_at.desc(), Plan.id.desc())
    .limit(1)
    .scalar_subquery()
)
_REVIEWED_TARGETS = (
    select(Target)
    .where(
        Target.plan_id == _LAST_REVIEWED_PLAN,
        Target.archived_at.is_(None),
        Target.outcome.in_(tuple(OUTCOME_WORDS)),
    )
    .order_by(Target.position, Target.id)
)


def reviewed_targets(pupil) -> list[Target]:
    """The targets of the pupil's last reviewed plan, with an outcome and words a child
    can read."""
    targets = db.session.scalars(_REVIEWED_TARGETS, {"pupil_id": pupil.id})
    return [t for t in targets if t.child_text.strip() or t.pupil_words.strip()]


@bp.get("/targets")
@audience(PUPIL)
def targets():
    proposals, last_levels = voice.proposals_with_last_levels(me())
    return render_template(
        "pupil/targets.html",
        plan_targets=plan_targets(me()),
        reviewed=reviewed_targets(me()),
        outcome_words=OUTCOME_WORDS,
        proposals=proposals,
        last_levels=last_levels,
        areas=AREAS,
        faces=FACES,
        sentence=proposal_sentence,
    )


@bp.get("/targets/new")
@audience(PUPIL)
def target_area():
    return render_template("pupil/target_area.html", areas=AREAS)


@bp.get("/targets/new/<area>")
@audience(PUPIL)
def target_starter(area: str):
    if area not in AREAS:
        abort(404)
    return render_template("pupil/target_starter.html", area=area, areas=AREAS, starters=STARTERS)


@bp.route("/targets/new/<area>/<starter>", methods=["GET", "POST"])
@audience(PUPIL)
def target_words(area: str, starter: str):
    if area not in AREAS or starter not in STARTERS:
        abort(404)
    form = ProposalForm()
    if request.method == "GET":
        restore(form)
    elif form.validate_on_submit():
        recording, usable = recording_from(form)
        words = form.words.data or ""
        if usable and not words.strip() and recording is None:
            form.words.errors = [str(NOTHING_SAID)]
        elif usable:
            proposal = voice.propose(me(), area, starter, words, current_helper(), recording)
            db.session.commit()
            return see_other(url_for("pupil.target", proposal_id=proposal.id, thanks=1))
    if request.method == "POST":
        return show_again(form)
    return render_template(
        "pupil/target_words.html",
        form=form,
        area=area,
        starter=starter,
        areas=AREAS,
        starters=STARTERS,
        who_sees=who_sees(),
    )


@bp.get("/targets/<int:proposal_id>")
@audience(PUPIL)
def target(proposal_id: int):
    proposal = load_or_404(Proposal, proposal_id, "rate")
    return render_template(
        "pupil/target.html",
        proposal=proposal,
        sentence=proposal_sentence(proposal),
        areas=AREAS,
        faces=FACES,
        journey=proposal.ratings[-JOURNEY_LENGTH:],
        form=RateForm(),
        thanks=request.args.get("thanks") == "1",
        problem=request.args.get("problem") == "1",
    )


@bp.post("/targets/<int:proposal_id>/rate")
@audience(PUPIL)
def rate(proposal_id: int):
    proposal = load_or_404(Proposal, proposal_id, "rate")
    form = RateForm()
    level = form.level.data if form.validate_on_submit() else None
    if level not in {"1", "2", "3"}:
        return see_other(url_for("pupil.target", proposal_id=proposal.id, problem=1))
    voice.rate(proposal, int(level), me(), current_helper())
    db.session.commit()
    return see_other(url_for("pupil.target", proposal_id=proposal.id, thanks=1))
