"""A pupil's page for staff (their voice, worries and what was done), and the pupil's
picture password (set, reset, clear a cool-down)."""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..access import STAFF, audience, load_or_404
from ..domain import audio, pictures, recording_quota, voice_changes
from ..domain.permissions import can
from ..extensions import db
from ..i18n import gettext as _
from ..models import Pupil, Recording, Worry
from ..services import audit, picture_keys, plans, recordings, voice
from ..voice_labels import (
    AREAS,
    FACES,
    PICTURE_NAMES,
    PLACES,
    WORRY_KINDS,
    card_word,
    proposal_sentence,
)
from .forms import CloseWorryForm, PicturePasswordForm
from .routes import bp


@bp.context_processor
def voice_words() -> dict:
    """The words for the codes the pupil's voice is stored as."""
    return {
        "card_word": card_word,
        "place_words": PLACES,
        "faces": FACES,
        "areas": AREAS,
        "worry_kinds": WORRY_KINDS,
        "proposal_sentence": proposal_sentence,
    }


@bp.get("/pupils/<int:pupil_id>")
@audience(STAFF)
def pupil(pupil_id: int):
    """The pupil's voice for staff: worries first, then About me, then "I can..."."""
    child = load_or_404(Pupil, pupil_id, "view_voice")
    page = _pupil_page(child)
    # audited once the page is made, as plan_display.audited_read explains; it also marks
    # what they saw
    audit.record_row(current_user, "view_voice", child)
    db.session.commit()
    return page


def _pupil_page(child: Pupil, closing: Worry | None = None, close_form=None):
    sorts = voice.sorts_of(child)
    latest = sorts[0] if sorts else None
    previous = sorts[1] if len(sorts) > 1 else None
    moved = []
    if latest is not None and previous is not None:
        moved = voice_changes.changes(
            {c.card_id: c.place for c in previous.choices},
            {c.card_id: c.place for c in latest.choices},
            order=[c.card_id for c in latest.choices],
        )
    cards = {c.card_id: c.card for s in sorts for c in s.choices}
    show_worries = can(current_user, "see_worries", child)
    key = picture_keys.picture_key(child)
    plan_list = plans.plans_of(child)
    return render_template(
        "staff/pupil.html",
        pupil=child,
        picture_key=key,
        cooldown_minutes=picture_keys.minutes_left(key) if key else 0,
        latest=latest,
        previous=previous,
        moved=moved,
        cards=cards,
        worries=voice.worries_of(child) if show_worries else None,
        proposals=voice.proposals_of(child, with_ratings=True),
        plans=plan_list,
        current_plan=plans.current_of(plan_list),
        closing=closing,
        close_form=close_form,
        new_close_form=CloseWorryForm,
        gathered=voice_changes.gathered,
        recordings=_recordings_use(child),
    )


def _recordings_use(child: Pupil) -> dict:
    """How much of their talking box the pupil's recordings fill (item 8)."""
    used, limit = recordings.pupil_bytes(child), recordings.limits().pupil_bytes
    return {"used": used, "limit": limit, "full": recording_quota.is_full(used, limit)}


@bp.get("/recordings/<int:recording_id>")
@audience(STAFF)
def recording(recording_id: int):
    """Play a pupil's recording: staff only, checked per recording, never cached, never
    sniffed into anything but the audio type found in its content (SEC-15)."""
    sound = load_or_404(Recording, recording_id, "listen")
    audit.record(current_user, "listen_recording", sound, pupil=sound.pupil_id)
    db.session.commit()
    name = f"recording-{sound.id}.{audio.EXTENSIONS.get(sound.content_type, 'bin')}"
    response = Response(sound.data, mimetype=sound.content_type)
    response.headers["Content-Disposition"] = f'inline; filename="{name}"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.post("/worries/<int:worry_id>/close")
@audience(STAFF)
def close_worry(worry_id: int):
    """Record what was done about a worry; until then it stays highlighted."""
    worry = load_or_404(Worry, worry_id, "close")
    form = CloseWorryForm(prefix=f"worry-{worry.id}")  # one form per worry on the page
    if not form.validate_on_submit():
        return _pupil_page(worry.pupil, closing=worry, close_form=form)
    voice.close_worry(worry, form.action_taken.data, current_user)
    db.session.commit()
    flash(_("Thank you. The worry is closed, with what you did."), "success")
    return redirect(url_for("staff.pupil", pupil_id=worry.pupil_id))


@bp.route("/pupils/<int:pupil_id>/pictures", methods=["GET", "POST"])
@audience(STAFF)
def pupil_pictures(pupil_id: int):
    """Choose the pupil's three pictures; the card to print is shown once, straight away
    (only a hash is kept, so a lost card means choosing again)."""
    child = load_or_404(Pupil, pupil_id, "set_pictures")
    form = PicturePasswordForm()
    if form.validate_on_submit():
        picture_keys.set_pictures(child, form.picks, current_user)
        db.session.commit()
        return render_template(
            "staff/picture_card.html", pupil=child, picks=form.picks, picture_names=PICTURE_NAMES
        )
    if not form.is_submitted():
        form.first.data, form.second.data, form.third.data = pictures.suggestion()
    return render_template(
        "staff/pupil_pictures.html",
        pupil=child,
        form=form,
        picture_names=PICTURE_NAMES,
        picture_key=picture_keys.picture_key(child),
    )


@bp.post("/pupils/<int:pupil_id>/pictures/unlock")
@audience(STAFF)
def unlock_pictures(pupil_id: int):
    """Clear a pupil's picture cool-down (from their page, or the staff home's list)."""
    child = load_or_404(Pupil, pupil_id, "clear_pictures")
    if picture_keys.clear_cooldown(child, current_user):
        db.session.commit()
        flash(
            _("%(name)s can sign in with their pictures again.", name=child.first_name), "success"
        )
    if request.form.get("back") == "home":
        return redirect(url_for("staff.home", _anchor="pictures-title"))
    return redirect(url_for("staff.pupil", pupil_id=child.id))
