"""Read-aloud audio made on the server (A11Y-06): only for sentences the app rendered (the
key), only on a class tablet, with no text in any address, cached, limited and prunable
(PRI-04)."""

from __future__ import annotations

import html
import logging
import os
import re
import shutil

import pytest

from pupilvoice.services import speech
from tests.conftest import enrol_tablet, on_tablet, skip_or_fail

SPEAKER = re.compile(
    r'<button type="button" class="say" data-say="([^"]*)"(?: data-say-src="([^"]*)")?'
    r'\s*aria-label="([^"]*)"(?: hidden)?>'
)


def speakers(response) -> list[tuple[str, str, str]]:
    """(sentence, audio address or "", accessible name) of each speaker button."""
    page = response.get_data(as_text=True)
    return [tuple(html.unescape(part) for part in found) for found in SPEAKER.findall(page)]


def csrf(response) -> str:
    return re.search(r'data-csrf="([^"]+)"', response.get_data(as_text=True)).group(1)


@pytest.fixture
def espeak():
    if shutil.which("espeak-ng") is None:
        skip_or_fail("espeak-ng not installed (apt-get install espeak-ng opus-tools)")


@pytest.fixture
def cache(app, tmp_path):
    app.config["SPEECH_CACHE_DIR"] = str(tmp_path / "speech")
    return tmp_path / "speech"


@pytest.fixture
def runs(monkeypatch):
    """Every program the speech service runs (it still runs them)."""
    ran: list[str] = []
    real = speech.subprocess.run

    def run(command, **kwargs):
        ran.append(command[0].rsplit("/", 1)[-1])
        return real(command, **kwargs)

    monkeypatch.setattr(speech.subprocess, "run", run)
    return ran


@pytest.fixture
def tablet(app, world, cache):
    """A class tablet before anyone signs in, on its class list."""
    return on_tablet(app.test_client(), enrol_tablet(world.own_class, world.teacher))


def ask(client, src: str, text: str, token: str):
    return client.post(src, data={"text": text}, headers={"X-CSRFToken": token})


def test_a11y06_class_list_names_carry_a_key_never_the_text(tablet, world, espeak):
    page = tablet.get("/tablet/")
    found = {text: (src, name) for text, src, name in speakers(page)}
    src, name = found["Sam"]
    assert re.fullmatch(r"/speech/en/[0-9a-f]{32}", src) and name == "Listen: Sam"
    assert src == speech.key_for("en", "Sam").join(("/speech/en/", ""))
    assert "Sam" not in src and found["Who are you?"][0] != src


def test_a11y06_speakers_with_server_audio_are_there_from_the_start(tablet, espeak):
    """A speaker the server can always voice is not hidden waiting for read-aloud.js: its
    appearing would move the page under the pupil's finger (Lighthouse's layout shift)."""
    page = tablet.get("/tablet/").get_data(as_text=True)
    buttons = re.findall(r'<button type="button" class="say"[^>]*>', page)
    assert buttons and all("data-say-src" in b and " hidden" not in b for b in buttons)


def test_a11y06_sentence_made_once_then_served_from_the_cache(tablet, espeak, runs, cache):
    page = tablet.get("/tablet/")
    src = {text: src for text, src, _ in speakers(page)}["Tap your name."]
    assert tablet.get(src).status_code == 404  # not made yet
    made = ask(tablet, src, "Tap your name.", csrf(page))
    assert made.status_code == 201 and runs[0] == "espeak-ng"
    audio = tablet.get(src)
    assert audio.status_code == 200
    assert audio.mimetype == ("audio/ogg" if shutil.which("opusenc") else "audio/wav")
    assert audio.data[:4] in (b"OggS", b"RIFF") and len(audio.data) > 1000
    assert audio.headers["Cache-Control"] == "private, max-age=31536000, immutable"
    assert audio.headers["X-Content-Type-Options"] == "nosniff"
    ran = len(runs)
    assert ask(tablet, src, "Tap your name.", csrf(page)).status_code == 204  # already made
    assert tablet.get(src).data == audio.data
    assert len(runs) == ran  # the cache answered: espeak-ng did not run again
    assert [p.name for p in cache.glob("*/*")] == [src.rsplit("/", 1)[1] + audio_suffix(audio)]


def audio_suffix(response) -> str:
    return ".ogg" if response.mimetype == "audio/ogg" else ".wav"


def test_a11y06_wrong_key_is_refused_and_nothing_is_spoken(tablet, runs, cache, espeak):
    page = tablet.get("/tablet/")
    src = {text: src for text, src, _ in speakers(page)}["Tap your name."]
    token = csrf(page)
    other = src[:-32] + speech.key_for("en", "Tap your name")  # another sentence's key
    assert ask(tablet, src, "Anything I like to make the server say", token).status_code == 403
    assert ask(tablet, other, "Tap your name.", token).status_code == 403
    assert ask(tablet, src.replace("/en/", "/cy/"), "Tap your name.", token).status_code == 403
    assert ask(tablet, src, "x" * 1201, token).status_code == 400
    assert ask(tablet, src, "", token).status_code == 400
    assert tablet.post(src, data={"text": "Tap your name."}).status_code == 400  # no CSRF
    assert runs == [] and not list(cache.glob("*/*"))


