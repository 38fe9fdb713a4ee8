"""About me: one card a screen, tapped into "I like it", "Not sure" or "I don't like it",
then "Tell me more" in the pupil's own words. Drag is never needed."""

from __future__ import annotations

from flask import redirect, render_template, request, url_for

from ..access import audience, load_or_404
from ..domain.roles import PUPIL
from ..extensions import db
from ..models import Sort, TopicCard
from ..models.voice import PLACES, SKIPPED
from ..services import voice
from ..voice_labels import PLACES as PLACE_WORDS
from ..voice_labels import card_word
from .forms import PlaceForm, WordsForm
from .routes import bp, current_helper, me, recording_from, who_sees


def _next_url(sort: Sort) -> str:
    card = voice.next_card(sort, voice.active_cards(sort.school_id))
    if card is None:
        return url_for("pupil.about_done")
    return url_for("pupil.card", card_id=card.id)


def _sort_or_none() -> Sort | None:
    return voice.current_sort(me())


@bp.post("/about/start")
@audience(PUPIL)
def about_start():
    """The About me tile: carry on with this week's cards, or start afresh."""
    sort = voice.open_sort(me())
    db.session.commit()
    return redirect(_next_url(sort))


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
    # Only a tap needs the form (a button's name and value): the page shows no fields.
    form = PlaceForm() if request.method == "POST" else None
    problem = False
    if form is not None and form.validate_on_submit():
        place = form.place.data
        if place in (*PLACES, SKIPPED):
            voice.choose(sort, topic, place, me(), current_helper())
            db.session.commit()
            voice.send_notifications()
            if place == SKIPPED:
                return redirect(_next_url(sort))
            return redirect(url_for("pupil.thanks", card_id=topic.id))
        problem = True
    return render_template(
        "pupil/card.html",
        card=topic,
        word=card_word(topic),
        choice=voice.choice_for(sort, topic),
        position=cards.index(topic) + 1,
        total=len(cards),
        places=PLACE_WORDS,
        problem=problem,
    ), (400 if problem else 200)


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
    if form.validate_on_submit():
        recording, usable = recording_from(form)
        if usable:
            voice.tell_more(choice, form.words.data or "", me(), current_helper(), recording)
            db.session.commit()
            voice.send_notifications()
            return redirect(_next_url(sort))
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
        "pupil/about_done.html", piles=piles, places=PLACE_WORDS, card_word=card_word
    )
