"""Plans for the web tests: made through the services, as a teacher would make them."""

from __future__ import annotations

from datetime import date, timedelta

from pupilvoice.extensions import db
from pupilvoice.services import plans

GOOD_TARGET = (
    "By 14 March, Sam will read 40 of the 45 Year 1 common exception words correctly on "
    "two checks in a row"
)


def soon(days: int = 60) -> date:
    return date.today() + timedelta(days=days)


def target_values(**changes) -> dict:
    values = {
        "area": "reading",
        "pupil_words": "I want to read my football cards",
        "smart_text": GOOD_TARGET,
        "child_text": "I can read 40 tricky words.",
        "baseline": "Reads 12 of the 45 words.",
        "success_criteria": "40 of 45 words on two checks a week apart.",
        "strategies": "5 new words a day on flash cards.",
        "provider": "Mrs Evans (teaching assistant)",
        "group_size": 4,
        "sessions_per_week": 3,
        "minutes_per_session": 20,
        "weeks": 10,
        "cost_per_session_pence": 1000,
        "location": "The library",
        "target_on": soon(),
        "home_text": "Read the key-ring words at bedtime.",
    }
    return values | changes


def make_plan(world, targets: int = 1, status: str = "draft", **values):
    """A plan for world.pupil, written by world.teacher, with ``targets`` good targets."""
    plan = plans.create(
        world.teacher,
        world.pupil,
        {"term_label": "Spring 2027", "starts_on": date.today(), "review_on": soon(70)} | values,
    )
    for n in range(targets):
        plans.add_target(world.teacher, plan, target_values(baseline=f"Reads {n} words."))
    plan.status = status
    db.session.commit()
    return plan


def form_data(values: dict) -> dict[str, str]:
    """Values as a browser posts them (money in pounds, dates as ISO, None as empty)."""
    data = {}
    for name, value in values.items():
        if name == "cost_per_session_pence" and isinstance(value, int):
            value = f"{value / 100:.2f}" if value is not None else ""
        data[name] = "" if value is None else str(value)
    return data


def plan_data(plan, **changes) -> dict[str, str]:
    fields = {name: getattr(plan, name) for name in plans.PLAN_FIELDS}
    return form_data(fields | {"version": plan.version} | changes)


def target_data(target, **changes) -> dict[str, str]:
    fields = {name: getattr(target, name) for name in plans.TARGET_FIELDS}
    return form_data(fields | {"version": target.plan.version} | changes)
