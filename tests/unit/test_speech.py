"""Read-aloud on the server (A11Y-06): the key that proves the app rendered a sentence,
the engine's command lines, and what the cache drops (PRI-04)."""

from __future__ import annotations

from pupilvoice.domain import speech
from pupilvoice.domain.speech import CachedFile

SECRET = "a-secret-of-the-app"


def test_a11y06_key_is_the_apps_own_for_that_language_and_text():
    key = speech.speech_key(SECRET, "cy", "Helo, Siôn!")
    assert speech.is_key(key) and len(key) == 32
    assert speech.key_matches(SECRET, "cy", "Helo, Siôn!", key)
    assert speech.key_matches(SECRET, "cy", "  Helo,\n Siôn! ", key)  # spaces as the browser
    assert not speech.key_matches(SECRET, "cy", "Helo, Sion!", key)  # another sentence
    assert not speech.key_matches(SECRET, "en", "Helo, Siôn!", key)  # another language
    assert not speech.key_matches("another-secret", "cy", "Helo, Siôn!", key)
    assert not speech.key_matches(SECRET, "de", "Helo, Siôn!", key)  # no such voice
    assert not speech.key_matches(SECRET, "cy", "Helo, Siôn!", key.upper())
    assert not speech.key_matches(SECRET, "cy", "Helo, Siôn!", key[:-1])
    assert not speech.key_matches(SECRET, "cy", "Helo, Siôn!", "../" + key[3:])


def test_a11y06_the_key_does_not_give_the_text_away():
    """The key is an HMAC: without the secret, nobody can test a guessed name against it."""
    import hashlib

    key = speech.speech_key(SECRET, "en", "Sam")
    assert key not in hashlib.sha256(b"speech\0en\0Sam").hexdigest()
    assert key != speech.speech_key(SECRET, "en", "Sal")


def test_a11y06_text_the_engine_refuses():
    assert speech.text_problem("Tap your name.") is None
    assert speech.text_problem("   ") == "empty"
    assert speech.text_problem("a" * (speech.MAX_CHARS + 1)) == "too-long"
    assert speech.text_problem("a\x00b") == "control"
    assert speech.text_problem("one\ntwo") is None  # a line break is only a space


def test_a11y06_espeak_reads_the_text_from_stdin_never_from_its_arguments():
    command = speech.espeak_command("/usr/bin/espeak-ng", "ur", "/cache/making-1/speech.wav")
    assert command == [
        "/usr/bin/espeak-ng",
        "-v",
        "ur",
        "-s",
        "150",
        "-w",
        "/cache/making-1/speech.wav",
        "--stdin",
    ]
    assert "-m" not in command  # plain text, never SSML markup
    assert speech.espeak_command("espeak-ng", "en", "x.wav")[2] == "en-gb"
    assert set(speech.VOICES) == {"en", "cy", "pl", "ur"}


def test_a11y06_opusenc_command():
    assert speech.opus_command("/usr/bin/opusenc", "in.wav", "out.ogg") == [
        "/usr/bin/opusenc",
        "--quiet",
        "--bitrate",
        "24",
        "in.wav",
        "out.ogg",
    ]


def test_pri04_cache_drops_old_audio_then_the_least_used_over_the_size():
    day = 24 * 60 * 60
    now = 100 * day
    files = [
        CachedFile("old", 10, now - 31 * day),
        CachedFile("used-long-ago", 40, now - 20 * day),
        CachedFile("used-lately", 40, now - 2 * day),
        CachedFile("used-now", 40, now),
    ]
    assert speech.to_remove(files, now, 30 * day, 1000) == ["old"]
    assert speech.to_remove(files, now, 30 * day, 80) == ["old", "used-long-ago"]
    assert speech.to_remove(files, now, 30 * day, 0) == [
        "old",
        "used-long-ago",
        "used-lately",
        "used-now",
    ]
    assert speech.to_remove([], now, 30 * day, 0) == []
