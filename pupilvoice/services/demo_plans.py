"""The demo school's plans and target bank: a draft, plans waiting for parents, an agreed
plan with its review coming up and one overdue, written through the same services."""

from __future__ import annotations

from datetime import date, timedelta

from ..domain.translations import BANK_FIELDS
from ..extensions import db
from ..models import Pupil, School, TargetBankEntry, User
from . import (
    bank_translations,
    demo_provisions,
    demo_translations,
    plan_translations,
    plans,
    signoff,
    target_bank,
)

TEACHER_OF = {"Oak": "jones@riverside.example", "Willow": "patel@riverside.example"}

# pupil, status, days since the start, days until the review, targets:
# (area, the pupil's words, wording, baseline, provision); wording: (SMART, child-friendly,
# strategies), or FROM_BANK: started from the bank's target for the area, which brings its
# Welsh, Polish and Urdu along (as a teacher's "Start from this" does)
# provision: (who, group size, sessions a week, minutes, weeks, pence a session, where)
FROM_BANK = None
EVANS = "Mrs Evans (teaching assistant)"
TA = "evans@riverside.example"
PLANS = [
    (
        "Sam",
        "draft",
        3,
        80,
        [
            (
                "reading",
                "I want to read my football cards",
                (
                    "By 14 March, Sam will read 40 of the 45 Year 1 common exception words "
                    "correctly on two checks in a row.",
                    "I can read 40 tricky words.",
                    "5 new words a day on flash cards; the words go home on a key ring.",
                ),
                "Reads 12 of the 45 words (check on 6 January).",
                (EVANS, 3, 3, 15, 10, 650, "The library corner"),
            ),
            (
                "writing",
                "I want my writing to be neat like Noah's",
                (
                    "Sam will improve his handwriting with regular practice.",
                    "I can write neatly.",
                    "Access to a writing slope and pencil grips as appropriate.",
                ),
                "",
                (EVANS, 1, 2, 10, 10, 650, "In class"),
            ),
        ],
    ),
    (
        "Zofia",
        "shared",
        10,
        70,
        [
            (
                "talking",
                "I want to tell my news at carpet time",
                FROM_BANK,
                "Tells news with 1 part when an adult asks questions.",
                (EVANS, 4, 2, 20, 10, 650, "The quiet room"),
            ),
        ],
    ),
    (
        "Ayaan",
        "agreed",
        60,
        14,
        [
            (
                "maths",
                "I can count to 10. I want to count to 20",
                FROM_BANK,
                "Counts on to 10 with a number line.",
                ("Ms Patel (class teacher)", 6, 5, 10, 12, 900, "In class"),
            ),
            (
                "friends",
                "I want someone to play football with me",
                FROM_BANK,
                "Plays alone at most playtimes.",
                (EVANS, 3, 1, 20, 12, 650, "The playground"),
            ),
        ],
    ),
    (
        "Oscar",
        "agreed",
        100,
        -5,
        [
            (
                "feelings",
                "When it is loud I want to go somewhere quiet",
                FROM_BANK,
                "Covers his ears and shouts when the class is loud.",
                ("Ms Patel (class teacher)", 1, 5, 5, 12, 0, "In class"),
            ),
        ],
    ),
]

# Evidence through the term on an agreed plan's first target, by Mrs Evans (a TA):
# pupil -> (days ago, measured, out of, what she saw)
EVIDENCE = {
    "Ayaan": [
        (50, 1, 5, "Counted on to 20 without the number line in 1 lesson this week."),
        (30, 3, 5, "Counted on from 7 to 20 on his own in 3 lessons."),
        (10, None, None, "Led the counting song to 20 for the class."),
    ],
    "Oscar": [
        (80, 1, 5, "Showed the red card once; shouted on the other loud days."),
        (45, 3, 5, "Went to the calm corner on his own on 3 loud days."),
        (12, 4, 5, "Red card and calm corner on 4 of 5 loud days."),
    ],
}


