"""Translated words for the pupil's side: pictures, topic cards, places, areas, faces, worries.

The database stores short codes ("like", "reading", "apple"); people read these words.
"""

from flask_babel import lazy_gettext as _l

PICTURE_NAMES = {
    "apple": _l("Apple"),
    "ball": _l("Ball"),
    "car": _l("Car"),
    "sun": _l("Sun"),
    "star": _l("Star"),
    "fish": _l("Fish"),
    "cake": _l("Cake"),
    "boat": _l("Boat"),
    "balloon": _l("Balloon"),
}
