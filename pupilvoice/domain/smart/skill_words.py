"""The words the ``several-skills`` rule reads a target with: verbs for skills, for
conduct and for how a skill is done, and the words that show a verb phrase goes on."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Things a pupil learns to do, which a review can say were achieved or not.
SKILL_VERBS = _words(
    "read write spell count add subtract multiply divide recall recite round partition "
    "compare order sort match name identify recognise recognize label measure solve estimate "
    "tell say ask answer explain describe retell greet talk speak request choose blend "
    "segment decode form copy trace draw cut stick colour color hold thread catch throw kick "
    "hop jump balance ride swim climb dress undress tie fasten button zip eat drink wash "
    "brush pack tidy organise organize complete finish hand take share play join invite "
    "type punctuate rate check plan find show make improve develop understand know "
    "learn explore "
    # reading, writing and number
    "predict infer summarise summarize sequence underline highlight proofread edit redraft "
    "calculate convert halve weigh tally "
    # talking and signing
    "sign point pronounce articulate gesture comment initiate introduce compliment apologise "
    "apologize narrate sing "
    # moving, dressing, eating and getting ready
    "dribble pass bounce roll pedal scoot skip run pour spread fold unzip hang log"
)
# Conduct that goes with a skill rather than being one.
CONDUCT_VERBS = _words(
    "sit stay wait listen look stop think put line walk stand come go follow respond move "
    "attend arrive keep remain"
)
# Verbs that only say how ("use X to ..."), what the pupil is given or feels, or that
# the work is recorded ("and record it in her diary"): not a skill, whatever follows.
HELPER_VERBS = _words(
    "use be have get do try continue begin start remember let need want receive access "
    "participate engage benefit feel become record tick"
)
# Conduct or helper verbs that name a skill with a particle: "put on her shoes", "put
# his coat on", "put away", "do up my zip"; and "take part", which is only taking part.
PHRASAL_SKILLS = {"put": _words("on away"), "do": _words("up")}
NOT_A_SKILL_AFTER = {"take": _words("part")}
# Two verbs that name one skill: a step of it, or doing it with understanding.
ONE_SKILL_PAIRS = (
    frozenset({"blend", "read"}),
    frozenset({"blend", "decode"}),
    frozenset({"segment", "spell"}),
    frozenset({"cut", "stick"}),
    frozenset({"look", "listen"}),
    frozenset({"read", "understand"}),
    frozenset({"wash", "dry"}),
    frozenset({"take", "bring"}),
)
# Words between a subject (or a join) and its verb: "will also", "then", "independently".
SKIP = _words(
    "also then independently consistently confidently accurately always now begin start "
    "continue learn remember will to"
)
# What may follow a verb that has an object or a measure: "and write them", "and add 2".
VP_FOLLOWERS = _words(
    "the a an his her their my your its this that these those it them him me us up out in "
    "on off away back down to with for from about turns two three four five six seven eight "
    "nine ten one some how what when where why who which each every all both any another "
    "himself herself themselves themself myself yourself"
)
# What follows a verb the rule does not know, when the word after a join is one: an
# object ("plus carry his equipment"), never a preposition ("expression and fluency to").
OBJECT_WORDS = _words(
    "the a an his her their my your its this that these those it them him me us each every "
    "all both any another himself herself themselves themself myself yourself"
)
# Who a "will" belongs to when it is not the pupil: "This will be checked", "His TA will".
NOT_THE_PUPIL = _words(
    "this that it which who there these those we you adult adults staff ta tas lsa lsas "
    "teacher teachers parent parents carer carers mum dad senco salt therapist school class "
    "group everyone mr mrs miss ms dr"
)
PUPIL_PRONOUNS = _words("i he she they and also then")