def load(school: School, users: dict[str, User], pupils: dict[str, Pupil]) -> None:
    """Add the demo plans and target bank (flushes only)."""
    senco = users["senco@riverside.example"]
    bank = _bank(senco)
    offered = demo_provisions.load(senco)
    today = date.today()
    for name, status, started, review_in, targets in PLANS:
        pupil = pupils[name]
        author = users[TEACHER_OF.get(pupil.class_group.name, senco.email)]
        review = today + timedelta(days=review_in)
        plan = plans.create(
            author,
            pupil,
            {
                "term_label": "Spring 2027",
                "starts_on": today - timedelta(days=started),
                "review_on": review,
                "involved": f"{name}, {author.name}, Mrs Khan (SENCO), parents",
                "pupil_views": "",
            },
        )
        for target in targets:
            entry = bank[target[0]] if target[2] is FROM_BANK else None
            values = _target_values(target, review, entry, pupil)
            values |= demo_provisions.pointer(offered, target[-1])
            plans.add_target(author, plan, values, bank_entry=entry)
        if status != "draft":
            _translate_own_words(author, plan)
            plans.share(author, plan)
            _send_to_parents(author, plan, agreed=status == "agreed")
        plan.status = status
        for days, measured, out_of, note in EVIDENCE.get(name, []):
            values = {"note": note, "measured": measured, "out_of": out_of}
            values["observed_on"] = today - timedelta(days=days)
            plans.add_evidence(users[TA], plan.active_targets[0], values)
    db.session.flush()


def _bank(senco: User) -> dict[str, TargetBankEntry]:
    """The bank, one target an area, in English and, entered once, Welsh, Polish, Urdu."""
    found = {}
    for area, languages in demo_translations.BANK.items():
        smart, child, strategies, home = languages["en"]
        values = {"smart_template": smart, "child_template": child, "strategies": strategies}
        entry = target_bank.create(senco, values | {"area": area, "home_template": home})
        for language, words in languages.items():
            if language != "en":
                bank_translations.save(
                    senco, entry, language, dict(zip(BANK_FIELDS, words, strict=True))
                )
        found[area] = entry
    return found


def _translate_own_words(author: User, plan) -> None:
    """The plan's own words (where the pupil is now, how we will know) in every family
    language, beside what its targets brought from the bank."""
    for language in ("cy", "pl", "ur"):
        parts = plan_translations.parts(plan, language)
        texts = {part.key: part.translation.text for part in parts if part.translation}
        for part in parts:
            words = demo_translations.PLAN_WORDS.get(part.original, {}).get(language)
            if words and part.translation is None:
                texts[part.key] = words
        plan_translations.save(author, plan, language, texts)


def _target_values(target: tuple, review: date, entry: TargetBankEntry | None, pupil) -> dict:
    area, words, wording, baseline, provision = target
    who, group, weekly, minutes, weeks, pence, where = provision
    if entry is not None:
        start = target_bank.start_values(entry, pupil)
    else:
        smart, child, strategies = wording
        start = {"smart_text": smart, "child_text": child, "strategies": strategies}
    return start | {
        "area": area,
        "pupil_words": words,
        "baseline": baseline,
        "success_criteria": "Seen on two checks a week apart." if baseline else "",
        "provider": who,
        "group_size": group,
        "sessions_per_week": weekly,
        "minutes_per_session": minutes,
        "weeks": weeks,
        "cost_per_session_pence": pence,
        "location": where,
        "target_on": review,
    }


def _send_to_parents(author: User, plan, agreed: bool) -> None:
    """The plan went to each parent as they prefer; an agreed plan was confirmed at a
    meeting, written down by the teacher (as a school would record it)."""
    for link in plan.pupil.parent_links:
        signoff.record_sent(plan, link.parent, link.contact_method, author)
        if agreed:
            answers = {target.id: ("agree", "") for target in plan.active_targets}
            signoff.save_answers(
                link.parent,
                plan,
                signoff.Submission(answers, {}),
                seen_version=plan.version,
                method="meeting",
                recorded_by=author,
            )
