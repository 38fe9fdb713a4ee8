"""Read a term's provision map in a fixed number of queries (the catalogue, and one row
per target on a provision), whatever the number of pupils or provisions."""

from __future__ import annotations

from sqlalchemy import or_, select

from ..domain.provision_costs import hours_and_minutes, money
from ..domain.provision_map import Offer, Place, ProvisionMap, build
from ..domain.roster_write import BOM, safe_cell
from ..domain.terms import Term
from ..extensions import db
from ..i18n import gettext as _
from ..models import ClassGroup, GroupTarget, Plan, Provision, Pupil, Target


def offers(school_id: int) -> list[Offer]:
    query = (
        select(
            Provision.id,
            Provision.name,
            Provision.group_size,
            Provision.sessions_per_week,
            Provision.minutes_per_session,
            Provision.weeks,
            Provision.cost_kind,
            Provision.cost_pence,
        )
        .where(Provision.school_id == school_id)
        .order_by(Provision.name, Provision.id)
    )
    return [Offer(*row) for row in db.session.execute(query)]


def places(school_id: int, term: Term) -> list[Place]:
    """Every target on a catalogue provision in a plan that runs in the term, with the
    group plan it comes from (a group's members share its cost)."""
    query = (
        select(
            Target.provision_id,
            Pupil.id,
            Pupil.first_name,
            Pupil.surname_initial,
            Pupil.class_id,
            ClassGroup.name,
            Target.outcome,
            GroupTarget.group_id,
        )
        .join(Plan, Target.plan_id == Plan.id)
        .join(Pupil, Plan.pupil_id == Pupil.id)
        .outerjoin(ClassGroup, Pupil.class_id == ClassGroup.id)
        .outerjoin(GroupTarget, Target.group_target_id == GroupTarget.id)
        .where(
            Target.school_id == school_id,
            Target.provision_id.is_not(None),
            Target.archived_at.is_(None),
            or_(Plan.starts_on.is_(None), Plan.starts_on <= term.ends_on),
            or_(Plan.review_on.is_(None), Plan.review_on >= term.starts_on),
        )
    )
    return [
        Place(pid, pupil, f"{first} {initial}.", class_id, class_name or "", outcome, group)
        for pid, pupil, first, initial, class_id, class_name, outcome, group in db.session.execute(
            query
        )
    ]


def provision_map(school_id: int, term: Term, class_id: int | None = None) -> ProvisionMap:
    return build(term, offers(school_id), places(school_id, term), class_id)


def hours(minutes: int) -> str:
    """Minutes as "12:30" (hours and minutes): exact, so the rows add up to the total."""
    whole, left = hours_and_minutes(minutes)
    return f"{whole}:{left:02d}"


def to_csv(found: ProvisionMap) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [_("Pupil"), _("Class"), _("Provision"), _("Minutes"), _("Hours"), _("Cost (£)")]
    )
    for row in found.rows:
        writer.writerow(
            [
                safe_cell(row.pupil_name),
                safe_cell(row.class_name),
                safe_cell(row.provision_name),
                row.minutes,
                hours(row.minutes),
                money(row.pence),
            ]
        )
    return BOM + out.getvalue()
