"""Translated words for plans: areas, statuses, what a version changed, and each field's
label and one-line hint with a good example (staff words may use school terms)."""

from .i18n import lazy_gettext as _l

AREA_LABELS = {
    "reading": _l("Reading"),
    "writing": _l("Writing"),
    "maths": _l("Maths"),
    "talking": _l("Talking and listening"),
    "friends": _l("Friends and getting on with others"),
    "feelings": _l("Feelings"),
    "myself": _l("Looking after myself"),
    "moving": _l("Moving and using my hands"),
}
STATUS_LABELS = {
    "draft": _l("Draft"),
    "shared": _l("Waiting for parents"),
    "agreed": _l("Agreed"),
    "needs_confirming": _l("Changed: needs confirming again"),
    "in_review": _l("In review"),
    "closed": _l("Closed"),
}
# What needs attention on the dashboard (the worry count has its own plural words).
ATTENTION_LABELS = {
    "parent_talk": _l("A parent would like to talk"),
    "new_voice": _l("New voice since you last looked"),
    "review_overdue": _l("Review overdue"),
    "review_due": _l("Review due soon"),
    "in_review": _l("Review started"),
    "awaiting_parents": _l("Waiting for parents"),
    "draft": _l("Plan in draft"),
    "no_plan": _l("No plan yet"),
}
CHANGE_LABELS = {
    "created": _l("Plan started"),
    "edited": _l("Plan details changed"),
    "shared": _l("Shared with parents"),
    "target_added": _l("Target added"),
    "target_edited": _l("Target changed"),
    "target_archived": _l("Target taken off the plan"),
    "group_joined": _l("Joined a small group: its common targets added"),
    "group_left": _l("Left a small group: its common targets taken off"),
    "group_target_added": _l("Common target added by a small group"),
    "group_target_edited": _l("Common target changed for the small group"),
    "review_started": _l("Review started"),
    "outcome_recorded": _l("Outcome recorded"),
    "review_closed": _l("Review closed"),
    "targets_carried_forward": _l("Targets carried forward from the review"),
    "translation_saved": _l("Translation for families changed"),
}
OUTCOME_LABELS = {
    "achieved": _l("Achieved"),
    "partly": _l("Partly achieved"),
    "not_yet": _l("Not yet"),
}
ATTENDANCE_LABELS = {
    "in_person": _l("In person"),
    "phone": _l("By phone"),
    "absent": _l("Did not attend"),
}

FIELD_LABELS = {
    "term_label": _l("Term"),
    "starts_on": _l("Start date"),
    "review_on": _l("Review date"),
    "involved": _l("Who was involved"),
    "pupil_views": _l("The pupil's views"),
    "home_help": _l("What the parents say helps at home"),
    "extra_target_reason": _l("Why this pupil needs more than four targets"),
    "area": _l("Area"),
    "pupil_words": _l("The pupil's own words"),
    "smart_text": _l("SMART target"),
    "child_text": _l("For the pupil, in child-friendly words"),
    "baseline": _l("Baseline: where the pupil is now"),
    "success_criteria": _l("Success criteria"),
    "strategies": _l("Strategies: how it is taught"),
    "provider": _l("Who delivers it"),
    "group_size": _l("Pupils in the group"),
    "sessions_per_week": _l("Sessions a week"),
    "minutes_per_session": _l("Minutes a session"),
    "weeks": _l("Number of weeks"),
    "cost_per_session_pence": _l("Cost of one session (£)"),
    "location": _l("Where"),
    "provision_id": _l("From the provision catalogue"),
    "target_on": _l("Target date"),
    "home_text": _l("What parents can do at home"),
    "archived": _l("Taken off the plan"),
    "outcome": _l("Outcome"),
    "outcome_note": _l("What worked"),
    "next_step": _l("Next step"),
}
FIELD_HINTS = {
    "term_label": _l("As the school names it, e.g. Spring 2027."),
    "starts_on": _l("The day the plan starts, e.g. 6 January 2027."),
    "review_on": _l("When you will review it with the pupil and parents, about a term on."),
    "involved": _l(
        "Everyone who helped, e.g. Sam, Mr Taylor (dad), Mr Jones (class teacher), "
        "Mrs Khan (SENCO)."
    ),
    "pupil_views": _l(
        "What the pupil says about school, in their words where you can, e.g. "
        "“I like maths. Reading is hard when it is noisy.”"
    ),
    "home_help": _l("In the parents' words, e.g. “Sam reads best after tea, with his dad.”"),
    "extra_target_reason": _l(
        "Only with more than four targets: why, e.g. “Two targets are for his new hearing aid.”"
    ),
    "area": _l("The area of need this target is about."),
    "pupil_words": _l(
        "Exactly what the pupil said, not tidied up, e.g. “I want to read the words on my "
        "football cards.”"
    ),
    "smart_text": _l(
        "What the pupil will do, how well and by when, e.g. “By 14 March, Sam will read 40 of "
        "the 45 Year 1 common exception words correctly on two checks in a row.”"
    ),
    "child_text": _l("Short words the pupil can read, e.g. “I can read 40 tricky words.”"),
    "baseline": _l("What the pupil can do now, e.g. “Reads 12 of the 45 words (6 January).”"),
    "success_criteria": _l(
        "How you will know, e.g. “40 of 45 words read correctly on two checks a week apart.”"
    ),
    "strategies": _l(
        "How it is taught, e.g. “5 new words a day on flash cards; the words go home on a "
        "key ring.” Parents read this."
    ),
    "provider": _l("A name and role, e.g. Mrs Evans (teaching assistant)."),
    "group_size": _l("1 for one-to-one, e.g. 4 for a small group."),
    "sessions_per_week": _l("e.g. 3"),
    "minutes_per_session": _l("e.g. 15"),
    "weeks": _l("Usually until the review, e.g. 10."),
    "cost_per_session_pence": _l(
        "Staff time for one session, e.g. 6.50. PupilVoice works out the cost for each pupil."
    ),
    "location": _l("e.g. The quiet room, or In class."),
    "target_on": _l("When it should be achieved, e.g. the review date."),
    "home_text": _l(
        "Plain words for parents, e.g. “Read the 5 key-ring words with Sam at bedtime.”"
    ),
}
