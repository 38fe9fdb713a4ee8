"""The large demo's pupils' voices and plans, in the demo's proportions (per 25 pupils:
4 card sorts, 4 "I can" ideas with ratings, a worry, 4 plans), written in bulk."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import insert, select

from ..domain.plans import AREAS
from ..domain.versions import plain, text_hash
from ..extensions import db
from ..models import (
    Evidence,
    Plan,
    PlanDelivery,
    PlanVersion,
    Proposal,
    SelfRating,
    Sort,
    SortChoice,
    Target,
    TopicCard,
    Worry,
)
from ..models.base import utcnow
from .plans import PLAN_FIELDS, TARGET_FIELDS

if TYPE_CHECKING:
    from .demo_large import Grown

SHARE = 4 / 25  # sorts, ideas and plans for 4 pupils of the demo's 25
WORDS = ["It is too loud", "I like it", "Better with help", "I can do it now", None, None]
STARTERS = ["i_can", "better", "helps"]
TERMS = [("Autumn 2026", 120, 40), ("Spring 2027", 30, -60)]  # label, started, review in
TARGET = (
    "By the end of term, {name} will {goal} on three days in a row.",
    "I can {goal}.",
    "Short daily practice with an adult; a picture prompt on the desk.",
)
GOALS = ["read 20 tricky words", "count on to 20", "join a game at playtime", "ask for help"]


def load(grown: Grown, rng: random.Random) -> None:
    """Voices and plans for one school's new pupils (the demo's own are left as they are)."""
    from .demo_large import _ids

    now = utcnow()
    chosen = [p for p, _, stage in grown.pupils if stage != "none"]
    rng.shuffle(chosen)
    count = round(len(grown.pupils) * SHARE)
    _sorts(grown, chosen[:count], rng, now, _ids)
    _ideas(grown, chosen[:count], rng, now, _ids)
    _plans(grown, chosen[:count], rng, now, _ids)


def _sorts(grown, pupils, rng, now, ids) -> None:
    cards = list(db.session.scalars(select(TopicCard.id).filter_by(school_id=grown.school_id)))
    when = [now - timedelta(days=rng.randrange(1, 200)) for _ in pupils]
    sort_ids = ids(
        Sort,
        [
            {"school_id": grown.school_id, "pupil_id": p, "started_at": w, "finished_at": w}
            for p, w in zip(pupils, when, strict=True)
        ],
    )
    choices = []
    for sort_id, at in zip(sort_ids, when, strict=True):
        for card in rng.sample(cards, 5):
            choices.append(
                {
                    "school_id": grown.school_id,
                    "sort_id": sort_id,
                    "card_id": card,
                    "place": rng.choice(["like", "unsure", "dislike"]),
                    "words": rng.choice(WORDS),
                    "chosen_at": at,
                }
            )
    if choices:
        db.session.execute(insert(SortChoice), choices)
    worries = [
        {
            "school_id": grown.school_id,
            "pupil_id": p,
            "source": "pupil",
            "kind": "unkind",
            "words": "Someone said something unkind",
            "reasons": [],
            "raised_at": now - timedelta(days=rng.randrange(1, 60)),
            "closed_at": None if i % 3 == 0 else now,
        }
        for i, p in enumerate(pupils[::4])
    ]
    if worries:
        db.session.execute(insert(Worry), worries)


def _ideas(grown, pupils, rng, now, ids) -> None:
    rows = [
        {
            "school_id": grown.school_id,
            "pupil_id": p,
            "area": rng.choice(AREAS),
            "starter": rng.choice(STARTERS),
            "words": rng.choice(GOALS),
            "created_at": now - timedelta(days=40),
        }
        for p in pupils
    ]
    proposal_ids = ids(Proposal, rows)
    ratings = [
        {
            "school_id": grown.school_id,
            "pupil_id": row["pupil_id"],
            "proposal_id": proposal_id,
            "level": level,
            "created_at": now - timedelta(days=days),
        }
        for proposal_id, row in zip(proposal_ids, rows, strict=True)
        for days, level in ((30, 1), (10, 2))
    ]
    if ratings:
        db.session.execute(insert(SelfRating), ratings)


def _plans(grown, pupils, rng, now, ids) -> None:
    """A plan for each chosen pupil: a quarter drafts, a quarter with parents, half agreed
    (some past their review date); one or two targets, a first version, evidence."""
    today = date.today()
    rows = []
    for i, pupil in enumerate(pupils):
        label, started, review = TERMS[i % 2]
        rows.append(
            {
                "school_id": grown.school_id,
                "pupil_id": pupil,
                "term_label": label,
                "starts_on": today - timedelta(days=started),
                "review_on": today + timedelta(days=review + rng.randrange(0, 60)),
                "status": ("draft", "shared", "agreed", "agreed")[i % 4],
                "version": 1,
                "involved": "Class teacher, SENCO, parent",
                "pupil_views": "",
                "home_help": "",
                "extra_target_reason": "",
                "created_by_id": grown.senco_id,
                "updated_by_id": grown.senco_id,
                "created_at": now - timedelta(days=started),
            }
        )
    plan_ids = ids(Plan, rows)
    targets = []
    for plan_id in plan_ids:
        for position in range(rng.choice((1, 2))):
            goal = rng.choice(GOALS)
            smart, child, strategies = (t.format(name="They", goal=goal) for t in TARGET)
            targets.append(
                {
                    "school_id": grown.school_id,
                    "plan_id": plan_id,
                    "area": rng.choice(AREAS),
                    "pupil_words": f"I want to {goal}",
                    "smart_text": smart,
                    "child_text": child,
                    "strategies": strategies,
                    "provider": "Teaching assistant",
                    "group_size": 3,
                    "sessions_per_week": 3,
                    "minutes_per_session": 15,
                    "weeks": 10,
                    "cost_per_session_pence": 650,
                    "location": "In class",
                    "baseline": "",
                    "success_criteria": "",
                    "home_text": "",
                    "target_on": None,
                    "position": position,
                }
            )
    target_ids = ids(Target, targets)
    _versions(grown, plan_ids, rows, target_ids, targets, now)
    _deliveries(grown, plan_ids, rows, now)
    evidence = [
        {
            "school_id": grown.school_id,
            "target_id": target_id,
            "note": "Managed it with one prompt.",
            "observed_on": today - timedelta(days=days),
            "recorded_by_id": grown.staff_ids[-1],
            "recorded_at": now - timedelta(days=days),
        }
        for target_id, target in zip(target_ids, targets, strict=True)
        if target["position"] == 0
        for days in (20, 10, 3)
    ]
    if evidence:
        db.session.execute(insert(Evidence), evidence)


def _versions(grown, plan_ids, rows, target_ids, targets, now) -> None:
    """Version 1 of each plan, its snapshot as the plans service keeps it."""
    by_plan: dict[int, dict] = {}
    for target_id, target in zip(target_ids, targets, strict=True):
        snap = {name: plain(target[name]) for name in TARGET_FIELDS}
        snap["archived"] = False
        by_plan.setdefault(target["plan_id"], {})[str(target_id)] = snap
    versions = []
    for plan_id, row in zip(plan_ids, rows, strict=True):
        content = {
            "plan": {name: plain(row[name]) for name in PLAN_FIELDS},
            "targets": by_plan.get(plan_id, {}),
            "translations": {},
        }
        versions.append(
            {
                "school_id": grown.school_id,
                "plan_id": plan_id,
                "number": 1,
                "change": "created",
                "snapshot": content,
                "text_hash": text_hash(content),
                "saved_by_id": grown.senco_id,
                "saved_at": row["created_at"],
            }
        )
    if versions:
        db.session.execute(insert(PlanVersion), versions)


def _deliveries(grown, plan_ids, rows, now) -> None:
    """Plans past draft went to the pupil's parents; most have opened them."""
    deliveries = [
        {
            "school_id": grown.school_id,
            "plan_id": plan_id,
            "parent_id": parent_id,
            "method": "email",
            "sent_version": 1,
            "sent_at": now - timedelta(days=20),
            "sent_by_id": grown.senco_id,
            "opened_at": now - timedelta(days=18) if plan_id % 3 else None,
        }
        for plan_id, row in zip(plan_ids, rows, strict=True)
        if row["status"] != "draft"
        for parent_id in grown.parents_of.get(row["pupil_id"], [])
    ]
    if deliveries:
        db.session.execute(insert(PlanDelivery), deliveries)
