"""The SENCO's settings for the pupil's voice: the About me cards (add, change, retire,
order; a picture from the app's own symbol set) and the school's worry word list."""

from __future__ import annotations

from pathlib import Path

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from ..access import audience, load_or_404
from ..domain import recording_quota, worry_words
from ..domain.roles import SENCO
from ..extensions import db
from ..i18n import gettext as _
from ..models import TopicCard
from ..services import recordings, voice
from ..voice_labels import TOPIC_WORDS, card_word
from .routes import bp
from .voice_forms import TopicCardForm, WorryWordsForm

# Pictures that are buttons or messages on pupil pages, not things to sort.
NOT_FOR_CARDS = frozenset(
    {"speaker", "next", "back", "again", "done", "stop", "play", "lock", "eyes", "wave"}
)


def card_symbols() -> list[str]:
    """Every picture in the app's own symbol set that can go on a card."""
    folder = Path(current_app.static_folder) / "symbols"
    return sorted(p.stem for p in folder.glob("*.svg") if p.stem not in NOT_FOR_CARDS)


def _card_form(card: TopicCard | None) -> TopicCardForm:
    form = TopicCardForm(obj=None)
    if card is not None and not form.is_submitted():
        form.word.data = card_word(card)
        form.symbol.data = card.symbol
        form.tell_staff_if_disliked.data = card.tell_staff_if_disliked
    form.symbol.choices = [SelectChoice(name) for name in card_symbols()]
    return form


def _word_to_keep(card: TopicCard | None, word: str) -> str | None:
    """A built-in card left with its own word stays translated for pupils."""
    if card is not None and card.key and word.strip() == str(TOPIC_WORDS.get(card.key, "")):
        return None
    return word


@bp.get("/cards")
@audience(SENCO)
def topic_cards():
    return render_template(
        "admin/topic_cards.html",
        cards=voice.all_cards(current_user.school_id),
        card_word=card_word,
        recordings=_recordings_use(current_user.school_id),
    )


def _recordings_use(school_id: int) -> dict:
    """The school's recordings against its limit, and the pupils who keep the most (a
    pupil whose talking box is full can only type until the limit is raised)."""
    limits = recordings.limits()
    used = recordings.school_bytes(school_id)
    return {
        "used": used,
        "limit": limits.school_bytes,
        "full": recording_quota.is_full(used, limits.school_bytes),
        "pupil_limit": limits.pupil_bytes,
        "pupils": [
            (pupil, size, recording_quota.is_full(size, limits.pupil_bytes))
            for pupil, size in recordings.most_used(school_id)
        ],
    }


@bp.route("/cards/new", methods=["GET", "POST"])
@audience(SENCO)
def topic_card_new():
    form = _card_form(None)
    if form.validate_on_submit():
        card = voice.save_card(
            None,
            current_user.school_id,
            form.word.data,
            form.symbol.data,
            form.tell_staff_if_disliked.data,
            current_user,
        )
        db.session.commit()
        flash(_("The card %(word)s is added at the end.", word=card_word(card)), "success")
        return redirect(url_for("admin.topic_cards"))
    return render_template("admin/topic_card_form.html", form=form, card=None)


@bp.route("/cards/<int:card_id>", methods=["GET", "POST"])
@audience(SENCO)
def topic_card_edit(card_id: int):
    card = load_or_404(TopicCard, card_id, "manage")
    form = _card_form(card)
    if form.validate_on_submit():
        voice.save_card(
            card,
            card.school_id,
            _word_to_keep(card, form.word.data),
            form.symbol.data,
            form.tell_staff_if_disliked.data,
            current_user,
        )
        db.session.commit()
        flash(_("The card %(word)s is saved.", word=card_word(card)), "success")
        return redirect(url_for("admin.topic_cards"))
    return render_template("admin/topic_card_form.html", form=form, card=card)


@bp.post("/cards/<int:card_id>/retire")
@audience(SENCO)
def topic_card_retire(card_id: int):
    """Retire a card (or bring it back with ?back=1): past sorts keep it."""
    card = load_or_404(TopicCard, card_id, "manage")
    back = request.form.get("back") == "1"
    if card.is_active == back:  # already done: a double click changes nothing
        return redirect(url_for("admin.topic_cards"))
    voice.retire_card(card, current_user, retire=not back)
    db.session.commit()
    return redirect(url_for("admin.topic_cards"))


@bp.post("/cards/<int:card_id>/move")
@audience(SENCO)
def topic_card_move(card_id: int):
    card = load_or_404(TopicCard, card_id, "manage")
    step = {"up": -1, "down": 1}.get(request.form.get("direction", ""))
    if step is not None and card.is_active:
        voice.move_card(card, step, current_user)
        db.session.commit()
    return redirect(url_for("admin.topic_cards", _anchor=f"card-{card.id}"))


@bp.route("/worry-words", methods=["GET", "POST"])
@audience(SENCO)
def worry_word_list():
    school_id = current_user.school_id
    form = WorryWordsForm()
    if form.validate_on_submit():
        saved = voice.set_worry_words(school_id, (form.words.data or "").splitlines(), current_user)
        db.session.commit()
        flash(_("The word list is saved: %(n)d words and phrases.", n=len(saved)), "success")
        return redirect(url_for("admin.worry_word_list"))
    words = voice.school_words(school_id)
    if not form.is_submitted():
        form.words.data = "\n".join(words)
    trial = request.args.get("try", "")[:500]
    flags = worry_words.find_flags(trial, words, voice.people_names_in(school_id)) if trial else []
    return render_template(
        "admin/worry_words.html",
        form=form,
        trial=trial,
        flags=flags,
        defaults=worry_words.DEFAULT_WORDS,
    )
