"""Something worries me: on every pupil page. It goes only to the pupil's class teachers
and the SENCO, and stays open until a member of staff records what they did."""

from __future__ import annotations

from flask import abort, render_template, request, url_for

from ..access import audience
from ..domain.roles import PUPIL
from ..extensions import db
from ..services import voice
from ..voice_labels import WORRY_KINDS
from .again import restore, see_other, show_again
from .forms import WordsForm
from .routes import bp, current_helper, me, recording_from, who_sees


@bp.get("/worry")
@audience(PUPIL)
def worry():
    return render_template("pupil/worry.html", kinds=WORRY_KINDS, who_sees=who_sees(worry=True))


@bp.route("/worry/<kind>", methods=["GET", "POST"])
@audience(PUPIL)
def worry_tell(kind: str):
    if kind not in WORRY_KINDS:
        abort(404)
    form = WordsForm()
    if request.method == "GET":
        restore(form)
    elif form.validate_on_submit():
        recording, usable = recording_from(form)
        if usable:
            voice.raise_worry(me(), kind, form.words.data or "", current_helper(), recording)
            db.session.commit()
            return see_other(url_for("pupil.worry_sent"))
    if request.method == "POST":
        return show_again(form)
    label, picture = WORRY_KINDS[kind]
    return render_template(
        "pupil/worry_tell.html",
        form=form,
        kind=kind,
        label=label,
        picture=picture,
        who_sees=who_sees(worry=True),
    )


@bp.get("/worry/sent")
@audience(PUPIL)
def worry_sent():
    return render_template("pupil/worry_sent.html")
