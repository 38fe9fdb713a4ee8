"""Plain-language checker for what a pupil or parent reads: jargon, long sentences, hard text.

Rules and thresholds:

- ``jargon``: a term from the school's glossary (``STARTER_GLOSSARY`` unless the school
  has its own), with its plain alternative. Longest term first, each reported once.
  Acronyms (two or more capitals, no spaces: "SEMH", "TA", "SpLD") match only in
  capitals, so "ot" or "Ta" are left alone; other terms match in any case, on word
  boundaries, with or without a plural "s", and with a hyphen or a space alike.
- ``long-sentence``: more than ``MAX_SENTENCE_WORDS`` (20) words. The phrase is the
  start of the sentence.
- ``hard-to-read``: Flesch-Kincaid grade above ``MAX_GRADE`` (6), judged only on texts
  of at least ``MIN_WORDS_TO_JUDGE`` (10) words. The aim is a reading age of about 9
  (US grade 4). One plain 15-word sentence of short words already scores about 4.5,
  and the syllable count is an estimate, so the line sits where a text is clearly
  above a 9-year-old rather than borderline. On the sentences in the unit tests,
  plain parent text scores 5.2 or less and school-report text 11 or more.

Syllables are counted by a small rule set (vowel groups, silent -e, -ed and -es), so
this module needs no word list and nothing from the network.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from .problems import N_, Problem, problem

MAX_SENTENCE_WORDS = 20
MAX_GRADE = 6.0
MIN_WORDS_TO_JUDGE = 10

TEMPLATES: dict[str, str] = {
    "jargon": N_('"%(phrase)s" is a school word: try "%(plain)s".'),
    "long-sentence": N_(
        'The sentence that starts "%(phrase)s" has %(count)s words: '
        "split it into sentences of 20 words or fewer."
    ),
    "hard-to-read": N_(
        "This reads above a 9-year-old's level (grade %(grade)s): use shorter words "
        "and shorter sentences."
    ),
}

STARTER_GLOSSARY: dict[str, str] = {
    # Needs and plans
    "SEN": "special educational needs (extra help with learning)",
    "SEND": "special educational needs and disabilities",
    "SEN support": "extra help at school",
    "SENCO": "the teacher who leads extra help in school",
    "SEMH": "feelings, friendships and behaviour",
    "SLCN": "speech, language and communication needs",
    "SpLD": "a specific learning difficulty, such as dyslexia",
    "ASC": "autism",
    "ASD": "autism",
    "EHCP": "Education, Health and Care Plan (a legal plan for extra help)",
    "EHC plan": "Education, Health and Care Plan (a legal plan for extra help)",
    "IEP": "your child's learning plan",
    "graduated approach": "the school's step-by-step way of giving extra help",
    "provision": "the help school gives",
    "intervention": "extra lessons in a small group or one to one",
    "Wave 1": "good teaching for the whole class",
    "Wave 2": "extra help in a small group",
    "Wave 3": "help planned just for your child",
    "baseline": "where your child is now",
    "success criteria": "how we will know the target is met",
    "attainment": "how well your child is doing in their work",
    "access arrangements": "extra help in tests, like extra time or a reader",
    "transition": "moving to a new class or school",
    # People
    "TA": "teaching assistant",
    "LSA": "teaching assistant",
    "SALT": "speech and language therapist",
    "OT": "occupational therapist (helps with movement and everyday skills)",
    "EP": "educational psychologist (an expert in how children learn)",
    "ELSA": "a teaching assistant trained to help with feelings",
    "CAMHS": "the NHS service for children's mental health",
    # Reading and writing
    "phonics": "reading by sounding out letters",
    "phonological awareness": "hearing the sounds in words",
    "phoneme": "a sound in a word",
    "grapheme": "a letter or letters that stand for a sound",
    "digraph": "two letters that make one sound, like 'sh'",
    "blending": "putting sounds together to read a word",
    "segmenting": "splitting a word into sounds to spell it",
    "decoding": "sounding out words to read them",
    "CVC words": "short words like 'cat' and 'dog'",
    "common exception words": "tricky words that cannot be sounded out",
    "high-frequency words": "words that come up often",
    "comprehension": "understanding what they read",
    "dyslexia screening": "a check for signs of dyslexia",
    # Maths
    "number bonds": "pairs of numbers that make a total, like 3 and 7 make 10",
    "place value": "what each digit in a number is worth",
    "concrete resources": "things to hold and move, like cubes or counters",
    "manipulatives": "things to hold and move, like cubes or counters",
    # Language, learning and body
    "expressive language": "how your child uses words to talk",
    "receptive language": "how your child understands what people say",
    "fine motor skills": "using hands and fingers, like holding a pencil",
    "gross motor skills": "big movements, like running, jumping and throwing",
    "working memory": "holding things in mind for a short time",
    "processing speed": "how quickly your child takes in information",
    "auditory processing": "making sense of what they hear",
    "sensory processing": "how your child copes with noise, touch, light and movement",
    "sensory diet": "movement and calming activities planned through the day",
    "executive function": "planning, getting organised and starting tasks",
    "self-regulation": "calming down and managing feelings",
    "emotional regulation": "calming down and managing feelings",
    "co-regulation": "an adult staying calm with your child to help them calm down",
    "metacognition": "thinking about how they learn",
    # Ways of teaching
    "differentiated": "changed to suit your child",
    "differentiation": "changing work to suit your child",
    "scaffolding": "step-by-step help that is taken away as your child learns",
    "precision teaching": "a few minutes' practice every day until it sticks",
    "overlearning": "practising again and again until it is easy",
    "pre-teaching": "teaching new words or ideas before the lesson",
    "multi-sensory": "using seeing, hearing and touch to learn",
    "chunking": "breaking a task into small steps",
    "social stories": "short stories that explain a situation and what to do",
    "Zones of Regulation": "a colour system that helps your child name and manage feelings",
    "Lego therapy": "building Lego in a small group to practise working together",
    "nurture group": "a small, calm group that helps children feel settled",
}

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,:]\d+)*")
_ABBREVIATIONS = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|e\.g|i\.e|etc|approx|no|vs)\.", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|[;\n]+\s*|\s+[-•*]\s+")
_SPECIAL_SYLLABLES = {"mrs": 2, "mr": 2, "ms": 1, "dr": 2, "ok": 2}


def _is_acronym(term: str) -> bool:
    return " " not in term and sum(ch.isupper() for ch in term) >= 2


def _term_pattern(term: str) -> str:
    body = r"[-\s]+".join(re.escape(part) for part in re.split(r"[-\s]+", term))
    return rf"(?<!\w){body}{_plural(term)}(?!\w)"


def _plural(term: str) -> str:
    if _is_acronym(term):
        return "s?"
    return "?" if term.endswith("s") else "(?:s|es)?"  # "skills?" also finds "skill"


@lru_cache(maxsize=32)
def _compiled(terms: tuple[str, ...]) -> list[tuple[str, re.Pattern[str]]]:
    ordered = sorted(terms, key=len, reverse=True)
    return [
        (term, re.compile(_term_pattern(term), 0 if _is_acronym(term) else re.IGNORECASE))
        for term in ordered
    ]


def _jargon(text: str, glossary: Mapping[str, str]) -> list[Problem]:
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Problem]] = []
    for term, pattern in _compiled(tuple(glossary)):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            taken.append((start, end))
            found.append(
                (start, problem(TEMPLATES, "jargon", match.group(0), plain=glossary[term]))
            )
            break
    return [p for _, p in sorted(found, key=lambda item: item[0])]


def sentences(text: str) -> list[str]:
    """Split text into sentences (and list items), keeping "Mrs." and "e.g." whole."""
    masked = _ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", "\0"), text)
    parts = (part.replace("\0", ".").strip() for part in _SENTENCE_END.split(masked))
    return [part for part in parts if _WORD.search(part)]


def syllables(word: str) -> int:
    """An estimate of the syllables in one English word (numbers count 1 a digit, up to 3)."""
    if word[:1].isdigit():
        return min(len(re.sub(r"\D", "", word)), 3)
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    if w in _SPECIAL_SYLLABLES:
        return _SPECIAL_SYLLABLES[w]
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?<=[^aeiouytd])ed$", "", w)  # "jumped", but "wanted", "needed"
    w = re.sub(r"(?<=[^aeiouysxzhgc])es$", "", w)  # "makes", but "boxes", "pages"
    if w.endswith("e") and not re.search(r"[^aeiouy]le$", w):  # "make", but "table"
        w = w[:-1]
    w = re.sub(r"(?<=[^aeiouy])e(?=(?:ness|ful|fully|ly|ment|ments|less)$)", "", w)
    w = re.sub(r"y(?=[aeiou])", "#", w)  # "playing", "yellow": y before a vowel
    return max(1, len(re.findall(r"[aeiouy]+", w)))


def grade(text: str) -> float | None:
    """Flesch-Kincaid grade of ``text``, or None when it is too short to judge."""
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS_TO_JUDGE:
        return None
    count = max(1, len(sentences(text)))
    syllable_count = sum(syllables(w) for w in words)
    return 0.39 * len(words) / count + 11.8 * syllable_count / len(words) - 15.59


def _start(sentence: str, words: int = 6) -> str:
    parts = sentence.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def check(text: str, *, glossary: Mapping[str, str] | None = None) -> list[Problem]:
    """The problems with text a pupil or parent will read, each with a plain suggestion."""
    problems = _jargon(text, STARTER_GLOSSARY if glossary is None else glossary)
    for sentence in sentences(text):
        count = len(_WORD.findall(sentence))
        if count > MAX_SENTENCE_WORDS:
            problems.append(problem(TEMPLATES, "long-sentence", _start(sentence), count=str(count)))
    level = grade(text)
    if level is not None and level > MAX_GRADE:
        problems.append(problem(TEMPLATES, "hard-to-read", None, grade=f"{level:.0f}"))
    return problems
