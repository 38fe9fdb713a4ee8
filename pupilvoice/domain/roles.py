"""The roles a person can have, and the groups the rules talk about."""

SENCO = "senco"
TEACHER = "teacher"
TA = "ta"
PARENT = "parent"
PUPIL = "pupil"

STAFF_ROLES = frozenset({SENCO, TEACHER, TA})
ALL_ROLES = (SENCO, TEACHER, TA, PARENT, PUPIL)
SEN_STAGES = ("none", "sen_support", "ehcp")
CONTACT_METHODS = ("email", "letter")
