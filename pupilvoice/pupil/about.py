"""About me: one card a screen, tapped into "I like it", "Not sure" or "I don't like it",
then "Tell me more" in the pupil's own words. Drag is never needed."""

from __future__ import annotations

from flask import redirect, render_template, request, session, url_for
from flask_login import current_user

from ..access import audience, load_or_404
from ..domain.permissions import can
from ..domain.roles import PUPIL
from ..extensions import db
from ..inputs import int_arg
from ..models import Sort, TopicCard
from ..models.voice import PLACES, SKIPPED
from ..services import voice
from ..voice_labels import PLACES as PLACE_WORDS
from ..voice_labels import card_word
from .again import restore, see_other, show_again
from .forms import PlaceForm, WordsForm
from .routes import bp, current_helper, me, recording_from, who_sees

THANKED = "thanked"  # "Thank you for telling me" is said once a session, then on we go


def _next_url(sort: Sort, after: int | None = None) -> str:
    """The next card to sort, or the summary; ``after`` names the card just sorted, so
    the page can offer to tell more about it."""
    card = voice.next_card(sort, voice.active_cards(sort.school_id))
    if card is None:
        return url_for("pupil.about_done", after=after)
    return url_for("pupil.card", card_id=card.id, after=after)


def _after_choosing(sort: Sort, topic: TopicCard) -> str:
    """The first card of a session gets its thank-you page (with "Tell me more"); after
    that a tap goes straight to the next card, which offers "Tell me more" about this one."""
    if not session.get(THANKED):
        session[THANKED] = True
        return url_for("pupil.thanks", card_id=topic.id)
    return _next_url(sort, after=topic.id)


def just_said(sort: Sort) -> dict | None:
    """The card sorted just before this page (?after=), to tell more about it."""
    card_id = int_arg("after")
    topic = db.session.get(TopicCard, card_id) if card_id else None
    if topic is None or not can(current_user, "sort", topic):
        return None
    choice = voice.choice_for(sort, topic)
    if choice is None or choice.place not in PLACES:
        return None
    return {"card": topic, "word": card_word(topic), "place": choice.place}


def _sort_or_none() -> Sort | None:
    return voice.current_sort(me())


@bp.post("/about/start")
@audience(PUPIL)
def about_start():
    """The About me tile: carry on with this week's cards, or start afresh."""
    sort = voice.open_sort(me())
    db.session.commit()
    return see_other(_next_url(sort))


@bp.get("/about/next")
@audience(PUPIL)
def about_next():
    sort = _sort_or_none()
    return redirect(_next_url(sort) if sort else url_for("pupil.home"))


@bp.route("/about/cards/<int:card_id>", methods=["GET", "POST"])
@audience(PUPIL)
def card(card_id: int):
    # The school's cards first: the card itself is then one of them, with no query of its own.
    cards = voice.active_cards(me().school_id)
    topic = load_or_404(TopicCard, card_id, "sort")
    sort = _sort_or_none()
    if sort is None:
        return redirect(url_for("pupil.home"))
    if request.method == "POST":
        return _choose(sort, topic, PlaceForm())
    return render_template(
        "pupil/card.html",
        card=topic,
        word=card_word(topic),
        choice=voice.choice_for(sort, topic),
        position=cards.index(topic) + 1,
        total=len(cards),
        places=PLACE_WORDS,
        problem=request.args.get("problem") == "1",
        just_said=just_said(sort),
    )


def _choose(sort: Sort, topic: TopicCard, form: PlaceForm):
    """A tap on a place (or Skip); then another page with GET (REL-04)."""
    place = form.place.data if form.validate_on_submit() else None
    if place not in (*PLACES, SKIPPED):
        return see_other(url_for("pupil.card", card_id=topic.id, problem=1))
    voice.choose(sort, topic, place, me(), current_helper())
    db.session.commit()
    return see_other(_next_url(sort) if place == SKIPPED else _after_choosing(sort, topic))


@bp.get("/about/cards/<int:card_id>/thanks")
@audience(PUPIL)
def thanks(card_id: int):
    topic = load_or_404(TopicCard, card_id, "sort")
    sort = _sort_or_none()
    if sort is None:
        return redirect(url_for("pupil.home"))
    choice = voice.choice_for(sort, topic)
    if choice is None or choice.place not in PLACES:
        return redirect(url_for("pupil.card", card_id=topic.id))
    return render_template(
        "pupil/thanks.html",
        card=topic,
        word=card_word(topic),
        choice=choice,
        places=PLACE_WORDS,
        last=voice.next_card(sort, voice.active_cards(sort.school_id)) is None,
    )


@bp.route("/about/cards/<int:card_id>/more", methods=["GET", "POST"])
@audience(PUPIL)
def tell_more(card_id: int):
    topic = load_or_404(TopicCard, card_id, "sort")
    sort = _sort_or_none()
    if sort is None:
        return redirect(url_for("pupil.home"))
    choice = voice.choice_for(sort, topic)
    if choice is None:
        return redirect(url_for("pupil.card", card_id=topic.id))
    form = WordsForm(words=choice.words)
    if request.method == "GET":
        restore(form)
    elif form.validate_on_submit():
        recording, usable = recording_from(form)
        if usable:
            voice.tell_more(choice, form.words.data or "", me(), current_helper(), recording)
            db.session.commit()
            return see_other(_next_url(sort))
    if request.method == "POST":
        return show_again(form)
    return render_template(
        "pupil/tell_more.html",
        card=topic,
        word=card_word(topic),
        form=form,
        who_sees=who_sees(),
        recorded=choice.recording_id is not None,
    )


@bp.get("/about/done")
@audience(PUPIL)
def about_done():
    sort = _sort_or_none()
    if sort is None:
        return redirect(url_for("pupil.home"))
    piles: dict[str, list] = {place: [] for place in (*PLACES, SKIPPED)}
    for card_ in voice.active_cards(sort.school_id):
        choice = voice.choice_for(sort, card_)
        piles[choice.place if choice else SKIPPED].append(card_)
    return render_template(
        "pupil/about_done.html",
        piles=piles,
        places=PLACE_WORDS,
        card_word=card_word,
        just_said=just_said(sort),
    )
