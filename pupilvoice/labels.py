"""Translated names for the codes stored in the database (roles, SEN stages, ...)."""

from flask_babel import lazy_gettext as _l

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
