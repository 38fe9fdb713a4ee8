"""Read-aloud audio made on the server with espeak-ng (A11Y-06), for devices without a
speech voice for the page's language. Offline: nothing leaves the server.

Each sentence's audio is kept in the instance folder (``SPEECH_CACHE_DIR``, default
``instance/speech/<lang>/<key>.ogg`` or ``.wav``), named by the sentence's key (an HMAC,
domain/speech.py), so the folder and the URLs hold no text. The audio can still say a
pupil's name: the cache is bounded by age and size (``SPEECH_CACHE_DAYS``,
``SPEECH_CACHE_MB``) and ``flask speech prune --all`` empties it (PRI-04).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess  # nosec B404
import tempfile
import time
from pathlib import Path

from flask import current_app

from ..domain import speech as rules

log = logging.getLogger(__name__)
TIMEOUT_SECONDS = 15  # espeak-ng makes a sentence in well under a second
TYPES = {".ogg": "audio/ogg", ".wav": "audio/wav"}
_warned: set[str] = set()


class SpeechUnavailable(RuntimeError):
    """espeak-ng is not installed, or could not make this sentence."""


def engine() -> str | None:
    """The espeak-ng program, or None (then read-aloud uses device voices only, and the
    server says so once in its log)."""
    found = shutil.which(current_app.config["SPEECH_ENGINE"])
    if found is None and "engine" not in _warned:
        _warned.add("engine")
        log.warning(
            "espeak-ng is not installed: read-aloud will use device voices only "
            "(apt-get install espeak-ng opus-tools)"
        )
    return found


def encoder() -> str | None:
    """opusenc (opus-tools), when installed: Ogg Opus is a tenth of the WAV's size."""
    return shutil.which(current_app.config["SPEECH_ENCODER"])


def key_for(lang: str, text: str) -> str:
    return rules.speech_key(current_app.config["SECRET_KEY"], lang, text)


def key_matches(lang: str, text: str, key: str) -> bool:
    return rules.key_matches(current_app.config["SECRET_KEY"], lang, text, key)


def cache_dir() -> Path:
    configured = current_app.config.get("SPEECH_CACHE_DIR")
    return Path(configured) if configured else Path(current_app.instance_path) / "speech"


def cached(lang: str, key: str) -> Path | None:
    """The sentence's audio if it was made before (and marks it as used now)."""
    if lang not in rules.VOICES or not rules.is_key(key):
        return None
    for suffix in TYPES:
        path = cache_dir() / lang / f"{key}{suffix}"
        try:
            os.utime(path)  # the cache drops what is not used (prune)
        except OSError:
            continue
        return path
    return None


def make(lang: str, text: str, key: str) -> Path:
    """Speak the sentence into the cache (the caller has checked its key) and return the
    file. Writes are atomic, so two workers making the same sentence are harmless."""
    program = engine()
    if program is None:
        raise SpeechUnavailable("espeak-ng is not installed")
    folder = cache_dir() / lang
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder.parent, prefix="making-") as work:
        made = _synthesise(program, lang, rules.normalise(text), Path(work))
        path = folder / f"{key}{made.suffix}"
        os.replace(made, path)
    prune()
    return path


def _synthesise(program: str, lang: str, text: str, work: Path) -> Path:
    wav, ogg = work / "speech.wav", work / "speech.ogg"
    _run(rules.espeak_command(program, lang, str(wav)), text.encode("utf-8"))
    opus = encoder()
    if opus is None:
        return wav
    try:
        _run(rules.opus_command(opus, str(wav), str(ogg)), b"")
    except SpeechUnavailable:
        log.warning("opusenc failed: serving WAV instead")
        return wav
    return ogg


def _run(command: list[str], stdin: bytes) -> None:
    """Run espeak-ng or opusenc: a fixed program with an argument list, never a shell; the
    sentence only ever travels on standard input."""
    try:
        subprocess.run(  # noqa: S603  # nosec B603
            command, input=stdin, capture_output=True, timeout=TIMEOUT_SECONDS, check=True
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise SpeechUnavailable(f"{Path(command[0]).name} failed: {error}") from error


def prune(*, everything: bool = False) -> int:
    """Delete audio not used for SPEECH_CACHE_DAYS, then the least recently used until the
    cache fits SPEECH_CACHE_MB (everything with ``everything``). Returns how many went."""
    config = current_app.config
    files = {}
    for path in cache_dir().glob("*/*"):
        if path.suffix in TYPES and path.is_file():
            stat = path.stat()
            files[str(path)] = rules.CachedFile(str(path), stat.st_size, stat.st_mtime)
    if everything:
        doomed = list(files)
    else:
        max_age = config["SPEECH_CACHE_DAYS"] * 24 * 60 * 60
        max_bytes = config["SPEECH_CACHE_MB"] * 1024 * 1024
        doomed = rules.to_remove(list(files.values()), time.time(), max_age, max_bytes)
    for name in doomed:
        Path(name).unlink(missing_ok=True)
    return len(doomed)
