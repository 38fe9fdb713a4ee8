"""Checking an uploaded recording by its content, not by what the browser says it is
(SEC-15): only WebM, Ogg, MP4/M4A and WAV audio are kept."""

from __future__ import annotations

MAX_BYTES = 5 * 1024 * 1024  # about 20 minutes of speech as Opus; the recorder stops at 3
MIN_BYTES = 64

EXTENSIONS = {"audio/webm": "webm", "audio/ogg": "ogg", "audio/mp4": "m4a", "audio/wav": "wav"}


def sniff(data: bytes) -> str | None:
    """The audio type these bytes start like, or None."""
    if len(data) < MIN_BYTES:
        return None
    if data[:4] == b"\x1a\x45\xdf\xa3":  # EBML: WebM/Matroska
        return "audio/webm"
    if data[:4] == b"OggS":
        return "audio/ogg"
    if data[4:8] == b"ftyp":  # ISO base media: MP4, M4A (Safari records this)
        return "audio/mp4"
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "audio/wav"
    return None


def problem(data: bytes) -> str | None:
    """ "too-big", "not-audio", or None when the recording can be kept."""
    if len(data) > MAX_BYTES:
        return "too-big"
    if sniff(data) is None:
        return "not-audio"
    return None
