"""Read-aloud audio from the server, for the class tablet's speaker buttons (A11Y-06).

A page's speaker button carries its sentence and the sentence's key (an HMAC the app made
when it rendered the page). read-aloud.js GETs ``/speech/<lang>/<key>``; when that is not
made yet it POSTs the sentence (with the CSRF token) to the same address, and the server
speaks it only when the key matches. So the server only ever speaks text it rendered
itself, and no sentence, and no pupil's name, is ever in a URL or an access log.
Only an enrolled class tablet (and a pupil signed in on it) may use it.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, g, request, send_file, url_for
from markupsafe import Markup

from ..access import PUBLIC, audience, on_class_tablet
from ..domain import speech as rules
from ..extensions import limiter
from ..i18n import page_language
from ..services import speech

bp = Blueprint("speech", __name__, url_prefix="/speech")

YEAR = 365 * 24 * 60 * 60


def _tablet() -> str:
    """The speaking limit's key: this tablet (a whole school shares one address)."""
    on_class_tablet()  # finds the tablet of a request before anyone signs in
    device = g.get("device")
    return f"speech:{device.id if device is not None else request.remote_addr}"


def _everyone() -> str:
    return "speech:everyone"


def _made(response) -> bool:
    """Only sentences actually spoken count towards the limits, not cache hits."""
    return response.status_code == 201


def _setting(name: str):
    return lambda: current_app.config[name]


def _prefix() -> str | None:
    """The audio addresses' start, "/speech/", when this page may ask the server to read
    aloud (a class tablet, and espeak-ng is installed); else None: device voices only.
    Worked out once a request: a page has dozens of speaker buttons."""
    if "speech_prefix" not in g:
        allowed = on_class_tablet() and speech.engine() is not None
        g.speech_prefix = url_for("speech.audio", lang="-", key="-")[:-3] if allowed else None
    return g.speech_prefix


@bp.app_template_global()
def server_speech() -> bool:
    return _prefix() is not None


@bp.app_template_global()
def speech_src(text: str, lang: str | None = None) -> str | None:
    """The address of a sentence's audio for its speaker button, or None (device voices
    only)."""
    prefix = _prefix()
    lang = lang or page_language()
    if prefix is None or lang not in rules.VOICES:
        return None
    # The browser gives back an attribute's text unescaped ("O'Brien", not "O&#39;Brien")
    spoken = text.unescape() if isinstance(text, Markup) else str(text)
    if rules.text_problem(spoken):
        return None  # the server would refuse it: a device voice, or no button
    return f"{prefix}{lang}/{speech.key_for(lang, spoken)}"


def _allowed_or_404(lang: str, key: str) -> None:
    if lang not in rules.VOICES or not rules.is_key(key) or not on_class_tablet():
        abort(404)


def _send(path):
    response = send_file(path, mimetype=speech.TYPES[path.suffix], conditional=True, etag=False)
    # The address names exactly one sentence's audio: it never changes (SEC-13's no-store is
    # for pages; this is kept by this tablet's browser only, and sign-out clears it).
    response.headers["Cache-Control"] = f"private, max-age={YEAR}, immutable"
    return response


@bp.get("/<lang>/<key>")
@audience(PUBLIC)  # an enrolled class tablet: checked in the view, 404 for anyone else
def audio(lang: str, key: str):
    _allowed_or_404(lang, key)
    path = speech.cached(lang, key)
    if path is None:
        abort(404)  # not made yet: the page POSTs the sentence
    return _send(path)


@bp.post("/<lang>/<key>")
@audience(PUBLIC)  # an enrolled class tablet: checked in the view, 404 for anyone else
@limiter.limit(_setting("SPEECH_LIMIT_OVERALL"), key_func=_everyone, deduct_when=_made)
@limiter.limit(_setting("SPEECH_LIMIT"), key_func=_tablet, deduct_when=_made)
def make(lang: str, key: str):
    """Speak a sentence the app rendered (its key proves it) into the cache."""
    _allowed_or_404(lang, key)
    text = request.form.get("text", "")
    if rules.text_problem(text):
        abort(400)
    if not speech.key_matches(lang, text, key):
        abort(403)
    if speech.cached(lang, key) is not None:
        return "", 204
    try:
        speech.make(lang, text, key)
    except speech.SpeechUnavailable:
        abort(503)
    return "", 201
