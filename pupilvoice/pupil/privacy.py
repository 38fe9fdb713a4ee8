"""The pupils' own privacy page, "Who can see what I say", inside the class tablet's
layout (PRI-05): short sentences with a picture and a speaker button each, naming the
staff who see a signed-in pupil's words and worries."""

from __future__ import annotations

from flask import redirect, render_template, url_for
from flask_babel import get_locale
from flask_login import current_user

from ..access import PUBLIC, audience
from ..domain.lists import join_list
from ..domain.roles import PUPIL
from ..i18n import gettext as _
from ..i18n import ngettext
from ..services import voice
from .tablet import bp, this_device


def _names(users) -> str:
    return join_list([user.name for user in users], str(get_locale()))  # Welsh: a/ac


def sentences(pupil) -> list[tuple[str, str]]:
    """(symbol, sentence) for each thing the app does with what a pupil says: who sees
    their cards and words, who hears their recordings, where worries go, who never sees."""
    seen = _("Your teachers see your cards and your words.")
    worry = _("Only a few teachers see a worry. They will help you.")
    staff = voice.voice_staff(pupil) if pupil is not None else []
    if staff:
        seen = ngettext(
            "%(names)s sees your cards and your words.",
            "%(names)s see your cards and your words.",
            len(staff),
            names=_names(staff),
        )
    helpers = voice.worry_staff(pupil) if pupil is not None else []
    if helpers:
        worry = ngettext(
            "Only %(names)s sees a worry.",
            "Only %(names)s see a worry.",
            len(helpers),
            names=_names(helpers),
        )
    return [
        ("teacher", seen),
        ("microphone", _("Only school staff can listen to what you record.")),
        ("family", _("Your family may see your words in your plan.")),
        ("worried", worry),
        ("lock", _("Your worries are not shown to your family.")),
        ("friends", _("Other children never see what you say.")),
        ("wave", _("Tap I've finished when you are done. Then nobody else can see your things.")),
    ]


@bp.get("/privacy")
@audience(PUBLIC)
def privacy():
    """On the class tablet, for a pupil or the class list; anywhere else, the adults' page."""
    pupil = current_user if current_user.is_authenticated else None
    if pupil is not None and pupil.role != PUPIL:
        return redirect(url_for("web.about"))
    if pupil is None and this_device() is None:
        return redirect(url_for("web.about"))
    return render_template("tablet/privacy.html", sentences=sentences(pupil), pupil=pupil)
