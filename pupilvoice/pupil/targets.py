"""The "I can..." targets: the pupil picks an area, a sentence starter, finishes the sentence,
and rates it on three equal faces whenever they like; the ratings make a simple picture."""

from __future__ import annotations

from flask import abort, redirect, render_template, request, url_for

from ..access import audience, load_or_404
from ..domain.roles import PUPIL
from ..extensions import db
from ..models import Proposal
from ..services import voice
from ..voice_labels import AREAS, FACES, STARTERS, proposal_sentence
from .forms import ProposalForm, RateForm
from .routes import bp, current_helper, me, who_sees

JOURNEY_LENGTH = 8  # the last few faces make the picture


@bp.get("/targets")
@audience(PUPIL)
def targets():
    return render_template(
        "pupil/targets.html",
        proposals=voice.proposals_of(me()),
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
    if form.validate_on_submit():
        proposal = voice.propose(me(), area, starter, form.words.data, current_helper())
        db.session.commit()
        return redirect(url_for("pupil.target", proposal_id=proposal.id, thanks=1))
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
        return redirect(url_for("pupil.target", proposal_id=proposal.id, problem=1))
    voice.rate(proposal, int(level), me(), current_helper())
    db.session.commit()
    return redirect(url_for("pupil.target", proposal_id=proposal.id, thanks=1))
