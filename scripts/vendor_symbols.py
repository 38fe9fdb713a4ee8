"""Copy the chosen Fluent Emoji Flat pictures (MIT) into pupilvoice/static/symbols/.

Run once after `npm pack @iconify-json/fluent-emoji-flat` and unpacking it:
    python scripts/vendor_symbols.py path/to/package/icons.json
The SVG files are committed, so the app never loads a picture from another site (SEC-14).
To add a picture, add it to SYMBOLS (our name: the set's name) and run the script again.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "pupilvoice" / "static" / "symbols"

SYMBOLS = {
    # people and places
    "teacher": "woman-teacher",
    "family": "house-with-garden",
    "school": "school",
    "speaker": "speaker-high-volume",
    # avatars a pupil is given instead of a photo (PRI-01)
    "fox": "fox",
    "cat": "cat-face",
    "dog": "dog-face",
    "panda": "panda",
    "rabbit": "rabbit-face",
    "frog": "frog",
    "owl": "owl",
    "lion": "lion",
    "tiger": "tiger-face",
    "bear": "bear",
    "koala": "koala",
    "penguin": "penguin",
    "unicorn": "unicorn",
    "turtle": "turtle",
    "butterfly": "butterfly",
    "monkey": "monkey-face",
    "hedgehog": "hedgehog",
    "octopus": "octopus",
    "dolphin": "dolphin",
    "elephant": "elephant",
    "giraffe": "giraffe",
    "hamster": "hamster",
    "chick": "front-facing-baby-chick",
    "whale": "spouting-whale",
    # About me topic cards (a SENCO can choose any symbol in this folder for a new card)
    "books": "books",
    "pencil": "pencil",
    "abacus": "abacus",
    "slide": "playground-slide",
    "lunch": "fork-and-knife-with-plate",
    "friends": "people-hugging",
    "noise": "loudspeaker",
    "running-shoe": "running-shoe",
    "homework": "memo",
    "hand-up": "person-raising-hand",
    "art": "artist-palette",
    "music": "musical-notes",
    "football": "soccer-ball",
    "bus": "bus",
    "toilet": "toilet",
    "computer": "laptop",
    "science": "test-tube",
    "globe": "globe-showing-europe-africa",
    "backpack": "backpack",
    "puzzle": "puzzle-piece",
    "bell": "bell",
    "clock": "stopwatch",
    "toothbrush": "toothbrush",
    "talking": "speech-balloon",
    "heart": "red-heart",
    "ear": "ear",
    "shirt": "t-shirt",
    "bed": "bed",
    "tree": "deciduous-tree",
    # the three places a card goes
    "like": "thumbs-up",
    "unsure": "thinking-face",
    "dislike": "thumbs-down",
    # self-rating faces: the same size and weight, none beaming (A11Y-07)
    "face-not-yet": "neutral-face",
    "face-getting-there": "slightly-smiling-face",
    "face-can-do": "smiling-face-with-smiling-eyes",
    # "I can..." sentence starters
    "muscle": "flexed-biceps",
    "seedling": "seedling",
    "handshake": "handshake",
    # worries
    "worried": "worried-face",
    "bandage": "adhesive-bandage",
    "broken-heart": "broken-heart",
    "sad": "pensive-face",
    "scared": "anxious-face-with-sweat",
    "home": "house",
    "thought": "thought-balloon",
    # picture passwords: nine easy-to-name things
    "apple": "red-apple",
    "ball": "basketball",
    "car": "automobile",
    "sun": "sun",
    "star": "star",
    "fish": "tropical-fish",
    "cake": "birthday-cake",
    "boat": "sailboat",
    "balloon": "balloon",
    # buttons and messages
    "wave": "waving-hand",
    "next": "right-arrow",
    "back": "left-arrow",
    "again": "counterclockwise-arrows-button",
    "done": "check-mark-button",
    "hug": "hugging-face",
    "microphone": "studio-microphone",
    "stop": "stop-button",
    "play": "play-button",
    "lock": "locked",
    "eyes": "eyes",
    "sparkles": "sparkles",
}


# Colours changed from the set's own: the speaker icon is the only thing on a read-aloud
# button, so it needs 3:1 against the button's white (WCAG 1.4.11, A11Y-06); the set's
# light blue and greys reach 1.7-2.2:1 (tests/unit/test_speaker_contrast.py).
RECOLOUR = {
    "speaker": {"#83cbff": "#1d6fb8", "#b4acbc": "#5c5470", "#cdc4d6": "#746b87"},
}


def main(icons_json: str) -> None:
    data = json.loads(Path(icons_json).read_text(encoding="utf-8"))
    icons, aliases = data["icons"], data.get("aliases", {})
    OUT.mkdir(parents=True, exist_ok=True)
    for ours, theirs in SYMBOLS.items():
        name = aliases.get(theirs, {}).get("parent", theirs)
        icon = icons[name]
        width, height = icon.get("width", data.get("width", 32)), icon.get("height", 32)
        svg = (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}">'
            f"{icon['body']}</svg>\n"
        )
        for theirs_colour, our_colour in RECOLOUR.get(ours, {}).items():
            svg = svg.replace(f'"{theirs_colour}"', f'"{our_colour}"')
        (OUT / f"{ours}.svg").write_text(svg, encoding="utf-8")
    print(f"wrote {len(SYMBOLS)} symbols to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
