"""Read-aloud on the server (A11Y-06): which voice speaks each language, the key that
proves the app itself rendered a sentence, the engine's command lines, and which cached
files to drop. Pure: no Flask, no files, no processes."""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass

# espeak-ng's voices (Debian's espeak-ng-data) for the app's languages
VOICES = {"en": "en-gb", "cy": "cy", "pl": "pl", "ur": "ur"}
MAX_CHARS = 1200  # a pupil's own words (up to 1,000 characters) with the words around them
WORDS_PER_MINUTE = 150  # espeak-ng's default is 175: a little slower for young readers
OPUS_KBITS = 24  # speech sounds clear at 24 kbit/s; a sentence is 5-15 KB
KEY_LENGTH = 32  # hex digits of the HMAC: 128 bits
_KEY = re.compile(rf"[0-9a-f]{{{KEY_LENGTH}}}")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The sentence as it is spoken and keyed: runs of white space become one space (a
    browser may give an attribute's line breaks back differently)."""
    return _SPACE.sub(" ", text).strip()


def speech_key(secret: str, lang: str, text: str) -> str:
    """An HMAC of (language, sentence) with the app's secret: the audio's address. Only
    the app can make one, so only sentences it rendered can be spoken, and the address
    tells nobody which sentence it is (no pupil's name in an access log or a cache)."""
    message = f"speech\0{lang}\0{normalise(text)}".encode()
    digest = hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()
    return digest[:KEY_LENGTH]


def is_key(key: str) -> bool:
    return bool(_KEY.fullmatch(key))


def key_matches(secret: str, lang: str, text: str, key: str) -> bool:
    """Whether ``key`` is the app's key for this sentence in this language."""
    if lang not in VOICES or not is_key(key):
        return False
    return hmac.compare_digest(speech_key(secret, lang, text), key)


def text_problem(text: str) -> str | None:
    """Why a sentence cannot be spoken ("empty", "too-long", "control"), or None."""
    spoken = normalise(text)
    if not spoken:
        return "empty"
    if len(spoken) > MAX_CHARS:
        return "too-long"
    if any(ord(c) < 32 or ord(c) == 127 for c in spoken):
        return "control"
    return None


def espeak_command(program: str, lang: str, wav_path: str) -> list[str]:
    """espeak-ng reading the sentence from standard input (never from the command line,
    so no text is ever parsed as an option) and writing a WAV file. Plain text: no SSML
    (-m is not given), so markup in a sentence is read as words."""
    return [program, "-v", VOICES[lang], "-s", str(WORDS_PER_MINUTE), "-w", wav_path, "--stdin"]


def opus_command(program: str, wav_path: str, ogg_path: str) -> list[str]:
    """opusenc turning espeak-ng's WAV into Ogg Opus, about a tenth of the size."""
    return [program, "--quiet", "--bitrate", str(OPUS_KBITS), wav_path, ogg_path]


@dataclass(frozen=True)
class CachedFile:
    name: str
    size: int  # bytes
    used_at: float  # seconds since the epoch: when it was last played or made


def to_remove(files: list[CachedFile], now: float, max_age: float, max_bytes: int) -> list[str]:
    """The cached files to delete: every file not used for ``max_age`` seconds, then the
    least recently used until what is left fits in ``max_bytes``."""
    old = [f for f in files if now - f.used_at > max_age]
    kept = sorted((f for f in files if now - f.used_at <= max_age), key=lambda f: f.used_at)
    total = sum(f.size for f in kept)
    for file in kept:
        if total <= max_bytes:
            break
        old.append(file)
        total -= file.size
    return [f.name for f in old]
