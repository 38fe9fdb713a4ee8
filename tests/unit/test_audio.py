"""Recordings are checked by their first bytes (SEC-15)."""

from __future__ import annotations

from pupilvoice.domain.audio import MAX_BYTES, problem, sniff

PAD = b"\x00" * 100


def test_known_audio_containers():
    assert sniff(b"\x1a\x45\xdf\xa3" + PAD) == "audio/webm"
    assert sniff(b"OggS" + PAD) == "audio/ogg"
    assert sniff(b"\x00\x00\x00\x20ftypM4A " + PAD) == "audio/mp4"
    assert sniff(b"RIFF\x24\x00\x00\x00WAVEfmt " + PAD) == "audio/wav"


def test_anything_else_is_refused_whatever_its_name():
    assert sniff(b"\x89PNG\r\n\x1a\n" + PAD) is None
    assert sniff(b"<html><script>" + PAD) is None
    assert sniff(b"RIFF\x24\x00\x00\x00AVI " + PAD) is None
    assert sniff(b"OggS") is None  # too short to be a recording
    assert problem(b"%PDF-1.7" + PAD) == "not-audio"


def test_size_limit():
    assert problem(b"OggS" + b"\x00" * (MAX_BYTES - 4)) is None
    assert problem(b"OggS" + b"\x00" * (MAX_BYTES - 3)) == "too-big"
