"""Read-aloud on a class tablet that has no speech voice at all (headless Chromium has
none, nor do many tablets for Welsh or Urdu): a tap plays audio the server made with
espeak-ng, and the media element really plays it to the end (A11Y-06)."""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, enrol, pupil_signs_in, tap_name
from tests.conftest import skip_or_fail

# Notes every media element's "playing" and "ended", with what it played (an Audio made
# in a script is in no document, so listening on the document would not hear it).
HEAR = """
window.__heard = [];
const play = HTMLMediaElement.prototype.play;
HTMLMediaElement.prototype.play = function () {
  if (!this.__heard) {
    this.__heard = true;
    for (const type of ["playing", "ended"]) {
      this.addEventListener(type, () => window.__heard.push(
        {type, src: this.currentSrc, seconds: this.duration}));
    }
  }
  return play.apply(this, arguments);
};
"""
SPEECH = re.compile(r"/speech/(en|cy|pl|ur)/[0-9a-f]{32}$")


@pytest.fixture(autouse=True)
def espeak():
    if shutil.which("espeak-ng") is None:
        skip_or_fail("espeak-ng not installed (apt-get install espeak-ng opus-tools)")


@pytest.fixture
def voiceless(tablet):
    """A tablet page whose browser has no speech voice (Chromium's own, with none)."""

    def _new(**kwargs):
        page = tablet(speech=False, **kwargs)
        page.add_init_script(HEAR)
        return page

    return _new


@pytest.fixture
def sent(voiceless):
    """What the server answered for read-aloud audio: (method, status, response)."""
    answers = []

    def watch(page):
        page.on(
            "response",
            lambda r: (
                answers.append((r.request.method, r.status, r)) if SPEECH.search(r.url) else None
            ),
        )
        return page

    watch.answers = answers
    return watch


def hear(page, button) -> str:
    """Tap a speaker button, wait until its audio has played to the end, and return the
    address it played."""
    count = page.evaluate("window.__heard.length")
    button.tap()
    page.wait_for_function(
        "n => window.__heard.slice(n).some(e => e.type === 'ended')", arg=count, timeout=20_000
    )
    heard = page.evaluate("window.__heard")[count:]
    assert [e["type"] for e in heard] == ["playing", "ended"]
    assert SPEECH.search(heard[0]["src"]) and heard[0]["seconds"] > 0.3
    return heard[0]["src"]


def assert_audio(answers, url: str) -> None:
    """The server sent that address as audio, with sound in it."""
    audio = [r for method, status, r in answers if r.url == url and status in (200, 206)]
    assert audio, f"no audio sent for {url}: {[(m, s) for m, s, _ in answers]}"
    # Ogg Opus when opus-tools is installed: this proves Chromium plays it
    expected = "audio/ogg" if shutil.which("opusenc") else "audio/wav"
    assert audio[0].headers["content-type"] == expected
    body = audio[0].body()
    assert len(body) > 1000 and body[:4] in (b"OggS", b"RIFF")


def test_a11y06_a_card_is_read_aloud_with_no_voice_on_the_tablet(voiceless, sent):
    page = sent(voiceless())
    enrol(page)
    pupil_signs_in(page, "Ivy")
    assert page.evaluate("speechSynthesis.getVoices().length") == 0
    with page.expect_navigation():
        page.get_by_role("button", name="About me", exact=True).tap()
    word = page.locator("h1").inner_text()
    speaker = page.get_by_role("button", name=f"Listen: {word}")
    expect(speaker).to_be_visible()
    first = hear(page, speaker)
    assert_audio(sent.answers, first)
    assert [(m, s) for m, s, _ in sent.answers][:2] == [("GET", 404), ("POST", 201)]
    sent.answers.clear()
    assert hear(page, speaker) == first  # the second tap plays it again, not made again
    assert "POST" not in [m for m, _, _ in sent.answers]
    choice = hear(page, page.get_by_role("button", name="Listen: I don't like it"))
    assert choice != first
    assert_audio(sent.answers, choice)


def test_a11y06_a_sign_in_picture_is_read_aloud(voiceless, sent):
    page = sent(voiceless())
    enrol(page)
    tap_name(page, "Grace")
    star = page.get_by_role("button", name="Listen: Star", exact=True)
    assert_audio(sent.answers, hear(page, star))
    assert "/tablet/pupils/" in page.url  # the speaker is not a picture: nothing was picked


def test_a11y06_a_name_on_the_class_list_is_read_aloud_in_welsh(voiceless, sent):
    page = sent(voiceless())
    enrol(page)
    page.goto("/tablet/?lang=cy")
    heard = hear(page, page.locator(".name-grid li", has_text="Zofia").locator("button.say"))
    assert "/speech/cy/" in heard
    assert_audio(sent.answers, heard)


def test_a11y06_a_new_tap_stops_the_last_sound_in_urdu_and_axe_is_clean(voiceless, sent):
    page = sent(voiceless())
    enrol(page)
    pupil_signs_in(page, "Leo")
    with page.expect_navigation():
        page.locator("form[action$='/about/start'] button").tap()
    page.goto(page.url + "?lang=ur")
    assert page.locator("html").get_attribute("dir") == "rtl"
    speakers = page.locator("button.say:visible")
    assert speakers.count() >= 6  # the bar, the card, its question, three choices, Skip
    names = [b.get_attribute("aria-label") for b in speakers.all()]
    assert len(set(names)) == len(names) and not any("Listen" in n for n in names)
    hear(page, speakers.nth(2))  # made and played once, so the next tap is quick
    count = page.evaluate("window.__heard.length")
    speakers.nth(2).tap()
    page.wait_for_function("n => window.__heard.length > n", arg=count)
    last = hear(page, speakers.nth(3))  # tapped while the other one plays
    heard = page.evaluate("window.__heard")[count:]
    assert [e["type"] for e in heard][-1] == "ended"
    assert [e["src"] for e in heard if e["type"] == "ended"] == [last]  # the first never ended
    assert "/speech/ur/" in last
    assert_accessible(page, pupil=True)
