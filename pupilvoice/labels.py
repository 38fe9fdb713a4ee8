"""Translated names for the codes stored in the database (roles, SEN stages, ...)."""

from .i18n import gettext as _
from .i18n import lazy_gettext as _l

ROLE_LABELS = {
    "senco": _l("SENCO"),
    "teacher": _l("Teacher"),
    "ta": _l("Teaching assistant"),
    "parent": _l("Parent or carer"),
}
STAGE_LABELS = {
    "none": _l("Not on the SEN register"),
    "sen_support": _l("SEN support"),
    "ehcp": _l("EHC plan"),
}
CONTACT_LABELS = {"email": _l("E-mail"), "letter": _l("Printed letter")}
RELATIONSHIP_LABELS = {
    "mother": _l("Mother"),
    "father": _l("Father"),
    "parent": _l("Parent"),
    "carer": _l("Carer"),
    "foster_carer": _l("Foster carer"),
    "grandparent": _l("Grandparent"),
    "guardian": _l("Guardian"),
    "step_parent": _l("Step-parent"),
}


def year_label(year_group: int) -> str:
    """0 -> "Reception", 3 -> "Year 3"."""
    return _("Reception") if year_group == 0 else _("Year %(n)s", n=year_group)


AVATAR_LABELS = {
    "fox": _l("Fox"),
    "cat": _l("Cat"),
    "dog": _l("Dog"),
    "panda": _l("Panda"),
    "rabbit": _l("Rabbit"),
    "frog": _l("Frog"),
    "owl": _l("Owl"),
    "lion": _l("Lion"),
    "tiger": _l("Tiger"),
    "bear": _l("Bear"),
    "koala": _l("Koala"),
    "penguin": _l("Penguin"),
    "unicorn": _l("Unicorn"),
    "turtle": _l("Turtle"),
    "butterfly": _l("Butterfly"),
    "monkey": _l("Monkey"),
    "hedgehog": _l("Hedgehog"),
    "octopus": _l("Octopus"),
    "dolphin": _l("Dolphin"),
    "elephant": _l("Elephant"),
    "giraffe": _l("Giraffe"),
    "hamster": _l("Hamster"),
    "chick": _l("Chick"),
    "whale": _l("Whale"),
}

# The SEN register's broad areas and census types of need (domain/sen_register.py).
AREA_LABELS = {
    "ci": _l("Communication and interaction"),
    "cl": _l("Cognition and learning"),
    "semh": _l("Social, emotional and mental health"),
    "sp": _l("Sensory and/or physical"),
    "other": _l("Other"),
}
NEED_LABELS = {
    "SLCN": _l("Speech, language and communication needs"),
    "ASD": _l("Autistic spectrum disorder"),
    "SPLD": _l("Specific learning difficulty"),
    "MLD": _l("Moderate learning difficulty"),
    "SLD": _l("Severe learning difficulty"),
    "PMLD": _l("Profound and multiple learning difficulty"),
    "SEMH": _l("Social, emotional and mental health"),
    "HI": _l("Hearing impairment"),
    "VI": _l("Vision impairment"),
    "MSI": _l("Multi-sensory impairment"),
    "PD": _l("Physical disability"),
    "OTH": _l("Other difficulty or disability"),
    "NSA": _l("SEN support but no specialist assessment of type of need"),
}


def need_label(code: str | None) -> str:
    """ "SPLD" -> "SPLD – Specific learning difficulty"; "" for no need."""
    return f"{code} – {NEED_LABELS[code]}" if code in NEED_LABELS else ""