def test_a11y06_unknown_language_or_key_is_404(tablet, espeak):
    page = tablet.get("/tablet/")
    src = {text: src for text, src, _ in speakers(page)}["Tap your name."]
    key = src.rsplit("/", 1)[1]
    for address in (f"/speech/de/{key}", f"/speech/EN/{key}", f"/speech/en/{key[:-1]}"):
        assert tablet.get(address).status_code == 404
        assert ask(tablet, address, "Tap your name.", csrf(page)).status_code == 404
    assert tablet.get(f"/speech/en/{key}.ogg").status_code == 404


def test_a11y06_only_a_class_tablet_may_ask_the_server(app, tablet, world, login, espeak):
    page = tablet.get("/tablet/")
    src = {text: src for text, src, _ in speakers(page)}["Tap your name."]
    assert ask(tablet, src, "Tap your name.", csrf(page)).status_code == 201
    outsider = app.test_client()
    assert outsider.get(src).status_code == 404  # not a tablet: the audio is not there
    not_enrolled = outsider.get("/tablet/")
    assert speakers(not_enrolled) and all(not s for _, s, _ in speakers(not_enrolled))
    for person in (world.teacher, world.parent):
        assert login(person).get(src).status_code == 404


def test_a11y06_a_signed_in_pupil_hears_their_pages(pupil_login, world, cache, espeak):
    sam = pupil_login(world.pupil)
    page = sam.get("/pupil/")
    found = {text: src for text, src, _ in speakers(page)}
    assert ask(sam, found["Hello, Sam!"], "Hello, Sam!", csrf(page)).status_code == 201
    assert sam.get(found["Hello, Sam!"]).status_code == 200
    urdu = sam.get("/pupil/?lang=ur")
    assert all("/speech/ur/" in src for _, src, _ in speakers(urdu))


def test_a11y06_making_is_rate_limited_per_tablet_but_cache_hits_are_free(
    app, tablet, world, espeak
):
    app.config["SPEECH_LIMIT"] = "2 per minute"
    page = tablet.get("/tablet/")
    sentences = {text: src for text, src, _ in speakers(page)}
    token = csrf(page)
    first, second, third = ("Who are you?", "Tap your name.", "Sam")
    assert ask(tablet, sentences[first], first, token).status_code == 201
    for _ in range(3):
        assert ask(tablet, sentences[first], first, token).status_code == 204  # made: free
    assert ask(tablet, sentences[second], second, token).status_code == 201
    assert ask(tablet, sentences[third], third, token).status_code == 429
    other = on_tablet(app.test_client(), enrol_tablet(world.own_class, world.teacher))
    assert ask(other, sentences[third], third, csrf(other.get("/tablet/"))).status_code == 201


def test_a11y06_without_espeak_pages_use_device_voices_and_say_so_once(
    app, tablet, monkeypatch, caplog
):
    app.config["SPEECH_ENGINE"] = "no-such-espeak-ng"
    monkeypatch.setattr(speech, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="pupilvoice.services.speech"):
        for _ in range(2):
            page = tablet.get("/tablet/")
            assert speakers(page) and all(not src for _, src, _ in speakers(page))
            assert "data-csrf" not in page.get_data(as_text=True)
    warnings = [r for r in caplog.records if "espeak-ng is not installed" in r.getMessage()]
    assert len(warnings) == 1


def test_a11y06_each_speaker_says_what_it_reads(pupil_login, world):
    """Every speaker button on a pupil page has its own name ("Listen: Maths"), in the
    page's language."""
    sam = pupil_login(world.pupil)
    for path in ("/pupil/", "/pupil/worry", "/pupil/targets", "/pupil/targets/new"):
        for lang in ("en", "ur"):
            names = [name for _, _, name in speakers(sam.get(f"{path}?lang={lang}"))]
            assert names and len(names) == len(set(names)), (path, lang, names)
            if lang == "en":
                assert all(name.startswith("Listen: ") for name in names)
            else:
                assert not any("Listen" in name for name in names)
    page = sam.get("/pupil/?lang=en")
    assert ("I've finished", "Listen: I've finished") in [(t, n) for t, _, n in speakers(page)]


def test_pri04_speech_prune_empties_the_cache(app, tablet, cache, espeak):
    page = tablet.get("/tablet/")
    sentences = {text: src for text, src, _ in speakers(page)}
    for text in ("Who are you?", "Sam"):
        assert ask(tablet, sentences[text], text, csrf(page)).status_code == 201
    runner = app.test_cli_runner()
    kept = runner.invoke(args=["speech", "prune"])
    assert kept.exit_code == 0 and "deleted: 0" in kept.output
    assert len(list(cache.glob("*/*"))) == 2
    old = next(cache.glob(f"*/{sentences['Who are you?'].rsplit('/', 1)[1]}.*"))
    os.utime(old, (1, 1))  # not heard since 1970: past SPEECH_CACHE_DAYS
    assert "deleted: 1" in runner.invoke(args=["speech", "prune"]).output
    assert not old.exists() and len(list(cache.glob("*/*"))) == 1
    assert "deleted: 1" in runner.invoke(args=["speech", "prune", "--all"]).output
    assert not list(cache.glob("*/*"))
