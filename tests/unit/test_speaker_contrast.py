"""A11Y-06, A11Y-04 (WCAG 1.4.11): the speaker icon is all a read-aloud button shows, so
every colour in it reaches 3:1 against the button's background, read from the real SVG
and the real style sheets (axe does not look inside an SVG picture)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[2] / "pupilvoice" / "static"
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of "#rrggbb"."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def icon_colours() -> set[str]:
    svg = (STATIC / "symbols" / "speaker.svg").read_text(encoding="utf-8")
    fills = set(re.findall(r'fill="([^"]+)"', svg)) - {"none"}
    assert fills and all(HEX.fullmatch(f) for f in fills), fills
    return {f.lower() for f in fills}


def say_background(sheet: str) -> str:
    """The background of `.say` in a style sheet, its custom property looked up in the
    same sheet (pupil.css sets them on body.pupil, app.css on :root)."""
    css = (STATIC / "css" / sheet).read_text(encoding="utf-8")
    rule = re.search(r"^\.say \{([^}]*)\}", css, re.MULTILINE).group(1)
    value = re.search(r"background:\s*([^;]+);", rule).group(1).strip()
    name = re.fullmatch(r"var\((--[\w-]+)\)", value)
    if name:
        value = re.search(rf"{name.group(1)}:\s*([^;]+);", css).group(1).strip()
    assert HEX.fullmatch(value), f"{sheet}: .say background {value!r}"
    return value.lower()


def test_contrast_formula_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("sheet", ["pupil.css", "app.css"])
def test_a11y06_speaker_icon_reaches_3_to_1_on_its_button(sheet):
    background = say_background(sheet)
    weak = {c: round(contrast(c, background), 2) for c in icon_colours()}
    weak = {c: ratio for c, ratio in weak.items() if ratio < 3}
    assert not weak, f"speaker colours under 3:1 on {background} ({sheet}): {weak}"
