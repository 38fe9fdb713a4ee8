"""Translated words for the pupil's side: pictures, topic cards, places, areas, faces, worries.

The database stores short codes ("like", "reading", "apple"); people read these words.
"""

from .i18n import lazy_gettext as _l

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

# Built-in About me cards: key -> word. A school's own cards carry their own word.
TOPIC_WORDS = {
    "reading": _l("Reading"),
    "writing": _l("Writing"),
    "maths": _l("Maths"),
    "playtime": _l("Playtime"),
    "lunchtime": _l("Lunchtime"),
    "friends": _l("Friends"),
    "my_teacher": _l("My teacher"),
    "noise": _l("Noise"),
    "pe": _l("PE"),
    "homework": _l("Homework"),
    "getting_help": _l("Getting help"),
    "art": _l("Art"),
}

# The three places a card goes, with their symbols.
PLACES = {
    "like": (_l("I like it"), "like"),
    "unsure": (_l("Not sure"), "unsure"),
    "dislike": (_l("I don't like it"), "dislike"),
}

# What a worry is about: key -> (words, symbol).
WORRY_KINDS = {
    "hurt": (_l("Someone hurt me"), "bandage"),
    "unkind": (_l("Someone is unkind"), "broken-heart"),
    "sad": (_l("I feel sad"), "sad"),
    "scared": (_l("I feel scared"), "scared"),
    "home": (_l("Something at home"), "home"),
    "other": (_l("Something else"), "thought"),
}


def card_word(card) -> str:
    """The word on a topic card, in the page's language for built-in cards."""
    if card.word:
        return card.word
    return str(TOPIC_WORDS.get(card.key or "", card.key or ""))


# "I can..." areas: key -> (words, symbol, colour 1-4)
AREAS = {
    "reading": (_l("Reading"), "books", 1),
    "writing": (_l("Writing"), "pencil", 2),
    "maths": (_l("Maths"), "abacus", 3),
    "talking": (_l("Talking and listening"), "talking", 4),
    "friends": (_l("Friends"), "friends", 1),
    "feelings": (_l("Feelings"), "heart", 2),
    "myself": (_l("Looking after myself"), "toothbrush", 3),
    "moving": (_l("Moving and playing"), "football", 4),
}

# How the pupil's sentence starts: key -> (words, symbol)
STARTERS = {
    "i_can": (_l("I can…"), "muscle"),
    "better": (_l("I want to get better at…"), "seedling"),
    "helps": (_l("It helps me when…"), "handshake"),
}

# The three faces, the same size and weight (A11Y-07): level -> (words, symbol)
FACES = {
    1: (_l("Not yet"), "face-not-yet"),
    2: (_l("Getting there"), "face-getting-there"),
    3: (_l("I can do it!"), "face-can-do"),
}


def proposal_sentence(proposal) -> str:
    """The pupil's whole sentence: the starter without its dots, then their words."""
    starter = str(STARTERS[proposal.starter][0]).rstrip("…").rstrip(".").rstrip()
    return f"{starter} {proposal.words or ''}".strip()
