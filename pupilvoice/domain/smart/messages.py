"""The SMART checker's messages, by template key: the web layer translates them."""

from __future__ import annotations

from ..problems import N_

TEMPLATES: dict[str, str] = {
    "vague-verb": N_(
        '"%(phrase)s" is vague: say what the pupil will do that you can see or count, '
        'e.g. "read 40 of 45 words".'
    ),
    "vague-provision": N_(
        '"%(phrase)s" is vague: say who gives the support, how often and for how long, '
        'e.g. "with a teaching assistant, 15 minutes, 3 times a week".'
    ),
    "no-measure": N_(
        "There is nothing to count or see: add how many, how often or how well, "
        'e.g. "8 out of 10", "in 4 of 5 lessons" or "without adult help".'
    ),
    "no-date": N_('There is no time frame: add when, e.g. "by 14 March" or "by Easter".'),
    "date-past": N_('"%(phrase)s" has already passed: choose a later date, with the year.'),
    "target-date-past": N_("The target date, %(date)s, has already passed: choose a later date."),
    "several-skills": N_(
        '"%(phrase)s" joins more than one skill: make one target for each, so the review '
        "can say which was achieved."
    ),
    "too-many-targets": N_(
        "The plan has %(count)s targets: keep to four, or write why this pupil needs more."
    ),
    "no-baseline": N_(
        'Add a baseline for "%(phrase)s": where the pupil is now, e.g. "reads 12 of 45 words".'
    ),
    "no-success-criteria": N_(
        'Add success criteria for "%(phrase)s": how you will know it is achieved.'
    ),
    "carried-forward-again": N_(
        '"%(phrase)s" has been carried forward unchanged twice: change the target or the '
        "way it is taught, or break it into smaller steps."
    ),
    "no-review-date": N_("Add a review date for the plan."),
    "review-date-past": N_(
        "The review date, %(date)s, has passed: hold the review or set a new date."
    ),
}
